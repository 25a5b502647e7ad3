import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ApiResult } from '../../../../electron/contract/api-result';
import { confirmDelete } from '../../shared/confirm-delete';

interface RowActionsProps {
  name: string;
  /** Told before deleting: what deleting this record does (and when the core refuses it). */
  deleteConsequence: string;
  onEdit(): void;
  onDelete(): Promise<ApiResult<unknown>>;
  /** Extra buttons before edit and delete (e.g. move up and down). */
  children?: ReactNode;
}

/** Edit and delete buttons for one settings row, labelled with the row's name for screen readers and tests. */
export function RowActions({ name, deleteConsequence, onEdit, onDelete, children }: RowActionsProps) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {children}
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Delete">
        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${name}`} onClick={() => confirmDelete(name, deleteConsequence, onDelete)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
