import { z } from 'zod';
import { Id, Instant, PersonRole, ReadinessPolicy, ReleaseStatus, type PersonRole as Role } from './entities';

/**
 * Readiness (BRIEF.md, "Readiness states" and "Presumptive release"): four states per release, each owned by one
 * empowered role. Sign-offs, checklist ticks and waivers are append-only records; everything shown about them
 * (the state of each readiness state, the gate's answer under the workspace policy, which checklist items block) is
 * derived.
 */

export const READINESS_STATES = ['product', 'organization', 'security', 'operation'] as const;
export const ReadinessState = z.enum(READINESS_STATES);
export type ReadinessState = z.infer<typeof ReadinessState>;

export const READINESS_STATE_LABELS: Record<ReadinessState, string> = {
  product: 'Product',
  organization: 'Organization',
  security: 'Security',
  operation: 'Operation',
};

/** The one role empowered to assert, halt or withdraw each state. */
export const EMPOWERED_ROLE_FOR: Record<ReadinessState, Role> = {
  product: 'product-owner',
  organization: 'release-coordinator',
  security: 'security-architect',
  operation: 'operations-coordinator',
};

export const SIGNOFF_ACTIONS = ['assert', 'halt', 'withdraw'] as const;
export const SignoffAction = z.enum(SIGNOFF_ACTIONS);
export type SignoffAction = z.infer<typeof SignoffAction>;

/**
 * What one readiness state currently is, derived from its sign-offs: a fact, whatever the policy. How an unasserted
 * state reads (presumed ready, or pending) is the policy's business (ReadinessStateView.word and note).
 */
export const READINESS_STATUSES = ['asserted', 'halted', 'unasserted'] as const;
export const ReadinessStatus = z.enum(READINESS_STATUSES);
export type ReadinessStatus = z.infer<typeof ReadinessStatus>;

/** The gate's answer for a release: it may go, it is halted, or it waits for assertions the policy requires. */
export const GATE_DECISIONS = ['go', 'halted', 'pending'] as const;
export const GateDecision = z.enum(GATE_DECISIONS);
export type GateDecision = z.infer<typeof GateDecision>;

/**
 * How much an unasserted state asks of its empowered person: a calm reminder before the readiness deadline, a
 * warning after it; nothing once asserted or halted.
 */
export const READINESS_ATTENTION = ['none', 'reminder', 'warning'] as const;
export const ReadinessAttention = z.enum(READINESS_ATTENTION);
export type ReadinessAttention = z.infer<typeof ReadinessAttention>;

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

/** An optional link to evidence: an absolute http(s) URL (a CI run, a scan report, a ticket). */
export const EvidenceLink = z
  .string()
  .trim()
  .max(2000, 'Evidence must be at most 2000 characters')
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { message: 'must be a link starting with http:// or https://' });

/** The acting person: an explicit person id (the CLI's --as), or, when omitted, the person chosen on this device. */
const AsPerson = { asPersonId: Id.optional() };

// ---------------------------------------------------------------- records as read back (append-only) ----------

export const SignoffRecord = z.object({
  id: z.string(),
  releaseId: z.string(),
  state: ReadinessState,
  action: SignoffAction,
  personId: z.string(),
  comment: z.string(),
  waivedIssues: z.array(z.string()),
  /** For a withdrawal: the assertion or halt it withdraws. */
  withdrawsId: z.string().nullable(),
  deviceId: z.string(),
  /** When it was written (the writing device's clock), and its hybrid-logical-clock stamp, which orders records. */
  at: z.string(),
  hlc: z.string(),
});
export type SignoffRecord = z.infer<typeof SignoffRecord>;

export const SignoffInput = z
  .object({
    releaseId: Id,
    state: ReadinessState,
    action: SignoffAction,
    comment: text('Comment', 4000).default(''),
    waivedIssues: z.array(z.string().trim().min(1, 'Waived issue must not be empty').max(500)).max(200).default([]),
    withdrawsId: Id.optional(),
    ...AsPerson,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.action === 'halt' && input.comment === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Comment is required for a halt: give the reason the release must stop.' });
    }
    if (input.action !== 'assert' && input.waivedIssues.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['waivedIssues'], message: 'Waived issues can only be listed with an assertion.' });
    }
    if (input.action !== 'withdraw' && input.withdrawsId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['withdrawsId'], message: 'Withdraws id is only for a withdrawal.' });
    }
  });

// ---------------------------------------------------------------- checklists ----------------------------------

export const ChecklistTemplateItem = z
  .object({
    title: z.string().trim().min(1, 'Title is required').max(200, 'Title must be at most 200 characters'),
    required: z.boolean().default(true),
  })
  .strict();

export const ChecklistTemplate = z.object({
  id: z.string(),
  name: z.string(),
  state: ReadinessState,
  items: z.array(z.object({ title: z.string(), required: z.boolean() })),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const ChecklistTemplateCreate = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(120, 'Name must be at most 120 characters'),
    state: ReadinessState,
    items: z.array(ChecklistTemplateItem).min(1, 'must list at least one item').max(200),
  })
  .strict();

const PersonRef = z.object({ personId: z.string(), name: z.string() });

/** A checklist item of one release with its derived state: ticked, waived, and whether it blocks its assertion. */
export const ChecklistItemView = z.object({
  id: z.string(),
  releaseId: z.string(),
  templateId: z.string().nullable(),
  state: ReadinessState,
  title: z.string(),
  required: z.boolean(),
  position: z.number(),
  ticked: z.boolean(),
  tickedBy: PersonRef.nullable(),
  tickedAt: z.string().nullable(),
  evidence: z.string(),
  waived: z.boolean(),
  waivedBy: PersonRef.nullable(),
  waivedAt: z.string().nullable(),
  waiverReason: z.string(),
  /** Required, not ticked and not waived: the assertion of its state is refused until that changes. */
  blocking: z.boolean(),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

export const ChecklistInstantiateInput = z.object({ releaseId: Id, templateId: Id }).strict();

export const ChecklistTickInput = z
  .object({
    itemId: Id,
    /** false un-ticks: a new record, the earlier tick stays in the audit. */
    ticked: z.boolean().default(true),
    evidence: EvidenceLink.default(''),
    comment: text('Comment', 4000).default(''),
    ...AsPerson,
  })
  .strict();

export const ChecklistWaiveInput = z
  .object({
    itemId: Id,
    /** false lifts an earlier waiver: a new record, the waiver stays in the audit. */
    waived: z.boolean().default(true),
    reason: text('Reason', 4000).default(''),
    ...AsPerson,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.waived && input.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Reason is required to waive a required checklist item.' });
    }
  });

// ---------------------------------------------------------------- derived readiness -------------------------

export const ReadinessStateView = z.object({
  state: ReadinessState,
  label: z.string(),
  role: PersonRole,
  roleLabel: z.string(),
  status: ReadinessStatus,
  /** The sign-off in effect (the latest assertion or halt not withdrawn), or null when pending. */
  recordId: z.string().nullable(),
  by: PersonRef.nullable(),
  at: z.string().nullable(),
  comment: z.string(),
  waivedIssues: z.array(z.string()),
  /** Not asserted and the readiness deadline has passed. */
  overdue: z.boolean(),
  /** The state in a word, under the workspace policy: Asserted, Halted, Presumed ready, Pending or Overdue. */
  word: z.string(),
  /** For an unasserted state, one sentence: how the policy reads it, who must act and by when; '' otherwise. */
  note: z.string(),
  attention: ReadinessAttention,
  checklist: z.object({ total: z.number(), done: z.number(), waived: z.number(), blocking: z.array(z.string()) }),
  /** People holding the empowered role, who may act on this state. */
  empowered: z.array(PersonRef),
});
export type ReadinessStateView = z.infer<typeof ReadinessStateView>;

export const GATE_EXIT_CODES = { go: 0, halted: 3, pending: 4 } as const;

/**
 * The gate's answer for one release under the workspace policy: the board, the release drawer, the meeting agenda,
 * the minutes, the CLI and the pipeline gate all show this one answer (core/domain/readiness/release-gate.ts).
 */
export const GateAnswer = z.object({
  policy: ReadinessPolicy,
  /** The gate was asked for all four assertions whatever the policy (`gate --require-all`). */
  requireAll: z.boolean(),
  decision: GateDecision,
  exitCode: z.union([z.literal(0), z.literal(3), z.literal(4)]),
  halts: z.array(z.object({ state: ReadinessState, label: z.string(), by: PersonRef, reason: z.string(), at: z.string() })),
  /** States nobody has asserted, with the role that may, and how the policy reads each. */
  unasserted: z.array(
    z.object({ state: ReadinessState, label: z.string(), role: PersonRole, roleLabel: z.string(), attention: ReadinessAttention, note: z.string() }),
  ),
  /** One sentence: "Go: all four readiness states asserted." / "Go: nothing is halted; …" / "Halted (…)." / "Pending: …". */
  summary: z.string(),
  /** What a pipeline log shows: the policy, the decision, then who halted and why, or the warnings and reminders. */
  lines: z.array(z.string()),
});
export type GateAnswer = z.infer<typeof GateAnswer>;

export const DeadlineView = z.object({
  hours: z.number(),
  /** Where the hours came from: this release, the workspace default, or the built-in default. */
  source: z.enum(['release', 'workspace', 'built-in']),
  at: z.string(),
  passed: z.boolean(),
  overdueStates: z.array(ReadinessState),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

const ReleaseSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  status: ReleaseStatus,
  windowStart: z.string(),
  windowEnd: z.string(),
  timeZone: z.string(),
});

export const ReadinessView = z.object({
  release: ReleaseSummary,
  states: z.array(ReadinessStateView),
  gate: GateAnswer,
  deadline: DeadlineView,
  checklist: z.array(ChecklistItemView),
  /** Every sign-off of the release, oldest first. */
  signoffs: z.array(SignoffRecord),
});
export type ReadinessView = z.infer<typeof ReadinessView>;

export const ReadinessBoardInput = z
  .object({ from: Instant, to: Instant })
  .strict()
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { path: ['to'], message: 'To must be after from.' });

export const ReadinessBoardRow = z.object({
  release: ReleaseSummary,
  states: z.array(
    ReadinessStateView.pick({ state: true, label: true, status: true, by: true, at: true, comment: true, overdue: true, word: true, note: true, attention: true }),
  ),
  gate: GateAnswer,
  deadline: DeadlineView,
  /** Where the release's status, this gate and its runbook's phase disagree: one sentence each (issue 18). */
  mismatches: z.array(z.string()),
});
export type ReadinessBoardRow = z.infer<typeof ReadinessBoardRow>;

export const GateInput = z
  .object({
    releaseId: Id,
    /** Answer pending while any state is unasserted, whatever the policy: for pipelines that demand all four. */
    requireAll: z.boolean().default(false),
  })
  .strict();

/** `gate --json`: the answer, and each state with the record in effect (recordId), so a pipeline can trace it. */
export const GateView = GateAnswer.extend({
  releaseId: z.string(),
  name: z.string(),
  version: z.string(),
  states: z.array(
    ReadinessStateView.pick({
      state: true,
      label: true,
      role: true,
      roleLabel: true,
      status: true,
      recordId: true,
      by: true,
      at: true,
      comment: true,
      waivedIssues: true,
      overdue: true,
      word: true,
      note: true,
      attention: true,
    }),
  ),
  /**
   * Every sign-off of the release, and whether it verified: only verified records count toward the decision; the
   * others are listed with why (docs/sync.md, "Signed records").
   */
  signoffs: z.array(
    z.object({
      state: ReadinessState,
      action: SignoffAction,
      personId: z.string(),
      by: z.string(),
      at: z.string(),
      verified: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
});
export type GateView = z.infer<typeof GateView>;

export const ReadinessDeadlineInput = z
  .object({
    /** null sets the workspace default. */
    releaseId: Id.nullable(),
    /** Hours before the window start; null removes the setting (falls back to the workspace, then built-in, default). */
    hours: z.number().int('must be a whole number of hours').min(0, 'must be 0 or more').max(24 * 90, 'must be at most 2160 (90 days)').nullable(),
  })
  .strict();

// ---------------------------------------------------------------- back-trace audit --------------------------

export const RELEASE_AUDIT_KINDS = ['assert', 'halt', 'withdraw', 'waiver', 'waiver-lifted', 'tick', 'untick', 'checklist', 'decision', 'release-change', 'step-execution'] as const;

/**
 * Whether a record of the audit can be trusted (docs/sync.md, "Signed records"): a signed record verified, or did not
 * (kept and shown, with the reason, and counted nowhere); ordinary edits (a release's fields, a checklist item added)
 * are not signed records.
 */
export const AUDIT_VERIFICATIONS = ['verified', 'unverified', 'not-signed'] as const;
export const AuditVerification = z.object({ status: z.enum(AUDIT_VERIFICATIONS), reason: z.string().nullable() });
export type AuditVerification = z.infer<typeof AuditVerification>;

export const ReleaseAuditEntry = z.object({
  at: z.string(),
  hlc: z.string(),
  kind: z.enum(RELEASE_AUDIT_KINDS),
  state: ReadinessState.nullable(),
  personId: z.string(),
  who: z.string(),
  deviceId: z.string(),
  /** The team-server member that relayed the record to this device, where it came that way. */
  member: z.string().nullable(),
  verification: AuditVerification,
  /** One sentence: what happened. */
  what: z.string(),
  comment: z.string(),
  evidence: z.string(),
  waivedIssues: z.array(z.string()),
});
export type ReleaseAuditEntry = z.infer<typeof ReleaseAuditEntry>;

export const AuditExportInput = z.object({ releaseId: Id, format: z.enum(['csv', 'json']) }).strict();
export const AuditExport = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
