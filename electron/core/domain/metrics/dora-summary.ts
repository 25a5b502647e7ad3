import type { MetricsSummary } from '../../../contract/outcomes-entities';
import { isFailure, reachedProduction } from './deployment-outcome';
import type { DeploymentFacts, MetricsFacts, MetricsScope, Period, ReleaseFacts } from './metric-facts';
import { changeFailureRateBand, deploymentFrequencyBand, leadTimeBand, recoveryTimeBand, type BandTable } from './performance-bands';
import { DAY_MS, HOUR_MS, median, round2 } from './statistics';

/** The deployments, lead times and incidents of one scope, worked out once and then summed over any period. */
export interface ScopedFacts {
  deployments: Array<DeploymentFacts & { atMs: number }>;
  /** One per change: when it reached production (the end of its lead time) and its lead time in hours. */
  leadTimes: Array<{ atMs: number; hours: number }>;
  /** One per incident linked to a scoped deployment, by when it started. */
  incidents: Array<{ startMs: number; restoredMs: number | null }>;
}

function inScope(release: ReleaseFacts | undefined, scope: MetricsScope): release is ReleaseFacts {
  if (!release) return false;
  if (scope.systemId !== undefined && !release.systemIds.includes(scope.systemId)) return false;
  if (scope.ownerId !== undefined && release.ownerId !== scope.ownerId) return false;
  return true;
}

/**
 * Lead time for changes (DORA; Four Keys' `time_to_change`): from a change's commit to the first deployment of its
 * release that reached a scoped environment at or after that commit. Each change counts once, in the period of
 * that deployment; a change never deployed (or committed after every deployment) has no lead time yet.
 */
export function scopeFacts(facts: MetricsFacts, scope: MetricsScope): ScopedFacts {
  const releases = new Map(facts.releases.map((r) => [r.id, r]));
  const environments = new Set(scope.environmentIds);
  const deployments = facts.deployments
    .filter((d) => environments.has(d.environmentId) && inScope(releases.get(d.releaseId), scope))
    .map((d) => ({ ...d, atMs: Date.parse(d.deployedAt) }))
    .sort((a, b) => a.atMs - b.atMs);

  const reachedByRelease = new Map<string, number[]>();
  for (const d of deployments) {
    if (reachedProduction(d.result)) reachedByRelease.set(d.releaseId, [...(reachedByRelease.get(d.releaseId) ?? []), d.atMs]);
  }
  const leadTimes: ScopedFacts['leadTimes'] = [];
  for (const change of facts.changes) {
    const committedMs = Date.parse(change.committedAt);
    const atMs = reachedByRelease.get(change.releaseId)?.find((ms) => ms >= committedMs);
    if (atMs !== undefined) leadTimes.push({ atMs, hours: (atMs - committedMs) / HOUR_MS });
  }

  const incidents = deployments.flatMap((d) =>
    d.incidents.map((i) => ({ startMs: Date.parse(i.startedAt), restoredMs: i.restoredAt === null ? null : Date.parse(i.restoredAt) })),
  );
  return { deployments, leadTimes, incidents };
}

const within = (ms: number, period: Period) => ms >= period.fromMs && ms < period.toMs;

/**
 * The four keys over one period, banded by one report's table, and the rework rate:
 * - deployment frequency: deployments that reached production, per week, banded by their rate per day;
 * - lead time for changes: median hours from commit to production of the changes deployed in the period;
 * - change failure rate: failures / all production deployments in the period;
 * - failed deployment recovery time (before 2023: time to restore service): median hours from start to restore of
 *   the incidents of production deployments that started in the period; incidents still open are counted apart and
 *   left out of the median (they have no restore time yet);
 * - rework rate (2024, no bands): rework deployments / all production deployments in the period.
 */
export function summarize(scoped: ScopedFacts, period: Period, table: BandTable): MetricsSummary {
  const days = (period.toMs - period.fromMs) / DAY_MS;
  const deployments = scoped.deployments.filter((d) => within(d.atMs, period));
  const reached = deployments.filter((d) => reachedProduction(d.result)).length;
  const failures = deployments.filter(isFailure).length;
  const rework = deployments.filter((d) => d.rework).length;
  const leadTimes = scoped.leadTimes.filter((l) => within(l.atMs, period)).map((l) => l.hours);
  const incidents = scoped.incidents.filter((i) => within(i.startMs, period));
  const restoreHours = incidents.flatMap((i) => (i.restoredMs === null ? [] : [(i.restoredMs - i.startMs) / HOUR_MS]));

  const leadMedian = median(leadTimes);
  const share = (count: number) => (deployments.length === 0 ? null : Math.round((count / deployments.length) * 10_000) / 10_000);
  const rate = deployments.length === 0 ? null : failures / deployments.length;
  const restoreMedian = median(restoreHours);
  return {
    deploymentFrequency: {
      deployments: reached,
      perWeek: round2(days > 0 ? (reached / days) * 7 : 0),
      band: deploymentFrequencyBand(table, days > 0 ? reached / days : 0, reached),
    },
    leadTime: { medianHours: leadMedian === null ? null : round2(leadMedian), changes: leadTimes.length, band: leadTimeBand(table, leadMedian) },
    changeFailureRate: { rate: share(failures), failures, deployments: deployments.length, band: changeFailureRateBand(table, rate) },
    failedDeploymentRecoveryTime: {
      medianHours: restoreMedian === null ? null : round2(restoreMedian),
      restored: restoreHours.length,
      open: incidents.length - restoreHours.length,
      band: recoveryTimeBand(table, restoreMedian),
    },
    reworkRate: { rate: share(rework), rework, deployments: deployments.length },
  };
}
