import { READINESS_STATE_LABELS, type AuditVerification, type ReadinessState, type ReleaseAuditEntry, type SignoffRecord } from '../../../contract/readiness-entities';
import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../contract/entities';
import type { PersonNames } from '../person-names';
import { fieldLabel } from '../../../contract/field-messages';
import { formatLocal } from '../calendar/zoned-time';

/**
 * A record with where and when it was written: every input of the timeline carries these. Signed records also carry
 * whether they verified (and the member that relayed them, where the team server did).
 */
interface Written {
  hlc: string;
  at: string;
  deviceId: string;
  member?: string | null;
  trust?: { verified: boolean; reason: string | null };
}

export interface AuditFacts {
  signoffs: ReadonlyArray<SignoffRecord & Pick<Written, 'member' | 'trust'>>;
  ticks: ReadonlyArray<Written & { itemId: string; ticked: boolean; personId: string; evidence: string; comment: string }>;
  waivers: ReadonlyArray<Written & { itemId: string; waived: boolean; personId: string; reason: string }>;
  /** Checklist items of the release, with who added them (from the change log). */
  items: ReadonlyArray<Written & { id: string; title: string; state: ReadinessState; author: string }>;
  /** The change log of the release row itself. */
  releaseChanges: ReadonlyArray<Written & { author: string; field: string; value: unknown; oldValue: unknown }>;
  /** Go / hold / reschedule decisions of coordination meetings about this release. */
  decisions: ReadonlyArray<Written & { decision: string; note: string; personId: string; meetingTitle: string }>;
  /** Runbook step executions (issue 4): `happenedAt` is when the step was started, completed …, which may precede the write. */
  executions?: ReadonlyArray<Written & { action: string; reason: string; personId: string; happenedAt: string; stepTitle: string; runbookName: string }>;
  names: PersonNames;
  /** Names of the systems and environments a release change names by id. */
  referenceNames?: { system: ReadonlyMap<string, string>; environment: ReadonlyMap<string, string> };
  /** The zone the reader reads times in: dates in the sentences are written there, with the zone named. */
  zone: string;
}

type Entry = ReleaseAuditEntry;

const DECISION_WORDS: Record<string, string> = { go: 'go', hold: 'to hold', reschedule: 'to reschedule' };

const EXECUTION_WORDS: Record<string, string> = {
  start: 'Started',
  complete: 'Completed',
  fail: 'Failed',
  skip: 'Skipped',
  go: 'Decided go at',
  'no-go': 'Decided no-go at',
  rehearse: 'Started a rehearsal with',
  reopen: 'Reopened',
  override: 'Overrode the readiness gate at',
  abort: 'Aborted the release at',
  'end-failed': 'Ended the execution as failed at',
};

const blank = { comment: '', evidence: '', waivedIssues: [] as string[] };

/**
 * The back-trace audit of a release: one timeline, newest first, of every sign-off, waiver, tick, checklist item
 * added, meeting decision, and change to the release itself, saying who, when, from which device, what and with what comment.
 */
export function releaseAuditTimeline(facts: AuditFacts): Entry[] {
  const { names, zone } = facts;
  const when = (at: string) => `${formatLocal(Date.parse(at), zone)} (${zone})`;
  const who = (personId: string) => ({ personId, who: names.name(personId) });
  const itemOf = new Map(facts.items.map((i) => [i.id, i]));
  const signoffById = new Map(facts.signoffs.map((s) => [s.id, s]));
  const entries: Entry[] = [];

  for (const s of facts.signoffs) {
    const label = READINESS_STATE_LABELS[s.state];
    const target = s.withdrawsId ? signoffById.get(s.withdrawsId) : undefined;
    const what =
      s.action === 'assert'
        ? `Asserted ${label} readiness${s.waivedIssues.length ? `, waiving ${s.waivedIssues.length} issue(s)` : ''}.`
        : s.action === 'halt'
          ? `Halted ${label} readiness.`
          : `Withdrew ${target ? `the ${target.action === 'assert' ? 'assertion' : 'halt'} of ${when(target.at)} by ${names.name(target.personId)}` : 'a sign-off'} of ${label} readiness.`;
    entries.push({ ...pick(s), kind: s.action, state: s.state, ...who(s.personId), what, ...blank, comment: s.comment, waivedIssues: s.waivedIssues });
  }
  for (const t of facts.ticks) {
    const item = itemOf.get(t.itemId);
    const what = `${t.ticked ? 'Ticked' : 'Un-ticked'} "${item?.title ?? t.itemId}".`;
    entries.push({ ...pick(t), kind: t.ticked ? 'tick' : 'untick', state: item?.state ?? null, ...who(t.personId), what, ...blank, comment: t.comment, evidence: t.evidence });
  }
  for (const w of facts.waivers) {
    const item = itemOf.get(w.itemId);
    const what = `${w.waived ? 'Waived' : 'Lifted the waiver of'} "${item?.title ?? w.itemId}".`;
    entries.push({ ...pick(w), kind: w.waived ? 'waiver' : 'waiver-lifted', state: item?.state ?? null, ...who(w.personId), what, ...blank, comment: w.reason });
  }
  for (const i of facts.items) {
    const what = `Added checklist item "${i.title}" to ${READINESS_STATE_LABELS[i.state]} readiness.`;
    entries.push({ ...pick(i), kind: 'checklist', state: i.state, ...who(i.author), what, ...blank });
  }
  for (const d of facts.decisions) {
    const what = `Decided ${DECISION_WORDS[d.decision] ?? d.decision} in "${d.meetingTitle}".`;
    entries.push({ ...pick(d), kind: 'decision', state: null, ...who(d.personId), what, ...blank, comment: d.note });
  }
  for (const x of facts.executions ?? []) {
    const what = `${EXECUTION_WORDS[x.action] ?? x.action} "${x.stepTitle}" (${x.runbookName}).`;
    entries.push({ ...pick(x), at: x.happenedAt, kind: 'step-execution', state: null, ...who(x.personId), what, ...blank, comment: x.reason });
  }
  entries.push(...releaseChangeEntries(facts, when));
  // Stable sort: entries written together (one clock stamp) keep the order they were listed in.
  return entries.sort((a, b) => (a.hlc === b.hlc ? 0 : a.hlc < b.hlc ? 1 : -1));
}

function pick(w: Written) {
  const verification: AuditVerification = !w.trust
    ? { status: 'not-signed', reason: null }
    : w.trust.verified
      ? { status: 'verified', reason: null }
      : { status: 'unverified', reason: w.trust.reason };
  return { hlc: w.hlc, at: w.at, deviceId: w.deviceId, member: w.member ?? null, verification };
}

/** Changes written in one go (one clock stamp) make one entry; the first one of the release is its creation. */
function releaseChangeEntries(facts: AuditFacts, when: (at: string) => string): Entry[] {
  const { releaseChanges: changes, names } = facts;
  const show = (field: string, value: unknown) => showValue(field, value, facts, when);
  const groups = new Map<string, Array<AuditFacts['releaseChanges'][number]>>();
  for (const c of [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) {
    groups.set(c.hlc, [...(groups.get(c.hlc) ?? []), c]);
  }
  return [...groups.values()].map((group, index) => {
    const first = group[0];
    const values = Object.fromEntries(group.map((c) => [c.field, c.value]));
    let what: string;
    if (index === 0 && 'name' in values) what = `Planned the release ${[values.name, values.version].filter(Boolean).join(' ')}.`;
    else if (values._deleted === true) what = 'Deleted the release.';
    else if (values._deleted === false) what = 'Restored the release.';
    else what = `Changed ${group.map((c) => `${fieldLabel(c.field)} from ${show(c.field, c.oldValue)} to ${show(c.field, c.value)}`).join('; ')}.`;
    return { ...pick(first), kind: 'release-change' as const, state: null, personId: first.author, who: names.name(first.author), what, ...blank };
  });
}

/** A release field's value as a person reads it: names for ids, local dates for instants, labels for codes. */
function showValue(field: string, value: unknown, facts: AuditFacts, when: (at: string) => string): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'status' && typeof value === 'string' && value in RELEASE_STATUS_LABELS) return RELEASE_STATUS_LABELS[value as ReleaseStatus];
  if ((field === 'windowStart' || field === 'windowEnd') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return when(value);
  if (field === 'ownerId' && typeof value === 'string') return facts.names.name(value);
  const lookup = field === 'systemIds' ? facts.referenceNames?.system : field === 'environmentIds' ? facts.referenceNames?.environment : undefined;
  if (Array.isArray(value)) return value.map((v) => lookup?.get(String(v)) ?? String(v)).join(', ') || '(none)';
  return String(value);
}

const CSV_COLUMNS = ['at', 'who', 'deviceId', 'member', 'kind', 'state', 'what', 'comment', 'evidence', 'waivedIssues', 'verification'] as const;

/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading
 * apostrophe: the comments are free text typed by people.
 */
export function auditCsv(entries: readonly Entry[]): string {
  const cell = (value: unknown) => {
    let s = Array.isArray(value)
      ? value.join('; ')
      : value === null || value === undefined
        ? ''
        : typeof value === 'object'
          ? [(value as AuditVerification).status, (value as AuditVerification).reason].filter(Boolean).join(': ')
          : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = entries.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
