import { isIanaZoneName } from '../../domain/calendar/zoned-time';

/**
 * Which column holds which step field, matched loosely: release managers' spreadsheets say "Task", "Activity",
 * "Responsible", "Dur (min)", "Depends on", "Phase", "Notes / Commands", "Duration [h]" ... Headers are compared
 * lower-cased, without what is in brackets and without punctuation: first as a whole against each field's names,
 * then word by word against its keywords, so a header that joins two words with a slash still finds its field.
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
 * Whole-header names per field, best first. "Description" is the title's last resort and the notes' first choice: a
 * sheet with "Task" and "Description" means notes by the latter, a sheet with only "Description" means the step by
 * it. "Step" is an ID beside a title column ("Step | Task") and the title where nothing else is ("# | Step | Owner").
 * Fields are matched in this order, and a column serves one field.
 */
const NAMES: [ImportField, string[]][] = [
  ['title', ['title', 'task', 'task name', 'name', 'step name', 'step title', 'activity', 'action', 'summary', 'what', 'description', 'step']],
  ['externalRef', ['id', '#', 'no', 'nr', 'num', 'number', 'step', 'step id', 'step no', 'step nr', 'step number', 'task id', 'ref', 'reference', 'wbs', 'line', 'seq', 'sequence', 'issue key', 'key']],
  ['owner', ['owner', 'responsible', 'assignee', 'assigned to', 'resource', 'resource names', 'resources', 'who', 'team', 'owner team', 'executor', 'performed by', 'run by', 'done by']],
  ['start', ['start', 'planned start', 'start time', 'begin', 'begins', 'from', 'when', 'time', 'scheduled start', 'plan start', 'start date']],
  ['duration', ['duration', 'dur', 'minutes', 'mins', 'min', 'est', 'estimate', 'estimated', 'est time', 'estimated duration', 'planned duration', 'effort', 'length', 'time needed']],
  ['predecessors', ['predecessors', 'predecessor', 'depends on', 'dependencies', 'dependency', 'after', 'requires', 'prereqs', 'prerequisites', 'pred', 'preds', 'follows']],
  ['description', ['notes', 'note', 'comments', 'comment', 'details', 'description', 'remarks', 'info', 'instructions']],
  ['section', ['section', 'phase', 'stage', 'group', 'category', 'part', 'block', 'workstream']],
  ['command', ['command', 'commands', 'cmd', 'script', 'scripts', 'shell', 'run']],
  ['kind', ['kind', 'type', 'step type', 'task type']],
];

/**
 * Single words that name a field inside a longer header ("Notes / Commands", "Owner (backup team)", "Planned start
 * time"). Only words that mean the field on their own: "run", "type" or "when" inside a header say too little
 * (a Jira "Issue Type" holds Story and Sub-task, not step kinds), so such columns stay unmatched, and visible.
 */
const KEYWORDS: [ImportField, string[]][] = [
  ['title', ['title', 'task', 'activity', 'summary']],
  ['externalRef', ['id', 'ref', 'wbs']],
  ['owner', ['owner', 'responsible', 'assignee', 'resource', 'resources', 'team', 'executor']],
  ['start', ['start', 'begin', 'begins']],
  ['duration', ['duration', 'dur', 'minutes', 'mins', 'hours', 'hrs', 'estimate', 'effort']],
  ['predecessors', ['predecessor', 'predecessors', 'dependencies', 'dependency', 'depends', 'prereqs', 'prerequisites', 'pred', 'preds']],
  ['description', ['notes', 'note', 'comments', 'comment', 'details', 'description', 'remarks', 'instructions']],
  ['section', ['section', 'phase', 'stage', 'workstream']],
  ['command', ['command', 'commands', 'cmd', 'script', 'scripts']],
  ['kind', ['kind']],
];

/** "Dur. (min)" → "dur"; "Assigned-To" → "assigned to"; "#" stays "#". */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** The spreadsheet's letter for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface ColumnMap {
  /** Column index per field found. */
  index: Partial<Record<ImportField, number>>;
  /** How a field's header was matched: as a whole, or by one of its words (a weaker match). */
  exact: Partial<Record<ImportField, boolean>>;
}

export function matchColumns(headers: readonly string[]): ColumnMap {
  const normalized = headers.map(normalizeHeader);
  const words = normalized.map((h) => h.split(' ').filter((w) => w !== ''));
  const taken = new Set<number>();
  const index: ColumnMap['index'] = {};
  const exact: ColumnMap['exact'] = {};
  // Whole-header matches first, for every field, so that "Task ID" is the ID before "Task" can claim it as a title.
  const pass = (table: [ImportField, string[]][], rankOf: (names: string[], column: number) => number, isExact: boolean) => {
    for (const [field, names] of table) {
      if (index[field] !== undefined) continue;
      let best = -1;
      let bestRank = Infinity;
      normalized.forEach((header, i) => {
        if (taken.has(i) || header === '') return;
        const rank = rankOf(names, i);
        if (rank >= 0 && rank < bestRank) (best = i), (bestRank = rank);
      });
      if (best >= 0) {
        index[field] = best;
        exact[field] = isExact;
        taken.add(best);
      }
    }
  };
  pass(NAMES, (names, i) => names.indexOf(normalized[i]), true);
  pass(KEYWORDS, (names, i) => {
    const ranks = words[i].map((w) => names.indexOf(w)).filter((r) => r >= 0);
    return ranks.length > 0 ? Math.min(...ranks) : -1;
  }, false);
  return { index, exact };
}

/** How many fields a row's cells would match as a header: a whole-header match counts twice a word match. */
export function headerScore(cells: readonly string[]): number {
  const map = matchColumns(cells);
  if (map.index.title === undefined) return 0;
  return Object.values(map.exact).reduce((sum, whole) => sum + (whole ? 2 : 1), 0);
}

/** What is in the header's brackets: "Start (CET)" → ["CET"], "Duration [h]" → ["h"]. */
function bracketed(header: string): string[] {
  return [...header.matchAll(/\(([^)]*)\)|\[([^\]]*)\]/g)].map((m) => (m[1] ?? m[2]).trim());
}

const UNIT_WORDS: [RegExp, number, string][] = [
  [/^(d|day|days|tage?)$/i, 1440, 'days'],
  [/^(h|hr|hrs|hour|hours|std|stunden)$/i, 60, 'hours'],
  [/^(m|min|mins|minute|minutes)$/i, 1, 'minutes'],
];

/** The unit a Duration header gives bare numbers: "Duration [h]", "Dur (min)", "Effort in hours", "Hours". */
export function durationUnit(header: string): { minutes: number; name: string } | null {
  const candidates = [...bracketed(header), ...normalizeHeader(header).split(' ')];
  for (const word of candidates) {
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(word));
    if (unit) return { minutes: unit[1], name: unit[2] };
  }
  return null;
}

/** The zone a Start header names for its times: "Start (CET)", "Start [UTC]", "Start (Europe/London)". */
export function headerZone(header: string): string | null {
  for (const text of bracketed(header)) {
    const zone = /^(gmt|z|utc)$/i.test(text) ? 'UTC' : text;
    if (zone !== '' && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) && isIanaZoneName(zone)) return zone;
  }
  return null;
}
