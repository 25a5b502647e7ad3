import type { ReleaseStatusCheck } from '../../contract/release-status-entities';
import type { HandlerContext } from '../api/handler-context';
import { toRunbook } from './runbook-records';
import { runbookFacts } from './runbook-view';

/**
 * The execution that speaks for a release's status: of its runbooks, the one that ran last (a rehearsal only when
 * nothing else ran), or the first planned one when none has started; null without a runbook.
 */
export function releaseExecution(ctx: HandlerContext, releaseId: string): ReleaseStatusCheck['execution'] {
  const runbooks = ctx.store.reader.findEqual('runbook', 'releaseId', releaseId).map(toRunbook);
  if (runbooks.length === 0) return null;
  const facts = runbooks.map((runbook) => runbookFacts(ctx, runbook));
  const lastRecord = (f: (typeof facts)[number]) => Math.max(-Infinity, ...f.records.map((r) => r.at));
  const started = facts.filter((f) => f.execution.phase !== 'not-started').sort((a, b) => Number(a.execution.rehearsal) - Number(b.execution.rehearsal) || lastRecord(b) - lastRecord(a));
  const { runbook, execution } = started[0] ?? facts[0];
  return { runbookId: runbook.id, runbookName: runbook.name, phase: execution.phase, rehearsal: execution.rehearsal };
}
