import { z } from 'zod';
import { Id, Instant, TimeZone } from './entities';

/**
 * The release calendar (issue 3, docs/calendar.md): windows, their occurrences, collisions and iCalendar files.
 *
 * Three kinds of window (BRIEF.md): a release window is the window a release already carries (windowStart, windowEnd,
 * timeZone on the release), so it has no row of its own; maintenance and freeze windows are stored here. Every stored
 * window is its first occurrence as two UTC instants plus the IANA zone it was planned in, optionally repeated by an
 * RFC 5545 RRULE expanded in that zone, minus exception dates.
 */

export const STORED_WINDOW_KINDS = ['maintenance', 'freeze'] as const;
export const StoredWindowKind = z.enum(STORED_WINDOW_KINDS);
export type StoredWindowKind = z.infer<typeof StoredWindowKind>;

export const WINDOW_KINDS = ['release', ...STORED_WINDOW_KINDS] as const;
export const WindowKind = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof WindowKind>;

export const WINDOW_KIND_LABELS: Record<WindowKind, string> = {
  release: 'Release window',
  maintenance: 'Maintenance window',
  freeze: 'Freeze window',
};

const trimmed = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

/**
 * The rule part of an RFC 5545 RRULE, without the "RRULE:" prefix and without DTSTART (the window's start is its
 * DTSTART), e.g. "FREQ=WEEKLY;BYDAY=SA". The core checks it further with the recurrence library.
 */
export const RecurrenceRule = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .transform((s) => s.replace(/^RRULE:/i, '').toUpperCase())
  .refine((s) => /^FREQ=[A-Z]+(;[A-Z-]+=[A-Z0-9,+\-:]+)*$|^([A-Z-]+=[A-Z0-9,+\-:]+;)+FREQ=[A-Z]+(;[A-Z-]+=[A-Z0-9,+\-:]+)*$/.test(s), {
    message: 'must be an iCalendar recurrence rule such as FREQ=WEEKLY;BYDAY=SA',
  });

/** A local calendar date in the window's own zone: the occurrence that starts on that date is skipped. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-24')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'must be a real calendar date',
  });

export const WindowBase = z.object({
  kind: StoredWindowKind,
  name: trimmed('Name', 160),
  /** Why the window exists: "Black Friday freeze", "Weekly patch window, SLA 99.9 % outside it". */
  reason: z.string().trim().max(4000, 'Reason must be at most 4000 characters'),
  /** Free text for maintenance windows, e.g. "Customers notified 72 h ahead; 30 min max downtime". */
  slaNote: z.string().trim().max(2000, 'SLA note must be at most 2000 characters'),
  start: Instant,
  end: Instant,
  timeZone: TimeZone,
  rrule: RecurrenceRule.nullable(),
  exceptionDates: z.array(LocalDate).max(500),
  /** Environments it applies to; empty means every environment (a company-wide freeze, say). */
  environmentIds: z.array(Id).max(50),
  /** Freeze windows only: the systems it freezes; empty means every system. */
  systemIds: z.array(Id).max(200),
});
export const WindowCreate = WindowBase.extend({
  reason: WindowBase.shape.reason.default(''),
  slaNote: WindowBase.shape.slaNote.default(''),
  rrule: WindowBase.shape.rrule.default(null),
  exceptionDates: WindowBase.shape.exceptionDates.default([]),
  environmentIds: WindowBase.shape.environmentIds.default([]),
  systemIds: WindowBase.shape.systemIds.default([]),
});
export const WindowPatch = WindowBase.omit({ kind: true }).partial();
export const Window = WindowBase.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
export type Window = z.infer<typeof Window>;
export type WindowCreateInput = z.input<typeof WindowCreate>;

/** A range of instants; both ends optional where the method says what it defaults to. */
export const InstantRange = z.object({ from: Instant.optional(), to: Instant.optional() });

/** One occurrence of a window (a release's window, or one repetition of a maintenance or freeze window). */
export const WindowOccurrence = z.object({
  kind: WindowKind,
  /** The window's id, or the release's id for a release window. */
  sourceId: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  /** The zone the window was planned in: show times in the viewer's zone, this one on hover. */
  timeZone: z.string(),
  environmentIds: z.array(z.string()),
  systemIds: z.array(z.string()),
  recurring: z.boolean(),
  reason: z.string(),
  /** Release windows only: the release's status. */
  status: z.string().nullable(),
  /** Release windows only: the release's owner, so the calendar can filter by owner without loading every release. */
  ownerId: z.string().nullable(),
});
export type WindowOccurrence = z.infer<typeof WindowOccurrence>;

export const COLLISION_KINDS = ['double-booking', 'freeze', 'outside-maintenance', 'dependency', 'runbook-owner'] as const;
export const CollisionKind = z.enum(COLLISION_KINDS);
export type CollisionKind = z.infer<typeof CollisionKind>;

export const COLLISION_KIND_LABELS: Record<CollisionKind, string> = {
  'double-booking': 'Double booking',
  freeze: 'Inside a freeze',
  'outside-maintenance': 'Outside maintenance',
  dependency: 'Dependency violation',
  'runbook-owner': 'Owner in two runbooks',
};

export const CollisionAcceptance = z.object({ reason: z.string(), by: z.string(), byName: z.string(), at: z.string() });

/**
 * One collision per pair of releases (or release and window, or person and two runbooks), naming every environment
 * it happens on: two releases on staging and production at once are one collision, not two.
 */
export const Collision = z.object({
  /** Stable while the collision is the same conflict at the same times; acceptances are keyed by it. */
  key: z.string(),
  kind: CollisionKind,
  releaseIds: z.array(z.string()),
  windowId: z.string().nullable(),
  /** The environments it happens on, in the workspace's order; empty for a runbook owner (and a dependency on none). */
  environmentIds: z.array(z.string()),
  personId: z.string().nullable(),
  /** The time range the conflict covers (the overlap, or the release's window). */
  start: z.string(),
  end: z.string(),
  /** One sentence naming the releases, environments and times, the times in `timeZone` (the viewer's). */
  sentence: z.string(),
  /** The zone the sentence's times are written in: the viewer's (workspace.setViewerTimeZone). */
  timeZone: z.string(),
  /** The zone the (first) release was planned in, and the collision's times there: for a tooltip, or brackets in a file. */
  plannedZone: z.string(),
  plannedTimes: z.string(),
  accepted: CollisionAcceptance.nullable(),
});
export type Collision = z.infer<typeof Collision>;

export const CollisionsListInput = InstantRange.extend({
  environmentId: Id.optional(),
  /** At most this many, the earliest first: a screen that shows a period asks for what it can show, not every pair. */
  limit: z.number().int().min(1).max(100_000).optional(),
}).strict();

/**
 * A release as it is being planned: an existing one moved or edited (its id, and what the form changed), or one not
 * planned yet (no id: systems, environments and zone from the form). What is left out is the release's own.
 */
export const PlanningDraft = z
  .object({
    releaseId: Id.optional(),
    name: z.string().trim().max(160).optional(),
    version: z.string().trim().max(60).optional(),
    systemIds: z.array(Id).max(200).optional(),
    environmentIds: z.array(Id).max(50).optional(),
    /** The zone the window is planned in. */
    timeZone: TimeZone.optional(),
    windowStart: Instant,
    windowEnd: Instant,
  })
  .strict();
export type PlanningDraft = z.infer<typeof PlanningDraft>;

export const NextFreeSlot = z.object({
  found: z.boolean(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  /** The maintenance window the slot sits in, by name, where one covers it. */
  maintenanceWindow: z.string().nullable(),
  /** One sentence in the viewer's zone: where the slot is, or why there is none. */
  sentence: z.string(),
});
export type NextFreeSlot = z.infer<typeof NextFreeSlot>;

/** A release that needs other releases done first (a dependency violation is A planned before B ends). */
export const ReleaseNeeds = z.object({ releaseId: z.string(), needsReleaseIds: z.array(z.string()) });
export type ReleaseNeeds = z.infer<typeof ReleaseNeeds>;

export const IcsText = z.string().min(1, 'is empty').max(5_000_000, 'must be at most 5 MB');

export const IcsImportInput = z
  .object({ ics: IcsText, kind: StoredWindowKind, environmentId: Id.nullable().default(null) })
  .strict();

export const IcsImportPreview = z.object({ windows: z.array(WindowBase), warnings: z.array(z.string()) });
export type IcsImportPreview = z.infer<typeof IcsImportPreview>;
