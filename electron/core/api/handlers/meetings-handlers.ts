import { randomUUID } from 'node:crypto';
import { invalidInput, notFound } from '../../../contract/api-result';
import type { Person } from '../../../contract/entities';
import type { Meeting } from '../../../contract/meetings-entities';
import { minutesFileBase, minutesMarkdown } from '../../domain/meetings';
import { meetingMinutesPdf } from '../../export/meeting-minutes-pdf';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { attendeeId, environmentCheckId, getMeeting, loadMeetingSummary, loadMeetingView } from './meetings-records';
import { getPerson } from './people-handlers';
import { requireExisting } from './references';
import { signingPerson } from './acting-person';

/** The coordination meeting (issue 5): agenda, attendees, decisions, environments prepared, action items, minutes. */

function defaultZone(ctx: HandlerContext): string {
  const settings = ctx.store.reader.list('settings').at(0);
  return settings?.defaultTimeZone || 'UTC';
}

function checkRange(range: { from: string; to: string }): void {
  if (Date.parse(range.to) <= Date.parse(range.from)) throw invalidInput('to', 'The end of the meeting range (to) must be after its start (from).');
}

function actionItem(ctx: HandlerContext, id: string) {
  const row = ctx.store.reader.get('meetingActionItem', id);
  if (!row) throw notFound('Action item', id);
  getMeeting(ctx, String(row.meetingId));
  return { id, meetingId: String(row.meetingId) };
}

/** Replaces the attendee rows of a meeting: removed ones become tombstones, returning ones are restored. */
function writeAttendees(ctx: HandlerContext, meetingId: string, personIds: readonly string[]): void {
  const wanted = [...new Set(personIds)];
  requireExisting(ctx, 'person', wanted, 'personIds');
  const current = ctx.store.reader.findEqual('meetingAttendee', 'meetingId', meetingId);
  ctx.store.mutate(ctx.author(), (w) => {
    for (const row of current) if (!wanted.includes(String(row.personId))) w.delete('meetingAttendee', row.id);
    for (const personId of wanted) {
      if (current.some((row) => row.personId === personId)) continue;
      const id = attendeeId(meetingId, personId);
      if (ctx.store.reader.isDeleted('meetingAttendee', id)) w.restore('meetingAttendee', id);
      else w.insert('meetingAttendee', id, { meetingId, personId });
    }
  });
}

export const meetingsHandlers = {
  'meetings.list': (ctx) =>
    ctx.store.reader.list('meeting', [{ by: 'heldAt', desc: true }, { by: 'from', desc: true }, { by: 'title', nocase: true }]).map((m) => loadMeetingSummary(ctx, m)),

  'meetings.get': (ctx, { id }) => loadMeetingView(ctx, id),

  'meetings.create': (ctx, { attendeeIds, timeZone, heldAt, ...fields }) => {
    checkRange(fields);
    requireExisting(ctx, 'person', attendeeIds, 'attendeeIds');
    const id = randomUUID();
    ctx.store.mutate(ctx.author(), (w) => w.insert('meeting', id, { ...fields, heldAt: heldAt ?? fields.from, timeZone: timeZone ?? defaultZone(ctx) }));
    if (attendeeIds.length > 0) writeAttendees(ctx, id, attendeeIds);
    return loadMeetingView(ctx, id);
  },

  'meetings.update': (ctx, { id, changes }) => {
    checkRange({ ...getMeeting(ctx, id), ...changes });
    ctx.store.mutate(ctx.author(), (w) => w.update('meeting', id, changes));
    return loadMeetingView(ctx, id);
  },

  'meetings.delete': (ctx, { id }) => {
    getMeeting(ctx, id);
    ctx.store.mutate(ctx.author(), (w) => w.delete('meeting', id));
    return { id };
  },

  'meetings.restore': (ctx, { id }) => {
    if (!ctx.store.reader.isDeleted('meeting', id)) throw notFound('Deleted meeting', id);
    ctx.store.mutate(ctx.author(), (w) => w.restore('meeting', id));
    return loadMeetingView(ctx, id);
  },

  'meetings.setAttendees': (ctx, { meetingId, personIds }) => {
    getMeeting(ctx, meetingId);
    writeAttendees(ctx, meetingId, personIds);
    return loadMeetingView(ctx, meetingId);
  },

  'meetings.decide': (ctx, { meetingId, releaseId, decision, note, asPersonId }) => {
    getMeeting(ctx, meetingId);
    requireExisting(ctx, 'release', [releaseId], 'releaseId');
    const person = signingPerson(ctx, asPersonId, 'recording a decision');
    ctx.store.mutate(person.id, (w) =>
      w.append('meetingDecision', { meetingId, releaseId, decision, note, personId: person.id, deviceId: ctx.store.deviceId }),
    );
    return loadMeetingView(ctx, meetingId);
  },

  'meetings.setEnvironmentPrepared': (ctx, { meetingId, environmentId, prepared, note }) => {
    getMeeting(ctx, meetingId);
    requireExisting(ctx, 'environment', [environmentId], 'environmentId');
    const id = environmentCheckId(meetingId, environmentId);
    const { reader } = ctx.store;
    ctx.store.mutate(ctx.author(), (w) => {
      if (reader.get('meetingEnvironmentCheck', id)) w.update('meetingEnvironmentCheck', id, { prepared, note });
      else if (reader.isDeleted('meetingEnvironmentCheck', id)) {
        w.restore('meetingEnvironmentCheck', id);
        w.update('meetingEnvironmentCheck', id, { prepared, note });
      } else w.insert('meetingEnvironmentCheck', id, { meetingId, environmentId, prepared, note });
    });
    return loadMeetingView(ctx, meetingId);
  },

  'meetings.actions.create': (ctx, { meetingId, title, ownerId, dueDate, releaseId }) => {
    getMeeting(ctx, meetingId);
    requireExisting(ctx, 'person', [ownerId], 'ownerId');
    if (releaseId !== null) requireExisting(ctx, 'release', [releaseId], 'releaseId');
    ctx.store.mutate(ctx.author(), (w) => w.insert('meetingActionItem', randomUUID(), { meetingId, title, ownerId, dueDate, releaseId }));
    return loadMeetingView(ctx, meetingId);
  },

  'meetings.actions.update': (ctx, { id, changes }) => {
    const item = actionItem(ctx, id);
    if (changes.ownerId !== undefined) requireExisting(ctx, 'person', [changes.ownerId], 'ownerId');
    if (changes.releaseId) requireExisting(ctx, 'release', [changes.releaseId], 'releaseId');
    ctx.store.mutate(ctx.author(), (w) => w.update('meetingActionItem', id, changes));
    return loadMeetingView(ctx, item.meetingId);
  },

  'meetings.actions.complete': (ctx, { id, done, asPersonId, inMeetingId }) => {
    const item = actionItem(ctx, id);
    // A carried-over item is closed in a later meeting, which is the one on screen.
    const shown = inMeetingId ?? item.meetingId;
    getMeeting(ctx, shown);
    const person = signingPerson(ctx, asPersonId, 'closing an action item');
    // Marking done what is already done would only add noise to the record of who closed it.
    if (loadMeetingView(ctx, item.meetingId).actions.find((a) => a.id === id)?.done !== done) {
      ctx.store.mutate(person.id, (w) =>
        w.append('meetingActionCompletion', { actionItemId: id, meetingId: item.meetingId, done, personId: person.id, deviceId: ctx.store.deviceId }),
      );
    }
    return loadMeetingView(ctx, shown);
  },

  'meetings.exportMinutes': async (ctx, { meetingId, format }) => {
    const view = loadMeetingView(ctx, meetingId);
    const exportedAt = new Date().toISOString();
    const base = minutesFileBase(view);
    const zone = ctx.viewerZone();
    if (format === 'md') return { fileName: `${base}.md`, mimeType: 'text/markdown', encoding: 'utf8' as const, content: minutesMarkdown(view, exportedAt, zone) };
    const pdf = await meetingMinutesPdf(view, exportedAt, zone);
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', encoding: 'base64' as const, content: pdf.toString('base64') };
  },
} satisfies HandlerMap<
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.delete'
  | 'meetings.restore'
  | 'meetings.setAttendees'
  | 'meetings.decide'
  | 'meetings.setEnvironmentPrepared'
  | 'meetings.actions.create'
  | 'meetings.actions.update'
  | 'meetings.actions.complete'
  | 'meetings.exportMinutes'
>;
