import type { HandlerContext } from '../api/handler-context';
import { loadReleaseExecutions } from './runbook-records';

/**
 * The step executions of a release's runbooks for the back-trace audit, deleted runbooks and steps included: the
 * titles are read from the rows even when they are tombstones, since an audit must still say what was done.
 */
export function loadExecutionAudit(ctx: HandlerContext, releaseId: string) {
  const title = ctx.store.db.prepare('SELECT title FROM runbook_steps WHERE id = ?').pluck();
  const name = ctx.store.db.prepare('SELECT name FROM runbooks WHERE id = ?').pluck();
  return loadReleaseExecutions(ctx, releaseId).map((x) => ({
    ...x.written,
    deviceId: x.deviceId,
    action: x.action,
    reason: x.reason,
    personId: x.personId,
    happenedAt: new Date(x.at).toISOString(),
    stepTitle: String(title.get(x.stepId) ?? x.stepId),
    runbookName: String(name.get(x.runbookId) ?? 'a runbook'),
  }));
}
