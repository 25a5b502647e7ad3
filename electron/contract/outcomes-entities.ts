import { z } from 'zod';
import { Id, Instant } from './entities';
import { LocalDate } from './calendar-entities';

/**
 * Release outcomes (issue 7, docs/metrics.md): what happened when a release was deployed, the changes it carried,
 * the incidents it caused and the post-release review. The DORA metrics are computed from these records.
 */

export const DEPLOYMENT_RESULTS = ['succeeded', 'failed', 'rolled-back', 'fixed-forward'] as const;
export const DeploymentResult = z.enum(DEPLOYMENT_RESULTS);
export type DeploymentResult = z.infer<typeof DeploymentResult>;

export const DEPLOYMENT_RESULT_LABELS: Record<DeploymentResult, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
  'fixed-forward': 'Fixed forward',
};

/** Where a deployment record came from: typed in the app, a CSV file, a pipeline (the CLI), or a finished runbook. */
export const DEPLOYMENT_SOURCES = ['manual', 'csv', 'pipeline', 'runbook'] as const;
export const DeploymentSource = z.enum(DEPLOYMENT_SOURCES);
export type DeploymentSource = z.infer<typeof DeploymentSource>;

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);
const required = (label: string, max: number) => text(label, max).min(1, `${label} is required`);

// ---------------------------------------------------------------- incidents ------------------------------------

export const IncidentInput = z
  .object({
    title: required('Title', 300),
    /** A ticket key or link in the team's incident tool, e.g. INC-4211. */
    reference: text('Reference', 300).default(''),
    startedAt: Instant,
    /** null while the incident is still open. */
    restoredAt: Instant.nullable().default(null),
  })
  .strict()
  .refine((i) => i.restoredAt === null || Date.parse(i.restoredAt) >= Date.parse(i.startedAt), {
    path: ['restoredAt'],
    message: 'Restored at must not be before the incident started.',
  });

export const Incident = z.object({
  id: z.string(),
  deploymentId: z.string(),
  releaseId: z.string(),
  title: z.string(),
  reference: z.string(),
  startedAt: z.string(),
  restoredAt: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentRecordInput = z.object({ deploymentId: Id, incident: IncidentInput }).strict();
export const IncidentUpdateInput = z
  .object({
    id: Id,
    changes: z
      .object({ title: required('Title', 300), reference: text('Reference', 300), startedAt: Instant, restoredAt: Instant.nullable() })
      .partial()
      .strict(),
  })
  .strict();

// ---------------------------------------------------------------- deployments ----------------------------------

export const Deployment = z.object({
  id: z.string(),
  releaseId: z.string(),
  environmentId: z.string(),
  deployedAt: z.string(),
  result: DeploymentResult,
  source: DeploymentSource,
  note: z.string(),
  /** Rework (DORA 2024): the deployment was not planned; it was made to fix a user-facing defect. */
  rework: z.boolean(),
  incidents: z.array(Incident),
  /** Counts against the change failure rate: failed, rolled back, fixed forward, or linked to an incident. */
  failure: z.boolean(),
});
export type Deployment = z.infer<typeof Deployment>;

export const DeploymentRecordInput = z
  .object({
    releaseId: Id,
    environmentId: Id,
    deployedAt: Instant,
    result: DeploymentResult,
    note: text('Note', 4000).default(''),
    source: DeploymentSource.default('manual'),
    rework: z.boolean().default(false),
    incidents: z.array(IncidentInput).max(50).default([]),
  })
  .strict();
export type DeploymentRecordInput = z.input<typeof DeploymentRecordInput>;

export const DeploymentUpdateInput = z
  .object({
    id: Id,
    changes: z.object({ environmentId: Id, deployedAt: Instant, result: DeploymentResult, note: text('Note', 4000), rework: z.boolean() }).partial().strict(),
  })
  .strict();

export const DeploymentsListInput = z.object({ releaseId: Id.optional() }).strict();

// ---------------------------------------------------------------- changes --------------------------------------

export const ChangeInput = z
  .object({
    sha: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{7,64}$/i, 'must be a commit hash of 7 to 64 hexadecimal characters')
      .transform((s) => s.toLowerCase()),
    subject: required('Subject', 500),
    author: text('Author', 200).default(''),
    committedAt: Instant,
  })
  .strict();

export const ReleaseChange = z.object({
  id: z.string(),
  releaseId: z.string(),
  sha: z.string(),
  subject: z.string(),
  author: z.string(),
  committedAt: z.string(),
});
export type ReleaseChange = z.infer<typeof ReleaseChange>;

export const ChangesAddInput = z.object({ releaseId: Id, changes: z.array(ChangeInput).min(1, 'must list at least one change').max(20_000) }).strict();
/** A change whose commit the release already carries is skipped, so importing the same tag range twice adds nothing. */
export const ChangesAddResult = z.object({ added: z.number(), skipped: z.number(), total: z.number() });

// ---------------------------------------------------------------- post-release review --------------------------

export const ActionItem = z
  .object({ text: required('Action item', 500), ownerId: Id.nullable().default(null), done: z.boolean().default(false) })
  .strict();

export const ReviewSaveInput = z
  .object({
    releaseId: Id,
    wentWell: text('What went well', 20_000).default(''),
    didNotGoWell: text('What did not go well', 20_000).default(''),
    actionItems: z.array(ActionItem).max(200).default([]),
  })
  .strict();
export type ReviewSaveInput = z.input<typeof ReviewSaveInput>;

export const ReviewCloseInput = z.object({ releaseId: Id, asPersonId: Id.optional() }).strict();

export const PostReleaseReview = z.object({
  releaseId: z.string(),
  /** False until someone first saves it: the review is then shown empty and open. */
  started: z.boolean(),
  wentWell: z.string(),
  didNotGoWell: z.string(),
  actionItems: z.array(z.object({ text: z.string(), ownerId: z.string().nullable(), done: z.boolean() })),
  closed: z.boolean(),
  closedBy: z.object({ personId: z.string(), name: z.string() }).nullable(),
  closedAt: z.string().nullable(),
});
export type PostReleaseReview = z.infer<typeof PostReleaseReview>;

export const ReleaseOutcome = z.object({
  releaseId: z.string(),
  deployments: z.array(Deployment),
  changes: z.array(ReleaseChange),
  review: PostReleaseReview,
});
export type ReleaseOutcome = z.infer<typeof ReleaseOutcome>;

// ---------------------------------------------------------------- CSV import -----------------------------------

export const DeploymentsCsvInput = z
  .object({
    content: z.string().max(5_000_000, 'File must be at most 5 MB'),
    /** true: check and preview only; false: import, all rows or none. */
    dryRun: z.boolean().default(true),
  })
  .strict();

export const CsvRowPreview = z.object({
  line: z.number(),
  ok: z.boolean(),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  release: z.string(),
  environment: z.string(),
  deployedAt: z.string(),
  result: z.string(),
  rework: z.boolean(),
  incident: z.string(),
});
export type CsvRowPreview = z.infer<typeof CsvRowPreview>;

export const DeploymentsCsvResult = z.object({
  rows: z.array(CsvRowPreview),
  valid: z.number(),
  invalid: z.number(),
  /** How many deployments were written: 0 for a preview or a file with any bad row. */
  imported: z.number(),
});
export type DeploymentsCsvResult = z.infer<typeof DeploymentsCsvResult>;

// ---------------------------------------------------------------- metrics --------------------------------------

export const PERFORMANCE_BANDS = ['elite', 'high', 'medium', 'low'] as const;
export const PerformanceBand = z.enum(PERFORMANCE_BANDS);
export type PerformanceBand = z.infer<typeof PerformanceBand>;

/**
 * The Accelerate State of DevOps report whose performance bands the figures are placed in (docs/metrics.md cites
 * each). 2022 found no elite cluster and is left out; 2024 is the last report with four clusters.
 */
export const DORA_REPORT_YEARS = [2021, 2023, 2024] as const;
export const DoraReportYear = z.union([z.literal(2021), z.literal(2023), z.literal(2024)], { message: 'must be 2021, 2023 or 2024' });
export type DoraReportYear = z.infer<typeof DoraReportYear>;
export const DEFAULT_DORA_REPORT_YEAR: DoraReportYear = 2024;

export const TREND_BUCKETS = ['week', 'month'] as const;
export const TrendBucket = z.enum(TREND_BUCKETS);
export type TrendBucket = z.infer<typeof TrendBucket>;

export const MetricsInput = z
  .object({
    /** First and last day of the period, both included, as calendar days in the viewer's zone. */
    from: LocalDate,
    to: LocalDate,
    bucket: TrendBucket.default('week'),
    systemId: Id.optional(),
    /** Default: every production environment. */
    environmentId: Id.optional(),
    /** The team, by the release owner (docs/metrics.md). */
    ownerId: Id.optional(),
    /** Which report's performance bands to use. */
    reportYear: DoraReportYear.default(DEFAULT_DORA_REPORT_YEAR),
  })
  .strict()
  .refine((m) => m.to >= m.from, { path: ['to'], message: 'To must be on or after from.' })
  .refine((m) => Date.parse(`${m.to}T00:00:00Z`) - Date.parse(`${m.from}T00:00:00Z`) <= 3 * 366 * 86_400_000, {
    path: ['to'],
    message: 'The period must be at most three years long.',
  });
export type MetricsInput = z.input<typeof MetricsInput>;

export const MetricsSummary = z.object({
  deploymentFrequency: z.object({ deployments: z.number(), perWeek: z.number(), band: PerformanceBand.nullable() }),
  leadTime: z.object({ medianHours: z.number().nullable(), changes: z.number(), band: PerformanceBand.nullable() }),
  changeFailureRate: z.object({ rate: z.number().nullable(), failures: z.number(), deployments: z.number(), band: PerformanceBand.nullable() }),
  /** Called "time to restore service" before the 2023 report; the CLI's JSON keeps that name as an alias. */
  failedDeploymentRecoveryTime: z.object({ medianHours: z.number().nullable(), restored: z.number(), open: z.number(), band: PerformanceBand.nullable() }),
  /** The 2024 report's fifth figure, without bands: the share of production deployments that were rework. */
  reworkRate: z.object({ rate: z.number().nullable(), rework: z.number(), deployments: z.number() }),
});
export type MetricsSummary = z.infer<typeof MetricsSummary>;

export const TrendPoint = z.object({ start: z.string(), label: z.string(), summary: MetricsSummary });
export type TrendPoint = z.infer<typeof TrendPoint>;

export const BreakdownRow = z.object({ id: z.string(), name: z.string(), summary: MetricsSummary });
export type BreakdownRow = z.infer<typeof BreakdownRow>;

/**
 * What a release manager reports beside DORA (issue 18), for the same period in local days: docs/metrics.md and the
 * in-app explanation say how each is counted.
 */
export const ReleaseManagementSummary = z.object({
  /** Releases released in the period, and how many of them finished inside their window. */
  onTime: z.object({ rate: z.number().nullable(), onTime: z.number(), finished: z.number() }),
  /** No-go decisions recorded in runbooks (an abort is a no-go before the cutover point); rehearsals left out. */
  noGos: z.number(),
  /** Releases that ended aborted: nothing deployed. */
  aborts: z.number(),
  /** Releases that ended rolled back. */
  rollbacks: z.number(),
  /** Runbooks whose execution ended in the period: planned against actual time, start to end. */
  runbookDuration: z.object({
    runs: z.number(),
    plannedMinutesMedian: z.number().nullable(),
    actualMinutesMedian: z.number().nullable(),
    /** Runs that took longer than planned. */
    overran: z.number(),
    list: z.array(z.object({ releaseId: z.string(), label: z.string(), runbookName: z.string(), plannedMinutes: z.number(), actualMinutes: z.number() })),
  }),
  /** Halts recorded in the period, by readiness state. */
  haltsByState: z.object({ product: z.number(), organization: z.number(), security: z.number(), operation: z.number() }),
  /** Collisions accepted (with a reason) in the period. */
  collisionsAccepted: z.number(),
  /** Every release that ended in the period: how, when, where that came from, and whether inside its window. */
  outcomes: z.array(
    z.object({
      releaseId: z.string(),
      label: z.string(),
      outcome: z.enum(['released', 'rolled-back', 'aborted', 'failed']),
      at: z.string(),
      source: z.enum(['runbook', 'deployment', 'status']),
      onTime: z.boolean().nullable(),
    }),
  ),
});
export type ReleaseManagementSummary = z.infer<typeof ReleaseManagementSummary>;

export const MetricsView = z.object({
  from: z.string(),
  to: z.string(),
  /** The zone whose days the period is (the viewer's). */
  timeZone: z.string(),
  bucket: TrendBucket,
  /** The environments counted as production for this view (names). */
  environments: z.array(z.string()),
  summary: MetricsSummary,
  trend: z.array(TrendPoint),
  bySystem: z.array(BreakdownRow),
  byTeam: z.array(BreakdownRow),
  byEnvironment: z.array(BreakdownRow),
  reportYear: DoraReportYear,
  /** Which DORA report the bands come from, in words. */
  thresholds: z.string(),
  releaseManagement: ReleaseManagementSummary,
});
export type MetricsView = z.infer<typeof MetricsView>;

export const MetricsCsv = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
