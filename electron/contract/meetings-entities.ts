import { z } from 'zod';
import { Id, Instant, TimeZone } from './entities';
import { LocalDate, Collision } from './calendar-entities';
import { ReadinessBoardRow } from './readiness-entities';

/**
 * The coordination meeting (BRIEF.md, issue 5): for a date range, an agenda of the releases in it with their readiness,
 * collisions and whether their target environments are prepared; attendees; a decision per release; action items.
 * Decisions and action-item completions are append-only records (the latest by clock counts), so the minutes can
 * always say who decided what and when, and two laptops recording at the same meeting merge without loss.
 */

export const MEETING_DECISIONS = ['go', 'hold', 'reschedule'] as const;
export const MeetingDecisionKind = z.enum(MEETING_DECISIONS);
export type MeetingDecisionKind = z.infer<typeof MeetingDecisionKind>;

export const MEETING_DECISION_LABELS: Record<MeetingDecisionKind, string> = { go: 'Go', hold: 'Hold', reschedule: 'Reschedule' };

const title = z.string().trim().min(1, 'Title is required').max(200, 'Title must be at most 200 characters');
const note = (label: string) => z.string().trim().max(4000, `${label} must be at most 4000 characters`);

const MeetingFields = z.object({
  title,
  /** The releases whose window overlaps [from, to) are on the agenda. */
  from: Instant,
  to: Instant,
  /** Where the meeting is held: its date (the minutes' file name, "today" for overdue actions) is read in this zone. */
  timeZone: TimeZone,
  /** When the meeting is held. */
  heldAt: Instant,
  /** General notes, beside the per-release decisions. */
  notes: note('Notes'),
  /** Decisions the meeting took that are not about one release ("no releases on 24 December"). */
  decisions: note('Decisions'),
});

const rangeInOrder = (r: { from?: string; to?: string }) => r.from === undefined || r.to === undefined || Date.parse(r.to) > Date.parse(r.from);
const rangeIssue = { path: ['to'], message: 'To must be after from.' };

export const MeetingCreate = MeetingFields.extend({
  notes: MeetingFields.shape.notes.default(''),
  decisions: MeetingFields.shape.decisions.default(''),
  timeZone: TimeZone.optional(),
  /** Default: the start of the range. */
  heldAt: Instant.optional(),
  attendeeIds: z.array(Id).max(200).default([]),
})
  .strict()
  .refine(rangeInOrder, rangeIssue);

export const MeetingPatch = MeetingFields.partial().strict();

export const Meeting = MeetingFields.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
export type Meeting = z.infer<typeof Meeting>;

const PersonRef = z.object({ personId: z.string(), name: z.string() });
export type MeetingPersonRef = z.infer<typeof PersonRef>;

export const MeetingSummary = Meeting.extend({
  releaseCount: z.number(),
  decidedCount: z.number(),
  openActionCount: z.number(),
  attendeeCount: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingDecisionView = z.object({
  id: z.string(),
  releaseId: z.string(),
  decision: MeetingDecisionKind,
  note: z.string(),
  by: PersonRef,
  at: z.string(),
  hlc: z.string(),
});
export type MeetingDecisionView = z.infer<typeof MeetingDecisionView>;

/** Whether one target environment is ready for the releases in range, as the meeting last recorded it. */
export const EnvironmentPreparedView = z.object({
  environmentId: z.string(),
  name: z.string(),
  prepared: z.boolean(),
  note: z.string(),
  /** Null until someone records it at this meeting. */
  by: PersonRef.nullable(),
  at: z.string().nullable(),
  releaseIds: z.array(z.string()),
});
export type EnvironmentPreparedView = z.infer<typeof EnvironmentPreparedView>;

export const AgendaItem = ReadinessBoardRow.extend({
  environmentIds: z.array(z.string()),
  systemIds: z.array(z.string()),
  collisions: z.array(Collision),
  /** The decision in effect (the latest recorded), or null when none yet. */
  decision: MeetingDecisionView.nullable(),
  /** Every decision recorded for it at this meeting, oldest first. */
  decisions: z.array(MeetingDecisionView),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const ActionItemView = z.object({
  id: z.string(),
  meetingId: z.string(),
  releaseId: z.string().nullable(),
  title: z.string(),
  owner: PersonRef.nullable(),
  dueDate: z.string(),
  done: z.boolean(),
  doneBy: PersonRef.nullable(),
  doneAt: z.string().nullable(),
  /** Not done and its due date is before today (in the meeting's zone). */
  overdue: z.boolean(),
});
export type ActionItemView = z.infer<typeof ActionItemView>;

/** An action item of an earlier meeting that was still open when this one was held: it carries over until done. */
export const CarriedActionItem = ActionItemView.extend({ meetingTitle: z.string(), meetingHeldAt: z.string() });
export type CarriedActionItem = z.infer<typeof CarriedActionItem>;

export const MeetingView = z.object({
  meeting: Meeting,
  attendees: z.array(PersonRef),
  agenda: z.array(AgendaItem),
  environments: z.array(EnvironmentPreparedView),
  /** Every collision overlapping the range (also listed on each agenda item it involves). */
  collisions: z.array(Collision),
  actions: z.array(ActionItemView),
  /** Open items of earlier meetings (and those closed since this one began), oldest meeting first. */
  carriedOver: z.array(CarriedActionItem),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingDecideInput = z
  .object({ meetingId: Id, releaseId: Id, decision: MeetingDecisionKind, note: note('Note').default(''), asPersonId: Id.optional() })
  .strict()
  .superRefine((input, ctx) => {
    if (input.decision !== 'go' && input.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `Note is required to ${input.decision} a release: say why and what happens next.` });
    }
  });

export const EnvironmentPreparedInput = z
  .object({ meetingId: Id, environmentId: Id, prepared: z.boolean(), note: note('Note').default('') })
  .strict();

export const ActionItemCreate = z
  .object({ meetingId: Id, title, ownerId: Id, dueDate: LocalDate, releaseId: Id.nullable().default(null) })
  .strict();

export const ActionItemPatch = z
  .object({ title, ownerId: Id, dueDate: LocalDate, releaseId: Id.nullable() })
  .partial()
  .strict();

export const ActionItemCompleteInput = z
  .object({
    id: Id,
    done: z.boolean().default(true),
    asPersonId: Id.optional(),
    /** The meeting to answer with, where a carried-over item is closed (default: the item's own meeting). */
    inMeetingId: Id.optional(),
  })
  .strict();

export const MinutesExportInput = z.object({ meetingId: Id, format: z.enum(['md', 'pdf']) }).strict();

/** A file to save: text as is, or (a PDF) base64 so it survives JSON over IPC and HTTP. */
export const MinutesExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type MinutesExport = z.infer<typeof MinutesExport>;
