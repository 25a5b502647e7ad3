import readXlsxFile from 'read-excel-file/node';
import type { Sheet } from './sheet-row';
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

/** Every worksheet of a workbook, as text rows, in tab order: the plan is often not the first (a cover sheet, notes). */
export async function readXlsxSheets(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  refuseZipBomb(fileName, bytes);
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Array<{ sheet: string; data: unknown[][] }>;
  } catch (error) {
    throw unreadable(fileName, error);
  }
  return sheets.map(({ sheet, data }) => ({ name: sheet, rows: data.map((cells, index) => ({ row: index + 1, cells: cells.map(cellText) })), broken: [] }));
}
