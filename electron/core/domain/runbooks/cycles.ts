import { findDependencyCycle } from '../dependency-cycle';
import type { PlanStep } from './plan-step';

type CycleStep = Pick<PlanStep, 'id' | 'title' | 'dependsOn'>;

/**
 * The cycle a step's new dependencies would close, as step ids starting at that step, or null. A breadth-first walk
 * from the new dependencies back to the step: O(n + e), and it finds the shortest such cycle, the easiest to read.
 * Only cycles through the edited step count: one that sync made elsewhere is not this edit's fault.
 */
export function cycleThrough(steps: readonly CycleStep[], stepId: string, newDependsOn: readonly string[]): string[] | null {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const parent = new Map<string, string>();
  const queue: string[] = [];
  for (const dep of newDependsOn) {
    if (dep === stepId) return [stepId];
    if (!parent.has(dep) && byId.has(dep)) {
      parent.set(dep, stepId);
      queue.push(dep);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const next of byId.get(id)!.dependsOn) {
      if (next === stepId) {
        const path = [id];
        for (let at = parent.get(id)!; at !== stepId; at = parent.get(at)!) path.push(at);
        return [stepId, ...path.reverse()];
      }
      if (!parent.has(next) && byId.has(next)) {
        parent.set(next, id);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Any cycle in a whole plan (an import, a copy), as step ids, or null. */
export function findStepCycle(steps: readonly CycleStep[]): string[] | null {
  return findDependencyCycle(new Map(steps.map((s) => [s.id, s.dependsOn])));
}

/**
 * The sentence that refuses a cycle, naming its steps in order:
 * `"Deploy API" waits for "Migrate DB", which waits for "Deploy API": dependencies must not form a cycle.`
 */
export function cycleSentence(cycle: readonly string[], titleOf: (id: string) => string): string {
  const names = cycle.map((id) => `"${titleOf(id)}"`);
  if (cycle.length === 1) return `${names[0]} cannot depend on itself.`;
  const chain = [...names.slice(1), names[0]].map((name, i) => (i === 0 ? `waits for ${name}` : `which waits for ${name}`));
  return `${names[0]} ${chain.join(', ')}: dependencies must not form a cycle.`;
}
