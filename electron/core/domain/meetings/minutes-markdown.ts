import type { MeetingView } from '../../../contract/meetings-entities';
import { READINESS_STATE_LABELS } from '../../../contract/readiness-entities';
import { formatLocal } from '../calendar/zoned-time';
import {
  actionStatusText,
  carriedFromText,
  collisionText,
  decisionText,
  decisionWord,
  environmentNames,
  heldText,
  policyText,
  rangeText,
  releaseLabel,
  releaseNameFor,
  stateText,
  unassertedNotes,
  windowText,
  zoneLine,
} from './minutes-text';

/** A table cell: pipes and line breaks would end the cell or the row. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>') || '—';
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

/**
 * The minutes as Markdown: what a coordinator pastes into a wiki page or a change ticket. Action items come first
 * (what people must do next), with the open ones of earlier meetings carried over; every time is in `zone`.
 */
export function minutesMarkdown(view: MeetingView, exportedAt: string, zone: string): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(`# ${view.meeting.title}`, '');
  push(`Held ${heldText(view, zone)}. Releases in ${rangeText(view, zone)}. ${zoneLine(zone)}`, '');
  push(`Attendees: ${view.attendees.map((a) => a.name).join(', ') || 'none recorded'}.`, '');

  push(`## Action items (${view.actions.length + view.carriedOver.length})`, '');
  if (view.actions.length + view.carriedOver.length === 0) push('None.', '');
  else {
    push(row(['Action', 'Release', 'Owner', 'Due', 'Status']), '| --- | --- | --- | --- | --- |');
    for (const a of view.carriedOver) push(row([`${a.title} (carried over ${carriedFromText(a, zone)})`, releaseNameFor(view, a.releaseId), a.owner?.name ?? '', a.dueDate, actionStatusText(a, zone)]));
    for (const a of view.actions) push(row([a.title, releaseNameFor(view, a.releaseId), a.owner?.name ?? '', a.dueDate, actionStatusText(a, zone)]));
    push('');
  }

  if (view.meeting.decisions) push('## Decisions', '', view.meeting.decisions, '');
  if (view.meeting.notes) push('## Notes', '', view.meeting.notes, '');

  push(`## Releases (${view.agenda.length})`, '');
  if (view.agenda.length === 0) push('No release has a window in this range.', '');
  else {
    push(`${policyText(view)}`, '');
    const states = view.agenda[0].states.map((s) => READINESS_STATE_LABELS[s.state]);
    push(row(['Release', 'Window', ...states, 'Status', 'Decision']), `|${' --- |'.repeat(states.length + 4)}`);
    for (const item of view.agenda) {
      push(row([releaseLabel(item), windowText(item, zone), ...item.states.map(stateText), decisionWord(item), decisionText(item)]));
    }
    push('');
    for (const item of view.agenda) {
      push(`### ${releaseLabel(item)}`, '');
      push(`- Window: ${windowText(item, zone)}; environments: ${environmentNames(view, item.environmentIds) || 'none'}`);
      push(`- Readiness: ${item.gate.summary}`);
      for (const halt of item.gate.halts) push(`- Halted (${halt.label}) by ${halt.by.name}: ${halt.reason}`);
      for (const note of unassertedNotes(item)) push(`- ${note}`);
      for (const collision of item.collisions) push(`- ${collisionText(collision)}`);
      push(`- Decision: ${decisionText(item)}`);
      if (item.decisions.length > 1) push(`  (${item.decisions.length} decisions recorded; the latest counts)`);
      push('');
    }
  }

  push('## Environments', '');
  if (view.environments.length === 0) push('No target environments.', '');
  for (const env of view.environments) {
    push(`- ${env.name}: ${env.prepared ? 'Prepared' : 'Not prepared'}${env.note ? ` — ${env.note}` : ''}`);
  }
  if (view.environments.length > 0) push('');

  push('## Collisions and dependency violations', '');
  if (view.collisions.length === 0) push('None in this range.', '');
  else push(...view.collisions.map((c) => `- ${collisionText(c)}`), '');

  push(`_Exported ${formatLocal(Date.parse(exportedAt), zone)} (${zone}) from Release Desk._`, '');
  return lines.join('\n');
}
