import { Group, Select, Text } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useWorkspaceStore } from '../features/workspace/workspace-store';
import { notifyFailed } from '../shared/notify';

/** Who is at this device: the core records them as the author of every change made here. */
export function CurrentPersonPicker() {
  const people = useWorkspaceStore((s) => s.people);
  const currentPersonId = useWorkspaceStore((s) => s.info?.currentPersonId ?? null);
  const setCurrentPerson = useWorkspaceStore((s) => s.setCurrentPerson);

  const choose = async (personId: string | null) => {
    const result = await setCurrentPerson(personId);
    if (!result.ok) notifyFailed('Could not change who you are', result.error.message);
  };

  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed" component="label" htmlFor="current-person">
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
        value={currentPersonId}
        onChange={choose}
        clearable
        searchable
        disabled={people.length === 0}
        nothingFoundMessage="Nobody by that name"
      />
    </Group>
  );
}
