import { randomUUID } from 'node:crypto';
import { invalidInput } from '../../contract/api-result';
import type { RunbookStep, StepCreate, StepMoveInput, StepPatch } from '../../contract/runbook-entities';
import type { z } from 'zod';
import type { HandlerContext } from '../api/handler-context';
import { requireExisting } from '../api/handlers/references';
import { cycleSentence, cycleThrough, positionsBetween } from '../domain/runbooks';
import { getRunbook, getStep, loadSteps } from './runbook-records';

/** Step edits (issue 4): every rule checked before anything is written, so a refused edit writes nothing. */

function requireSameRunbook(steps: readonly RunbookStep[], ids: readonly string[], field: string): void {
  const own = new Set(steps.map((s) => s.id));
  ids.forEach((id, index) => {
    if (!own.has(id)) throw invalidInput(`${field}.${index}`, `There is no step with id ${id} in this runbook.`);
  });
}

function requireOwner(ctx: HandlerContext, ownerPersonId: string | null | undefined): void {
  if (ownerPersonId) requireExisting(ctx, 'person', [ownerPersonId], 'ownerPersonId');
}

function requireNoCycle(steps: readonly RunbookStep[], stepId: string, title: string, dependsOn: readonly string[]): void {
  const others = steps.filter((s) => s.id !== stepId);
  const cycle = cycleThrough([...others, { id: stepId, title, dependsOn }], stepId, dependsOn);
  if (cycle) {
    const titles = new Map([...others.map((s) => [s.id, s.title] as const), [stepId, title]]);
    throw invalidInput('dependsOn', cycleSentence(cycle, (id) => titles.get(id) ?? id));
  }
}

/**
 * Positions for `count` steps placed after the step `afterId` (null: at the top) among `rest` (by position). Each
 * insert halves a gap, so after some 50 inserts at one spot doubles run out of room between two neighbours: then
 * every step is renumbered 1, 2, 3 … first, in the same write (rare, and the only write that touches every row).
 */
function placeAfter(rest: readonly RunbookStep[], afterId: string | null, count: number): { positions: number[]; renumber: Map<string, number> } {
  const place = (position: (s: RunbookStep) => number) => {
    const sorted = rest.map(position);
    const at = afterId === null ? -1 : rest.findIndex((s) => s.id === afterId);
    const low = at >= 0 ? sorted[at] : -Infinity;
    const high = at + 1 < sorted.length ? sorted[at + 1] : Infinity;
    const positions = positionsBetween(sorted, at >= 0 ? sorted[at] : null, count);
    const room = positions.every((p, k) => p > low && p < high && (k === 0 || p > positions[k - 1]));
    return room ? positions : null;
  };
  const positions = place((s) => s.position);
  if (positions) return { positions, renumber: new Map() };
  const renumber = new Map(rest.map((s, i) => [s.id, i + 1]));
  return { positions: place((s) => renumber.get(s.id)!)!, renumber };
}

export function createStep(ctx: HandlerContext, input: z.output<typeof StepCreate>): RunbookStep {
  const runbook = getRunbook(ctx, input.runbookId);
  const steps = loadSteps(ctx, runbook.id);
  const { runbookId, afterStepId, ...fields } = input;
  if (afterStepId && !steps.some((s) => s.id === afterStepId)) {
    throw invalidInput('afterStepId', `There is no step with id ${afterStepId} in this runbook.`);
  }
  requireOwner(ctx, fields.ownerPersonId);
  requireSameRunbook(steps, fields.dependsOn, 'dependsOn');
  const id = randomUUID();
  const { positions, renumber } = placeAfter(steps, afterStepId ?? steps[steps.length - 1]?.id ?? null, 1);
  ctx.store.mutate(ctx.author(), (w) => {
    for (const [stepId, position] of renumber) w.update('runbookStep', stepId, { position });
    w.insert('runbookStep', id, { ...fields, runbookId, position: positions[0] });
  });
  return getStep(ctx, id);
}

export function updateStep(ctx: HandlerContext, id: string, changes: z.output<typeof StepPatch>): RunbookStep {
  const step = getStep(ctx, id);
  getRunbook(ctx, step.runbookId);
  const steps = loadSteps(ctx, step.runbookId);
  requireOwner(ctx, changes.ownerPersonId);
  if (changes.dependsOn) {
    const deps = [...new Set(changes.dependsOn)];
    if (deps.includes(id)) throw invalidInput('dependsOn', `"${changes.title ?? step.title}" cannot depend on itself.`);
    requireSameRunbook(steps, deps, 'dependsOn');
    requireNoCycle(steps, id, changes.title ?? step.title, deps);
    changes = { ...changes, dependsOn: deps };
  }
  ctx.store.mutate(ctx.author(), (w) => w.update('runbookStep', id, changes));
  return getStep(ctx, id);
}

/** All ids must be live steps of one runbook; returns that runbook's steps. */
function stepsOfOneRunbook(ctx: HandlerContext, ids: readonly string[]): RunbookStep[] {
  const first = getStep(ctx, ids[0]);
  const steps = loadSteps(ctx, first.runbookId);
  requireSameRunbook(steps, ids, 'stepIds');
  return steps;
}

/** Deletes steps and drops the dependencies on them in one write; `restoreSteps` brings both back. */
export function deleteSteps(ctx: HandlerContext, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  unique.forEach((id, index) => {
    if (!ctx.store.reader.get('runbookStep', id)) throw invalidInput(`ids.${index}`, `There is no runbook step with id ${id}.`);
  });
  const gone = new Set(unique);
  const runbookIds = new Set(unique.map((id) => getStep(ctx, id).runbookId));
  const dependents = [...runbookIds].flatMap((r) => loadSteps(ctx, r)).filter((s) => !gone.has(s.id) && s.dependsOn.some((d) => gone.has(d)));
  ctx.store.mutate(ctx.author(), (w) => {
    // Tombstones first: restore re-adds only the dependencies dropped after the step's tombstone.
    for (const id of unique) w.delete('runbookStep', id);
    for (const s of dependents) w.update('runbookStep', s.id, { dependsOn: s.dependsOn.filter((d) => !gone.has(d)) });
  });
  return unique;
}

function latestTombstone(ctx: HandlerContext, id: string): string | null {
  return ctx.store.history('runbookStep', id).find((c) => c.field === '_deleted' && c.value === true)?.hlc ?? null;
}

export function restoreSteps(ctx: HandlerContext, ids: readonly string[]): RunbookStep[] {
  const unique = [...new Set(ids)];
  const tombstones = new Map<string, string>();
  unique.forEach((id, index) => {
    const hlc = ctx.store.reader.isDeleted('runbookStep', id) ? latestTombstone(ctx, id) : null;
    if (!hlc) throw invalidInput(`ids.${index}`, `There is no deleted runbook step with id ${id}.`);
    tombstones.set(id, hlc);
  });
  const runbookIds = new Set(unique.map((id) => String(ctx.store.reader.get('runbookStep', id, { deleted: true })?.runbookId)));
  for (const runbookId of runbookIds) getRunbook(ctx, runbookId);
  // Each dependency the delete dropped: a change of a step's dependsOn, after the tombstone, that removed the id.
  const readd = new Map<string, string[]>();
  const live = [...runbookIds].flatMap((r) => loadSteps(ctx, r));
  for (const step of live) {
    const dropped = ctx.store
      .history('runbookStep', step.id)
      .filter((c) => c.field === 'dependsOn' && Array.isArray(c.oldValue) && Array.isArray(c.value))
      .flatMap((c) => unique.filter((id) => c.hlc > tombstones.get(id)! && (c.oldValue as string[]).includes(id) && !(c.value as string[]).includes(id)));
    const missing = [...new Set(dropped)].filter((id) => !step.dependsOn.includes(id));
    if (missing.length > 0) readd.set(step.id, [...step.dependsOn, ...missing]);
  }
  ctx.store.mutate(ctx.author(), (w) => {
    for (const id of unique) w.restore('runbookStep', id);
    for (const [stepId, dependsOn] of readd) w.update('runbookStep', stepId, { dependsOn });
  });
  return unique.map((id) => getStep(ctx, id));
}

/** Moves the selected steps together (in their current order) after a step, and/or into a section. */
export function moveSteps(ctx: HandlerContext, input: z.output<typeof StepMoveInput>): RunbookStep[] {
  const steps = stepsOfOneRunbook(ctx, input.stepIds);
  const moving = new Set(input.stepIds);
  const selected = steps.filter((s) => moving.has(s.id));
  const changes = new Map<string, Partial<RunbookStep>>(selected.map((s) => [s.id, {}]));
  if (input.afterStepId !== undefined) {
    const rest = steps.filter((s) => !moving.has(s.id));
    if (input.afterStepId !== null) {
      if (moving.has(input.afterStepId)) throw invalidInput('afterStepId', 'Steps cannot be moved after one of themselves.');
      if (!rest.some((s) => s.id === input.afterStepId)) throw invalidInput('afterStepId', `There is no step with id ${input.afterStepId} in this runbook.`);
    }
    const { positions, renumber } = placeAfter(rest, input.afterStepId, selected.length);
    for (const [id, position] of renumber) changes.set(id, { position });
    selected.forEach((s, k) => (changes.get(s.id)!.position = positions[k]));
  }
  if (input.section !== undefined) for (const s of selected) changes.get(s.id)!.section = input.section;
  ctx.store.mutate(ctx.author(), (w) => {
    for (const [id, fields] of changes) if (Object.keys(fields).length > 0) w.update('runbookStep', id, fields);
  });
  return selected.map((s) => getStep(ctx, s.id));
}
