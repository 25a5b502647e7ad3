/**
 * RFC 4180 parsing: quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 BOM is dropped.
 * Hand-written because this is all the app reads (one small file per import), and ~30 lines do not justify a
 * dependency in the core. Each row keeps the line number it started on, for error messages.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export function parseCsv(content: string): CsvRow[] {
  const text = content.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') (cells.push(cell), (cell = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else cell += c;
  }
  if (quoted) throw new Error(`A quoted cell that starts on line ${rowLine} is never closed.`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
