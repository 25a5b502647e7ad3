import { readSheet } from 'read-excel-file/node';
import type { SheetRow } from './sheet-row';
import { refuseZipBomb, unreadable } from './workbook-size';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a person sees. Excel stores dates and times as day numbers that read-excel-file turns into
 * Dates whose UTC fields are the wall-clock values typed in; a time without a date ("01:30", a duration or a time of
 * day) sits on Excel's day zero, 1899-12-30, and becomes "HH:MM" so the same parsers read it as in a CSV.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? dateText(value) : String(value);
}

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Day fractions are floating point: 22:15 may come back as 22:14:59.999.
  const at = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  if (at.getTime() < Date.UTC(1900, 2, 1)) {
    // A time or a duration: hours may pass 24 ("[h]:mm" cells), so count from day zero.
    const minutes = Math.round((at.getTime() - Date.UTC(1899, 11, 30)) / 60_000);
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** The first worksheet of a workbook, as text rows (a cutover plan is one sheet; later sheets are notes and lists). */
export async function readXlsxSheet(fileName: string, bytes: Uint8Array): Promise<SheetRow[]> {
  refuseZipBomb(fileName, bytes);
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch (error) {
    throw unreadable(fileName, error);
  }
  return data.map((cells, index) => ({ row: index + 1, cells: cells.map(cellText) }));
}
