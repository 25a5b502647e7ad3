import type { PlanStep } from './plan-step';

/**
 * The dependency graph of a runbook as index arrays: `deps[i]` are the indexes step i waits for, `dependents[i]`
 * those waiting for it. Dependencies on unknown steps (deleted, or not yet delivered by sync) and on itself are dropped.
 */
export interface StepGraph {
  index: Map<string, number>;
  deps: number[][];
  dependents: number[][];
  /** A topological order (Kahn), ties by position; steps caught in a cycle (only sync can make one) come last. */
  order: number[];
  /** Steps that were in a cycle: scheduled ignoring the edges that closed it. */
  cyclic: Set<number>;
}

export function buildGraph(steps: readonly PlanStep[]): StepGraph {
  const index = new Map<string, number>();
  steps.forEach((s, i) => index.set(s.id, i));
  const deps: number[][] = steps.map(() => []);
  const dependents: number[][] = steps.map(() => []);
  // `seenBy[j] === i + 1`: j is already a dependency of i (a repeated id). One array instead of a Set per step.
  const seenBy = new Int32Array(steps.length);
  steps.forEach((s, i) => {
    for (const id of s.dependsOn) {
      const j = index.get(id);
      if (j === undefined || j === i || seenBy[j] === i + 1) continue;
      seenBy[j] = i + 1;
      deps[i].push(j);
      dependents[j].push(i);
    }
  });
  const waiting = deps.map((d) => d.length);
  // Ready steps in position order (steps usually arrive sorted: then no sort at all).
  const byPosition = steps.map((_, i) => i);
  if (steps.some((s, i) => i > 0 && s.position < steps[i - 1].position)) byPosition.sort((a, b) => steps[a].position - steps[b].position);
  const order: number[] = [];
  const queue: number[] = byPosition.filter((i) => waiting[i] === 0);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    order.push(i);
    for (const k of dependents[i]) if (--waiting[k] === 0) queue.push(k);
  }
  const cyclic = new Set<number>();
  if (order.length < steps.length) {
    for (const i of byPosition) {
      if (waiting[i] > 0) {
        cyclic.add(i);
        order.push(i);
      }
    }
  }
  return { index, deps, dependents, order, cyclic };
}
