/** DORA metrics as pure functions: plain records in, figures out; the store stays in the handlers (docs/metrics.md). */
export type { ChangeFacts, DeploymentFacts, IncidentFacts, MetricsFacts, MetricsScope, Named, Period, ReleaseFacts } from './metric-facts';
export { isFailure, reachedProduction } from './deployment-outcome';
export { median } from './statistics';
export {
  BAND_TABLES,
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryTimeBand,
  type BandTable,
} from './performance-bands';
export { scopeFacts, summarize, type ScopedFacts } from './dora-summary';
export { dayPeriod, trendBuckets, type Bucket } from './trend-buckets';
export { computeMetrics, NO_OWNER, type MetricsRequest } from './compute-metrics';
export { metricsCsv } from './metrics-csv';
export { releaseManagement, releaseOutcome, type ReleaseManagementFacts, type ReleaseOutcomeFacts, type RunbookRunFacts } from './release-management';
