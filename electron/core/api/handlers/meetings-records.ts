import { createHash } from 'node:crypto';
import { notFound } from '../../../contract/api-result';
import type { Release } from '../../../contract/entities';
import type { Meeting, MeetingDecisionKind, MeetingSummary, MeetingView } from '../../../contract/meetings-entities';
import { localDate } from '../../domain/calendar/zoned-time';
import { buildAgenda, deriveActionItems, type CompletionFacts, type EnvironmentCheckFacts } from '../../domain/meetings';
import { hlcInstant } from '../../changes/change';
import type { HandlerContext } from '../handler-context';
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
  return row as unknown as Meeting;
}

const releasesIn = (ctx: HandlerContext, meeting: Meeting) =>
  (ctx.store.reader.list('release', 'window_start, name COLLATE NOCASE') as unknown as Release[]).filter(
    (r) => Date.parse(r.windowStart) < Date.parse(meeting.to) && Date.parse(r.windowEnd) > Date.parse(meeting.from),
  );

const rowsOf = (ctx: HandlerContext, entity: 'meetingAttendee' | 'meetingDecision' | 'meetingEnvironmentCheck' | 'meetingActionItem' | 'meetingActionCompletion', meetingId: string) =>
  ctx.store.reader.findEqual(entity, 'meetingId', meetingId);

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

export function loadMeetingView(ctx: HandlerContext, meetingId: string, now = new Date().toISOString()): MeetingView {
  const meeting = getMeeting(ctx, meetingId);
  const { from, to } = meeting;
  const attendeeIds = rowsOf(ctx, 'meetingAttendee', meetingId).map((r) => String(r.personId)).filter((id) => id !== '');
  const decisions = loadDecisions(ctx, meetingId);
  const completions = loadCompletions(ctx, meetingId);
  const checks = loadChecks(ctx, meetingId);
  const items = rowsOf(ctx, 'meetingActionItem', meetingId).map((row) => ({
    id: row.id,
    meetingId,
    releaseId: (row.releaseId as string | null) ?? null,
    title: String(row.title),
    ownerId: String(row.ownerId),
    dueDate: String(row.dueDate),
    createdAt: row.createdAt,
  }));
  const named = [...attendeeIds, ...decisions.map((d) => d.personId), ...completions.map((c) => c.personId), ...items.map((i) => i.ownerId)];
  named.push(...checks.flatMap((c) => (c.by ? [c.by] : [])));
  const names = peopleNames(ctx.store);

  const releases = new Map(releasesIn(ctx, meeting).map((r) => [r.id, r]));
  const board = readinessHandlers['readiness.board'](ctx, { from, to }).filter((row) => releases.has(row.release.id));
  const collisions = calendarHandlers['collisions.list'](ctx, { from, to });
  const { agenda, environments } = buildAgenda({
    releases: board.map((row) => ({ readiness: row, environmentIds: releases.get(row.release.id)!.environmentIds, systemIds: releases.get(row.release.id)!.systemIds })),
    collisions,
    decisions: decisions.map(({ personId, ...d }) => ({ ...d, by: names.ref(personId) })),
    checks,
    environments: ctx.store.reader.list('environment', 'position, name') as unknown as Array<{ id: string; name: string }>,
    names,
  });
  return {
    meeting,
    attendees: attendeeIds.map((id) => names.ref(id)).sort((a, b) => a.name.localeCompare(b.name)),
    agenda,
    environments,
    collisions,
    actions: deriveActionItems(items, completions, names, localDate(Date.parse(now), meeting.timeZone)),
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
