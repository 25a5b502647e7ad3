import { Alert, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleX, IconFlask, IconPlayerStop } from '@tabler/icons-react';
import type { Person } from '../../../../electron/contract/entities';
import type { RunbookView, StepView } from '../../../../electron/contract/runbook-entities';
import { useSigning } from '../keys/use-signing';
import { A, type StepAction } from './execution-actions';
import type { TimeFormat } from './step-times';

interface BannerProps {
  view: RunbookView;
  format: TimeFormat;
  now: number;
  me: Person | null;
  onAction(step: StepView, action: StepAction): void;
}

/**
 * What the war room must decide or know now, above the lists: a failed step (retry, skip, no-go, or end as
 * failed), a no-go and its rollback, an abort, an execution ended as failed, a rehearsal.
 */
export function ExecutionBanner({ view, format, now, me, onAction }: BannerProps) {
  const { execution } = view;
  const byId = new Map(view.steps.map((s) => [s.id, s]));
  const number = (id: string) => view.steps.findIndex((s) => s.id === id) + 1;
  const failed = execution.failedStepIds.map((id) => byId.get(id)).filter((s): s is StepView => !!s);
  const rollingBack = execution.phase === 'rolling-back';
  const coordinator = me?.roles.includes('release-coordinator') ?? false;
  // Every button here records a signed step execution: it needs a person, and a key of theirs on this device.
  const noPerson = useSigning().whyNot;
  const banners = [];

  if (execution.rehearsal) {
    banners.push(
      <Alert key="rehearsal" color="violet" icon={<IconFlask />} title="Rehearsal" data-testid="rehearsal-banner">
        This execution is a rehearsal: the release's status and the metrics are left as they are.
      </Alert>,
    );
  }
  for (const step of failed) {
    const fail = [...step.records].reverse().find((r) => r.action === 'fail');
    const button = (action: StepAction, label: string, blocked: string | null = noPerson) => (
      <Tooltip key={label} label={blocked} disabled={!blocked} withArrow multiline maw={360}>
        <span style={{ display: 'inline-flex' }}>
          <Button size="sm" color={action.color} variant={action === A.retry ? 'filled' : 'default'} disabled={blocked !== null} onClick={() => onAction(step, action)}>
            {label}
          </Button>
        </span>
      </Tooltip>
    );
    banners.push(
      <Alert key={`failed:${step.id}`} color="red" icon={<IconAlertTriangle />} title={`Step ${number(step.id)} failed: ${step.title}`} data-testid="failure-banner">
        <Text size="sm">
          {fail ? `Failed ${format.at(fail.at, now)} by ${fail.personName}: “${fail.reason}”. ` : ''}
          {rollingBack
            ? 'The rollback is held up: retry the step, skip it with a reason, or end the execution as failed.'
            : 'The steps after it wait. Retry it, skip it with a reason, or decide no-go' +
              (execution.beforeCutover ? ' (the point of no return has not started: a no-go may still abort).' : ' (the rollback section runs then).')}
        </Text>
        <Group gap="xs" mt="sm">
          {button(A.retry, 'Retry')}
          {button(A.skip, 'Skip…')}
          {!rollingBack && button(A.noGo, 'No-go…')}
          {button(A.endFailed, 'End as failed…', noPerson ?? (coordinator ? null : 'Only the release coordinator ends an execution as failed: choose them in “You are”.'))}
        </Group>
      </Alert>,
    );
  }
  if (execution.noGo && execution.phase !== 'failed') {
    const at = byId.get(execution.noGo.stepId);
    banners.push(
      <Alert key="no-go" color="red" icon={<IconAlertTriangle />} title={execution.phase === 'rolled-back' ? 'No-go: rolled back' : 'No-go: rolling back'} data-testid="no-go-banner">
        {at?.title ?? 'A step'} was decided no-go at {format.at(execution.noGo.at, now)} by {execution.noGo.personName}: “{execution.noGo.reason}”.{' '}
        {execution.phase === 'rolled-back' ? 'Every rollback step is done or skipped; the release is rolled back.' : 'Only the rollback section runs now.'}
      </Alert>,
    );
  }
  if (execution.ended) {
    const at = byId.get(execution.ended.stepId)?.title ?? 'a step';
    const aborted = execution.ended.action === 'abort';
    banners.push(
      <Alert
        key="ended"
        color={aborted ? 'yellow' : 'red'}
        icon={aborted ? <IconPlayerStop /> : <IconCircleX />}
        title={aborted ? 'Aborted: nothing was deployed' : 'Ended as failed'}
        data-testid="ended-banner"
      >
        {aborted
          ? `Aborted at "${at}" ${format.at(execution.ended.at, now)} by ${execution.ended.personName}: “${execution.ended.reason}”. No rollback ran, the release is Aborted (nothing deployed), and no failed deployment is recorded.`
          : `Ended at "${at}" ${format.at(execution.ended.at, now)} by ${execution.ended.personName}: “${execution.ended.reason}”. A failed deployment is recorded for the metrics; the release stays In progress until its fix is out.`}
      </Alert>,
    );
  }
  return banners.length > 0 ? <>{banners}</> : null;
}
