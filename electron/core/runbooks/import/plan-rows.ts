import type { ImportRowPreview, RunbookImportResult, RunbookStep } from '../../../contract/runbook-entities';
import { formatLocal } from '../../domain/calendar/zoned-time';
import { cycleSentence, findStepCycle } from '../../domain/runbooks';
import { parseDuration, parseKind, parsePredecessors, sectionName, unescapeFormula } from './cell-values';
import { IMPORT_FIELD_LABELS, durationUnit, headerScore, headerZone, matchColumns, type ImportField } from './header-columns';
import { keptNotes, unmatchedColumns, type KeptColumn } from './kept-columns';
import { recognize } from './recognitions';
import type { Sheet, SheetRow } from './sheet-file';
import { parseStart } from './start-times';

/** Who may own a step: a person whose name (or email) is in the Owner cell; any other owner is kept as a team. */
export interface ImportPerson {
  id: string;
  name: string;
  email: string;
}

export interface ImportTarget {
  /** The release window's start (the runbook's anchor), epoch ms. */
  anchorMs: number;
  /** The release's time zone (UTC for a template). */
  zone: string;
  people: readonly ImportPerson[];
}

/** What the person chose in the preview: the worksheet, the unmatched columns to drop, the recognitions declined. */
export interface ImportChoices {
  sheet?: string;
  dropColumns?: readonly string[];
  keepColumns?: readonly string[];
  asWritten?: readonly string[];
}

/** A row that checked out, ready to become a step once the whole file has (approvers and criteria are set in the app). */
export type StepDraft = Omit<RunbookStep, 'id' | 'runbookId' | 'position' | 'dependsOn' | 'approverIds' | 'criteria' | 'pointOfNoReturn'> & {
  row: number;
  /** The IDs (externalRefs) of the rows it waits for. */
  predecessors: string[];
};

export type ImportPlan = Omit<RunbookImportResult, 'imported'> & { drafts: StepDraft[] };

export const MAX_IMPORT_ROWS = 5000;
const DEFAULT_SECTION = 'Deploy';
const NOTES_LIMIT = 20_000;
const LIMITS: [ImportField, number][] = [
  ['title', 300],
  ['command', 20_000],
  ['owner', 120],
  ['section', 80],
  ['externalRef', 40],
];

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
const personKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The header: among the first rows, the one that names a title column and the most other fields. */
function findHeader(rows: readonly SheetRow[]): number {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, 10).forEach((r, i) => {
    const score = headerScore(r.cells);
    if (score > bestScore) (best = i), (bestScore = score);
  });
  return best;
}

type SheetList = ImportPlan['sheets'];

/** The plan of a file that could not be read at all (not a spreadsheet, a damaged workbook). */
export const unreadablePlan = (message: string): ImportPlan => fileOnly([message]);
const nothing = { columns: [], unmatched: [], recognitions: [], notImported: [], rows: [], valid: 0, invalid: 0, drafts: [] };
const fileOnly = (fileErrors: string[], sheets: SheetList = [], sheet: string | null = null, more: Partial<ImportPlan> = {}): ImportPlan => ({
  ...nothing,
  sheets,
  sheet,
  fileErrors,
  ...more,
});

/** The worksheet to read: the one named, else the first with a column of step titles, else the first. */
function chooseSheet(fileName: string, sheets: readonly Sheet[], wanted: string | undefined): { sheet: Sheet; list: SheetList } | string {
  const list = sheets.flatMap((s) => (s.name === null ? [] : [{ name: s.name, hasTitleColumn: findHeader(s.rows.filter((r) => !blank(r.cells))) >= 0 }]));
  if (wanted !== undefined && wanted !== '') {
    const named = sheets.find((s) => s.name !== null && s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (named) return { sheet: named, list };
    if (list.length === 0) return `${fileName} is a CSV file: it has no sheets to choose from.`;
    return `${fileName} has no sheet named "${wanted}"; its sheets are: ${list.map((s) => `"${s.name}"`).join(', ')}.`;
  }
  const withTitles = list.findIndex((s) => s.hasTitleColumn);
  return { sheet: sheets[Math.max(0, withTitles)], list };
}

/**
 * Checks every row of a cutover plan and turns the good ones into step drafts: pure, so the preview, the import
 * and the tests share it. Any row error or file error means nothing is imported; the preview shows them all, and
 * everything the sheet holds is accounted for: read into a step field, kept in the notes under its header, dropped
 * because the person chose so, or listed as not imported (a title above the header row).
 */
export function planImport(fileName: string, sheets: readonly Sheet[], target: ImportTarget, choices: ImportChoices = {}): ImportPlan {
  const chosen = chooseSheet(fileName, sheets, choices.sheet);
  if (typeof chosen === 'string') return fileOnly([chosen], sheets.flatMap((s) => (s.name === null ? [] : [{ name: s.name, hasTitleColumn: false }])));
  const { sheet, list } = chosen;
  const rows = sheet.rows.filter((r) => !blank(r.cells));
  const fail = (message: string, more: Partial<ImportPlan> = {}) => fileOnly([message], list, sheet.name, more);
  const where = sheet.name === null ? fileName : `Sheet "${sheet.name}" of ${fileName}`;
  if (rows.length === 0 && sheet.broken.length === 0) return fail(`${where} has no rows: it is empty or holds only blank lines.`);
  const headerAt = findHeader(rows);
  if (headerAt < 0) {
    const found = (rows[0]?.cells ?? []).map((c) => c.trim()).filter((c) => c !== '').slice(0, 8);
    return fail(
      `${where} has no column for the step titles: name one "Task", "Title", "Activity" or "Description". ` +
        `Its first row has: ${found.map((c) => `"${c.slice(0, 40)}"`).join(', ') || 'nothing'}.`,
    );
  }
  const header = rows[headerAt];
  const { index, exact } = matchColumns(header.cells);
  const body = rows.slice(headerAt + 1);
  const headerOf = (field: ImportField) => (index[field] === undefined ? IMPORT_FIELD_LABELS[field] : header.cells[index[field]!].trim());
  const unit = index.duration === undefined ? null : durationUnit(headerOf('duration'));
  const zone = (index.start === undefined ? null : headerZone(headerOf('start'))) ?? target.zone;
  const columns = (Object.keys(IMPORT_FIELD_LABELS) as ImportField[])
    .filter((f) => index[f] !== undefined)
    .map((f) => ({
      field: IMPORT_FIELD_LABELS[f],
      header: headerOf(f),
      note: [
        exact[f] ? '' : 'matched by a word of its header',
        f === 'duration' && unit ? `bare numbers in ${unit.name}` : '',
        f === 'start' && zone !== target.zone ? `times in ${zone}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    }));
  const mappedColumns = new Set(Object.values(index));
  const unmatched = unmatchedColumns(header.cells, body, mappedColumns, { drop: choices.dropColumns, keep: choices.keepColumns });
  const kept: KeptColumn[] = unmatched.filter((u) => u.action === 'keep').map((u) => ({ index: u.index, header: u.header }));
  const notImported = rows.slice(0, headerAt).map((r) => ({ row: r.row, text: r.cells.map((c) => c.trim()).filter(Boolean).join(' · ').slice(0, 300), why: 'above the header row' }));
  const shown = { columns, unmatched: unmatched.map(({ index: _index, ...u }) => u), notImported };
  if (body.length > MAX_IMPORT_ROWS) return fail(`${where} has ${body.length} rows; a runbook takes at most ${MAX_IMPORT_ROWS} steps.`, shown);

  const cell = (r: SheetRow, field: ImportField) => (index[field] === undefined ? '' : unescapeFormula(r.cells[index[field]!] ?? '').trim());
  const filled = (r: SheetRow, i: number) => (r.cells[i] ?? '').trim() !== '';

  // Section-only rows ("Pre-checks" alone in the Section column) head the rows below; other rows are steps.
  let section = DEFAULT_SECTION;
  const stepRows: { r: SheetRow; section: string; ref: string }[] = [];
  const readColumns = [...mappedColumns, ...kept.map((k) => k.index)];
  for (const r of body) {
    if (!readColumns.some((i) => filled(r, i))) continue;
    const own = sectionName(cell(r, 'section'));
    if (own !== '') section = own;
    if (own !== '' && !readColumns.some((i) => i !== index.section && filled(r, i))) continue;
    // Without an ID column, steps are numbered as they are listed, which is what "Predecessors: 3" then means.
    const ref = index.externalRef === undefined ? String(stepRows.length + 1) : cell(r, 'externalRef').replace(/^#\s*/, '').replace(/\.0+$/, '');
    stepRows.push({ r, section, ref });
  }
  if (stepRows.length === 0 && sheet.broken.length === 0) return fail(`${where} has a header row but no steps below it.`, shown);

  const recognized = recognize(
    stepRows.map(({ r, section: s }) => ({ row: r.row, title: cell(r, 'title'), section: s, kindCell: cell(r, 'kind') })),
    choices.asWritten ?? [],
  );
  const rowOfRef = new Map<string, number>();
  for (const { r, ref } of stepRows) if (ref !== '' && !rowOfRef.has(ref)) rowOfRef.set(ref, r.row);

  const previews: ImportRowPreview[] = [];
  const drafts: StepDraft[] = [];
  let previousMs: number | null = null;
  stepRows.forEach(({ r, ref }, k) => {
    const errors: ImportRowPreview['errors'] = [];
    const problem = (field: ImportField, message: string) => errors.push({ column: headerOf(field), message });
    const title = cell(r, 'title');
    const rowSection = recognized.rows[k].section;
    if (title === '') problem('title', 'The step has no title.');
    for (const [field, max] of LIMITS) {
      const value = field === 'section' ? rowSection : cell(r, field);
      if (value.length > max) problem(field, `Must be at most ${max} characters (it has ${value.length}).`);
    }
    if (ref !== '' && rowOfRef.get(ref) !== r.row) problem('externalRef', `ID ${ref} is already used on row ${rowOfRef.get(ref)}.`);

    const duration = parseDuration(cell(r, 'duration'), unit?.minutes);
    if (!duration.ok) problem('duration', duration.message);
    const kindCell = cell(r, 'kind');
    const kind = kindCell === '' ? ({ ok: true, value: recognized.rows[k].kind } as const) : parseKind(kindCell);
    if (!kind.ok) problem('kind', kind.message);
    const startWritten = cell(r, 'start');
    const start = parseStart(startWritten, { anchorMs: target.anchorMs, zone, previousMs });
    if (!start.ok) problem('start', start.message);
    else if (start.value.atMs !== null) previousMs = start.value.atMs;

    const predecessorsWritten = cell(r, 'predecessors');
    const predecessors = [...new Set(parsePredecessors(predecessorsWritten, (id) => rowOfRef.has(id)))];
    for (const p of predecessors) {
      if (p === ref) problem('predecessors', 'A step cannot depend on itself.');
      else if (!rowOfRef.has(p)) problem('predecessors', `No row has ID ${p}.`);
    }
    if (predecessors.length > 200) problem('predecessors', 'A step can wait for at most 200 others.');

    // A link type or lag ("4SS+2d") has no place in a step here (it starts when its dependencies finish): the notes keep it.
    const linkKept = /\b\d+\s*(ss|ff|sf)\b|[+-]\s*\d/i.test(predecessorsWritten) ? [{ header: `${headerOf('predecessors')} as written`, value: predecessorsWritten }] : [];
    const description = keptNotes(cell(r, 'description'), [...linkKept, ...kept.map((c) => ({ header: c.header, value: unescapeFormula(r.cells[c.index] ?? '').trim() }))]);
    if (description.length > NOTES_LIMIT) {
      problem('description', `With the kept columns the notes have ${description.length} characters, more than ${NOTES_LIMIT}: drop a column or shorten them.`);
    }

    const ownerText = cell(r, 'owner');
    const person = ownerText === '' ? undefined : target.people.find((p) => personKey(p.name) === personKey(ownerText) || (p.email !== '' && personKey(p.email) === personKey(ownerText)));
    const startValue = start.ok ? start.value : null;
    previews.push({
      row: r.row,
      ok: errors.length === 0,
      errors,
      externalRef: ref,
      title,
      owner: person?.name ?? ownerText,
      section: rowSection,
      kind: kind.ok ? kind.value : 'task',
      startWritten,
      start: startValue?.atMs != null ? `${formatLocal(startValue.atMs, target.zone)}` : '',
      durationMinutes: duration.ok ? duration.value : null,
      predecessors,
    });
    if (errors.length === 0) {
      drafts.push({
        row: r.row,
        externalRef: ref,
        title,
        description,
        command: cell(r, 'command'),
        ownerPersonId: person?.id ?? null,
        ownerTeam: person ? '' : ownerText,
        kind: kind.ok ? kind.value : 'task',
        section: rowSection,
        durationMinutes: duration.ok ? duration.value : 0,
        fixedStartOffsetMinutes: startValue?.offsetMinutes ?? null,
        predecessors,
      });
    }
  });
  for (const b of sheet.broken) {
    previews.push({ row: b.row, ok: false, errors: [{ column: 'Row', message: b.message }], externalRef: '', title: '', owner: '', section: '', kind: 'task', startWritten: '', start: '', durationMinutes: null, predecessors: [] });
  }
  previews.sort((a, b) => a.row - b.row);

  const fileErrors: string[] = [];
  const cycle = findStepCycle(drafts.map((d) => ({ id: d.externalRef, title: d.title, dependsOn: d.predecessors })));
  if (cycle) {
    const byRef = new Map(drafts.map((d) => [d.externalRef, d]));
    const rowList = cycle.map((ref) => byRef.get(ref)!.row);
    if (rowList.length === 1) rowList.unshift(rowList[0]);
    fileErrors.push(`Rows ${rowList.slice(0, -1).join(', ')} and ${rowList[rowList.length - 1]} wait for each other through Predecessors (IDs ${[...cycle, cycle[0]].join(' → ')}): ${cycleSentence(cycle, (ref) => byRef.get(ref)!.title)}`);
  }
  const invalid = previews.filter((p) => !p.ok).length;
  return { sheets: list, sheet: sheet.name, ...shown, recognitions: recognized.recognitions, fileErrors, rows: previews, valid: previews.length - invalid, invalid, drafts };
}
