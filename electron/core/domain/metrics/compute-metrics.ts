import { DEFAULT_DORA_REPORT_YEAR, type BreakdownRow, type DoraReportYear, type MetricsView, type TrendBucket } from '../../../contract/outcomes-entities';
import { summarize, scopeFacts } from './dora-summary';
import type { MetricsFacts, MetricsScope } from './metric-facts';
import { releaseManagement, type ReleaseManagementFacts } from './release-management';
import { BAND_TABLES } from './performance-bands';
import { dayPeriod, trendBuckets } from './trend-buckets';

export interface MetricsRequest {
  from: string;
  to: string;
  bucket: TrendBucket;
  systemId?: string;
  /** Count this environment as production; by default every environment marked production is. */
  environmentId?: string;
  ownerId?: string;
  /** Whose performance bands: the report of that year. */
  reportYear?: DoraReportYear;
  /** The zone whose days `from` and `to` are (the viewer's); default UTC. */
  timeZone?: string;
}

export const NO_OWNER = 'no-owner';

/**
 * The DORA metrics of a period: the summary, its trend by week or month, and the same figures by system, by team
 * (release owner) and by environment. Teams are release owners because the workspace has no team records; a release
 * without an owner is counted under "No owner".
 */
export function computeMetrics(facts: MetricsFacts & { releaseManagement?: ReleaseManagementFacts }, request: MetricsRequest): MetricsView {
  const zone = request.timeZone ?? 'UTC';
  const period = dayPeriod(request.from, request.to, zone);
  const productionIds = facts.environments.filter((e) => e.isProduction).map((e) => e.id);
  const environmentIds = request.environmentId !== undefined ? [request.environmentId] : productionIds;
  const scope: MetricsScope = { environmentIds, systemId: request.systemId, ownerId: request.ownerId };
  const scoped = scopeFacts(facts, scope);
  const table = BAND_TABLES[request.reportYear ?? DEFAULT_DORA_REPORT_YEAR];

  const releases = new Map(facts.releases.map((r) => [r.id, r]));
  const active = (s: MetricsScope) => scopeFacts(facts, s);
  const inPeriod = scoped.deployments.filter((d) => d.atMs >= period.fromMs && d.atMs < period.toMs);
  const row = (id: string, name: string, s: MetricsScope): BreakdownRow => ({ id, name, summary: summarize(active(s), period, table) });

  const systemIds = new Set(inPeriod.flatMap((d) => releases.get(d.releaseId)?.systemIds ?? []));
  const bySystem = facts.systems
    .filter((s) => systemIds.has(s.id) && (request.systemId === undefined || request.systemId === s.id))
    .map((s) => row(s.id, s.name, { ...scope, systemId: s.id }));

  const ownerIds = new Set(inPeriod.map((d) => releases.get(d.releaseId)?.ownerId ?? NO_OWNER));
  const byTeam = [...ownerIds]
    .map((id) => ({
      id,
      name: facts.people.find((p) => p.id === id)?.name ?? (id === NO_OWNER ? 'No owner' : 'Former member'),
      summary: summarize(id === NO_OWNER ? ownerless(facts, scope) : active({ ...scope, ownerId: id }), period, table),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const everyEnvironment = facts.environments.map((e) => e.id);
  const deployedTo = new Set(
    scopeFacts(facts, { ...scope, environmentIds: everyEnvironment }).deployments.filter((d) => d.atMs >= period.fromMs && d.atMs < period.toMs).map((d) => d.environmentId),
  );
  const byEnvironment = facts.environments
    .filter((e) => deployedTo.has(e.id))
    .map((e) => row(e.id, e.name, { ...scope, environmentIds: [e.id] }));

  const management = facts.releaseManagement ?? { releases: [], halts: [], acceptances: [] };
  return {
    from: request.from,
    to: request.to,
    timeZone: zone,
    bucket: request.bucket,
    environments: facts.environments.filter((e) => environmentIds.includes(e.id)).map((e) => e.name),
    summary: summarize(scoped, period, table),
    trend: trendBuckets(period, request.bucket, zone).map((b) => ({ start: b.start, label: b.label, summary: summarize(scoped, b, table) })),
    bySystem,
    byTeam,
    byEnvironment,
    reportYear: table.year,
    thresholds: table.source,
    releaseManagement: releaseManagement(management, period, { systemId: request.systemId, ownerId: request.ownerId, environmentId: request.environmentId }),
  };
}

/** Releases without an owner: the owner filter cannot express "none", so they are picked out here. */
function ownerless(facts: MetricsFacts, scope: MetricsScope) {
  return scopeFacts({ ...facts, releases: facts.releases.filter((r) => r.ownerId === null) }, scope);
}
