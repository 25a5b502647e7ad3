import { DeploymentRecordInput, type Deployment, type DeploymentResult } from '../../contract/outcomes-entities';
import type { HandlerContext } from '../api/handler-context';
import { insertDeployment, requireValidDeployment } from './deployment-writes';
import { getDeployment } from './outcome-records';

export interface FinishedRunbookExecution {
  releaseId: string;
  environmentId: string;
  /** When the last step finished (an ISO-8601 instant). */
  finishedAt: string;
  /** How it ended: every step done (succeeded), stopped (failed), rollback steps run (rolled-back) or patched forward. */
  result: DeploymentResult;
  /** e.g. the runbook's name; shown as the deployment's note. */
  note?: string;
}

/**
 * For the runbook engine: call this when a runbook execution finishes, so the release's deployment record (and so
 * the DORA metrics) is filled in without anyone typing it. It validates like the API (throws an ApiFailure naming
 * the field) and records the deployment with source "runbook". Called by core/runbooks/runbook-execution.ts when an
 * execution finishes or is rolled back.
 */
export function recordRunbookDeployment(ctx: HandlerContext, execution: FinishedRunbookExecution): Deployment {
  const record = DeploymentRecordInput.parse({
    releaseId: execution.releaseId,
    environmentId: execution.environmentId,
    deployedAt: execution.finishedAt,
    result: execution.result,
    note: execution.note ?? '',
    source: 'runbook',
  });
  requireValidDeployment(ctx, record);
  const id = ctx.store.mutate(ctx.author(), (w) => insertDeployment(w, record));
  return getDeployment(ctx, id);
}
