import { Button, Card, Divider, Group, MultiSelect, SimpleGrid, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconFileTypePdf, IconMarkdown, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { MEETING_DECISION_LABELS, type AgendaItem, type MeetingDecisionKind, type MeetingView } from '../../../../electron/contract/meetings-entities';
import { formatInstant, formatWindow, viewerTimeZone } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { ActionDialog, type ActionDialogSpec } from '../readiness/ActionDialog';
import { downloadFile } from '../readiness/download-file';
import { useSigning } from '../keys/use-signing';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { ActionItems } from './ActionItems';
import { AgendaTable } from './AgendaTable';
import { EnvironmentsPrepared } from './EnvironmentsPrepared';
import { useMeetingsStore } from './meetings-store';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={<Text fw={600} size="sm">{title}</Text>} labelPosition="left" />
      {children}
    </Stack>
  );
}

/** Free text the meeting keeps (general notes, decisions not about one release): saved when the field is left. */
function MeetingText({ label, placeholder, value, onSave }: { label: string; placeholder: string; value: string; onSave(text: string): Promise<unknown> }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Textarea
      label={label}
      placeholder={placeholder}
      autosize
      minRows={3}
      maxRows={12}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => text.trim() !== value && void onSave(text.trim())}
    />
  );
}

export function MeetingDetail({ view }: { view: MeetingView }) {
  const people = useWorkspaceStore((s) => s.people);
  // A decision is a signed record, in the "You are" person's name.
  const { whyNot } = useSigning();
  const { setAttendees, decide, exportMinutes, remove, restore, update } = useMeetingsStore();
  const [dialog, setDialog] = useState<ActionDialogSpec | null>(null);
  const [exporting, setExporting] = useState<'md' | 'pdf' | null>(null);
  const releaseNames = new Map(view.agenda.map((a) => [a.release.id, `${a.release.name} ${a.release.version}`]));

  const onDecide = (item: AgendaItem, decision: MeetingDecisionKind) => {
    const label = MEETING_DECISION_LABELS[decision];
    setDialog({
      title: `${label}: ${item.release.name} ${item.release.version}`,
      intro:
        decision === 'go'
          ? 'The meeting agrees the release goes as planned. Every decision is kept; the latest one counts.'
          : `Say why, and what happens next. Every decision is kept; the latest one counts.`,
      submitLabel: `Record ${label.toLowerCase()}`,
      submitColor: decision === 'go' ? 'teal' : decision === 'hold' ? 'red' : 'yellow',
      textLabel: 'Note',
      textRequired: decision !== 'go',
      onSubmit: ({ text }) => decide({ releaseId: item.release.id, decision, note: text }),
    });
  };

  const save = async (format: 'md' | 'pdf') => {
    setExporting(format);
    const result = await exportMinutes(format);
    setExporting(null);
    if (result.ok) downloadFile(result.value);
    else notifyFailed('Could not export the minutes', result.error.message);
  };

  const { meeting } = view;
  const heldAt = meeting.heldAt || meeting.from;
  const saveText = (field: 'notes' | 'decisions') => async (text: string) => {
    const r = await update({ [field]: text });
    if (!r.ok) notifyFailed(`Could not save the ${field}`, r.error.message);
  };
  const openActions = view.actions.filter((a) => !a.done).length + view.carriedOver.filter((a) => !a.done).length;
  return (
    <Stack gap="lg" data-testid="meeting-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3}>{meeting.title}</Title>
          <Tooltip label={`Held in ${meeting.timeZone}: ${formatInstant(heldAt, meeting.timeZone)}`} disabled={meeting.timeZone === viewerTimeZone()} withArrow>
            <Text size="sm" fw={500} data-testid="meeting-held-at">
              Held {formatInstant(heldAt)}
            </Text>
          </Tooltip>
          <Text size="sm" c="dimmed">
            Releases in {formatWindow(meeting.from, meeting.to)} · {view.agenda.length} on the agenda
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconMarkdown size={16} />} loading={exporting === 'md'} onClick={() => save('md')}>
            Minutes (Markdown)
          </Button>
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={exporting === 'pdf'} onClick={() => save('pdf')}>
            Minutes (PDF)
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={async () => {
              const r = await remove(meeting.id);
              if (!r.ok) return notifyFailed('Could not delete the meeting', r.error.message);
              notifyWithUndo('Meeting deleted', `${meeting.title} is gone from the list; its decisions stay in the history.`, async () => {
                const back = await restore(meeting.id);
                if (back.ok) notifySaved(`${meeting.title} is back.`);
                else notifyFailed('Could not bring the meeting back', back.error.message);
              });
            }}
          >
            Delete
          </Button>
        </Group>
      </Group>

      <MultiSelect
        label="Attendees"
        data={people.map((p) => ({ value: p.id, label: p.name }))}
        value={view.attendees.map((a) => a.personId)}
        onChange={async (ids) => {
          const r = await setAttendees(ids);
          if (!r.ok) notifyFailed('Could not change the attendees', r.error.message);
        }}
        searchable
        placeholder={view.attendees.length ? undefined : 'Who is in the meeting'}
      />

      <Section title={`Action items (${openActions} open)`}>
        <ActionItems view={view} />
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MeetingText
          label="Decisions"
          placeholder="Decisions not about one release: no production releases on 24 December…"
          value={meeting.decisions}
          onSave={saveText('decisions')}
        />
        <MeetingText label="Notes" placeholder="General notes of the meeting" value={meeting.notes} onSave={saveText('notes')} />
      </SimpleGrid>

      <Section title={`Agenda (${view.agenda.length})`}>
        {view.agenda.length === 0 ? (
          <Card withBorder p="md">
            <Text size="sm">No release has a window in this range. Plan releases on the Releases screen, or create a meeting for another range.</Text>
          </Card>
        ) : (
          <AgendaTable agenda={view.agenda} onDecide={onDecide} cannotDecide={whyNot} />
        )}
      </Section>

      <Section title="Environments prepared">
        <EnvironmentsPrepared environments={view.environments} releaseNames={releaseNames} />
      </Section>
      <ActionDialog spec={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
