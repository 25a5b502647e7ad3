import type { Release, ReleaseStatus } from '../../../contract/entities';
import type { GateAnswer } from '../../../contract/readiness-entities';
import type { ReleaseStatusCheck } from '../../../contract/release-status-entities';
import { statusMismatches } from '../../domain/release-status-agreement';
import { releaseExecution } from '../../runbooks/release-execution';
import type { HandlerContext } from '../handler-context';
import { loadReadiness } from './readiness-records';
import { loadPeople } from '../../people/people-queries';

/** A release's status beside its gate and its runbook's phase (domain/release-status-agreement.ts says how they agree). */
export function releaseStatusCheck(ctx: HandlerContext, release: Release, gate?: GateAnswer, everyone = loadPeople(ctx.store)): ReleaseStatusCheck {
  const answer = gate ?? loadReadiness(ctx, release, { now: new Date(ctx.store.now()).toISOString(), everyone }).gate;
  const execution = releaseExecution(ctx, release.id);
  return {
    releaseId: release.id,
    status: release.status,
    gate: { decision: answer.decision, summary: answer.summary },
    execution,
    mismatches: statusMismatches({ status: release.status, gate: answer, execution }),
  };
}

/** Statuses that claim the release goes: the gate must agree with them. */
const GOING: readonly ReleaseStatus[] = ['go', 'in-progress'];

/**
 * The releases that can disagree: those going, and those whose runbook has run (its phase sets the status). Every
 * other release agrees by construction, so a 10,000-release table asks only about these.
 */
export function statusChecks(ctx: HandlerContext, releaseIds?: readonly string[]): ReleaseStatusCheck[] {
  const everyone = loadPeople(ctx.store);
  const rows = (ids: Iterable<string>) => [...ids].flatMap((id) => ctx.store.reader.get('release', id) ?? []);
  if (releaseIds) return rows(releaseIds).map((r) => releaseStatusCheck(ctx, r, undefined, everyone));
  const withRunbook = new Set(ctx.store.reader.list('runbook').map((r) => String(r.releaseId ?? '')).filter(Boolean));
  const candidates = ctx.store.reader.list('release', ['windowStart', 'name']).filter((r) => GOING.includes(r.status) || withRunbook.has(r.id));
  return candidates.map((r) => releaseStatusCheck(ctx, r, undefined, everyone));
}
