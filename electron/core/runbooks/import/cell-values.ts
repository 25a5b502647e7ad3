import type { StepKind } from '../../../contract/runbook-entities';

/**
 * The cell formats of real cutover plans, each read into a step field or refused with a sentence a person can act
 * on. Hand-written because these are the conventions of spreadsheets (and MS Project exports), not a standard a
 * library parses.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(d|day|days|t|tag|tage)$/, 1440],
  [/^(h|hr|hrs|hour|hours|std)$/, 60],
  [/^(m|min|mins|minute|minutes|mn|')$/, 1],
  [/^(s|sec|secs|second|seconds)$/, 1 / 60],
];

/**
 * Minutes from "90", "90m", "90 min", "1h 30m", "1h30", "1.5h", "1,5 h", "01:30", "1:30:00" (h:mm:ss), "2 hours",
 * "1d". An empty cell is 0 (milestones and checkpoints often have none). A bare number is in the column's unit
 * ("Duration [h]": hours), else minutes; a fraction of a minute is refused rather than rounded, since "1.5" in a
 * minutes column was probably meant as hours.
 */
export function parseDuration(raw: string, unitMinutes = 1): Parsed<number> {
  const text = raw.trim().toLowerCase();
  if (text === '') return ok(0);
  const clock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) return whole(Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60, raw);
  if (/^\d+$/.test(text)) return whole(Number(text) * unitMinutes, raw);
  if (unitMinutes > 1 && /^\d+[.,]\d+$/.test(text)) return whole(Number(text.replace(',', '.')) * unitMinutes, raw);
  const hoursMinutes = /^(\d+)\s*h\s*(\d{1,2})$/.exec(text);
  if (hoursMinutes) return whole(Number(hoursMinutes[1]) * 60 + Number(hoursMinutes[2]), raw);
  if (/^\d+[.,]\d+$/.test(text)) return fail(`"${raw}" is not whole minutes: write minutes ("90"), hours ("1.5h") or a clock time ("01:30").`);
  const parts = [...text.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-z']+)/g)];
  const rest = text.replace(/(\d+(?:[.,]\d+)?)\s*([a-z']+)/g, '').replace(/[\s,]+/g, '');
  if (parts.length === 0 || rest !== '') return fail(`"${raw}" is not a duration: write minutes ("90"), "1h 30m", "1.5h" or "01:30".`);
  let minutes = 0;
  for (const [, amount, unit] of parts) {
    const factor = UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1];
    if (factor === undefined) return fail(`"${raw}" has a unit "${unit}" that is not a duration unit: use d, h or m.`);
    minutes += Number(amount.replace(',', '.')) * factor;
  }
  return whole(minutes, raw);
}

function whole(minutes: number, raw: string): Parsed<number> {
  const rounded = Math.round(minutes);
  // Seconds ("1:30:20") and hour fractions ("0.33h") round to the minute; a plan is not timed in seconds.
  if (rounded > 20_160) return fail(`"${raw}" is longer than 14 days, the longest a step may take.`);
  return ok(rounded);
}

/**
 * The IDs in a predecessors cell: "3, 5", "3;5", "3 5", "#3", and MS Project's "3FS", "4SS+2d", "5FF-30 min".
 * The link type and lag are tolerated and dropped: a step here starts when its dependencies finish. `known` tells
 * whether a token is an ID of the file as it stands, so an ID that itself ends in "FS" is not cut short.
 */
export function parsePredecessors(raw: string, known: (ref: string) => boolean): string[] {
  const bare = (t: string) => t.trim().replace(/^#\s*/, '');
  // "3 5" is a list only when every part is an ID of the file; "5FF -30 min" is one link with a lag.
  const tokens = raw
    .split(/[,;\n]+/)
    .flatMap((t) => {
      const parts = t.trim().split(/\s+/).map(bare);
      return parts.length > 1 && parts.every(known) ? parts : [bare(t)];
    })
    .filter((t) => t !== '');
  return tokens.map((token) => {
    const withoutType = token.replace(/\s*(fs|ss|ff|sf)\s*$/i, '').trim();
    const withoutLag = token.replace(/\s*[+-]\s*\d+(?:[.,]\d+)?\s*[a-z]*\s*$/i, '').replace(/\s*(fs|ss|ff|sf)\s*$/i, '').trim();
    const candidates = [token, withoutType, withoutLag].filter((c) => c !== '');
    return candidates.find(known) ?? candidates[candidates.length - 1];
  });
}

/** Matched against the cell lower-cased with "-", "_" and "/" read as spaces: "Go/No-Go" is "go no go". */
const KIND_NAMES: [StepKind, RegExp][] = [
  ['task', /^(task|step|activity|action|work)$/],
  ['readiness-gate', /^readiness( gate| check)?$/],
  ['checkpoint', /^((go ?no ?go)( checkpoint| decision| gate)?|checkpoint|check point|gate|decision|milestone)$/],
  ['communication', /^(communication|comms?|communicate|notify|notification|announce|announcement|e ?mail|mail|message|info)$/],
  ['rollback', /^(roll ?back|back ?out|fall ?back|revert|undo)$/],
];

/** A step kind from "Task", "Go/No-Go", "Comms", "Back-out" ...; an empty cell is a task. */
export function parseKind(raw: string): Parsed<StepKind> {
  const text = raw.trim().toLowerCase().replace(/[-_/\s]+/g, ' ');
  if (text === '') return ok('task');
  const kind = KIND_NAMES.find(([, pattern]) => pattern.test(text))?.[0];
  return kind ? ok(kind) : fail(`"${raw}" is not a step kind: use task, go/no-go checkpoint, readiness gate, communication or rollback.`);
}

/** A section name as written, spaces tidied (recognitions.ts decides whether it names the rollback section). */
export function sectionName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Excel's "escape formulae" mark: a leading apostrophe before = + - @ that our CSV export (and others) add. */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
