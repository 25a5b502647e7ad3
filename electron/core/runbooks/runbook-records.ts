import { notFound } from '../../contract/api-result';
import type { ExecutionRecord, Runbook, RunbookStep } from '../../contract/runbook-entities';
import type { ExecutionFact, PlanStep } from '../domain/runbooks';
import type { EntityRow } from '../store/entity-reader';
import { readSignedRows } from '../store/signed-records';
import { signedRowsOf } from '../api/handlers/readiness-records';
import type { HandlerContext } from '../api/handler-context';

/**
 * Reads runbooks, steps and execution records out of the store as contract-shaped data. Sync may deliver some fields
 * of a record before the others (each column then holds its default): a step counts once it has its runbook and
 * title, an execution record once it names its step, action and person; until then they are left out.
 */
export function toRunbook(row: EntityRow): Runbook {
  return {
    id: row.id,
    name: String(row.name),
    description: String(row.description),
    releaseId: (row.releaseId as string | null) ?? null,
    templateId: (row.templateId as string | null) ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function getRunbook(ctx: HandlerContext, id: string): Runbook {
  const row = ctx.store.reader.get('runbook', id);
  if (!row) throw notFound('Runbook', id);
  return toRunbook(row);
}

export function toStep(row: EntityRow): RunbookStep {
  return {
    id: row.id,
    runbookId: String(row.runbookId),
    position: Number(row.position),
    title: String(row.title),
    description: String(row.description),
    command: String(row.command),
    ownerPersonId: (row.ownerPersonId as string | null) ?? null,
    ownerTeam: String(row.ownerTeam),
    kind: row.kind as RunbookStep['kind'],
    section: String(row.section) || 'Deploy',
    durationMinutes: Number(row.durationMinutes),
    dependsOn: (row.dependsOn as string[]) ?? [],
    fixedStartOffsetMinutes: (row.fixedStartOffsetMinutes as number | null) ?? null,
    externalRef: String(row.externalRef),
    approverIds: (row.approverIds as string[]) ?? [],
    criteria: String(row.criteria),
    pointOfNoReturn: Boolean(row.pointOfNoReturn),
  };
}

interface StepColumns {
  id: string;
  runbook_id: string;
  position: number;
  title: string;
  description: string;
  command: string;
  owner_person_id: string | null;
  owner_team: string;
  kind: string;
  section: string;
  duration_minutes: number;
  depends_on: string;
  fixed_start_offset: number | null;
  external_ref: string;
  approver_ids: string;
  criteria: string;
  point_of_no_return: number;
}

/**
 * The live steps of a runbook, by position. Read with one statement straight into the contract's shape rather than
 * through the generic reader: a 5,000-step runbook is read on every view, and the generic decode doubled its cost.
 */
export function loadSteps(ctx: HandlerContext, runbookId: string): RunbookStep[] {
  const rows = ctx.store.db
    .prepare(
      `SELECT id, runbook_id, position, title, description, command, owner_person_id, owner_team, kind, section, duration_minutes,
              depends_on, fixed_start_offset, external_ref, approver_ids, criteria, point_of_no_return
       FROM runbook_steps WHERE runbook_id = ? AND deleted = 0 AND title != '' ORDER BY position, id`,
    )
    .all(runbookId) as StepColumns[];
  return rows.map((r) => ({
    id: r.id,
    runbookId: r.runbook_id,
    position: r.position,
    title: r.title,
    description: r.description,
    command: r.command,
    ownerPersonId: r.owner_person_id,
    ownerTeam: r.owner_team,
    kind: r.kind as RunbookStep['kind'],
    section: r.section || 'Deploy',
    durationMinutes: r.duration_minutes,
    dependsOn: JSON.parse(r.depends_on) as string[],
    fixedStartOffsetMinutes: r.fixed_start_offset,
    externalRef: r.external_ref,
    approverIds: JSON.parse(r.approver_ids) as string[],
    criteria: r.criteria,
    pointOfNoReturn: r.point_of_no_return === 1,
  }));
}

export function getStep(ctx: HandlerContext, id: string): RunbookStep {
  const row = ctx.store.reader.get('runbookStep', id);
  if (!row || row.title === '') throw notFound('Runbook step', id);
  return toStep(row);
}

export const toPlanStep = (s: RunbookStep): PlanStep => ({
  id: s.id,
  title: s.title,
  kind: s.kind,
  section: s.section,
  position: s.position,
  durationMinutes: s.durationMinutes,
  dependsOn: s.dependsOn,
  fixedStartOffsetMinutes: s.fixedStartOffsetMinutes,
  pointOfNoReturn: s.pointOfNoReturn,
});

export interface StoredExecution extends ExecutionFact {
  runbookId: string;
  releaseId: string;
  deviceId: string;
  /** The clock stamp of its insert: for the audit's order. */
  hlc: string;
}

function toExecution({ row, written }: { row: EntityRow; written: { hlc: string } }): StoredExecution {
  return {
    id: row.id,
    runbookId: String(row.runbookId),
    releaseId: String(row.releaseId),
    stepId: String(row.stepId),
    action: row.action as ExecutionFact['action'],
    reason: String(row.reason),
    personId: String(row.personId),
    at: Date.parse(String(row.at)),
    deviceId: String(row.deviceId),
    hlc: written.hlc,
  };
}

/** The execution records that count (signed, verified: store/signed-records.ts). */
export function loadExecutions(ctx: HandlerContext, runbookId: string): StoredExecution[] {
  return readSignedRows(ctx.store, 'stepExecution', ctx.store.reader.findEqual('stepExecution', 'runbookId', runbookId))
    .filter((r) => r.trust.verified)
    .map(toExecution);
}

/**
 * Every execution record of a release's runbooks, deleted runbooks included, for the back-trace audit: those that do
 * not count too, with why, and those the rules held back.
 */
export function loadReleaseExecutions(ctx: HandlerContext, releaseId: string) {
  return signedRowsOf(ctx, 'stepExecution', 'releaseId', releaseId, 'all').map((r) => ({ ...toExecution(r), written: r.written }));
}

export function toExecutionRecord(fact: ExecutionFact & { runbookId: string }, names: (id: string) => string): ExecutionRecord {
  return {
    id: fact.id,
    runbookId: fact.runbookId,
    stepId: fact.stepId,
    action: fact.action,
    reason: fact.reason,
    personId: fact.personId,
    personName: names(fact.personId),
    at: new Date(fact.at).toISOString(),
  };
}
