import { STEP_KIND_LABELS, type RunbookView, type StepView } from '../../../contract/runbook-entities';
import { decisionLines, dependencyLabels, durationText, sectionsOf, tableNumbers, timeText, windowText, zoneOf } from './step-labels';

/**
 * The runbook as Markdown (for a wiki page or a change ticket): the release's facts, then each section with its
 * steps as numbered headings, owner, planned start in the release's zone, duration, dependencies, notes and the
 * commands in fenced code blocks. The rollback section comes last under its own heading.
 */

/** Characters that would turn a title into a link, emphasis or a heading; notes are Markdown already and kept. */
const inline = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

/** A fence longer than any run of backticks inside, so a command holding ``` cannot end its block. */
function fenced(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}sh\n${code}\n${fence}`;
}

/** " (fixed)", or " (fixed at 22:00, moved by its dependencies)" when they push it later. */
function fixedNote(step: StepView, anchor: string, zone: string): string {
  if (step.fixedStartOffsetMinutes === null) return '';
  const fixedMs = Date.parse(anchor) + step.fixedStartOffsetMinutes * 60_000;
  if (fixedMs === Date.parse(step.plannedStart)) return ' (fixed)';
  return ` (fixed at ${timeText(new Date(fixedMs).toISOString(), zone)}, moved by its dependencies)`;
}

function stepBlock(step: StepView, label: string, deps: string[], anchor: string, zone: string): string {
  const facts = [
    `**Owner:** ${inline(step.ownerName) || '—'}`,
    `**Start:** ${timeText(step.plannedStart, zone)}${fixedNote(step, anchor, zone)}`,
    `**Duration:** ${durationText(step.durationMinutes)}`,
    `**After:** ${deps.length > 0 ? deps.join(', ') : '—'}`,
  ];
  if (step.kind !== 'task') facts.unshift(`**${STEP_KIND_LABELS[step.kind]}**`);
  if (step.critical) facts.push('**Critical path**');
  if (step.pointOfNoReturn) facts.push('**Point of no return**');
  const parts = [`### ${inline(label)}. ${inline(step.title)}`, '', `- [ ] ${facts.join(' · ')}`];
  for (const line of decisionLines(step)) parts.push(`- ${inline(line)}`);
  if (step.description) parts.push('', step.description.trim());
  if (step.command) parts.push('', fenced(step.command));
  return parts.join('\n');
}

export function runbookMarkdown(view: RunbookView, exportedAt: string): string {
  const zone = zoneOf(view);
  const labels = tableNumbers(view.steps);
  const r = view.release;
  const lines: string[] = [`# ${inline(view.runbook.name)}`, ''];
  if (r) {
    lines.push(
      `- **Release:** ${inline(r.name)} ${inline(r.version)} (${r.status})`,
      `- **Window:** ${windowText(view)}`,
      `- **Owner:** ${inline(r.ownerName) || '—'}`,
      `- **Environments:** ${r.environmentNames.map(inline).join(', ') || '—'}`,
      `- **Systems:** ${r.systemNames.map(inline).join(', ') || '—'}`,
      `- **Readiness:** ${r.presumptive}`,
      ...r.signoffs.map((s) => `  - ${inline(s)}`),
    );
  } else lines.push(`- ${windowText(view)} (UTC).`);
  if (view.plannedStart && view.plannedEnd) {
    lines.push(`- **Plan:** ${view.steps.length} steps, ${timeText(view.plannedStart, zone)} – ${timeText(view.plannedEnd, zone)}`);
  }
  if (view.overrunMinutes > 0) lines.push(`- **Overruns the release window by ${durationText(view.overrunMinutes)}.**`);
  lines.push(`- **Exported:** ${timeText(exportedAt, zone)} (${zone})`);
  if (view.runbook.description) lines.push('', view.runbook.description.trim());
  if (view.steps.length === 0) lines.push('', '_This runbook has no steps yet._');
  for (const section of sectionsOf(view)) {
    const title = section.rollback ? 'Rollback — only after a no-go' : inline(section.name);
    lines.push('', `## ${title}`);
    for (const step of section.steps) lines.push('', stepBlock(step, labels.get(step.id)!, dependencyLabels(step, labels), view.anchor, zone));
  }
  return `${lines.join('\n')}\n`;
}
