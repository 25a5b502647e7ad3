import { randomUUID } from 'node:crypto';
import { invalidInput } from '../../contract/api-result';
import type { Runbook, RunbookCreate } from '../../contract/runbook-entities';
import type { z } from 'zod';
import type { HandlerContext } from '../api/handler-context';
import { requireExisting } from '../api/handlers/references';
import { copySteps } from './runbook-copy';
import { getRunbook, loadSteps } from './runbook-records';

/** Runbook-level writes (issue 4): create (optionally from a template), save as template, delete and its undo. */

export function createRunbook(ctx: HandlerContext, input: z.output<typeof RunbookCreate>): Runbook {
  if (input.releaseId !== null) requireExisting(ctx, 'release', [input.releaseId], 'releaseId');
  let templateId: string | null = null;
  const source = input.fromRunbookId ? getSource(ctx, input.fromRunbookId) : null;
  if (source) templateId = source.releaseId === null ? source.id : source.templateId;
  const steps = source ? loadSteps(ctx, source.id) : [];
  const id = randomUUID();
  ctx.store.mutate(ctx.author(), (w) => {
    w.insert('runbook', id, { name: input.name, description: input.description, releaseId: input.releaseId, templateId });
    copySteps(w, steps, id);
  });
  return getRunbook(ctx, id);
}

function getSource(ctx: HandlerContext, id: string): Runbook {
  if (!ctx.store.reader.get('runbook', id)) throw invalidInput('fromRunbookId', `There is no runbook or template with id ${id}.`);
  return getRunbook(ctx, id);
}

export function saveAsTemplate(ctx: HandlerContext, id: string, name: string): Runbook {
  const source = getRunbook(ctx, id);
  const steps = loadSteps(ctx, source.id);
  const templateId = randomUUID();
  ctx.store.mutate(ctx.author(), (w) => {
    w.insert('runbook', templateId, { name, description: source.description, releaseId: null, templateId: null });
    copySteps(w, steps, templateId);
  });
  return getRunbook(ctx, templateId);
}

/** A tombstone on the runbook and its steps; execution records are append-only and stay for the audit. */
export function deleteRunbook(ctx: HandlerContext, id: string): void {
  getRunbook(ctx, id);
  const steps = loadSteps(ctx, id);
  ctx.store.mutate(ctx.author(), (w) => {
    w.delete('runbook', id);
    for (const s of steps) w.delete('runbookStep', s.id);
  });
}

/** Undo of a delete: the runbook, and the steps deleted with it (not those deleted one by one before). */
export function restoreRunbook(ctx: HandlerContext, id: string): Runbook {
  if (!ctx.store.reader.isDeleted('runbook', id)) {
    if (ctx.store.reader.get('runbook', id)) return getRunbook(ctx, id);
    throw invalidInput('id', `There is no deleted runbook with id ${id}.`);
  }
  const tombstone = ctx.store.history('runbook', id).find((c) => c.field === '_deleted' && c.value === true)?.hlc ?? '';
  const deletedSteps = ctx.store.reader.findDeletedEqual('runbookStep', 'runbookId', id).map((s) => s.id);
  const withIt = deletedSteps.filter((stepId) => {
    const stepTombstone = ctx.store.history('runbookStep', stepId).find((c) => c.field === '_deleted' && c.value === true)?.hlc ?? '';
    return stepTombstone >= tombstone;
  });
  ctx.store.mutate(ctx.author(), (w) => {
    w.restore('runbook', id);
    for (const stepId of withIt) w.restore('runbookStep', stepId);
  });
  return getRunbook(ctx, id);
}
