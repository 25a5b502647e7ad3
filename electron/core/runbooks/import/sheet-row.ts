/** One spreadsheet row as text cells, with the row number a spreadsheet program shows for it (1 = first row). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A problem with the file as a whole: reading it imports nothing, and the message says why. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
