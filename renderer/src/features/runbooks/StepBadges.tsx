import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconChecklist, IconFlag, IconShieldCheck, IconSpeakerphone } from '@tabler/icons-react';
import type { ExecutionPhase, StepKind, StepStatus, StepView } from '../../../../electron/contract/runbook-entities';
import { formatDuration } from './duration';

/** Colour helps scanning; the word carries the meaning (colour-blind readers, print, a washed-out projector). */
export const STATUS_LOOK: Record<StepStatus, { label: string; color: string }> = {
  pending: { label: 'Not started', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Done', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  skipped: { label: 'Skipped', color: 'gray' },
  go: { label: 'Go', color: 'teal' },
  'no-go': { label: 'No-go', color: 'red' },
};

/** The execution's phase, in the war-room header and the runbook list. */
export const PHASE_LOOK: Record<ExecutionPhase, { label: string; color: string }> = {
  'not-started': { label: 'Not started', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  'step-failed': { label: 'Step failed', color: 'red' },
  'rolling-back': { label: 'Rolling back', color: 'red' },
  finished: { label: 'Finished', color: 'green' },
  'rolled-back': { label: 'Rolled back', color: 'red' },
  aborted: { label: 'Aborted', color: 'yellow' },
  failed: { label: 'Ended as failed', color: 'red' },
};

export function StepStatusBadge({ status, size = 'sm' }: { status: StepStatus; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant={status === 'pending' || status === 'skipped' ? 'outline' : 'light'} radius="sm" size={size} style={{ textTransform: 'none' }}>
      {look.label}
    </Badge>
  );
}

const KIND_LOOK: Record<StepKind, { label: string; icon: typeof IconFlag }> = {
  task: { label: 'Task', icon: IconChecklist },
  checkpoint: { label: 'Go/no-go', icon: IconFlag },
  'readiness-gate': { label: 'Readiness gate', icon: IconShieldCheck },
  communication: { label: 'Comms', icon: IconSpeakerphone },
  rollback: { label: 'Rollback', icon: IconArrowBackUp },
};

export function StepKindLabel({ kind }: { kind: StepKind }) {
  const { label, icon: Icon } = KIND_LOOK[kind];
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={14} stroke={1.6} aria-hidden />
      <Text size="sm" truncate>
        {label}
      </Text>
    </Group>
  );
}

/** On the critical path (any slip moves the planned end), or how much it may slip. */
export function SlackMarker({ step }: { step: Pick<StepView, 'critical' | 'slackMinutes' | 'rollback'> }) {
  if (step.rollback) return <Text size="xs" c="dimmed">—</Text>;
  if (step.critical) {
    return (
      <Tooltip label="On the critical path: any delay here moves the planned end">
        <Badge color="orange" variant="filled" radius="sm" size="sm" style={{ textTransform: 'none' }} data-testid="critical-marker">
          Critical
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title="Slack: how long this step can slip without moving the planned end">
      {formatDuration(step.slackMinutes)} slack
    </Text>
  );
}
