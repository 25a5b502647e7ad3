import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useMeetingsStore } from './meetings-store';

/** Plan a coordination meeting: the releases whose windows fall in its range make its agenda. */
export function NewMeetingModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const people = useWorkspaceStore((s) => s.people);
  const create = useMeetingsStore((s) => s.create);
  const [title, setTitle] = useState('Release coordination');
  const [range, setRange] = useState<[string | null, string | null]>([dayjs().format('YYYY-MM-DD'), dayjs().add(13, 'day').format('YYYY-MM-DD')]);
  const [attendees, setAttendees] = useState<string[]>([]);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const submit = async () => {
    const [from, to] = range;
    if (!from || !to) return setError({ message: 'Pick the first and last day of the range.', field: 'range' });
    const result = await create({
      title,
      from: dayjs(from).startOf('day').toISOString(),
      to: dayjs(to).add(1, 'day').startOf('day').toISOString(),
      timeZone: dayjs.tz.guess(),
      attendeeIds: attendees,
    });
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    setError(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New coordination meeting" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={error?.field === 'title' ? error.message : undefined} data-autofocus />
          <DatePickerInput
            type="range"
            label="Releases between"
            description="Releases with a window in these days are on the agenda."
            withAsterisk
            value={range}
            onChange={setRange}
            allowSingleDateInRange
            valueFormat="D MMM YYYY"
            error={error?.field === 'range' || error?.field === 'to' ? error.message : undefined}
          />
          <MultiSelect label="Attendees" data={people.map((p) => ({ value: p.id, label: p.name }))} value={attendees} onChange={setAttendees} searchable clearable />
          {error && !['title', 'range', 'to'].includes(error.field ?? '') && <Alert color="red">{error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Create meeting</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
