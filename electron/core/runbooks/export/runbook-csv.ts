import Papa from 'papaparse';
import type { RunbookView } from '../../../contract/runbook-entities';
import { dependencyLabels, relativeStart, sheetTime, stepLabels, zoneOf } from './step-labels';

/**
 * The runbook as a spreadsheet that imports back into the same steps (import(export(x)) keeps every field). Its
 * headers are names the importer knows; "Scheduled (computed)" is there for people and ignored on import, since
 * the schedule follows from the dependencies. Starts are wall-clock times in the release's zone, or "T+90" for a
 * template. A BOM makes Excel read it as UTF-8, and cells that Excel would run as a formula are escaped.
 */
export const CSV_HEADERS = ['ID', 'Section', 'Kind', 'Task', 'Owner', 'Start', 'Duration (min)', 'Predecessors', 'Command', 'Notes', 'Scheduled (computed)'];

export function runbookCsv(view: RunbookView): string {
  const zone = zoneOf(view);
  const labels = stepLabels(view.steps);
  const anchorMs = Date.parse(view.anchor);
  const at = (minutes: number) => (view.release ? sheetTime(new Date(anchorMs + minutes * 60_000).toISOString(), zone) : relativeStart(minutes));
  const rows = view.steps.map((s) => {
    const start = s.fixedStartOffsetMinutes === null ? '' : at(s.fixedStartOffsetMinutes);
    return [
      labels.get(s.id)!,
      s.section,
      s.kind,
      s.title,
      s.ownerName,
      start,
      String(s.durationMinutes),
      dependencyLabels(s, labels).join(', '),
      s.command,
      s.description,
      at(Math.round((Date.parse(s.plannedStart) - anchorMs) / 60_000)),
    ];
  });
  return `\uFEFF${Papa.unparse({ fields: CSV_HEADERS, data: rows }, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
