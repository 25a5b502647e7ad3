import { Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import type { ConflictSide, SyncConflict } from '../../../../electron/contract/sync-entities';
import { formatInstant } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { useSigning } from '../keys/use-signing';
import { useSyncStore } from './sync-store';

function Side({ side }: { side: ConflictSide }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
        {side.display}
      </Text>
      <Text size="xs" c="dimmed">
        {side.authorName} · {formatInstant(side.at)}
      </Text>
    </Stack>
  );
}

/** Both values of each concurrent edit, who and when. Either answer syncs, so every device's list agrees. */
export function ConflictsTable({ conflicts }: { conflicts: SyncConflict[] }) {
  const resolve = useSyncStore((s) => s.resolve);
  // Either answer is a signed record, in the "You are" person's name.
  const { whyNot } = useSigning();
  const act = async (conflict: SyncConflict, keep: 'other' | 'current') => {
    const result = await resolve(conflict.id, keep);
    if (!result.ok) return notifyFailed('Could not resolve the conflict', result.error.message);
    notifySaved(keep === 'other' ? `Restored "${conflict.other.display}" to ${conflict.fieldLabel} of ${conflict.recordLabel}.` : `Kept "${conflict.current.display}" in ${conflict.fieldLabel} of ${conflict.recordLabel}; other devices close this conflict when they sync.`);
  };
  if (conflicts.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="lg" ta="center" data-testid="no-conflicts">
        No conflicts. When two people change the same field without seeing each other's change, both values show here.
      </Text>
    );
  }
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="conflicts-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Record</Table.Th>
          <Table.Th>Field</Table.Th>
          <Table.Th>In effect</Table.Th>
          <Table.Th>Other value</Table.Th>
          <Table.Th w={250} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {conflicts.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {c.recordLabel}
              </Text>
              <Text size="xs" c="dimmed">
                {c.entityLabel}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{c.fieldLabel}</Text>
            </Table.Td>
            <Table.Td>
              <Side side={c.current} />
            </Table.Td>
            <Table.Td>
              <Side side={c.other} />
            </Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Tooltip label={whyNot ?? 'Make the other value current again, on every device'} multiline maw={360}>
                  <span style={{ display: 'inline-flex' }}>
                    <Button size="compact-sm" variant="light" leftSection={<IconArrowBackUp size={14} />} disabled={whyNot !== null} onClick={() => void act(c, 'other')}>
                      Restore other
                    </Button>
                  </span>
                </Tooltip>
                <Tooltip label={whyNot} disabled={!whyNot} multiline maw={360}>
                  <span style={{ display: 'inline-flex' }}>
                    <Button size="compact-sm" variant="default" leftSection={<IconCheck size={14} />} disabled={whyNot !== null} onClick={() => void act(c, 'current')}>
                      Keep current
                    </Button>
                  </span>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
