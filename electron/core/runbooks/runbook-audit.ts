import type { HandlerContext } from '../api/handler-context';
import { loadReleaseExecutions } from './runbook-records';

/**
 * The step executions of a release's runbooks for the back-trace audit, deleted runbooks and steps included: the
 * titles are read from the rows even when they are tombstones, since an audit must still say what was done.
 */
export function loadExecutionAudit(ctx: HandlerContext, releaseId: string) {
  const { reader } = ctx.store;
  return loadReleaseExecutions(ctx, releaseId).map((x) => ({
    ...x.written,
    deviceId: x.deviceId,
    action: x.action,
    reason: x.reason,
    personId: x.personId,
    happenedAt: new Date(x.at).toISOString(),
    stepTitle: String(reader.get('runbookStep', x.stepId, { deleted: true })?.title ?? x.stepId),
    runbookName: String(reader.get('runbook', x.runbookId, { deleted: true })?.name ?? 'a runbook'),
  }));
}
