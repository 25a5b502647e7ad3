import { COLLISION_KIND_LABELS, type Collision } from '../../../contract/calendar-entities';
import { READINESS_POLICY_LABELS, READINESS_POLICY_RULES } from '../../../contract/entities';
import { MEETING_DECISION_LABELS, type ActionItemView, type AgendaItem, type MeetingView } from '../../../contract/meetings-entities';
import { collisionSentenceWithPlanned } from '../calendar/collision-text';
import { formatLocal, formatLocalRange, localDate } from '../calendar/zoned-time';

/**
 * The words the minutes use, shared by the Markdown and the PDF so both say exactly the same thing. Each state is
 * spelled out (not only marked), because minutes are printed in black and white and read by people after the fact.
 * One zone per file (issue 18): every time is in `zone`, the reader's, named once at the top; where a release was
 * planned, or the meeting held, in another zone, its times there follow in brackets.
 */

type StateCell = AgendaItem['states'][number];

export function stateText(state: StateCell): string {
  if (state.status === 'asserted') return `✓ Asserted${state.by ? ` by ${state.by.name}` : ''}`;
  if (state.status === 'halted') return `✕ Halted${state.by ? ` by ${state.by.name}` : ''}`;
  return `${state.attention === 'warning' ? '!' : '…'} ${state.word}`;
}

/** The release's gate in a word, as the board's badge says it. */
export function decisionWord(item: AgendaItem): string {
  return { go: 'Go', halted: 'Halted', pending: 'Pending' }[item.gate.decision];
}

/** "Readiness policy: presumptive release (…)." from the agenda's answers; '' for an empty agenda. */
export function policyText(view: MeetingView): string {
  const policy = view.agenda[0]?.gate.policy;
  return policy ? `Readiness policy: ${READINESS_POLICY_LABELS[policy].toLowerCase()} (${READINESS_POLICY_RULES[policy]}).` : '';
}

/** The sentences about states nobody has asserted: reminders before the readiness deadline, warnings after it. */
export function unassertedNotes(item: AgendaItem): string[] {
  return item.states.filter((s) => s.status === 'unasserted').map((s) => `${s.label}: ${s.note}`);
}

export function decisionText(item: AgendaItem): string {
  if (!item.decision) return 'Not decided';
  const { decision, note, by } = item.decision;
  return `${MEETING_DECISION_LABELS[decision]} (${by.name})${note ? `: ${note}` : ''}`;
}

export function collisionText(collision: Collision): string {
  const accepted = collision.accepted ? ` Accepted by ${collision.accepted.byName}: ${collision.accepted.reason}` : '';
  return `${COLLISION_KIND_LABELS[collision.kind]}: ${collisionSentenceWithPlanned(collision)}${accepted}`;
}

export function actionStatusText(action: ActionItemView, zone: string): string {
  if (action.done) return `Done${action.doneBy ? ` by ${action.doneBy.name}` : ''}${action.doneAt ? ` ${formatLocal(Date.parse(action.doneAt), zone)}` : ''}`;
  return action.overdue ? 'Open, overdue' : 'Open';
}

export function releaseLabel(item: AgendaItem): string {
  return `${item.release.name} ${item.release.version}`;
}

export function windowText(item: AgendaItem, zone: string): string {
  const { windowStart, windowEnd, timeZone } = item.release;
  const here = formatLocalRange(Date.parse(windowStart), Date.parse(windowEnd), zone);
  return timeZone === zone ? here : `${here} [planned ${formatLocalRange(Date.parse(windowStart), Date.parse(windowEnd), timeZone)} ${timeZone}]`;
}

export function rangeText(view: MeetingView, zone: string): string {
  const { from, to } = view.meeting;
  return formatLocalRange(Date.parse(from), Date.parse(to), zone);
}

/** When the meeting is held: "Mon 30 Nov 2026 10:00", and in the meeting's own zone where that is another. */
export function heldText(view: MeetingView, zone: string): string {
  const { timeZone } = view.meeting;
  const at = Date.parse(heldAt(view));
  return timeZone === zone ? formatLocal(at, zone) : `${formatLocal(at, zone)} [${formatLocal(at, timeZone)} ${timeZone}]`;
}

/** "Times in Europe/Berlin.": the one zone of the file. */
export function zoneLine(zone: string): string {
  return `Times in ${zone}.`;
}

const heldAt = (view: MeetingView) => view.meeting.heldAt || view.meeting.from;

export function carriedFromText(item: { meetingTitle: string; meetingHeldAt: string }, zone: string): string {
  return `from ${item.meetingTitle}, ${formatLocal(Date.parse(item.meetingHeldAt), zone)}`;
}

export function releaseNameFor(view: MeetingView, releaseId: string | null): string {
  if (!releaseId) return '';
  const item = view.agenda.find((a) => a.release.id === releaseId);
  return item ? releaseLabel(item) : '';
}

export function environmentNames(view: MeetingView, ids: readonly string[]): string {
  return ids.map((id) => view.environments.find((e) => e.environmentId === id)?.name ?? id).join(', ');
}

/** The file name carries the date the meeting is held on where it is held (Berlin's 30 Nov, not UTC's 29 Nov). */
export function minutesFileBase(view: MeetingView): string {
  const day = localDate(Date.parse(heldAt(view)), view.meeting.timeZone);
  return `${view.meeting.title}-${day}-minutes`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'meeting-minutes';
}
