import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ExecutionAction, RunbookView, StepView } from '../../../../electron/contract/runbook-entities';
import { CommandBlock } from './CommandBlock';
import { formatDuration } from './duration';
import { SafeMarkdown } from './SafeMarkdown';
import { actionsFor, type StepAction } from './execution-actions';
import { GateBadge } from './GateBadge';
import { StepStatusBadge } from './StepBadges';
import { ownerOf } from './StepTable';
import type { TimeFormat } from './step-times';
import classes from './ExecutionView.module.css';

interface ExecutionStepRowProps {
  step: StepView;
  number: number;
  format: TimeFormat;
  now: number;
  gate: NonNullable<RunbookView['release']>['gate'] | null;
  /** "big": a card for what runs now and what is next; "row": one line of the full list. */
  size: 'big' | 'row';
  disabledReason: string | null;
  /** Not startable yet: "waits for 3, 5" instead of buttons the core would refuse. Null: the step's buttons show. */
  waitingFor: string | null;
  onAction(step: StepView, action: StepAction): void;
}

/** How late, in words and colour: on time is calm, a few minutes orange, more red; a failed step is never ahead. */
export function lateLook(minutes: number, failed = false): { text: string; color: string } {
  if (failed) return { text: minutes > 0 ? `Failed, ${formatDuration(minutes)} late` : 'Failed', color: 'red' };
  // Days ahead only happens when a runbook is tried out before its weekend; a count of hours would be noise.
  if (minutes < -24 * 60) return { text: 'Ahead of plan', color: 'green' };
  if (minutes <= 0) return { text: minutes < 0 ? `${formatDuration(-minutes)} ahead` : 'On time', color: 'green' };
  return { text: `${formatDuration(minutes)} late`, color: minutes > 15 ? 'red' : 'orange' };
}

const RECORD_WORDS: Record<ExecutionAction, string> = {
  start: 'Started',
  complete: 'Done',
  fail: 'Failed',
  skip: 'Skipped',
  go: 'Go',
  'no-go': 'No-go',
  rehearse: 'Rehearsal started',
  reopen: 'Reopened',
  override: 'Gate overridden',
  abort: 'Aborted',
  'end-failed': 'Ended as failed',
};

/** Who did what, when: "Started 22:04 by Priya Natarajan · Done 22:31 by Priya Natarajan". */
function recordLine(step: StepView, format: TimeFormat, now: number): string {
  return step.records.map((r) => `${RECORD_WORDS[r.action]} ${format.at(r.at, now)} by ${r.personName}${r.reason ? ` (${r.reason})` : ''}`).join(' · ');
}

/** A go/no-go step's approvers and criteria, in one line. */
function decisionLine(step: StepView): string {
  const parts: string[] = [];
  if (step.approverNames.length > 0) parts.push(`Approvers: ${step.approverNames.join(', ')}`);
  if (step.criteria.trim() !== '') parts.push(`Go when: ${step.criteria.trim()}`);
  return parts.join(' · ');
}

function Buttons({ step, actions, size, disabledReason, onAction }: Pick<ExecutionStepRowProps, 'step' | 'size' | 'disabledReason' | 'onAction'> & { actions: StepAction[] }) {
  return actions.map((a) => {
    const why = disabledReason ?? a.blocked ?? null;
    return (
      <Tooltip key={`${a.action}:${a.label}`} label={why} disabled={!why} withArrow multiline maw={420}>
        {/* A disabled button gets no pointer events: the wrapper carries the tooltip's hover. */}
        <span style={{ display: 'inline-flex' }}>
          <Button
            size={size === 'big' ? (a.quiet ? 'sm' : 'md') : 'compact-sm'}
            color={a.color}
            variant={a.quiet ? 'subtle' : a.action === 'complete' || a.action === 'start' || a.action === 'go' ? 'filled' : 'light'}
            disabled={why !== null}
            onClick={() => onAction(step, a)}
          >
            {a.label}
          </Button>
        </span>
      </Tooltip>
    );
  });
}

/** A step's marks beside its title: the point of no return, and a readiness gate's answer. */
function Marks({ step, gate, size = 'sm' }: Pick<ExecutionStepRowProps, 'step' | 'gate'> & { size?: 'xs' | 'sm' }) {
  return (
    <>
      {step.pointOfNoReturn && (
        <Badge size={size} color="red" variant="outline" radius="sm" style={{ textTransform: 'none', flexShrink: 0 }} title="Once this step has started, a no-go needs the rollback: an abort is no longer offered.">
          Point of no return
        </Badge>
      )}
      {step.kind === 'readiness-gate' && step.status === 'pending' && gate && <GateBadge gate={gate} size={size} />}
    </>
  );
}

export function ExecutionStepRow({ step, number, format, now, gate, size, disabledReason, waitingFor, onAction }: ExecutionStepRowProps) {
  const failed = step.status === 'failed';
  const late = lateLook(step.lateMinutes, failed);
  // A rollback step's plan is nominal (it runs only when things went wrong), so lateness against it means nothing.
  const showLate = !step.rollback && (step.status !== 'pending' || step.lateMinutes > 0);
  const records = recordLine(step, format, now);
  const decision = decisionLine(step);
  const owner = ownerOf(step) || 'No owner';
  const actions = actionsFor(step, gate);
  const buttons = actions.length > 0 ? <Buttons step={step} actions={actions} size={size} disabledReason={disabledReason} onAction={onAction} /> : null;

  if (size === 'big') {
    return (
      <div className={classes.card} data-status={step.status} data-testid={`exec-card-${number}`} data-anchor={`big:${step.id}`}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" align="center">
              <Text className={classes.cardTitle}>
                <Text span c="dimmed" inherit>
                  {number}.{' '}
                </Text>
                {step.title}
              </Text>
              <Marks step={step} gate={gate} />
            </Group>
            <Text size="lg">{owner}</Text>
            <Text size="md" c="dimmed" title={format.inReleaseZone(step.plannedStart)}>
              Planned {step.durationMinutes === 0 ? format.at(step.plannedStart, now) : `${format.span(step.plannedStart, step.plannedFinish, now)} (${formatDuration(step.durationMinutes)})`}
              {step.status === 'running' && step.actualStart ? ` · started ${format.at(step.actualStart, now)}, expected done ${format.at(step.projectedFinish, now)}` : ''}
            </Text>
            {decision && (
              <Text size="md" fw={500} data-testid="step-decision">
                {decision}
              </Text>
            )}
            {step.kind === 'readiness-gate' && step.status === 'pending' && gate && gate.decision !== 'go' && (
              <Text size="md" c="red" data-testid="gate-lines">
                {gate.lines.map((l) => l.trim()).join(' ')}
              </Text>
            )}
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
        {buttons && (
          <Group gap="sm" mt="sm">
            {buttons}
          </Group>
        )}
      </div>
    );
  }

  const day = format.day(step.plannedStart, now);
  return (
    <div
      className={classes.row}
      data-status={step.status}
      data-late={step.lateMinutes > 15 ? 'red' : step.lateMinutes > 0 ? 'orange' : undefined}
      data-anchor={`row:${step.id}`}
      role="row"
      aria-label={`${number} ${step.title}`}
    >
      {/* Every part of a table row is a cell, or a screen reader's table navigation skips it. */}
      <Text size="sm" c="dimmed" ta="right" role="cell">
        {number}
      </Text>
      <Stack gap={0} style={{ minWidth: 0 }} role="cell">
        <Text size="md" fw={500} truncate title={step.title}>
          {step.title}
        </Text>
        {(decision || step.pointOfNoReturn || step.kind === 'readiness-gate') && (
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Marks step={step} gate={gate} size="xs" />
            {decision && (
              <Text size="xs" truncate title={decision}>
                {decision}
              </Text>
            )}
          </Group>
        )}
        {records && (
          <Text size="xs" c="dimmed" lineClamp={2} title={records} data-testid="step-records">
            {records}
          </Text>
        )}
      </Stack>
      <Text size="sm" truncate role="cell">
        {owner}
      </Text>
      <Stack gap={0} title={format.inReleaseZone(step.plannedStart)} role="cell">
        <Text size="sm">{format.clock(step.plannedStart)}</Text>
        {day && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {day}
          </Text>
        )}
      </Stack>
      <Text size="sm" fw={showLate ? 600 : undefined} c={showLate ? late.color : 'dimmed'} style={{ whiteSpace: 'nowrap' }} role="cell">
        {showLate ? late.text : '—'}
      </Text>
      <div role="cell">
        <StepStatusBadge status={step.status} size="md" />
      </div>
      <Group gap={4} wrap="nowrap" justify="flex-end" role="cell">
        {waitingFor !== null ? (
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
