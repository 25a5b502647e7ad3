import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { Environment } from '../../../../electron/contract/entities';
import { OptionalText } from '../../shared/OptionalText';
import { notifyFailed } from '../../shared/notify';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { EnvironmentEditor } from './EnvironmentEditor';
import { RowActions } from './RowActions';
import { EmptyRow, SettingsSection } from './SettingsSection';
import { useEditorTarget } from './use-editor-target';

const flagStyle = { textTransform: 'none' } as const;

export function EnvironmentsSection() {
  const { environments, deleteEnvironment, moveEnvironment } = useWorkspaceStore();
  const editor = useEditorTarget<Environment>();

  const move = async (env: Environment, direction: -1 | 1) => {
    const result = await moveEnvironment(env.id, direction);
    if (!result.ok) notifyFailed(`Could not move ${env.name}`, result.error.message);
  };

  return (
    <>
      <SettingsSection
        title="Environments"
        description="In order along the path to production (dev, test, UAT, staging, production). Releases book time on them."
        addLabel="Add environment"
        onAdd={editor.openCreate}
        empty={environments.length === 0 ? <EmptyRow>No environments yet. Add them in path-to-production order; you can reorder them later.</EmptyRow> : undefined}
      >
        <Table verticalSpacing="xs" highlightOnHover data-testid="environments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>#</Table.Th>
              <Table.Th w="22%">Name</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w="30%">Rules</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {environments.map((env, index) => (
              <Table.Tr key={env.id}>
                <Table.Td c="dimmed">{index + 1}</Table.Td>
                <Table.Td fw={500}>{env.name}</Table.Td>
                <Table.Td>
                  <OptionalText text={env.description} lineClamp={2} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {env.isProduction && <Badge size="sm" color="red" variant="light" radius="sm" style={flagStyle}>Production</Badge>}
                    {env.requiresMaintenanceWindow && <Badge size="sm" color="yellow" variant="light" radius="sm" style={flagStyle}>Maintenance window required</Badge>}
                    {!env.isProduction && !env.requiresMaintenanceWindow && <Text size="sm" c="dimmed">None</Text>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <RowActions
                    name={env.name}
                    deleteConsequence="An environment that releases still book cannot be deleted."
                    onEdit={() => editor.openEdit(env)}
                    onDelete={() => deleteEnvironment(env.id)}
                  >
                    <Tooltip label="Move up">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Move ${env.name} up`} disabled={index === 0} onClick={() => move(env, -1)}>
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Move down">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Move ${env.name} down`} disabled={index === environments.length - 1} onClick={() => move(env, 1)}>
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </RowActions>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SettingsSection>
      {editor.isOpen && <EnvironmentEditor environment={editor.editing} onClose={editor.close} />}
    </>
  );
}
