import { COLLISION_KIND_LABELS, type Collision } from '../../../contract/calendar-entities';
import { READINESS_POLICY_LABELS, READINESS_POLICY_RULES } from '../../../contract/entities';
import { MEETING_DECISION_LABELS, type ActionItemView, type AgendaItem, type MeetingView } from '../../../contract/meetings-entities';
import { formatLocal, formatLocalRange } from '../calendar/zoned-time';

/**
 * The words the minutes use, shared by the Markdown and the PDF so both say exactly the same thing. Each state is
 * spelled out (not only marked), because minutes are printed in black and white and read by people after the fact.
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
  return `${COLLISION_KIND_LABELS[collision.kind]}: ${collision.sentence}${accepted}`;
}

export function actionStatusText(action: ActionItemView, zone: string): string {
  if (action.done) return `Done${action.doneBy ? ` by ${action.doneBy.name}` : ''}${action.doneAt ? ` ${formatLocal(Date.parse(action.doneAt), zone)}` : ''}`;
  return action.overdue ? 'Open, overdue' : 'Open';
}

export function releaseLabel(item: AgendaItem): string {
  return `${item.release.name} ${item.release.version}`;
}

export function windowText(item: AgendaItem, zone: string): string {
  return formatLocalRange(Date.parse(item.release.windowStart), Date.parse(item.release.windowEnd), zone);
}

export function rangeText(view: MeetingView): string {
  const { from, to, timeZone } = view.meeting;
  return `${formatLocalRange(Date.parse(from), Date.parse(to), timeZone)} (${timeZone})`;
}

export function releaseNameFor(view: MeetingView, releaseId: string | null): string {
  if (!releaseId) return '';
  const item = view.agenda.find((a) => a.release.id === releaseId);
  return item ? releaseLabel(item) : '';
}

export function environmentNames(view: MeetingView, ids: readonly string[]): string {
  return ids.map((id) => view.environments.find((e) => e.environmentId === id)?.name ?? id).join(', ');
}

export function minutesFileBase(view: MeetingView): string {
  const day = view.meeting.from.slice(0, 10);
  return `${view.meeting.title}-${day}-minutes`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'meeting-minutes';
}
