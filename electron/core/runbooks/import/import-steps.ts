import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Release } from '../../../contract/entities';
import type { RunbookImportInput, RunbookImportResult } from '../../../contract/runbook-entities';
import type { HandlerContext } from '../../api/handler-context';
import { positionsBetween } from '../../domain/runbooks';
import { getRunbook, loadSteps } from '../runbook-records';
import { TEMPLATE_ANCHOR } from '../runbook-view';
import { planImport, unreadablePlan, type ImportChoices, type ImportPerson, type ImportPlan, type StepDraft } from './plan-rows';
import { ImportFileError, inputBytes, readSheets } from './sheet-file';

/**
 * Reads and checks the file against a release (its window start and time zone; null: a template, read from a
 * nominal UTC start) and the workspace's people. Writes nothing: the CLI also uses it to check a plan before it
 * creates the runbook the plan goes into.
 */
export async function previewImport(
  ctx: HandlerContext,
  releaseId: string | null,
  fileName: string,
  bytes: Uint8Array,
  choices: ImportChoices = {},
): Promise<ImportPlan> {
  const release = releaseId ? ctx.store.reader.get('release', releaseId) : undefined;
  const people: ImportPerson[] = ctx.store.reader.list('person').map((p) => ({ id: p.id, name: String(p.name), email: String(p.email ?? '') }));
  let sheets;
  try {
    sheets = await readSheets(fileName, bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return unreadablePlan(error.message);
    throw error;
  }
  const target = { anchorMs: Date.parse(release?.windowStart ?? TEMPLATE_ANCHOR), zone: release?.timeZone ?? 'UTC', people };
  return planImport(fileName, sheets, target, choices);
}

/** The step rows to insert: new ids, the file's predecessor IDs mapped onto them, positions after `after`. */
function stepRows(drafts: readonly StepDraft[], runbookId: string, positions: readonly number[]) {
  const idOf = new Map(drafts.map((d) => [d.externalRef, randomUUID()]));
  return drafts.map((d, k) => {
    const { row: _row, predecessors, ...fields } = d;
    const id = d.externalRef !== '' ? idOf.get(d.externalRef)! : randomUUID();
    return { id, fields: { ...fields, runbookId, position: positions[k], dependsOn: predecessors.map((p) => idOf.get(p)!) } };
  });
}

/**
 * Preview or import a cutover plan (runbooks.importSteps): every row is checked first, and a file with any error
 * imports nothing. The steps go in with one mutation, so the import is all rows or none even if the process dies
 * half-way; `replace` deletes the runbook's steps in that same mutation (undo: restore them from history).
 */
export async function importSteps(ctx: HandlerContext, input: z.output<typeof RunbookImportInput>): Promise<RunbookImportResult> {
  const runbook = getRunbook(ctx, input.runbookId);
  const { drafts, ...plan } = await previewImport(ctx, runbook.releaseId, input.fileName, inputBytes(input.encoding, input.content), input);
  const clean = plan.fileErrors.length === 0 && plan.invalid === 0 && drafts.length > 0;
  if (input.dryRun || !clean) return { ...plan, imported: 0 };
  // Reading the file awaited: the runbook and its steps are checked again where the steps are written.
  const imported = ctx.store.mutate(ctx.author(), (w) => {
    getRunbook(ctx, input.runbookId);
    const existing = loadSteps(ctx, input.runbookId);
    const kept = input.replace ? [] : existing.map((s) => s.position);
    const positions = positionsBetween(kept, kept.length > 0 ? kept[kept.length - 1] : 0, drafts.length);
    const rows = stepRows(drafts, input.runbookId, positions);
    if (input.replace) for (const s of existing) w.delete('runbookStep', s.id);
    for (const r of rows) w.insert('runbookStep', r.id, r.fields);
    return rows.length;
  });
  return { ...plan, imported };
}
