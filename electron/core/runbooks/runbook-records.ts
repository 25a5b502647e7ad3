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

/** The live steps of a runbook, by position (store/queries/runbook-steps.ts). */
export function loadSteps(ctx: HandlerContext, runbookId: string): RunbookStep[] {
  return ctx.store.queries.runbookSteps(runbookId);
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
