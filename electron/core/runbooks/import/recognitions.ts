import { ROLLBACK_SECTION, type ImportRecognition, type StepKind } from '../../../contract/runbook-entities';
import { parseKind } from './cell-values';

/**
 * Rollback steps and go/no-go checkpoints as cutover plans write them when they have no Kind column: a "Back-out" or
 * "Fallback" phase, a title "ROLLBACK: restore DB snapshot" or "GO / NO-GO: start deploy". Left as written they would
 * run in the normal flow (a restore scheduled as an ordinary step), so each is recognised, shown in the preview, and
 * may be declined there (`asWritten`). A Kind cell, or a phase already called "Rollback", is as written, not guessed.
 */

const ROLLBACK_WORD = String.raw`(roll\s*-?\s*back|back\s*-?\s*out|fall\s*-?\s*back)`;
const ROLLBACK_PHASE = new RegExp(String.raw`^${ROLLBACK_WORD}(\s+(plan|steps|procedure))?$`, 'i');
/** A title that starts with the word and a separator: "ROLLBACK: …", "[Backout] …", "Fallback – …" (not "Rollback plan tested"). */
const ROLLBACK_TITLE = new RegExp(String.raw`^\s*([[(]\s*${ROLLBACK_WORD}\s*[\])]|${ROLLBACK_WORD}\s*([:\-–—|]|$))`, 'i');
const CHECKPOINT_TITLE = /(^|\W)go\s*[/\-–]?\s*no\s*[-–]?\s*go(\W|$)|^\s*check\s*-?\s*point\b/i;

export interface RowReading {
  row: number;
  title: string;
  /** The section as the file writes it (its own cell, or the phase row above it). */
  section: string;
  /** The Kind cell, '' when empty. */
  kindCell: string;
}

export interface RecognizedRow {
  section: string;
  /** The kind to use when the Kind cell is empty. */
  kind: StepKind;
}

const isRollbackName = (section: string) => section.trim().toLowerCase() === ROLLBACK_SECTION.toLowerCase();

/** The section and default kind of each row after the recognitions not declined, and every recognition made. */
export function recognize(rows: readonly RowReading[], asWritten: readonly string[]): { rows: RecognizedRow[]; recognitions: ImportRecognition[] } {
  const declined = new Set(asWritten.map((k) => k.trim().toLowerCase()));
  const applies = (key: string) => !declined.has(key.toLowerCase());
  const phases = new Map<string, number[]>();
  const recognitions: ImportRecognition[] = [];
  const out = rows.map((r): RecognizedRow => {
    const kindGiven = r.kindCell.trim() !== '';
    if (ROLLBACK_PHASE.test(r.section) && !isRollbackName(r.section)) {
      phases.set(r.section, [...(phases.get(r.section) ?? []), r.row]);
      if (applies(r.section)) return { section: ROLLBACK_SECTION, kind: 'rollback' };
      return { section: r.section, kind: 'task' };
    }
    if (isRollbackName(r.section)) return { section: r.section, kind: 'rollback' };
    const key = String(r.row);
    const written = parseKind(r.kindCell);
    if (ROLLBACK_TITLE.test(r.title) && !(written.ok && written.value === 'rollback')) {
      recognitions.push({ key, what: 'rollback', rows: [r.row], sentence: `Row ${r.row} “${r.title}” → rollback section`, applied: applies(key) });
      return applies(key) ? { section: ROLLBACK_SECTION, kind: 'rollback' } : { section: r.section, kind: 'task' };
    }
    if (!kindGiven && CHECKPOINT_TITLE.test(r.title)) {
      recognitions.push({ key, what: 'checkpoint', rows: [r.row], sentence: `Row ${r.row} “${r.title}” → go/no-go checkpoint`, applied: applies(key) });
      return { section: r.section, kind: applies(key) ? 'checkpoint' : 'task' };
    }
    return { section: r.section, kind: 'task' };
  });
  for (const [phase, rowsOf] of phases) {
    const span = rowsOf.length === 1 ? `row ${rowsOf[0]}` : `rows ${rowsOf[0]}–${rowsOf[rowsOf.length - 1]}`;
    recognitions.unshift({
      key: phase,
      what: 'rollback',
      rows: rowsOf,
      sentence: `Phase “${phase}” (${span}) → rollback section: its steps run only after a no-go`,
      applied: applies(phase),
    });
  }
  return { rows: out, recognitions: recognitions.sort((a, b) => a.rows[0] - b.rows[0]) };
}
