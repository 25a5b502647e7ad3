/** One spreadsheet row as text cells, with the row number a spreadsheet program shows for it (1 = first row). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A row the reader could not read (a quoted cell never closed): named, so it is listed with the other bad rows. */
export interface BrokenRow {
  row: number;
  message: string;
}

/** One worksheet: an XLSX workbook has one per tab (with its name), a CSV file has one (name null). */
export interface Sheet {
  name: string | null;
  rows: SheetRow[];
  broken: BrokenRow[];
}

/** A problem with the file as a whole: reading it imports nothing, and the message says why. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
