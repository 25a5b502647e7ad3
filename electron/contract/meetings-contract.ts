import { z } from 'zod';
import { ById, Empty, method } from './define-method';
import { Id } from './entities';
import {
  ActionItemCompleteInput,
  ActionItemCreate,
  ActionItemPatch,
  EnvironmentPreparedInput,
  MeetingCreate,
  MeetingDecideInput,
  MeetingPatch,
  MeetingSummary,
  MeetingView,
  MinutesExport,
  MinutesExportInput,
} from './meetings-entities';

/**
 * The coordination meeting (issue 5). Spread into `apiContract`. Every write returns the whole meeting as the UI
 * shows it, so a screen never has to stitch a second call together.
 */
export const meetingsMethods = {
  'meetings.list': method(Empty, z.array(MeetingSummary), 'Coordination meetings, newest range first.'),
  'meetings.get': method(ById, MeetingView, 'One meeting: its agenda (releases in range with readiness, collisions, environments), attendees, decisions and action items.'),
  'meetings.create': method(MeetingCreate, MeetingView, 'Plan a coordination meeting for a date range.'),
  'meetings.update': method(z.object({ id: Id, changes: MeetingPatch }).strict(), MeetingView, 'Change the title, range, zone or notes of a meeting.'),
  'meetings.delete': method(ById, z.object({ id: Id }), 'Delete a meeting (kept in history; its decisions stay readable).'),
  'meetings.restore': method(ById, MeetingView, 'Undo the delete of a meeting.'),
  'meetings.setAttendees': method(
    z.object({ meetingId: Id, personIds: z.array(Id).max(200) }).strict(),
    MeetingView,
    'Who attends the meeting.',
  ),
  'meetings.decide': method(
    MeetingDecideInput,
    MeetingView,
    'Record the decision on one release (go, hold, reschedule) with a note; the latest decision per release counts, every one is kept.',
  ),
  'meetings.setEnvironmentPrepared': method(
    EnvironmentPreparedInput,
    MeetingView,
    'Record whether a target environment is prepared for the releases in range, with a note.',
  ),
  'meetings.actions.create': method(ActionItemCreate, MeetingView, 'Add an action item with an owner and a due date.'),
  'meetings.actions.update': method(z.object({ id: Id, changes: ActionItemPatch }).strict(), MeetingView, 'Change an action item.'),
  'meetings.actions.complete': method(
    ActionItemCompleteInput,
    MeetingView,
    'Mark an action item done (or open again); each completion is a kept record naming who and when.',
  ),
  'meetings.exportMinutes': method(MinutesExportInput, MinutesExport, 'The minutes of a meeting as Markdown or PDF.'),
} as const;
