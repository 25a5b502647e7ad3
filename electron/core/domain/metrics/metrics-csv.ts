import type { MetricsSummary, MetricsView, ReleaseManagementSummary } from '../../../contract/outcomes-entities';

const COLUMNS = [
  'section',
  'key',
  'name',
  'deployments',
  'deployments_per_week',
  'deployment_frequency_band',
  'changes',
  'lead_time_median_hours',
  'lead_time_band',
  'production_deployments',
  'failures',
  'change_failure_rate',
  'change_failure_rate_band',
  'incidents_restored',
  'incidents_open',
  'failed_deployment_recovery_median_hours',
  'failed_deployment_recovery_band',
  'rework_deployments',
  'rework_rate',
  // Release management (issue 18): for the whole period, on its row only.
  'released',
  'released_on_time',
  'on_time_rate',
  'no_gos',
  'aborts',
  'rollbacks',
  'runbook_runs',
  'runbook_planned_median_minutes',
  'runbook_actual_median_minutes',
  'halts_product',
  'halts_organization',
  'halts_security',
  'halts_operation',
  'collisions_accepted',
] as const;

/** A name typed by a person could start like a spreadsheet formula; a leading apostrophe keeps it text. */
function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function figures(m: MetricsSummary): Array<string | number | null> {
  const { deploymentFrequency: df, leadTime: lt, changeFailureRate: cfr, failedDeploymentRecoveryTime: fdrt, reworkRate: rr } = m;
  return [
    df.deployments,
    df.perWeek,
    df.band,
    lt.changes,
    lt.medianHours,
    lt.band,
    cfr.deployments,
    cfr.failures,
    cfr.rate,
    cfr.band,
    fdrt.restored,
    fdrt.open,
    fdrt.medianHours,
    fdrt.band,
    rr.rework,
    rr.rate,
  ];
}

function management(r: ReleaseManagementSummary): Array<string | number | null> {
  const h = r.haltsByState;
  const d = r.runbookDuration;
  return [r.onTime.finished, r.onTime.onTime, r.onTime.rate, r.noGos, r.aborts, r.rollbacks, d.runs, d.plannedMinutesMedian, d.actualMinutesMedian, h.product, h.organization, h.security, h.operation, r.collisionsAccepted];
}

/**
 * Every figure of a metrics view as one flat RFC 4180 table: period, trend points, then each breakdown. The period
 * row's name says which report the bands come from.
 */
export function metricsCsv(view: MetricsView): string {
  const line = (section: string, key: string, name: string, m: MetricsSummary, more: Array<string | number | null> = []) => [section, key, name, ...figures(m), ...more].map(cell).join(',');
  const rows = [
    line('period', `${view.from}..${view.to}`, `${view.environments.join(' + ')} (bands: ${view.thresholds}; days in ${view.timeZone})`, view.summary, management(view.releaseManagement)),
    ...view.trend.map((p) => line(view.bucket, p.start, p.label, p.summary)),
    ...view.bySystem.map((r) => line('system', r.id, r.name, r.summary)),
    ...view.byTeam.map((r) => line('team', r.id, r.name, r.summary)),
    ...view.byEnvironment.map((r) => line('environment', r.id, r.name, r.summary)),
  ];
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
