import { Alert, Button, Group, Modal, MultiSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DateTimeField } from '../../shared/DateTimeField';
import { parseTypedDate, viewerTimeZone, wallClockToInstant } from '../../shared/dates';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useMeetingsStore } from './meetings-store';

const DAY_FORMAT = 'ddd D MMM YYYY';

/**
 * Plan a coordination meeting: when it is held (in the coordinator's zone, this screen's), and the days whose
 * releases make its agenda. Dates can be typed or picked.
 */
export function NewMeetingModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const people = useWorkspaceStore((s) => s.people);
  const create = useMeetingsStore((s) => s.create);
  const [title, setTitle] = useState('Release coordination');
  const [heldAt, setHeldAt] = useState<string | null>(dayjs().add(1, 'day').format('YYYY-MM-DD [10:00:00]'));
  const [from, setFrom] = useState<string | null>(dayjs().format('YYYY-MM-DD'));
  const [to, setTo] = useState<string | null>(dayjs().add(13, 'day').format('YYYY-MM-DD'));
  const [attendees, setAttendees] = useState<string[]>([]);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const submit = async () => {
    if (!heldAt) return setError({ message: 'Say when the meeting is held: a date and a time.', field: 'heldAt' });
    if (!from || !to) return setError({ message: 'Pick the first and last day of the range.', field: 'to' });
    const zone = viewerTimeZone();
    const result = await create({
      title,
      heldAt: wallClockToInstant(heldAt, zone),
      from: wallClockToInstant(`${from} 00:00:00`, zone),
      to: wallClockToInstant(`${dayjs(to).add(1, 'day').format('YYYY-MM-DD')} 00:00:00`, zone),
      timeZone: zone,
      attendeeIds: attendees,
    });
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    setError(null);
    onClose();
  };
  const errorOf = (...fields: string[]) => (error && fields.includes(error.field ?? '') ? error.message : undefined);

  return (
    <Modal opened={opened} onClose={onClose} title="New coordination meeting" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorOf('title')} data-autofocus />
          <DateTimeField label="Held at" description={`Your time (${viewerTimeZone()})`} required value={heldAt} onChange={setHeldAt} error={errorOf('heldAt')} />
          <SimpleGrid cols={2} spacing="sm">
            <DateInput
              label="Releases from"
              description="First day on the agenda"
              withAsterisk
              value={from}
              onChange={setFrom}
              valueFormat={DAY_FORMAT}
              dateParser={(typed) => parseTypedDate(typed)}
              error={errorOf('from')}
            />
            <DateInput
              label="Releases to"
              description="Last day on the agenda"
              withAsterisk
              value={to}
              onChange={setTo}
              defaultDate={from ?? undefined}
              minDate={from ?? undefined}
              valueFormat={DAY_FORMAT}
              dateParser={(typed) => parseTypedDate(typed)}
              error={errorOf('to', 'range')}
            />
          </SimpleGrid>
          <MultiSelect label="Attendees" data={people.map((p) => ({ value: p.id, label: p.name }))} value={attendees} onChange={setAttendees} searchable clearable />
          {error && !['title', 'heldAt', 'from', 'to', 'range'].includes(error.field ?? '') && <Alert color="red">{error.message}</Alert>}
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
