import fs from 'node:fs';
import path from 'node:path';
import { usageError } from './cli-errors';

/** Data goes to stdout as JSON, two-space indented, so it pipes into jq and reads in a terminal. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A plain aligned table: one header row, columns two spaces apart, no borders to trip up grep or cut. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
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
