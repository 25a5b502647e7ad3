import { createHash } from 'node:crypto';
import { notFound } from '../../../contract/api-result';
import type { Release } from '../../../contract/entities';
import type { Meeting, MeetingDecisionKind, MeetingSummary, MeetingView } from '../../../contract/meetings-entities';
import { localDate } from '../../domain/calendar/zoned-time';
import { buildAgenda, deriveActionItems, type ActionItemFacts, type CompletionFacts, type EnvironmentCheckFacts } from '../../domain/meetings';
import { hlcInstant } from '../../changes/change';
import type { HandlerContext } from '../handler-context';
import type { FieldName } from '../../store/entity-tables';
import { calendarHandlers } from './calendar-handlers';
import { signedRowsOf } from './readiness-records';
import { peopleNames } from '../../people/people-queries';
import { personNames } from '../../domain/person-names';
import { readinessHandlers } from './readiness-handlers';

/**
 * Reads a meeting and everything its agenda shows out of the store, as plain data for the pure rules in
 * core/domain/meetings. Readiness and collisions come from the readiness and calendar methods themselves, so the
 * meeting shows exactly what the board and the calendar show.
 */

/** Ids made of what a record is about, so two devices adding the same attendee or check merge into one row. */
export const stableId = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
export const attendeeId = (meetingId: string, personId: string) => stableId(`attendee:${meetingId}>${personId}`);
export const environmentCheckId = (meetingId: string, environmentId: string) => stableId(`environment-check:${meetingId}>${environmentId}`);

export function getMeeting(ctx: HandlerContext, id: string): Meeting {
  const row = ctx.store.reader.get('meeting', id);
  if (!row) throw notFound('Meeting', id);
  return row;
}

const releasesIn = (ctx: HandlerContext, meeting: Meeting) =>
  ctx.store.reader.list('release', ['windowStart', { by: 'name', nocase: true }]).filter(
    (r) => Date.parse(r.windowStart) < Date.parse(meeting.to) && Date.parse(r.windowEnd) > Date.parse(meeting.from),
  );

const rowsOf = <E extends 'meetingAttendee' | 'meetingDecision' | 'meetingEnvironmentCheck' | 'meetingActionItem' | 'meetingActionCompletion'>(ctx: HandlerContext, entity: E, meetingId: string) =>
  ctx.store.reader.findEqual(entity, 'meetingId' as FieldName<E>, meetingId);

/** Decisions and completions are signed records: only those that verified count (store/signed-records.ts). */
function loadDecisions(ctx: HandlerContext, meetingId: string) {
  return signedRowsOf(ctx, 'meetingDecision', 'meetingId', meetingId, 'counted').map(({ row, written }) => ({
    id: row.id,
    releaseId: String(row.releaseId),
    decision: row.decision as MeetingDecisionKind,
    note: String(row.note),
    personId: String(row.personId),
    at: written.at,
    hlc: written.hlc,
  }));
}

function loadCompletions(ctx: HandlerContext, meetingId: string): CompletionFacts[] {
  return signedRowsOf(ctx, 'meetingActionCompletion', 'meetingId', meetingId, 'counted').map(({ row, written }) => ({
    id: row.id,
    actionItemId: String(row.actionItemId),
    done: Boolean(row.done),
    personId: String(row.personId),
    at: written.at,
    hlc: written.hlc,
  }));
}

function loadChecks(ctx: HandlerContext, meetingId: string): EnvironmentCheckFacts[] {
  return rowsOf(ctx, 'meetingEnvironmentCheck', meetingId).map((row) => {
    const last = ctx.store.history('meetingEnvironmentCheck', row.id)[0];
    return { environmentId: String(row.environmentId), prepared: Boolean(row.prepared), note: String(row.note), by: last?.author ?? null, at: last ? hlcInstant(last.hlc) : null };
  });
}

function loadActionItems(ctx: HandlerContext, meetingId: string): ActionItemFacts[] {
  return rowsOf(ctx, 'meetingActionItem', meetingId).map((row) => ({
    id: row.id,
    meetingId,
    releaseId: (row.releaseId as string | null) ?? null,
    title: String(row.title),
    ownerId: String(row.ownerId),
    dueDate: String(row.dueDate),
    createdAt: row.createdAt,
  }));
}

/** When a meeting is held; a meeting that arrived by sync without it counts from the start of its range. */
export const heldAtOf = (meeting: Meeting) => meeting.heldAt || meeting.from;

/**
 * The action items of earlier meetings that this one carries: those still open, and those closed since the meeting
 * before it (so it shows who closed them). Oldest meeting first.
 */
function carriedOver(ctx: HandlerContext, meeting: Meeting, today: string): Array<ActionItemFacts & { completions: CompletionFacts[]; meeting: Meeting }> {
  const held = Date.parse(heldAtOf(meeting));
  const earlier = ctx.store.reader.list('meeting')
    .filter((m) => m.id !== meeting.id && Date.parse(heldAtOf(m)) < held)
    .sort((a, b) => heldAtOf(a).localeCompare(heldAtOf(b)));
  const since = earlier.length > 0 ? Date.parse(heldAtOf(earlier[earlier.length - 1])) : -Infinity;
  return earlier.flatMap((m) => {
    const completions = loadCompletions(ctx, m.id);
    const items = loadActionItems(ctx, m.id);
    const status = new Map(deriveActionItems(items, completions, personNames([]), today).map((a) => [a.id, a]));
    return items
      .filter((item) => {
        const a = status.get(item.id)!;
        return !a.done || (a.doneAt !== null && Date.parse(a.doneAt) >= since);
      })
      .map((item) => ({ ...item, completions: completions.filter((c) => c.actionItemId === item.id), meeting: m }));
  });
}

export function loadMeetingView(ctx: HandlerContext, meetingId: string, now = new Date().toISOString()): MeetingView {
  const meeting = getMeeting(ctx, meetingId);
  const { from, to } = meeting;
  const today = localDate(Date.parse(now), meeting.timeZone);
  const attendeeIds = rowsOf(ctx, 'meetingAttendee', meetingId).map((r) => String(r.personId)).filter((id) => id !== '');
  const decisions = loadDecisions(ctx, meetingId);
  const completions = loadCompletions(ctx, meetingId);
  const checks = loadChecks(ctx, meetingId);
  const items = loadActionItems(ctx, meetingId);
  const carried = carriedOver(ctx, meeting, today);
  const names = peopleNames(ctx.store);

  const releases = new Map(releasesIn(ctx, meeting).map((r) => [r.id, r]));
  const board = readinessHandlers['readiness.board'](ctx, { from, to }).filter((row) => releases.has(row.release.id));
  const collisions = calendarHandlers['collisions.list'](ctx, { from, to });
  const { agenda, environments } = buildAgenda({
    releases: board.map((row) => ({ readiness: row, environmentIds: releases.get(row.release.id)!.environmentIds, systemIds: releases.get(row.release.id)!.systemIds })),
    collisions,
    decisions: decisions.map(({ personId, ...d }) => ({ ...d, by: names.ref(personId) })),
    checks,
    environments: ctx.store.reader.list('environment', ['position', 'name']),
    names,
  });
  return {
    meeting,
    attendees: attendeeIds.map((id) => names.ref(id)).sort((a, b) => a.name.localeCompare(b.name)),
    agenda,
    environments,
    collisions,
    actions: deriveActionItems(items, completions, names, today),
    carriedOver: carried.map((c) => ({
      ...deriveActionItems([c], c.completions, names, today)[0],
      meetingTitle: c.meeting.title,
      meetingHeldAt: heldAtOf(c.meeting),
    })),
  };
}

/** The list row: counts only, so the list stays quick however many releases each meeting covers. */
export function loadMeetingSummary(ctx: HandlerContext, meeting: Meeting): MeetingSummary {
  const inRange = new Set(releasesIn(ctx, meeting).map((r) => r.id));
  const decided = new Set(loadDecisions(ctx, meeting.id).map((d) => d.releaseId).filter((id) => inRange.has(id)));
  const completions = loadCompletions(ctx, meeting.id);
  const actions = deriveActionItems(
    rowsOf(ctx, 'meetingActionItem', meeting.id).map((row) => ({ id: row.id, meetingId: meeting.id, releaseId: null, title: '', ownerId: '', dueDate: String(row.dueDate), createdAt: row.createdAt })),
    completions,
    personNames([]),
    '',
  );
  return {
    ...meeting,
    releaseCount: inRange.size,
    decidedCount: decided.size,
    openActionCount: actions.filter((a) => !a.done).length,
    attendeeCount: rowsOf(ctx, 'meetingAttendee', meeting.id).length,
  };
}
