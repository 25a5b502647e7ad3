import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ActionItemView, CarriedActionItem, MeetingView } from '../../../../electron/contract/meetings-entities';
import { formatInstant, parseTypedDate } from '../../shared/dates';
import { notifyFailed } from '../../shared/notify';
import { useSigning } from '../keys/use-signing';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useMeetingsStore } from './meetings-store';

type Row = ActionItemView & Partial<Pick<CarriedActionItem, 'meetingTitle' | 'meetingHeldAt'>>;

/**
 * Action items with an owner and a due date, tracked until done; done records who closed it and when. The open ones
 * of earlier meetings come first, carried over, until someone closes them.
 */
export function ActionItems({ view }: { view: MeetingView }) {
  const rows: Row[] = [...view.carriedOver, ...view.actions];
  const people = useWorkspaceStore((s) => s.people);
  const { addAction, completeAction } = useMeetingsStore();
  // Closing an action item is a signed record, in the "You are" person's name.
  const { whyNot } = useSigning();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(dayjs().add(3, 'day').format('YYYY-MM-DD'));
  const [releaseId, setReleaseId] = useState<string | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const releaseName = (id: string | null) => view.agenda.find((a) => a.release.id === id);

  const add = async () => {
    if (!ownerId) return setError({ field: 'ownerId', message: 'Choose who owns it.' });
    const result = await addAction({ title, ownerId, dueDate: due ?? '', releaseId });
    if (!result.ok) return setError({ field: result.error.field, message: result.error.message });
    setError(null);
    setTitle('');
  };

  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No action items yet. Add one below: who does what, by when. Open ones carry over to the next meeting.
        </Text>
      )}
      {rows.length > 0 && (
        <Table data-testid="action-items" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>Done</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => {
              const release = releaseName(a.releaseId);
              return (
                <Table.Tr key={a.id} aria-label={a.title} data-carried={a.meetingTitle ? 'true' : undefined}>
                  <Table.Td>
                    <Tooltip label={whyNot} disabled={!whyNot} multiline maw={360} withArrow position="top-start">
                      {/* A disabled input gets no pointer events: the wrapper carries the tooltip's hover. */}
                      <div style={{ display: 'inline-block' }}>
                        <Checkbox
                          aria-label={`Done: ${a.title}`}
                          checked={a.done}
                          disabled={whyNot !== null}
                          onChange={async () => {
                            const r = await completeAction(a.id, !a.done);
                            if (!r.ok) notifyFailed('Could not update the action item', r.error.message);
                          }}
                        />
                      </div>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" td={a.done ? 'line-through' : undefined}>
                      {a.title}
                    </Text>
                    {release && (
                      <Text size="xs" c="dimmed">
                        {release.release.name} {release.release.version}
                      </Text>
                    )}
                    {a.meetingTitle && a.meetingHeldAt && (
                      <Text size="xs" c="dimmed" data-testid="carried-from">
                        Carried over from {a.meetingTitle}, {formatInstant(a.meetingHeldAt).slice(0, -7)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>{dayjs(a.dueDate).format('ddd D MMM')}</Table.Td>
                  <Table.Td>
                    {a.done ? (
                      <Text size="xs">Done by {a.doneBy?.name}</Text>
                    ) : a.overdue ? (
                      <Badge color="orange" variant="light" radius="sm" style={{ textTransform: 'none' }}>
                        Overdue
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Open
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label="New action item"
            placeholder="e.g. Renew the Kafka certificates on staging"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={error && (error.field === 'title' || !error.field) ? error.message : undefined}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Select label="Owner" data={people.map((p) => ({ value: p.id, label: p.name }))} value={ownerId} onChange={setOwnerId} searchable w={170} error={error?.field === 'ownerId' ? error.message : undefined} />
          <DateInput
            label="Due"
            value={due}
            onChange={setDue}
            valueFormat="D MMM YYYY"
            dateParser={(typed) => parseTypedDate(typed)}
            placeholder="5 Dec 2026"
            w={130}
            error={error?.field === 'dueDate' ? error.message : undefined}
          />
          <Select
            label="Release (optional)"
            data={view.agenda.map((a) => ({ value: a.release.id, label: `${a.release.name} ${a.release.version}` }))}
            value={releaseId}
            onChange={setReleaseId}
            clearable
            w={180}
          />
          <Button type="submit" mt={25} leftSection={<IconPlus size={14} />}>
            Add
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
