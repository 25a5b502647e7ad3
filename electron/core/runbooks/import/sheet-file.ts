import { readCsvSheet } from './csv-sheet';
import { ImportFileError, type Sheet, type SheetRow } from './sheet-row';
import { readXlsxSheets } from './xlsx-sheet';

export { ImportFileError, type Sheet, type SheetRow };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the binary .xls of Excel 97–2003
const PDF = [0x25, 0x50, 0x44, 0x46];

/**
 * The file's worksheets, whatever its name says: the bytes decide (an .xlsx is a zip; a CSV is text), because files
 * get renamed and mailed around. Everything that is neither is refused with what it looks like instead.
 */
export async function readSheets(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ImportFileError(`${fileName} is empty.`);
  if (startsWith(bytes, ZIP)) return readXlsxSheets(fileName, bytes);
  if (startsWith(bytes, OLE)) {
    throw new ImportFileError(`${fileName} is an old binary Excel file (.xls): save it as .xlsx or CSV and import that.`);
  }
  if (startsWith(bytes, PDF)) throw new ImportFileError(`${fileName} is a PDF, not a spreadsheet: import the CSV or XLSX it was made from.`);
  if (/\.xls[xm]?$/i.test(fileName)) throw new ImportFileError(`${fileName} is not an Excel workbook (an .xlsx file is a zip archive; this one is not).`);
  return [readCsvSheet(fileName, bytes)];
}

/** The bytes of an import input: CSV text as UTF-8, anything else base64. */
export function inputBytes(encoding: 'utf8' | 'base64', content: string): Uint8Array {
  return encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
}
