import Papa from 'papaparse';
import { ImportFileError, type BrokenRow, type Sheet, type SheetRow } from './sheet-row';

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

/**
 * The rows of a CSV file. A quoted cell that is never closed would swallow the rest of the file into one cell; so
 * its row is named as broken and reading goes on from the next line, and every other bad row can still be named.
 * Row numbers are records, as a spreadsheet numbers them (a cell may hold several lines).
 */
export function readCsvSheet(fileName: string, bytes: Uint8Array): Sheet {
  const text = decode(fileName, bytes);
  const delimiter = delimiterOf(text);
  const rows: SheetRow[] = [];
  const broken: BrokenRow[] = [];
  let rest = text;
  while (rest !== '') {
    // Blank lines are kept while parsing so that each record keeps the row number a spreadsheet shows for it.
    const parsed = Papa.parse<string[]>(rest, { delimiter, skipEmptyLines: false });
    const unclosed = parsed.errors.find((e) => e.type === 'Quotes');
    const good = unclosed ? parsed.data.slice(0, unclosed.row) : parsed.data;
    for (const cells of good) rows.push({ row: rows.length + broken.length + 1, cells: cells.map((c) => c ?? '') });
    if (!unclosed) break;
    broken.push({
      row: rows.length + broken.length + 1,
      message: 'A quoted cell in this row is never closed, so the row cannot be read: check its quotes. The rows after it were read from the next line on.',
    });
    const lineEnd = rest.slice(unclosed.index ?? 0).search(/\r\n|\n|\r/);
    if (lineEnd < 0) break;
    rest = rest.slice((unclosed.index ?? 0) + lineEnd).replace(/^(\r\n|\n|\r)/, '');
  }
  return { name: null, rows, broken };
}
