import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { StepView } from '../../../../electron/contract/runbook-entities';
import { CommandBlock } from './CommandBlock';
import { formatDuration } from './duration';
import { SafeMarkdown } from './SafeMarkdown';
import { actionsFor, type StepAction } from './execution-actions';
import { StepStatusBadge } from './StepBadges';
import { ownerOf } from './StepTable';
import type { TimeFormat } from './step-times';
import classes from './ExecutionView.module.css';

interface ExecutionStepRowProps {
  step: StepView;
  number: number;
  format: TimeFormat;
  /** "big": a card for what runs now and what is next; "row": one line of the full list. */
  size: 'big' | 'row';
  disabledReason: string | null;
  /** Not startable yet: "waits for 3, 5" instead of buttons the core would refuse. Null: the step's buttons show. */
  waitingFor: string | null;
  onAction(step: StepView, action: StepAction): void;
}

/** How late, in words and colour: on time is calm, a few minutes orange, more red. */
export function lateLook(minutes: number): { text: string; color: string } {
  // Days ahead only happens when a runbook is tried out before its weekend; a count of hours would be noise.
  if (minutes < -24 * 60) return { text: 'Ahead of plan', color: 'green' };
  if (minutes <= 0) return { text: minutes < 0 ? `${formatDuration(-minutes)} ahead` : 'On time', color: 'green' };
  return { text: `${formatDuration(minutes)} late`, color: minutes > 15 ? 'red' : 'orange' };
}

/** Who did what, when: "Started 22:04 by Priya Natarajan · Done 22:31 by Priya Natarajan". */
function recordLine(step: StepView, format: TimeFormat): string {
  const words = { start: 'Started', complete: 'Done', fail: 'Failed', skip: 'Skipped', go: 'Go', 'no-go': 'No-go' } as const;
  return step.records.map((r) => `${words[r.action]} ${format.clock(r.at)} by ${r.personName}${r.reason ? ` (${r.reason})` : ''}`).join(' · ');
}

export function ExecutionStepRow({ step, number, format, size, disabledReason, waitingFor, onAction }: ExecutionStepRowProps) {
  const late = lateLook(step.lateMinutes);
  // A rollback step's plan is nominal (it runs only when things went wrong), so lateness against it means nothing.
  const showLate = !step.rollback && (step.status !== 'pending' || step.lateMinutes > 0);
  const buttons = actionsFor(step).map((a) => (
    <Tooltip key={a.action} label={disabledReason} disabled={!disabledReason} withArrow>
      <Button
        size={size === 'big' ? 'md' : 'compact-sm'}
        color={a.color}
        variant={a.action === 'complete' || a.action === 'start' || a.action === 'go' ? 'filled' : 'light'}
        disabled={disabledReason !== null}
        onClick={() => onAction(step, a)}
      >
        {a.label}
      </Button>
    </Tooltip>
  ));
  const records = recordLine(step, format);
  const owner = ownerOf(step) || 'No owner';

  if (size === 'big') {
    return (
      <div className={classes.card} data-status={step.status} data-testid={`exec-card-${number}`}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text className={classes.cardTitle}>
              <Text span c="dimmed" inherit>
                {number}.{' '}
              </Text>
              {step.title}
            </Text>
            <Text size="lg">{owner}</Text>
            <Text size="md" c="dimmed" title={format.inReleaseZone(step.plannedStart)}>
              Planned {format.clock(step.plannedStart)} – {format.clock(step.plannedFinish)} ({formatDuration(step.durationMinutes)})
              {step.status === 'running' && step.actualStart ? ` · started ${format.clock(step.actualStart)}, expected done ${format.clock(step.projectedFinish)}` : ''}
            </Text>
            {records && <Text size="sm" data-testid="step-records">{records}</Text>}
            {step.description && <SafeMarkdown text={step.description} />}
            {step.command && <CommandBlock command={step.command} />}
          </Stack>
          <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
            <StepStatusBadge status={step.status} size="lg" />
            {showLate && (
              <Text fw={700} size="lg" c={late.color}>
                {late.text}
              </Text>
            )}
          </Stack>
        </Group>
        {buttons.length > 0 && (
          <Group gap="sm" mt="sm">
            {buttons}
          </Group>
        )}
      </div>
    );
  }

  return (
    <div className={classes.row} data-status={step.status} data-late={step.lateMinutes > 15 ? 'red' : step.lateMinutes > 0 ? 'orange' : undefined} role="row" aria-label={`${number} ${step.title}`}>
      <Text size="sm" c="dimmed" ta="right">
        {number}
      </Text>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="md" fw={500} truncate>
          {step.title}
        </Text>
        {records && (
          <Text size="xs" c="dimmed" lineClamp={2} title={records} data-testid="step-records">
            {records}
          </Text>
        )}
      </Stack>
      <Text size="sm" truncate>
        {owner}
      </Text>
      <Text size="sm" title={format.inReleaseZone(step.plannedStart)}>
        {format.clock(step.plannedStart)}
      </Text>
      <Text size="sm" fw={showLate ? 600 : undefined} c={showLate ? late.color : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
        {showLate ? late.text : '—'}
      </Text>
      <StepStatusBadge status={step.status} size="md" />
      <Group gap={4} wrap="nowrap" justify="flex-end">
        {waitingFor ? (
          <Text size="sm" c="dimmed">
            {waitingFor}
          </Text>
        ) : (
          buttons
        )}
      </Group>
    </div>
  );
}
