import type { RunbookView, StepView } from '../../../contract/runbook-entities';
import { formatLocal, formatLocalRange, toLocalMs } from '../../domain/calendar/zoned-time';

/**
 * What every runbook export shows the same way: the label of each step (the ID people know from their
 * spreadsheet, or its number in the table), durations and times in the release's zone.
 */

/**
 * The numbers people say aloud in the war room: 1, 2, 3 ... in table order, exactly as the app's step table,
 * timeline and execution view number them, so "step 14" means the same step on the wall and on the screen.
 */
export function tableNumbers(steps: readonly StepView[]): Map<string, string> {
  return new Map(steps.map((s, i) => [s.id, String(i + 1)]));
}

/**
 * For the CSV, which goes back to a spreadsheet: the spreadsheet's own IDs when every step has one, else the table
 * numbers, so a re-import links the same predecessors.
 */
export function stepLabels(steps: readonly StepView[]): Map<string, string> {
  const refs = steps.map((s) => s.externalRef.trim());
  const own = refs.every((r) => r !== '') && new Set(refs).size === refs.length;
  return new Map(steps.map((s, i) => [s.id, own ? refs[i] : String(i + 1)]));
}

/** Where each step sits in a labels map (built in table order), remembered per map: one pass, not one per step. */
const tablePositions = new WeakMap<ReadonlyMap<string, string>, Map<string, number>>();

/**
 * The labels of a step's dependencies in table order ("6, 7", as the step table shows them), whatever order they
 * were added in. `labels` must be built in table order, as tableNumbers and stepLabels build it.
 */
export function dependencyLabels(step: StepView, labels: ReadonlyMap<string, string>): string[] {
  let positions = tablePositions.get(labels);
  if (!positions) tablePositions.set(labels, (positions = new Map([...labels.keys()].map((id, i) => [id, i]))));
  const at = positions;
  return step.dependsOn
    .filter((id) => at.has(id))
    .sort((a, b) => at.get(a)! - at.get(b)!)
    .map((id) => labels.get(id)!);
}

/** "Approvers: Priya Natarajan, Jonas Weber", "Go when: …": what a go/no-go step is decided on, for every export. */
export function decisionLines(step: StepView): string[] {
  const lines: string[] = [];
  if (step.approverNames.length > 0) lines.push(`Approvers: ${step.approverNames.join(', ')}`);
  if (step.criteria.trim() !== '') lines.push(`Go when: ${step.criteria.trim()}`);
  if (step.kind === 'readiness-gate') lines.push('Go is blocked until the readiness gate says go; only the release coordinator may override it.');
  return lines;
}

/** "1h 30m", "45m", "2h", "0m". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** The zone times are shown in: the release's, or UTC for a template (whose times are nominal). */
export const zoneOf = (view: RunbookView) => view.release?.timeZone ?? 'UTC';

export const timeText = (iso: string, zone: string) => formatLocal(Date.parse(iso), zone);

/** "2026-12-05 22:30": a wall-clock time in the zone, as spreadsheets write it. */
export function sheetTime(iso: string, zone: string): string {
  return new Date(toLocalMs(Date.parse(iso), zone)).toISOString().slice(0, 16).replace('T', ' ');
}

/** "T+90" / "T-30": a template's fixed start, relative to whatever window it is used in. */
export const relativeStart = (minutes: number) => `T${minutes < 0 ? '-' : '+'}${Math.abs(minutes)}`;

/** "Sat 5 Dec 2026 22:00 – Sun 6 Dec 2026 04:00 (Europe/Berlin)", or a template's note. */
export function windowText(view: RunbookView): string {
  const r = view.release;
  if (!r) return 'Template: times are shown from a nominal start';
  return `${formatLocalRange(Date.parse(r.windowStart), Date.parse(r.windowEnd), r.timeZone)} (${r.timeZone})`;
}

/** Sections in table order with their steps; the rollback section comes last (the view's order guarantees it). */
export function sectionsOf(view: RunbookView): { name: string; rollback: boolean; steps: StepView[] }[] {
  const groups: { name: string; rollback: boolean; steps: StepView[] }[] = [];
  for (const step of view.steps) {
    const name = step.rollback ? 'Rollback' : step.section;
    let group = groups[groups.length - 1];
    if (!group || group.name !== name || group.rollback !== step.rollback) groups.push((group = { name, rollback: step.rollback, steps: [] }));
    group.steps.push(step);
  }
  return groups;
}

/** A file name from the runbook's and release's names: "Payments-2.4.0-cutover-runbook". */
export function exportFileBase(view: RunbookView): string {
  const r = view.release;
  const named = !r || view.runbook.name.includes(r.version);
  return `${named ? '' : `${r.name}-${r.version}-`}${view.runbook.name}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'runbook';
}
