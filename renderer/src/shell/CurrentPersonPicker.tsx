import { Group, Select, Stack, Text } from '@mantine/core';
import { IconKey, IconUserCircle } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../electron/contract/entities';
import { KeyStatus } from '../features/keys/KeyStatus';
import { useKeysStore } from '../features/keys/keys-store';
import { useWorkspaceStore } from '../features/workspace/workspace-store';
import { notifyFailed } from '../shared/notify';

/**
 * Who is at this device: the core records them as the author of every change made here, and signs their sign-offs,
 * ticks, decisions and step executions with this device's key, which counts only where it is enrolled for them.
 */
export function CurrentPersonPicker() {
  const people = useWorkspaceStore((s) => s.people);
  const currentPersonId = useWorkspaceStore((s) => s.info?.currentPersonId ?? null);
  const setCurrentPerson = useWorkspaceStore((s) => s.setCurrentPerson);
  const overview = useKeysStore((s) => s.overview);
  const signsHere = new Set(overview?.thisDevice.signsFor.map((p) => p.personId) ?? []);
  const byId = new Map(people.map((p) => [p.id, p]));

  const choose = async (personId: string | null) => {
    const result = await setCurrentPerson(personId);
    if (!result.ok) notifyFailed('Could not change who you are', result.error.message);
  };

  return (
    <Group gap={6} wrap="nowrap">
      {/* The field keeps its name when a narrow window (or 200 % zoom) hides the visible label. */}
      <Text size="sm" c="dimmed" component="label" htmlFor="current-person" visibleFrom="md">
        You are:
      </Text>
      <Select
        id="current-person"
        aria-label="You are"
        w={220}
        size="xs"
        leftSection={<IconUserCircle size={16} />}
        placeholder={people.length ? 'Choose yourself' : 'Add people in Settings'}
        data={people.map((p) => ({ value: p.id, label: p.name }))}
        renderOption={({ option }) => {
          const person = byId.get(option.value);
          const roles = person?.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'No role';
          return (
            <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {roles}
                </Text>
              </Stack>
              {signsHere.has(option.value) && <IconKey size={14} color="var(--mantine-color-teal-6)" aria-label="signs on this device" style={{ flexShrink: 0 }} />}
            </Group>
          );
        }}
        comboboxProps={{ width: 320, position: 'bottom-end' }}
        value={currentPersonId}
        onChange={choose}
        clearable
        searchable
        disabled={people.length === 0}
        nothingFoundMessage="Nobody by that name"
      />
      <KeyStatus />
    </Group>
  );
}
