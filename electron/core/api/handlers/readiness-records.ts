import type { PersonRole, Release } from '../../../contract/entities';
import type { ReadinessView, SignoffRecord } from '../../../contract/readiness-entities';
import type { ChecklistItemFacts, PersonFacts, TickFacts, WaiverFacts } from '../../domain/readiness';
import { deadlinePolicy, deriveChecklist, deriveReadiness, personNames, type DeadlinePolicy } from '../../domain/readiness';
import type { EntityName, FieldName } from '../../store/entity-tables';
import { loadPeople } from '../../people/people-queries';
import type { EntityRow } from '../../store/entity-reader';
import { readHeldRows, readSignedRows, type RecordTrust } from '../../store/signed-records';
import type { HandlerContext } from '../handler-context';
import { readSettings } from './workspace-handlers';

/**
 * Reads the readiness records of a release out of the store as the plain data the pure rules in
 * core/domain/readiness take. Each record gets the clock stamp, device and author of its first change-log entry
 * (its insert): the stamp orders records, whatever order sync delivered them in. Signed records (sign-offs, ticks,
 * waivers, decisions) also get whether they verified: only those that did count (store/signed-records.ts); the audit
 * lists the rest too, with the reason, and the ones the rules held back.
 */
export interface Written {
  hlc: string;
  at: string;
  deviceId: string;
  author: string;
  member?: string | null;
  trust?: RecordTrust;
}

export function writtenOf(ctx: HandlerContext, entity: EntityName, row: EntityRow): Written {
  const history = ctx.store.history(entity, row.id);
  const first = history[history.length - 1];
  return { hlc: first?.hlc ?? row.createdAt, at: row.createdAt, deviceId: first?.deviceId ?? '', author: first?.author ?? '' };
}

/** Which signed records a reader wants: those that count (the rules, the board, the gate) or all (the audit). */
export type Which = 'counted' | 'all';

/** Signed records of one release (or meeting), each with whether it counts; with `all`, the held ones too. */
export function signedRowsOf<E extends EntityName>(ctx: HandlerContext, entity: E, field: FieldName<E> & ('releaseId' | 'meetingId'), value: string, which: Which): Array<{ row: EntityRow; written: Written }> {
  const rows = readSignedRows(ctx.store, entity, ctx.store.reader.findEqual(entity, field, value));
  const all = which === 'all' ? [...rows, ...readHeldRows(ctx.store, entity, field, value)] : rows.filter((r) => r.trust.verified);
  return all.map(({ row, written, trust }) => ({ row, written: { ...written, trust } }));
}

/** A checklist item may arrive from sync field by field: it counts once it has its state and title. */
function itemsOf(ctx: HandlerContext, releaseId: string) {
  return ctx.store.reader
    .findEqual('checklistItem', 'releaseId', releaseId)
    .filter((row) => String(row.state) !== '' && row.title !== '')
    .map((row) => ({ row, written: writtenOf(ctx, 'checklistItem', row) }));
}

export function loadSignoffs(ctx: HandlerContext, releaseId: string, which: Which = 'counted'): Array<SignoffRecord & Pick<Written, 'member' | 'trust'>> {
  return signedRowsOf(ctx, 'signoff', 'releaseId', releaseId, which).map(({ row, written }) => ({
    id: row.id,
    releaseId: String(row.releaseId),
    state: row.state as SignoffRecord['state'],
    action: row.action as SignoffRecord['action'],
    personId: String(row.personId),
    comment: String(row.comment),
    waivedIssues: row.waivedIssues as string[],
    withdrawsId: (row.withdrawsId as string | null) ?? null,
    deviceId: String(row.deviceId) || written.deviceId,
    at: written.at,
    hlc: written.hlc,
    member: written.member,
    trust: written.trust,
  }));
}

export function loadChecklistFacts(ctx: HandlerContext, releaseId: string, which: Which = 'counted') {
  const items = itemsOf(ctx, releaseId).map(({ row, written }) => ({
    facts: {
      id: row.id,
      releaseId: String(row.releaseId),
      templateId: (row.templateId as string | null) ?? null,
      state: row.state as ChecklistItemFacts['state'],
      title: String(row.title),
      required: Boolean(row.required),
      position: Number(row.position),
    } satisfies ChecklistItemFacts,
    written,
  }));
  const ticks = signedRowsOf(ctx, 'checklistTick', 'releaseId', releaseId, which).map(({ row, written }) => ({
    id: row.id,
    itemId: String(row.itemId),
    ticked: Boolean(row.ticked),
    personId: String(row.personId),
    evidence: String(row.evidence),
    comment: String(row.comment),
    ...written,
    deviceId: String(row.deviceId) || written.deviceId,
  })) satisfies TickFacts[];
  const waivers = signedRowsOf(ctx, 'checklistWaiver', 'releaseId', releaseId, which).map(({ row, written }) => ({
    id: row.id,
    itemId: String(row.itemId),
    waived: Boolean(row.waived),
    personId: String(row.personId),
    reason: String(row.reason),
    ...written,
    deviceId: String(row.deviceId) || written.deviceId,
  })) satisfies WaiverFacts[];
  return { items, ticks, waivers };
}

export const WORKSPACE_POLICY_ID = 'workspace';
export const releasePolicyId = (releaseId: string) => `release:${releaseId}`;

function policyHours(ctx: HandlerContext, id: string): number | null {
  const row = ctx.store.reader.get('readinessPolicy', id);
  return row ? Number(row.deadlineHours) : null;
}

export function loadDeadlinePolicy(ctx: HandlerContext, releaseId: string | null): DeadlinePolicy {
  return deadlinePolicy(releaseId === null ? null : policyHours(ctx, releasePolicyId(releaseId)), policyHours(ctx, WORKSPACE_POLICY_ID));
}

export function loadChecklist(ctx: HandlerContext, releaseId: string, people: readonly PersonFacts[]) {
  const { items, ticks, waivers } = loadChecklistFacts(ctx, releaseId);
  return deriveChecklist(items.map((i) => i.facts), ticks, waivers, personNames(people));
}

export interface ReadinessOptions {
  /** The instant to judge the deadline against; default: now. */
  now?: string;
  /** The people (the deleted too) the board loaded once for all its releases. */
  everyone?: PersonFacts[];
  /** Answer pending while any state is unasserted, whatever the policy (`gate --require-all`). */
  requireAll?: boolean;
}

/** The readiness of one release, and the gate's answer for it under the workspace policy. */
export function loadReadiness(ctx: HandlerContext, release: Release, options: ReadinessOptions = {}): ReadinessView {
  const { now = new Date().toISOString(), everyone, requireAll } = options;
  const signoffs = loadSignoffs(ctx, release.id);
  const { items, ticks, waivers } = loadChecklistFacts(ctx, release.id);
  const people = everyone ?? loadPeople(ctx.store);
  return deriveReadiness({
    release,
    signoffs,
    checklist: deriveChecklist(items.map((i) => i.facts), ticks, waivers, personNames(people)),
    people,
    deadline: loadDeadlinePolicy(ctx, release.id),
    policy: readSettings(ctx).readinessPolicy,
    requireAll,
    now,
    zone: ctx.viewerZone(),
  });
}

/** Decisions taken about this release in coordination meetings, with the meeting's title, for the back-trace audit. */
export function loadDecisionFacts(ctx: HandlerContext, releaseId: string, which: Which = 'counted') {
  return signedRowsOf(ctx, 'meetingDecision', 'releaseId', releaseId, which).map(({ row, written }) => ({
    ...written,
    decision: String(row.decision),
    note: String(row.note),
    personId: String(row.personId),
    meetingTitle: String(ctx.store.reader.get('meeting', String(row.meetingId))?.title ?? 'a meeting that was deleted'),
  }));
}
