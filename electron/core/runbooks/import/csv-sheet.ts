import Papa from 'papaparse';
import { ImportFileError, type SheetRow } from './sheet-row';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Text of a CSV file. Excel saves "CSV UTF-8" with a BOM, and plain "CSV" on Windows in the ANSI code page, so
 * bytes that are not valid UTF-8 are read as Windows-1252 rather than turned into replacement characters.
 */
function decode(fileName: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const controls = text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0) throw new ImportFileError(`${fileName} is not a spreadsheet: it holds binary data, not CSV text.`);
  return text.replace(/^\uFEFF/, '');
}

/**
 * The delimiter of the header line: European Excel writes ";" (the comma is its decimal point). Papaparse's own
 * guess looks at field counts over many lines and can be swayed by unquoted commas in notes; the header line is
 * the one line a person wrote deliberately, so its most frequent candidate decides.
 */
function delimiterOf(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 8).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestCount = 0;
  for (const line of lines.slice(0, 5)) {
    for (const d of DELIMITERS) {
      const count = line.split(d).length - 1;
      if (count > bestCount) (best = d), (bestCount = count);
    }
  }
  return best;
}

export function readCsvSheet(fileName: string, bytes: Uint8Array): SheetRow[] {
  const text = decode(fileName, bytes);
  // Blank lines are kept while parsing so that each record keeps the row number a spreadsheet shows for it.
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw new ImportFileError(`${fileName} has a quoted cell starting on row ${row} that is never closed: check the quotes in that row.`);
  }
  return parsed.data.map((cells, index) => ({ row: index + 1, cells: cells.map((c) => c ?? '') }));
}
