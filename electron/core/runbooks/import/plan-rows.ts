import type { ImportRowPreview, RunbookImportResult, RunbookStep } from '../../../contract/runbook-entities';
import { formatLocal } from '../../domain/calendar/zoned-time';
import { cycleSentence, findStepCycle } from '../../domain/runbooks';
import { parseDuration, parseKind, parsePredecessors, sectionName, unescapeFormula } from './cell-values';
import { IMPORT_FIELD_LABELS, headerScore, matchColumns, type ImportField } from './header-columns';
import type { SheetRow } from './sheet-file';
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

/** A row that checked out, ready to become a step once the whole file has (approvers and criteria are set in the app). */
export type StepDraft = Omit<RunbookStep, 'id' | 'runbookId' | 'position' | 'dependsOn' | 'approverIds' | 'criteria' | 'pointOfNoReturn'> & {
  row: number;
  /** The IDs (externalRefs) of the rows it waits for. */
  predecessors: string[];
};

export type ImportPlan = Omit<RunbookImportResult, 'imported'> & { drafts: StepDraft[] };

export const MAX_IMPORT_ROWS = 5000;
const DEFAULT_SECTION = 'Deploy';
const LIMITS: [ImportField, number][] = [
  ['title', 300],
  ['description', 20_000],
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

/** The header: among the first rows, the first that names a title column and the most other fields. */
function findHeader(rows: readonly SheetRow[]): number {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, 10).forEach((r, i) => {
    const score = headerScore(r.cells);
    if (score > bestScore) (best = i), (bestScore = score);
  });
  return best;
}

const fileOnly = (fileErrors: string[], columns: ImportPlan['columns'] = []): ImportPlan => ({ columns, fileErrors, rows: [], valid: 0, invalid: 0, drafts: [] });

/**
 * Checks every row of a cutover plan and turns the good ones into step drafts: pure, so the preview, the import
 * and the tests share it. Any row error or file error means nothing is imported; the preview shows them all.
 */
export function planImport(fileName: string, sheet: readonly SheetRow[], target: ImportTarget): ImportPlan {
  const rows = sheet.filter((r) => !blank(r.cells));
  if (rows.length === 0) return fileOnly([`${fileName} has no rows: it is empty or holds only blank lines.`]);
  const headerAt = findHeader(rows);
  if (headerAt < 0) {
    const found = rows[0].cells.map((c) => c.trim()).filter((c) => c !== '').slice(0, 8);
    return fileOnly([
      `${fileName} has no column for the step titles: name one "Task", "Title", "Activity" or "Description". ` +
        `Its first row has: ${found.map((c) => `"${c.slice(0, 40)}"`).join(', ') || 'nothing'}.`,
    ]);
  }
  const header = rows[headerAt];
  const { index, columns } = matchColumns(header.cells);
  const body = rows.slice(headerAt + 1);
  if (body.length > MAX_IMPORT_ROWS) return fileOnly([`${fileName} has ${body.length} rows; a runbook takes at most ${MAX_IMPORT_ROWS} steps.`], columns);
  const cell = (r: SheetRow, field: ImportField) => (index[field] === undefined ? '' : unescapeFormula(r.cells[index[field]!] ?? '').trim());
  const headerOf = (field: ImportField) => (index[field] === undefined ? IMPORT_FIELD_LABELS[field] : header.cells[index[field]!].trim());

  // Section-only rows ("Pre-checks" alone in the Section column) head the rows below; other rows are steps.
  let section = DEFAULT_SECTION;
  const stepRows: { r: SheetRow; section: string; ref: string }[] = [];
  const mapped = Object.values(index);
  for (const r of body) {
    if (mapped.every((i) => (r.cells[i] ?? '').trim() === '')) continue;
    const own = sectionName(cell(r, 'section'));
    if (own !== '') section = own;
    const others = mapped.filter((i) => i !== index.section);
    if (own !== '' && others.every((i) => (r.cells[i] ?? '').trim() === '')) continue;
    // Without an ID column, steps are numbered as they are listed, which is what "Predecessors: 3" then means.
    const ref = index.externalRef === undefined ? String(stepRows.length + 1) : cell(r, 'externalRef').replace(/^#\s*/, '').replace(/\.0+$/, '');
    stepRows.push({ r, section, ref });
  }
  if (stepRows.length === 0) return fileOnly([`${fileName} has a header row but no steps below it.`], columns);

  const rowOfRef = new Map<string, number>();
  for (const { r, ref } of stepRows) if (ref !== '' && !rowOfRef.has(ref)) rowOfRef.set(ref, r.row);

  const previews: ImportRowPreview[] = [];
  const drafts: StepDraft[] = [];
  let previousMs: number | null = null;
  for (const { r, section: rowSection, ref } of stepRows) {
    const errors: ImportRowPreview['errors'] = [];
    const problem = (field: ImportField, message: string) => errors.push({ column: headerOf(field), message });
    const title = cell(r, 'title');
    if (title === '') problem('title', 'The step has no title.');
    for (const [field, max] of LIMITS) {
      const value = field === 'section' ? rowSection : cell(r, field);
      if (value.length > max) problem(field, `Must be at most ${max} characters (it has ${value.length}).`);
    }
    if (ref !== '' && rowOfRef.get(ref) !== r.row) problem('externalRef', `ID ${ref} is already used on row ${rowOfRef.get(ref)}.`);

    const duration = parseDuration(cell(r, 'duration'));
    if (!duration.ok) problem('duration', duration.message);
    const kind = parseKind(cell(r, 'kind'));
    if (!kind.ok) problem('kind', kind.message);
    const start = parseStart(cell(r, 'start'), { anchorMs: target.anchorMs, zone: target.zone, previousMs });
    if (!start.ok) problem('start', start.message);
    else if (start.value.atMs !== null) previousMs = start.value.atMs;

    const predecessors = [...new Set(parsePredecessors(cell(r, 'predecessors'), (id) => rowOfRef.has(id)))];
    for (const p of predecessors) {
      if (p === ref) problem('predecessors', 'A step cannot depend on itself.');
      else if (!rowOfRef.has(p)) problem('predecessors', `No row has ID ${p}.`);
    }
    if (predecessors.length > 200) problem('predecessors', 'A step can wait for at most 200 others.');

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
      start: startValue?.atMs != null ? `${formatLocal(startValue.atMs, target.zone)}` : start.ok ? '' : cell(r, 'start'),
      durationMinutes: duration.ok ? duration.value : null,
      predecessors,
    });
    if (errors.length === 0) {
      drafts.push({
        row: r.row,
        externalRef: ref,
        title,
        description: cell(r, 'description'),
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
  }

  const fileErrors: string[] = [];
  const cycle = findStepCycle(drafts.map((d) => ({ id: d.externalRef, title: d.title, dependsOn: d.predecessors })));
  if (cycle) {
    const byRef = new Map(drafts.map((d) => [d.externalRef, d]));
    const rowList = cycle.map((ref) => byRef.get(ref)!.row);
    if (rowList.length === 1) rowList.unshift(rowList[0]);
    fileErrors.push(`Rows ${rowList.slice(0, -1).join(', ')} and ${rowList[rowList.length - 1]} wait for each other through Predecessors (IDs ${[...cycle, cycle[0]].join(' → ')}): ${cycleSentence(cycle, (ref) => byRef.get(ref)!.title)}`);
  }
  const invalid = previews.filter((p) => !p.ok).length;
  return { columns, fileErrors, rows: previews, valid: previews.length - invalid, invalid, drafts };
}
