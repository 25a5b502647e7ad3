import { z } from 'zod';
import { Id, Instant } from './entities';
import { MinutesExport } from './meetings-entities';
import { GateDecision } from './readiness-entities';

/**
 * Runbooks (issue 4, BRIEF.md "Runbook"): the ordered, owned, timed steps of a release weekend, planned as a DAG of
 * dependencies and executed live. A runbook belongs to one release, or (releaseId null) is a template.
 *
 * Times: a step's fixed start is stored as minutes from the release window's start (negative for pre-checks before
 * the window opens), so a runbook made from a template, or a release moved on the calendar, re-anchors by itself.
 * Execution records are append-only: every start, complete, fail, skip and checkpoint decision is one record, and
 * a step's status is derived from them (so two devices that executed offline merge without losing any).
 */

/**
 * A readiness gate is a go/no-go checkpoint that reads the release's readiness when it is reached: Go is refused
 * while the gate (the pipeline's `gate`) does not say go; a release coordinator may override it with a reason.
 */
export const STEP_KINDS = ['task', 'checkpoint', 'readiness-gate', 'communication', 'rollback'] as const;
export const StepKind = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKind>;

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  task: 'Task',
  checkpoint: 'Go/no-go checkpoint',
  'readiness-gate': 'Readiness gate',
  communication: 'Communication',
  rollback: 'Rollback',
};

/** Steps decided go or no-go rather than started and completed. */
export const DECISION_KINDS: readonly StepKind[] = ['checkpoint', 'readiness-gate'];
export const isDecisionKind = (kind: StepKind): boolean => DECISION_KINDS.includes(kind);

/** Sections offered first in the UI; any other name is allowed. "Rollback" is the section a no-go moves into. */
export const SUGGESTED_SECTIONS = ['Pre-checks', 'Deploy', 'Verify', 'Communication', 'Rollback'] as const;
export const ROLLBACK_SECTION = 'Rollback';

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);
const required = (label: string, max: number) => text(label, max).min(1, `${label} is required`);

// ---------------------------------------------------------------- runbooks ----------------------------------------

export const RunbookFields = z.object({
  name: required('Name', 160),
  description: text('Description', 20_000),
});
export const RunbookCreate = RunbookFields.extend({
  /** The release it belongs to; null makes a template. */
  releaseId: Id.nullable(),
  description: RunbookFields.shape.description.default(''),
  /** Copy this template's (or runbook's) steps, their dependencies and offsets. */
  fromRunbookId: Id.optional(),
}).strict();
export type RunbookCreateInput = z.input<typeof RunbookCreate>;
export const RunbookPatch = RunbookFields.partial().strict();

export const Runbook = RunbookFields.extend({
  id: z.string(),
  releaseId: z.string().nullable(),
  /** The template it was made from, if any. */
  templateId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Runbook = z.infer<typeof Runbook>;

// ---------------------------------------------------------------- steps -------------------------------------------

/** Minutes: whole, from 0 to 14 days. */
const Minutes = z.number().int('must be whole minutes').min(0, 'must not be negative').max(20_160, 'must be at most 14 days');

export const StepFields = z.object({
  title: required('Title', 300),
  /** Markdown; rendered without raw HTML. */
  description: text('Description', 20_000),
  /** Commands to run, shown in monospace with a copy button. */
  command: text('Command', 20_000),
  ownerPersonId: Id.nullable(),
  /** A team when no single person owns the step ("DBA team"). */
  ownerTeam: text('Owner team', 120),
  kind: StepKind,
  section: required('Section', 80),
  durationMinutes: Minutes,
  /** Ids of steps in the same runbook that must finish first. Must not form a cycle. */
  dependsOn: z.array(Id).max(200),
  /** A fixed start in minutes from the release window's start; null: start when dependencies (or the window) allow. */
  fixedStartOffsetMinutes: z.number().int().min(-20_160).max(40_320).nullable(),
  /** The step's id in the spreadsheet it came from ("3"), kept so a re-import and a CSV export line up. */
  externalRef: text('ID', 40),
  /** Go/no-go steps: the people who decide it, named on the step and in the PDF. */
  approverIds: z.array(Id).max(20, 'At most 20 approvers'),
  /** Go/no-go steps: what must hold for a go, in words ("p95 under 400 ms for 10 minutes"). */
  criteria: text('Criteria', 4000),
  /**
   * The cutover point: once this step has started, something has changed in production, so a no-go needs the
   * rollback; before it, a no-go may abort instead (nothing deployed). docs/runbooks.md, "The cutover point".
   */
  pointOfNoReturn: z.boolean(),
});
export const StepCreate = StepFields.extend({
  runbookId: Id,
  /** Insert after this step (same runbook); omitted or null: at the end. */
  afterStepId: Id.nullable().optional(),
  description: StepFields.shape.description.default(''),
  command: StepFields.shape.command.default(''),
  ownerPersonId: StepFields.shape.ownerPersonId.default(null),
  ownerTeam: StepFields.shape.ownerTeam.default(''),
  kind: StepKind.default('task'),
  section: StepFields.shape.section.default('Deploy'),
  durationMinutes: Minutes.default(15),
  dependsOn: StepFields.shape.dependsOn.default([]),
  fixedStartOffsetMinutes: StepFields.shape.fixedStartOffsetMinutes.default(null),
  externalRef: StepFields.shape.externalRef.default(''),
  approverIds: StepFields.shape.approverIds.default([]),
  criteria: StepFields.shape.criteria.default(''),
  pointOfNoReturn: StepFields.shape.pointOfNoReturn.default(false),
}).strict();
export type StepCreateInput = z.input<typeof StepCreate>;
export const StepPatch = StepFields.partial().strict();

export const RunbookStep = StepFields.extend({
  id: z.string(),
  runbookId: z.string(),
  /** Order in the table; fractional so that inserting between two steps rewrites one row (sync-friendly). */
  position: z.number(),
});
export type RunbookStep = z.infer<typeof RunbookStep>;

export const StepMoveInput = z
  .object({
    /** The selected steps, moved together in their current order. */
    stepIds: z.array(Id).min(1, 'Select at least one step.').max(5000),
    /** Place them after this step; null: at the top. Omitted: keep their place. */
    afterStepId: Id.nullable().optional(),
    /** Put them into this section (indent into a section). */
    section: required('Section', 80).optional(),
  })
  .strict();

// ---------------------------------------------------------------- execution (append-only) ---------------------------

/**
 * Every action is one append-only record of a step (docs/runbooks.md). Besides the step's own start, complete, fail
 * and skip, and a checkpoint's go and no-go:
 * - rehearse: starts the step, and makes the whole execution a rehearsal (the release and its metrics stay as
 *   they are); only as the execution's first record;
 * - reopen: undoes the step's last start, completion or skip (a mis-click), with a reason;
 * - override: a go at a readiness gate that says halted or pending, by a release coordinator, with a reason;
 * - abort: a no-go before the cutover point, at a checkpoint or a failed step: nothing was deployed, no rollback
 *   runs, and the execution ends aborted;
 * - end-failed: a release coordinator ends the execution at a failed step, without a rollback: a failed deployment.
 */
export const EXECUTION_ACTIONS = ['start', 'complete', 'fail', 'skip', 'go', 'no-go', 'rehearse', 'reopen', 'override', 'abort', 'end-failed'] as const;
export const ExecutionAction = z.enum(EXECUTION_ACTIONS);
export type ExecutionAction = z.infer<typeof ExecutionAction>;

/** Actions that need a reason: for the war room and the audit. */
export const REASONED_ACTIONS: readonly ExecutionAction[] = ['fail', 'skip', 'no-go', 'reopen', 'override', 'abort', 'end-failed'];

export const ExecutionRecordInput = z
  .object({
    stepId: Id,
    action: ExecutionAction,
    /** Required for the REASONED_ACTIONS, and for the first record of an execution outside the release window. */
    reason: text('Reason', 4000).default(''),
    /** When it happened; default now. Lets a person record a step done while the laptop was closed. */
    at: Instant.optional(),
    asPersonId: Id.optional(),
  })
  .strict();
export type ExecutionRecordInput = z.input<typeof ExecutionRecordInput>;

export const ExecutionRecord = z.object({
  id: z.string(),
  runbookId: z.string(),
  stepId: z.string(),
  action: ExecutionAction,
  reason: z.string(),
  personId: z.string(),
  personName: z.string(),
  at: z.string(),
});
export type ExecutionRecord = z.infer<typeof ExecutionRecord>;

export const STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped', 'go', 'no-go'] as const;
export const StepStatus = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatus>;

/**
 * running → step-failed while a forward step has failed and nobody has retried, skipped or decided on it yet;
 * rolling-back → rolled-back after a no-go; finished when every forward step is settled; aborted and failed end the
 * execution by a record (abort, end-failed).
 */
export const EXECUTION_PHASES = ['not-started', 'running', 'step-failed', 'rolling-back', 'finished', 'rolled-back', 'aborted', 'failed'] as const;
export const ExecutionPhase = z.enum(EXECUTION_PHASES);
export type ExecutionPhase = z.infer<typeof ExecutionPhase>;

// ---------------------------------------------------------------- the derived view ---------------------------------

export const StepView = RunbookStep.extend({
  ownerName: z.string(),
  approverNames: z.array(z.string()),
  plannedStart: z.string(),
  plannedFinish: z.string(),
  /** Minutes this step can slip without moving the runbook's planned end. */
  slackMinutes: z.number(),
  critical: z.boolean(),
  /** In the rollback section (kind rollback or section "Rollback"): kept apart, run only after a no-go. */
  rollback: z.boolean(),
  status: StepStatus,
  actualStart: z.string().nullable(),
  actualFinish: z.string().nullable(),
  /** Expected start or finish now, from actual times so far; equals the plan before execution starts. */
  projectedStart: z.string(),
  projectedFinish: z.string(),
  /** Minutes behind plan (positive) or ahead (negative), by the projected or actual finish. */
  lateMinutes: z.number(),
  records: z.array(ExecutionRecord),
});
export type StepView = z.infer<typeof StepView>;

export const RunbookView = z.object({
  runbook: Runbook,
  release: z
    .object({
      id: z.string(),
      name: z.string(),
      version: z.string(),
      windowStart: z.string(),
      windowEnd: z.string(),
      timeZone: z.string(),
      status: z.string(),
      ownerName: z.string(),
      environmentNames: z.array(z.string()),
      systemNames: z.array(z.string()),
      /** The readiness gate's answer under the workspace policy. */
      presumptive: GateDecision,
      /** One line per readiness state, e.g. "Security: asserted by Ana Díaz, 2026-12-03 14:10 UTC". */
      signoffs: z.array(z.string()),
      /** The pipeline gate's answer now, as a readiness gate step reads it. */
      gate: z.object({ decision: GateDecision, lines: z.array(z.string()) }),
      /** Where the release's status, the gate and the execution disagree: one sentence each (issue 18). */
      mismatches: z.array(z.string()),
    })
    .nullable(),
  /** Steps in table order (sections in order of their first step, the rollback section last). */
  steps: z.array(StepView),
  /** The anchor: the release window's start, or for a template a nominal 2000-01-01T00:00:00Z. */
  anchor: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  /** Step ids on the critical path, first to last. */
  criticalPath: z.array(z.string()),
  /** Minutes the planned end runs past the release window's end; 0 when it fits (or a template). */
  overrunMinutes: z.number(),
  execution: z.object({
    phase: ExecutionPhase,
    projectedEnd: z.string().nullable(),
    /** Minutes behind plan now (positive: late). */
    lateMinutes: z.number(),
    runningStepIds: z.array(z.string()),
    /** Steps whose dependencies are all done and that have not started, by planned start. */
    nextStepIds: z.array(z.string()),
    /** The no-go that moved execution to rollback, if any. */
    noGo: ExecutionRecord.nullable(),
    /** The abort or end-failed record that ended the execution, if any. */
    ended: ExecutionRecord.nullable(),
    /** Steps of the section that runs now (forward, or rollback) that failed and are not yet retried or skipped. */
    failedStepIds: z.array(z.string()),
    /** Steps settled (done, skipped, go) of the section that runs now: forward steps, or the rollback ones. */
    settledCount: z.number(),
    stepCount: z.number(),
    /** No step marked as the point of no return has started yet: a no-go may still abort (docs/runbooks.md). */
    beforeCutover: z.boolean(),
    /** Started as a rehearsal: the release's status and the metrics are left alone. */
    rehearsal: z.boolean(),
    /**
     * Before the first record: how far outside the release window "now" is ("19 days before the window opens"),
     * or null inside it. Starting then needs a reason (a rehearsal is one).
     */
    outsideWindow: z.string().nullable(),
    /**
     * Minutes the execution started ahead of plan (0 or negative): an early start or rehearsal moves the whole plan
     * with it, so projections and lateness read against the plan as if it had started then.
     */
    shiftMinutes: z.number(),
  }),
});
export type RunbookView = z.infer<typeof RunbookView>;

export const RunbookSummary = z.object({
  id: z.string(),
  name: z.string(),
  releaseId: z.string().nullable(),
  releaseName: z.string(),
  windowStart: z.string().nullable(),
  stepCount: z.number(),
  plannedEnd: z.string().nullable(),
  overrunMinutes: z.number(),
  phase: ExecutionPhase,
});
export type RunbookSummary = z.infer<typeof RunbookSummary>;

export const RunbookListInput = z
  .object({ releaseId: Id.optional(), templates: z.boolean().optional() })
  .strict();

// ---------------------------------------------------------------- import and export --------------------------------

export const RunbookImportInput = z
  .object({
    runbookId: Id,
    fileName: required('File name', 260),
    /** CSV as text (utf8); XLSX as base64. */
    encoding: z.enum(['utf8', 'base64']),
    content: z.string().max(14_000_000, 'File must be at most 10 MB'),
    /** true: check and preview only; false: import, all rows or none. */
    dryRun: z.boolean().default(true),
    /** Replace the runbook's steps instead of appending after them. */
    replace: z.boolean().default(false),
    /** The worksheet of an XLSX workbook to read; default: the first one with a column of step titles. */
    sheet: text('Sheet', 200).optional(),
    /**
     * Columns that match no step field, by header or column letter: dropped, or kept in the notes. By default every
     * such column is kept, except one whose header says "(computed)" (Release Desk's own CSV export writes those).
     */
    dropColumns: z.array(text('Column', 300)).max(500).default([]),
    keepColumns: z.array(text('Column', 300)).max(500).default([]),
    /** Recognitions (rollback, go/no-go) not to apply, by their key: the row is then read as written. */
    asWritten: z.array(text('Recognition', 300)).max(5000).default([]),
  })
  .strict();
export type RunbookImportInput = z.input<typeof RunbookImportInput>;

export const ImportRowPreview = z.object({
  /** The spreadsheet's row number, counting the header as row 1. */
  row: z.number(),
  ok: z.boolean(),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  externalRef: z.string(),
  title: z.string(),
  owner: z.string(),
  section: z.string(),
  kind: StepKind,
  /** The start as the file writes it ("Sat 22:00"), and the date and time it became in the release's zone. */
  startWritten: z.string(),
  start: z.string(),
  durationMinutes: z.number().nullable(),
  predecessors: z.array(z.string()),
});
export type ImportRowPreview = z.infer<typeof ImportRowPreview>;

/** A column of the file that matches no step field: kept in the steps' notes under its header, or dropped. */
export const UnmatchedColumn = z.object({
  /** The spreadsheet's column letter: A, B, …, AA. */
  column: z.string(),
  header: z.string(),
  /** Rows of the plan with something in this column. */
  filled: z.number(),
  action: z.enum(['keep', 'drop']),
});
export type UnmatchedColumn = z.infer<typeof UnmatchedColumn>;

/** A row (or a whole phase) read as a rollback step or a go/no-go checkpoint from its words, not from a Kind cell. */
export const ImportRecognition = z.object({
  /** What `asWritten` names to decline it: the row number, or the phase as the file writes it. */
  key: z.string(),
  what: z.enum(['rollback', 'checkpoint']),
  rows: z.array(z.number()),
  /** "Row 16 “ROLLBACK: restore DB snapshot” → rollback section". */
  sentence: z.string(),
  applied: z.boolean(),
});
export type ImportRecognition = z.infer<typeof ImportRecognition>;

export const RunbookImportResult = z.object({
  /** The worksheets of an XLSX workbook, and the one read; CSV has none. */
  sheets: z.array(z.object({ name: z.string(), hasTitleColumn: z.boolean() })),
  sheet: z.string().nullable(),
  /** Which column of the file each field was read from ("Task" → title), with how it is read ("times in CET"). */
  columns: z.array(z.object({ field: z.string(), header: z.string(), note: z.string() })),
  unmatched: z.array(UnmatchedColumn),
  recognitions: z.array(ImportRecognition),
  /** Rows that hold text but are not steps (a title above the header row), so nothing is left out unseen. */
  notImported: z.array(z.object({ row: z.number(), text: z.string(), why: z.string() })),
  /** Problems with the file as a whole (no title column, a cycle through predecessors ...). */
  fileErrors: z.array(z.string()),
  rows: z.array(ImportRowPreview),
  valid: z.number(),
  invalid: z.number(),
  /** Steps written: 0 for a preview, or for a file with any error. */
  imported: z.number(),
});
export type RunbookImportResult = z.infer<typeof RunbookImportResult>;

export const RUNBOOK_EXPORT_FORMATS = ['pdf', 'csv', 'md'] as const;
export const RunbookExportInput = z.object({ runbookId: Id, format: z.enum(RUNBOOK_EXPORT_FORMATS) }).strict();
export const RunbookExport = MinutesExport;
export type RunbookExport = z.infer<typeof RunbookExport>;
