import { randomUUID } from 'node:crypto';
import { ApiFailure, invalidInput, notFound } from '../../../contract/api-result';
import type { System } from '../../../contract/entities';
import { findDependencyCycle } from '../../domain/dependency-cycle';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { requireExisting, requireUnique } from './references';

export function getSystem(ctx: HandlerContext, id: string): System {
  const row = ctx.store.reader.get('system', id);
  if (!row) throw notFound('System', id);
  return row;
}

function listSystems(ctx: HandlerContext): System[] {
  return ctx.store.reader.list('system', [{ by: 'name', nocase: true }]);
}

/** Refuses a self-dependency, a missing system, or a cycle (naming the systems in it). */
function checkDependencies(ctx: HandlerContext, id: string, dependsOn: readonly string[]): void {
  if (dependsOn.includes(id)) throw invalidInput('dependsOn', 'A system cannot depend on itself.');
  requireExisting(ctx, 'system', dependsOn, 'dependsOn');
  // A system that depends on nothing closes no cycle; skipping the whole-graph read keeps creating one O(1).
  if (dependsOn.length === 0) return;
  const systems = listSystems(ctx);
  const graph = new Map(systems.map((s) => [s.id, s.dependsOn]));
  graph.set(id, [...dependsOn]);
  const cycle = findDependencyCycle(graph);
  if (cycle) {
    const names = new Map(systems.map((s) => [s.id, s.name]));
    const label = (sid: string) => names.get(sid) ?? 'this system';
    throw invalidInput('dependsOn', `These dependencies form a cycle: ${[...cycle, cycle[0]].map(label).join(' → ')}.`);
  }
}

export const systemsHandlers = {
  'systems.list': (ctx) => listSystems(ctx),
  'systems.create': (ctx, fields) => {
    requireUnique(ctx, 'system', 'name', fields.name);
    const id = randomUUID();
    checkDependencies(ctx, id, fields.dependsOn);
    ctx.store.mutate(ctx.author(), (w) => w.insert('system', id, fields));
    return getSystem(ctx, id);
  },
  'systems.update': (ctx, { id, changes }) => {
    getSystem(ctx, id);
    if (changes.name !== undefined) requireUnique(ctx, 'system', 'name', changes.name, id);
    if (changes.dependsOn !== undefined) checkDependencies(ctx, id, changes.dependsOn);
    ctx.store.mutate(ctx.author(), (w) => w.update('system', id, changes));
    return getSystem(ctx, id);
  },
  'systems.delete': (ctx, { id }) => {
    const system = getSystem(ctx, id);
    const users = ctx.store.reader.findContaining('release', 'systemIds', id);
    if (users.length > 0) {
      throw new ApiFailure('conflict', `${system.name} is part of ${users.length} release(s), e.g. ${users[0].name} ${users[0].version}. Remove it from them first.`);
    }
    const dependents = ctx.store.reader.findContaining('system', 'dependsOn', id);
    ctx.store.mutate(ctx.author(), (w) => {
      for (const s of dependents) w.update('system', s.id, { dependsOn: s.dependsOn.filter((d) => d !== id) });
      w.delete('system', id);
    });
    return { id };
  },
} satisfies HandlerMap<'systems.list' | 'systems.create' | 'systems.update' | 'systems.delete'>;
