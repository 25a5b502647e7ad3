/**
 * Which column holds which step field, matched loosely: release managers' spreadsheets say "Task", "Activity",
 * "Responsible", "Dur (min)", "Depends on", "Phase" ... Headers are compared lower-cased, without what is in
 * brackets and without punctuation, against each field's names, best name first.
 */
export const IMPORT_FIELDS = ['externalRef', 'title', 'owner', 'start', 'duration', 'predecessors', 'description', 'section', 'command', 'kind'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The field's name in messages and in the preview's column list. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalRef: 'ID',
  title: 'Title',
  owner: 'Owner',
  start: 'Start',
  duration: 'Duration',
  predecessors: 'Predecessors',
  description: 'Notes',
  section: 'Section',
  command: 'Command',
  kind: 'Kind',
};

/**
 * Names per field, best first. "Description" is the title's last resort and the notes' first choice: a sheet with
 * "Task" and "Description" means notes by the latter, a sheet with only "Description" means the step by it. "Step"
 * is an ID beside a title column ("Step | Task") and the title where nothing else is ("# | Step | Owner"). Fields are
 * matched in this order, and a column serves one field.
 */
const NAMES: [ImportField, string[]][] = [
  ['title', ['title', 'task', 'task name', 'name', 'step name', 'step title', 'activity', 'action', 'summary', 'what', 'description', 'step']],
  ['externalRef', ['id', '#', 'no', 'nr', 'num', 'number', 'step', 'step id', 'step no', 'step nr', 'step number', 'task id', 'ref', 'reference', 'wbs', 'line', 'seq', 'sequence']],
  ['owner', ['owner', 'responsible', 'assignee', 'assigned to', 'resource', 'resource names', 'resources', 'who', 'team', 'owner team', 'executor', 'performed by']],
  ['start', ['start', 'planned start', 'start time', 'begin', 'begins', 'from', 'when', 'time', 'scheduled start', 'plan start', 'start date']],
  ['duration', ['duration', 'dur', 'minutes', 'mins', 'min', 'est', 'estimate', 'estimated', 'est time', 'estimated duration', 'planned duration', 'effort', 'length', 'time needed']],
  ['predecessors', ['predecessors', 'predecessor', 'depends on', 'dependencies', 'dependency', 'after', 'requires', 'prereqs', 'prerequisites', 'pred', 'preds', 'follows']],
  ['description', ['notes', 'note', 'comments', 'comment', 'details', 'description', 'remarks', 'info', 'instructions']],
  ['section', ['section', 'phase', 'stage', 'group', 'category', 'part', 'block', 'workstream']],
  ['command', ['command', 'commands', 'cmd', 'script', 'scripts', 'shell', 'run']],
  ['kind', ['kind', 'type', 'step type', 'task type']],
];

/** "Dur. (min)" → "dur"; "Assigned-To" → "assigned to"; "#" stays "#". */
export function normalizeHeader(header: string): string {
  const plain = header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
  return plain;
}

export interface ColumnMap {
  /** Column index per field found. */
  index: Partial<Record<ImportField, number>>;
  /** The header each field was read from, for the preview. */
  columns: { field: string; header: string }[];
}

export function matchColumns(headers: readonly string[]): ColumnMap {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const index: ColumnMap['index'] = {};
  for (const [field, names] of NAMES) {
    let best = -1;
    let bestRank = Infinity;
    normalized.forEach((header, i) => {
      if (taken.has(i) || header === '') return;
      const rank = names.indexOf(header);
      if (rank >= 0 && rank < bestRank) (best = i), (bestRank = rank);
    });
    if (best >= 0) {
      index[field] = best;
      taken.add(best);
    }
  }
  const columns = IMPORT_FIELDS.filter((f) => index[f] !== undefined).map((f) => ({ field: IMPORT_FIELD_LABELS[f], header: headers[index[f]!].trim() }));
  return { index, columns };
}

/** How many fields a row's cells would match as a header: the header is the first row that names a title column. */
export function headerScore(cells: readonly string[]): number {
  const map = matchColumns(cells);
  return map.index.title === undefined ? 0 : Object.keys(map.index).length;
}
