import type { ReleaseStatus } from '../../../contract/entities';
import type { DeploymentResult, ReleaseManagementSummary } from '../../../contract/outcomes-entities';
import { READINESS_STATES, type ReadinessState } from '../../../contract/readiness-entities';
import type { ExecutionPhase } from '../../../contract/runbook-entities';
import type { MetricsScope, Period } from './metric-facts';
import { median } from './statistics';

/**
 * The figures a release manager reports beside DORA's (issue 18): how many releases finished inside their window,
 * the no-gos, aborts and rollbacks, planned against actual runbook time, halts by readiness state and collisions
 * accepted. Plain data in, figures out; every count is of things that happened inside the period (local days).
 *
 * A release's outcome and its time come from the best record there is: the runbook's execution when it ran (its last
 * record), else its last production deployment, else the moment its status became final.
 */

export interface RunbookRunFacts {
  runbookName: string;
  phase: ExecutionPhase;
  /** First and last execution record (ms); the last is when it ended once the phase is final. */
  startedAt: number;
  lastAt: number;
  /** Planned start to planned end, in minutes; null for a runbook without steps. */
  plannedMinutes: number | null;
  /** When each no-go (or abort, a no-go before the cutover) was recorded. */
  noGoAt: readonly number[];
}

export interface ReleaseOutcomeFacts {
  id: string;
  label: string;
  systemIds: readonly string[];
  environmentIds: readonly string[];
  ownerId: string | null;
  windowStart: number;
  windowEnd: number;
  status: ReleaseStatus;
  /** When the release's status became what it is (its change log), or null when unknown. */
  statusAt: number | null;
  /** Its runbook's execution that was not a rehearsal, or null. */
  run: RunbookRunFacts | null;
  /** Its deployments to the environments counted as production, oldest first. */
  productionDeployments: ReadonlyArray<{ at: number; result: DeploymentResult }>;
}

export interface ReleaseManagementFacts {
  releases: readonly ReleaseOutcomeFacts[];
  /** Every halt that counts (verified), by state and time. */
  halts: ReadonlyArray<{ releaseId: string; state: ReadinessState; at: number }>;
  /** Collision acceptances: when, and the key, which names the releases involved. */
  acceptances: ReadonlyArray<{ collisionKey: string; at: number }>;
}

type Outcome = ReleaseManagementSummary['outcomes'][number];

const ENDED: Partial<Record<ExecutionPhase, Outcome['outcome']>> = { finished: 'released', 'rolled-back': 'rolled-back', aborted: 'aborted', failed: 'failed' };
const BY_DEPLOYMENT: Record<DeploymentResult, Outcome['outcome']> = { succeeded: 'released', 'fixed-forward': 'released', 'rolled-back': 'rolled-back', failed: 'failed' };
const BY_STATUS: Partial<Record<ReleaseStatus, Outcome['outcome']>> = { released: 'released', 'rolled-back': 'rolled-back', aborted: 'aborted' };

/** How a release ended and when, or null while it has not. */
export function releaseOutcome(r: ReleaseOutcomeFacts): Omit<Outcome, 'onTime'> | null {
  const base = { releaseId: r.id, label: r.label };
  const ended = r.run ? ENDED[r.run.phase] : undefined;
  if (r.run && ended) return { ...base, outcome: ended, at: new Date(r.run.lastAt).toISOString(), source: 'runbook' };
  const last = r.productionDeployments[r.productionDeployments.length - 1];
  if (last) return { ...base, outcome: BY_DEPLOYMENT[last.result], at: new Date(last.at).toISOString(), source: 'deployment' };
  const byStatus = BY_STATUS[r.status];
  if (byStatus && r.statusAt !== null) return { ...base, outcome: byStatus, at: new Date(r.statusAt).toISOString(), source: 'status' };
  return null;
}

function inScope(r: Pick<ReleaseOutcomeFacts, 'systemIds' | 'ownerId' | 'environmentIds'>, scope: Omit<MetricsScope, 'environmentIds'> & { environmentId?: string }): boolean {
  if (scope.systemId !== undefined && !r.systemIds.includes(scope.systemId)) return false;
  if (scope.ownerId !== undefined && r.ownerId !== scope.ownerId) return false;
  if (scope.environmentId !== undefined && !r.environmentIds.includes(scope.environmentId)) return false;
  return true;
}

export function releaseManagement(
  facts: ReleaseManagementFacts,
  period: Period,
  scope: Omit<MetricsScope, 'environmentIds'> & { environmentId?: string } = {},
): ReleaseManagementSummary {
  const within = (ms: number) => ms >= period.fromMs && ms < period.toMs;
  const releases = facts.releases.filter((r) => inScope(r, scope));
  const ids = new Set(releases.map((r) => r.id));

  const outcomes: Outcome[] = [];
  for (const r of releases) {
    const o = releaseOutcome(r);
    if (!o || !within(Date.parse(o.at))) continue;
    const at = Date.parse(o.at);
    outcomes.push({ ...o, onTime: o.outcome === 'released' ? at >= r.windowStart && at <= r.windowEnd : null });
  }
  outcomes.sort((a, b) => a.at.localeCompare(b.at));
  const released = outcomes.filter((o) => o.outcome === 'released');
  const onTime = released.filter((o) => o.onTime).length;

  const runs = releases.flatMap((r) => {
    const run = r.run;
    if (!run || !ENDED[run.phase] || run.plannedMinutes === null || !within(run.lastAt)) return [];
    return [{ releaseId: r.id, label: r.label, runbookName: run.runbookName, plannedMinutes: run.plannedMinutes, actualMinutes: Math.round((run.lastAt - run.startedAt) / 60_000) }];
  });
  const haltsByState = Object.fromEntries(READINESS_STATES.map((s) => [s, 0])) as Record<ReadinessState, number>;
  for (const h of facts.halts) if (ids.has(h.releaseId) && within(h.at)) haltsByState[h.state]++;
  // A collision's key names the releases it is about: an acceptance counts where one of them is in scope.
  const accepted = facts.acceptances.filter((a) => within(a.at) && [...ids].some((id) => a.collisionKey.includes(id)));

  return {
    onTime: { rate: released.length === 0 ? null : Math.round((onTime / released.length) * 10_000) / 10_000, onTime, finished: released.length },
    noGos: releases.reduce((n, r) => n + (r.run?.noGoAt.filter(within).length ?? 0), 0),
    aborts: outcomes.filter((o) => o.outcome === 'aborted').length,
    rollbacks: outcomes.filter((o) => o.outcome === 'rolled-back').length,
    runbookDuration: {
      runs: runs.length,
      plannedMinutesMedian: median(runs.map((r) => r.plannedMinutes)),
      actualMinutesMedian: median(runs.map((r) => r.actualMinutes)),
      overran: runs.filter((r) => r.actualMinutes > r.plannedMinutes).length,
      list: runs,
    },
    haltsByState,
    collisionsAccepted: accepted.length,
    outcomes,
  };
}
