import { Alert, Badge, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconUserQuestion } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ExecutionPhase, RunbookView, StepView } from '../../../../electron/contract/runbook-entities';
import { notifyFailed } from '../../shared/notify';
import { ActionDialog, type ActionDialogSpec } from '../readiness/ActionDialog';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { formatDuration } from './duration';
import { REASON_INTRO, type StepAction } from './execution-actions';
import { ExecutionStepRow, lateLook } from './ExecutionStepRow';
import { useRunbooksStore } from './runbooks-store';
import type { TimeFormat } from './step-times';
import classes from './ExecutionView.module.css';

const PHASE_LOOK: Record<ExecutionPhase, { label: string; color: string }> = {
  'not-started': { label: 'Not started', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  'rolling-back': { label: 'Rolling back', color: 'red' },
  finished: { label: 'Finished', color: 'green' },
  'rolled-back': { label: 'Rolled back', color: 'red' },
};

function Figure({ label, value, color, hint, sub }: { label: string; value: ReactNode; color?: string; hint?: string; sub?: string }) {
  return (
    <div className={classes.figure} title={hint}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="div" className={classes.figureValue} c={color}>
        {value}
      </Text>
      {sub && (
        <Text size="sm" c="dimmed">
          {sub}
        </Text>
      )}
    </div>
  );
}

/**
 * The war-room screen: big type, few colours, what runs now, what is next, who owns it and how late we are. Every
 * button records one append-only execution record as the person chosen in "You are".
 */
export function ExecutionView({ view, format, now }: { view: RunbookView; format: TimeFormat; now: number }) {
  const record = useRunbooksStore((s) => s.record);
  const people = useWorkspaceStore((s) => s.people);
  const meId = useWorkspaceStore((s) => s.info?.currentPersonId ?? null);
  const me = people.find((p) => p.id === meId) ?? null;
  const [dialog, setDialog] = useState<ActionDialogSpec | null>(null);
  const numbers = new Map(view.steps.map((s, i) => [s.id, i + 1]));
  const byId = new Map(view.steps.map((s) => [s.id, s]));
  const { execution } = view;
  const finished = execution.phase === 'finished' || execution.phase === 'rolled-back';
  const disabledReason = me === null ? 'Choose who you are (top right) first: every record names the person who made it.' : finished ? 'Execution is over: nothing more is recorded.' : null;

  const act = async (step: StepView, action: StepAction) => {
    if (!action.needsReason) {
      const result = await record({ stepId: step.id, action: action.action });
      if (!result.ok) notifyFailed(`Could not record "${action.label}" for ${step.title}`, result.error.message);
      return;
    }
    const noGo = action.action === 'no-go';
    setDialog({
      title: `${noGo ? 'No-go at' : action.label}: ${step.title}`,
      intro: REASON_INTRO[action.action] ?? '',
      submitLabel: noGo ? 'No-go: move to rollback' : `Record ${action.label.toLowerCase()}`,
      submitColor: action.color === 'gray' ? undefined : action.color,
      textLabel: 'Reason',
      textRequired: true,
      onSubmit: ({ text }) => record({ stepId: step.id, action: action.action, reason: text }),
    });
  };

  const running = execution.runningStepIds.map((id) => byId.get(id)).filter((s): s is StepView => !!s);
  const upNext = execution.nextStepIds.map((id) => byId.get(id)).filter((s): s is StepView => !!s).slice(0, 3);
  const late = lateLook(execution.lateMinutes);
  const phase = PHASE_LOOK[execution.phase];
  const rollingBack = execution.phase === 'rolling-back' || execution.phase === 'rolled-back';
  const forward = view.steps.filter((s) => !s.rollback);
  const rollback = view.steps.filter((s) => s.rollback);
  const next = new Set(execution.nextStepIds);
  /** A pending step offers buttons only once it may start; until then the list says what it waits for. */
  const waitingFor = (s: StepView): string | null => {
    if (s.status !== 'pending' || next.has(s.id)) return null;
    // A failure lets the rollback section start too (the core's rule), without a no-go.
    if (s.rollback && !rollingBack) return view.steps.some((x) => x.status === 'failed') ? null : 'after a no-go';
    const open = s.dependsOn.filter((id) => !['done', 'skipped', 'go'].includes(byId.get(id)?.status ?? 'done')).map((id) => numbers.get(id));
    return open.length > 0 ? `waits for ${open.join(', ')}` : rollingBack ? 'not in rollback' : null;
  };
  const row = (s: StepView, size: 'big' | 'row') => (
    <ExecutionStepRow
      key={`${size}:${s.id}`}
      step={s}
      number={numbers.get(s.id)!}
      format={format}
      size={size}
      disabledReason={disabledReason}
      waitingFor={size === 'row' ? waitingFor(s) : null}
      onAction={act}
    />
  );

  return (
    <Stack gap="md" data-testid="execution-view">
      <div className={classes.summary}>
        <Figure label="Phase" value={<Badge size="xl" color={phase.color} variant="light" radius="sm" style={{ textTransform: 'none' }}>{phase.label}</Badge>} />
        <Figure label="Now" value={format.clock(new Date(now).toISOString())} sub={view.release ? `window ${format.clock(view.release.windowStart)} – ${format.clock(view.release.windowEnd)}` : undefined} />
        <Figure
          label="Planned end"
          value={view.plannedEnd ? format.clock(view.plannedEnd) : '—'}
          hint={view.plannedEnd ? format.inReleaseZone(view.plannedEnd) : undefined}
          color={view.overrunMinutes > 0 ? 'red' : undefined}
          sub={view.overrunMinutes > 0 ? `${formatDuration(view.overrunMinutes)} past the window end` : 'inside the window'}
        />
        <Figure
          label={execution.phase === 'rolled-back' ? 'Rolled back at' : rollingBack ? 'Rollback ends' : 'Projected end'}
          value={
            <div data-testid="projected-end">
              {execution.projectedEnd ? format.clock(execution.projectedEnd) : '—'}
              {/* Against the forward plan, "ahead" would read as good news during a rollback: say what it is instead. */}
              <Text fz={18} fw={700} c={rollingBack ? 'red' : late.color} lh={1.2}>
                {rollingBack ? (execution.phase === 'rolled-back' ? '' : 'projected') : late.text}
              </Text>
            </div>
          }
        />
      </div>

      {me === null && (
        <Alert color="orange" icon={<IconUserQuestion />} title="Who are you?" data-testid="choose-person">
          Choose yourself in “You are” (top right) before recording: every start, completion and decision names the person who made it.
        </Alert>
      )}
      {execution.noGo && (
        <Alert color="red" icon={<IconAlertTriangle />} title="No-go: rolling back" data-testid="no-go-banner">
          {byId.get(execution.noGo.stepId)?.title ?? 'A checkpoint'} was decided no-go at {format.clock(execution.noGo.at)} by {execution.noGo.personName}: “{execution.noGo.reason}”. Only the rollback section runs now.
        </Alert>
      )}

      {running.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h4">Running now</Title>
          {running.map((s) => row(s, 'big'))}
        </Stack>
      )}
      {upNext.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h4">Next</Title>
          {upNext.map((s) => row(s, 'big'))}
        </Stack>
      )}
      {running.length === 0 && upNext.length === 0 && (
        <Text size="lg" c="dimmed">
          {finished ? `Execution ${execution.phase === 'finished' ? 'finished' : 'rolled back'}. Every record is kept below.` : 'Nothing can start right now: a step waits for a failed or running step.'}
        </Text>
      )}

      <Stack gap={0} data-testid="execution-steps" role="table" aria-label="All steps">
        <Title order={3} fz="h4" mb="xs">
          All steps
        </Title>
        {forward.map((s) => row(s, 'row'))}
        {rollback.length > 0 && (
          <>
            <div className={classes.rollbackHeading}>Rollback — runs only after a no-go or a failure</div>
            {rollback.map((s) => row(s, 'row'))}
          </>
        )}
      </Stack>
      <ActionDialog spec={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
