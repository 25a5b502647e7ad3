import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { usageError } from './cli-errors';

/**
 * Control characters other than newline and tab: C0, DEL, C1 (U+009B is a one-character CSI to some terminals) and
 * the bidirectional overrides and isolates that make a terminal show text in another order than it is.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may reach a terminal. The CLI echoes text from files (.ics summaries, spreadsheet cells and headers,
 * error messages quoting them); an escape sequence in such a file could retitle the window, rewrite what was
 * printed above or hide a line. Node's stripVTControlCharacters removes whole escape sequences (so no stray
 * parameters are left behind), then any control character left is dropped.
 */
export function terminalSafe(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL_CHARACTERS, '');
}

/** Data goes to stdout as JSON, two-space indented, so it pipes into jq and reads in a terminal. */
export function printJson(value: unknown): void {
  // JSON.stringify escapes C0 controls; the rest are escaped too, so the data stays intact and the terminal inert.
  const json = JSON.stringify(value, null, 2).replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  process.stdout.write(`${json}\n`);
}

/** One line: a line break inside `text` (a comment, a summary from a file) is shown as a space, never as a line of its own. */
export function printLine(text: string): void {
  process.stdout.write(`${oneLine(text)}\n`);
}

/** Several lines (a table) in one write. */
export function printLines(lines: readonly string[]): void {
  process.stdout.write(lines.map((line) => `${oneLine(line)}\n`).join(''));
}

/** A problem that did not stop the command, on stderr, in the CLI's one-line form. */
export function printWarning(text: string): void {
  process.stderr.write(`release-desk: warning: ${oneLine(text)}\n`);
}

/** The one line on stderr that explains a failure. */
export function printError(text: string): void {
  process.stderr.write(`release-desk: ${oneLine(text)}\n`);
}

function oneLine(text: string): string {
  return terminalSafe(text).replace(/\s*[\n\u2028\u2029]\s*/g, ' ');
}

/** A plain aligned table, as lines: one header row, columns two spaces apart, no borders to trip up grep or cut. */
export function formatTable(headers: readonly string[], table: readonly (readonly string[])[]): string[] {
  // One cell, one line: a line break or tab inside a cell (from a spreadsheet, say) would shift every column after it.
  const rows = table.map((r) => r.map((cell) => terminalSafe(cell).replace(/\s+/g, ' ')));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(headers), ...rows.map(line)];
}

/**
 * Writes next to the target and renames, so a reader never sees half a file and a crash or full disk mid-write does
 * not leave a truncated file where the last good export was.
 */
export function writeFileAtomically(out: string, content: string | Buffer): void {
  const file = path.resolve(out);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw usageError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
