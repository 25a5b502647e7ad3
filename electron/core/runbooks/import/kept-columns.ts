import type { UnmatchedColumn } from '../../../contract/runbook-entities';
import { columnLetter } from './header-columns';
import type { SheetRow } from './sheet-row';

export interface KeptColumn {
  index: number;
  header: string;
}

/**
 * Every column that matches no step field, including cells beyond the header's last column: kept in the notes, or
 * dropped. The person's choice (by header or column letter) wins; without one a column is kept, except one whose
 * header says "(computed)": such a column follows from the others (our own CSV export writes "Scheduled (computed)").
 * A column without a header is listed only when it holds something.
 */
export function unmatchedColumns(
  header: readonly string[],
  body: readonly SheetRow[],
  mapped: ReadonlySet<number>,
  choices: { drop?: readonly string[]; keep?: readonly string[] },
): Array<UnmatchedColumn & { index: number }> {
  const named = (list: readonly string[] = []) => new Set(list.map((d) => d.trim().toLowerCase()));
  const dropped = named(choices.drop);
  const keptByChoice = named(choices.keep);
  const width = Math.max(header.length, ...body.map((r) => r.cells.length));
  const out: Array<UnmatchedColumn & { index: number }> = [];
  for (let index = 0; index < width; index++) {
    if (mapped.has(index)) continue;
    const column = columnLetter(index);
    const written = (header[index] ?? '').trim();
    const filled = body.filter((r) => (r.cells[index] ?? '').trim() !== '').length;
    if (written === '' && filled === 0) continue;
    const label = written || `Column ${column}`;
    const chose = (set: Set<string>) => set.has(column.toLowerCase()) || set.has(label.toLowerCase());
    const action = chose(dropped) ? 'drop' : chose(keptByChoice) || !/\(computed\)/i.test(label) ? 'keep' : 'drop';
    out.push({ index, column, header: label, filled, action });
  }
  return out;
}

/**
 * The step's notes with each kept cell appended under its header ("Status: open"; a cell of several lines starts on
 * the line after its header), so what the columns held stays with the step.
 */
export function keptNotes(notes: string, kept: ReadonlyArray<{ header: string; value: string }>): string {
  const parts = kept.filter((k) => k.value !== '').map((k) => (k.value.includes('\n') ? `${k.header}:\n${k.value}` : `${k.header}: ${k.value}`));
  return [notes, ...parts].filter((p) => p !== '').join('\n\n');
}
