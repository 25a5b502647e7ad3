import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconKeyOff, IconUserQuestion } from '@tabler/icons-react';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { RunbookView, StepView } from '../../../../electron/contract/runbook-entities';
import { notifyFailed } from '../../shared/notify';
import type { ReleaseStatus } from '../../../../electron/contract/entities';
import { StatusBadge } from '../../shared/StatusBadge';
import { ActionDialog, type ActionDialogSpec } from '../readiness/ActionDialog';
import { useSigning } from '../keys/use-signing';
import { formatDuration } from './duration';
import { ExecutionBanner } from './ExecutionBanner';
import { executionDialog } from './execution-dialogs';
import type { StepAction } from './execution-actions';
import { ExecutionStepRow, lateLook } from './ExecutionStepRow';
import { GateBadge } from './GateBadge';
import { LiveViewers } from './LiveViewers';
import { StatusMismatches } from '../releases/StatusAgreement';
import { useRunbooksStore } from './runbooks-store';
import { useStepAnnouncements } from './use-step-announcements';
import { PHASE_LOOK } from './StepBadges';
import type { TimeFormat } from './step-times';
import classes from './ExecutionView.module.css';

function Figure({ label, value, color, hint, sub, testId }: { label: string; value: ReactNode; color?: string; hint?: string; sub?: ReactNode; testId?: string }) {
  return (
    <div className={classes.figure} title={hint} data-testid={testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="div" className={classes.figureValue} c={color}>
        {value}
      </Text>
      {sub && (
        <Text component="div" size="sm" c="dimmed">
          {sub}
        </Text>
      )}
    </div>
  );
}

/** A figure's time, big, under its day in smaller type when it is not today. */
function When({ instant, format, now }: { instant: string | null; format: TimeFormat; now: number }) {
  if (!instant) return <>—</>;
  const day = format.day(instant, now);
  return (
    <>
      {day && <span className={classes.figureDay}>{day}</span>}
      {format.clock(instant)}
    </>
  );
}

/** The projected end figure: how the execution ended, or when it will, and against the plan. Never "ahead" on a failure. */
function endFigure({ execution }: RunbookView): { label: string; note: string; color: string } {
  switch (execution.phase) {
    case 'finished':
      return { label: 'Finished at', ...noteOf(lateLook(execution.lateMinutes)) };
    case 'rolled-back':
      return { label: 'Rolled back at', note: 'rollback done', color: 'red' };
    case 'rolling-back':
      return { label: 'Rollback ends', note: 'projected', color: 'red' };
    case 'aborted':
      return { label: 'Aborted at', note: 'nothing deployed', color: 'var(--mantine-color-text)' };
    case 'failed':
      return { label: 'Ended at', note: 'failed', color: 'red' };
    case 'step-failed':
      return { label: 'Projected end', note: execution.lateMinutes > 0 ? `${formatDuration(execution.lateMinutes)} late, held by a failure` : 'held by a failure', color: 'red' };
    default:
      return { label: 'Projected end', ...noteOf(lateLook(execution.lateMinutes)) };
  }
}

const noteOf = ({ text, color }: { text: string; color: string }) => ({ note: text, color });

/** Where a clicked row or card sat on screen, so the page can be kept from jumping when the lists re-order. */
interface Anchor {
  key: string;
  top: number;
}

/**
 * The war-room screen: big type, few colours, what runs now, what is next, who owns it, how far along and how late
 * we are. Every button records one append-only execution record as the person chosen in "You are". Times carry
 * their day whenever it is not today, in the viewer's zone.
 */
export function ExecutionView({ view, format, now }: { view: RunbookView; format: TimeFormat; now: number }) {
  useStepAnnouncements(view);
  const record = useRunbooksStore((s) => s.record);
  const { me, whyNot } = useSigning();
  const [dialog, setDialog] = useState<ActionDialogSpec | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<Anchor | null>(null);
  const numbers = new Map(view.steps.map((s, i) => [s.id, i + 1]));
  const byId = new Map(view.steps.map((s) => [s.id, s]));
  const { execution } = view;
  const gate = view.release?.gate ?? null;
  const finished = ['finished', 'rolled-back', 'aborted', 'failed'].includes(execution.phase);
  const disabledReason = whyNot ?? (finished ? 'Execution is over: nothing more is recorded.' : null);

  // After a record the lists re-order (a step moves from Next to Running now): keep what was clicked where it was.
  useLayoutEffect(() => {
    const kept = anchor.current;
    anchor.current = null;
    const element = kept && rootRef.current?.querySelector<HTMLElement>(`[data-anchor="${kept.key}"]`);
    const scroller = rootRef.current?.parentElement;
    if (kept && element && scroller) scroller.scrollTop += element.getBoundingClientRect().top - kept.top;
  }, [view]);

  const act = async (step: StepView, action: StepAction, size: 'big' | 'row' = 'row') => {
    const element = rootRef.current?.querySelector<HTMLElement>(`[data-anchor="${size}:${step.id}"]`);
    const remember = () => {
      if (element) anchor.current = { key: `${size}:${step.id}`, top: element.getBoundingClientRect().top };
    };
    const spec = executionDialog(view, step, action, format, now, (input) => {
      remember();
      return record({ stepId: step.id, ...input });
    });
    if (spec) return setDialog(spec);
    remember();
    const result = await record({ stepId: step.id, action: action.action });
    if (!result.ok) notifyFailed(`Could not record "${action.label}" for ${step.title}`, result.error.message);
  };

  const running = execution.runningStepIds.map((id) => byId.get(id)).filter((s): s is StepView => !!s);
  const upNext = execution.nextStepIds.map((id) => byId.get(id)).filter((s): s is StepView => !!s).slice(0, 3);
  const end = endFigure(view);
  const phase = PHASE_LOOK[execution.phase];
  const rollingBack = execution.phase === 'rolling-back' || execution.phase === 'rolled-back';
  const forward = view.steps.filter((s) => !s.rollback);
  const rollback = view.steps.filter((s) => s.rollback);
  const next = new Set(execution.nextStepIds);
  /** A pending step offers buttons only once it may start; until then the list says what it waits for. */
  const waitingFor = (s: StepView): string | null => {
    // Once the execution is over, no step offers anything: the records say what happened.
    if (finished) return '';
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
      now={now}
      gate={gate}
      size={size}
      disabledReason={disabledReason}
      waitingFor={size === 'row' ? waitingFor(s) : null}
      onAction={(step, action) => act(step, action, size)}
    />
  );
  const release = view.release;

  return (
    <Stack gap="md" data-testid="execution-view" ref={rootRef}>
      <div className={classes.summary}>
        <Figure
          label="Phase"
          testId="execution-phase"
          value={
            <Badge size="xl" color={phase.color} variant="light" radius="sm" style={{ textTransform: 'none' }}>
              {phase.label}
            </Badge>
          }
          sub={execution.rehearsal ? <Badge color="violet" variant="light" radius="sm" style={{ textTransform: 'none' }}>Rehearsal</Badge> : undefined}
        />
        <Figure
          label="Now"
          testId="execution-now"
          value={<When instant={new Date(now).toISOString()} format={format} now={now} />}
          sub={release ? `window ${format.span(release.windowStart, release.windowEnd, now)}` : undefined}
          hint={release ? format.inReleaseZone(release.windowStart) : undefined}
        />
        <Figure
          label="Progress"
          testId="execution-progress"
          value={`${execution.settledCount} of ${execution.stepCount}`}
          sub={rollingBack ? 'rollback steps done' : 'steps done'}
        />
        <Figure
          label="Planned end"
          testId="planned-end"
          value={<When instant={view.plannedEnd} format={format} now={now} />}
          hint={view.plannedEnd ? format.inReleaseZone(view.plannedEnd) : undefined}
          color={view.overrunMinutes > 0 ? 'red' : undefined}
          sub={view.overrunMinutes > 0 ? `${formatDuration(view.overrunMinutes)} past the window end` : 'inside the window'}
        />
        <Figure
          label={end.label}
          testId="projected-end"
          value={
            <>
              <When instant={execution.projectedEnd} format={format} now={now} />
              <Text fz={18} fw={700} c={end.color} lh={1.2}>
                {end.note}
              </Text>
            </>
          }
        />
      </div>

      {release && (
        <Group gap="sm" data-testid="execution-release-line">
          <Text size="sm" c="dimmed">
            Release {release.name} {release.version}
          </Text>
          <StatusBadge status={release.status as ReleaseStatus} />
          <GateBadge gate={release.gate} long />
          {execution.outsideWindow && (
            <Text size="sm" c="orange" fw={500} data-testid="outside-window">
              Now is {execution.outsideWindow}: starting asks for a reason (a rehearsal is one).
            </Text>
          )}
          {execution.shiftMinutes < 0 && (
            <Text size="sm" c="dimmed">
              Started {formatDuration(-execution.shiftMinutes)} ahead of plan: projections follow the actual start.
            </Text>
          )}
        </Group>
      )}
      <LiveViewers runbookId={view.runbook.id} />
      {release && <StatusMismatches mismatches={release.mismatches} />}

      {me === null && (
        <Alert color="orange" icon={<IconUserQuestion />} title="Who are you?" data-testid="choose-person">
          Choose yourself in “You are” (top right) before recording: every start, completion and decision names the person who made it.
        </Alert>
      )}
      {me !== null && whyNot && !finished && (
        <Alert color="orange" icon={<IconKeyOff />} title={`Read-only for ${me.name}`} data-testid="no-key">
          {whyNot}
        </Alert>
      )}
      <ExecutionBanner view={view} format={format} now={now} me={me} onAction={(step, action) => act(step, action, 'row')} />

      {running.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h4">
            Running now
          </Title>
          {running.map((s) => row(s, 'big'))}
        </Stack>
      )}
      {upNext.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h4">
            Next
          </Title>
          {upNext.map((s) => row(s, 'big'))}
        </Stack>
      )}
      {running.length === 0 && upNext.length === 0 && !finished && execution.failedStepIds.length === 0 && (
        <Text size="lg" c="dimmed">
          Nothing can start right now: a step waits for a running step.
        </Text>
      )}

      <Title order={3} fz="h4">
        All steps
      </Title>
      {/* A table holds only rows: the heading sits above it, and the rollback heading is a row of its own. */}
      <Stack gap={0} data-testid="execution-steps" role="table" aria-label="All steps">
        {forward.map((s) => row(s, 'row'))}
        {rollback.length > 0 && (
          <>
            <div className={classes.rollbackHeading} role="row">
              <span role="rowheader">Rollback — runs only after a no-go or a failure</span>
            </div>
            {rollback.map((s) => row(s, 'row'))}
          </>
        )}
      </Stack>
      <ActionDialog spec={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
