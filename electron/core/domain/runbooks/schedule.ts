import { isRollbackStep, type PlanStep } from './plan-step';
import { buildGraph, type StepGraph } from './step-graph';

/**
 * The plan of a runbook, in whole minutes from the anchor (the release window's start). One forward pass in
 * topological order gives each step's earliest start and finish; one backward pass gives its latest finish, so slack
 * and the critical path follow in O(n + e).
 *
 * - A step with dependencies starts when the last of them finishes; one without starts at the anchor.
 * - A fixed start is the earliest the step starts: a dependency that finishes later still pushes it (the plan never
 *   shows a step starting before what it waits for). Negative offsets are pre-checks before the window opens.
 * - Rollback steps are planned like the others, but run only after a no-go: they are not part of the planned end,
 *   the critical path or the overrun.
 */
export interface StepSchedule {
  start: number;
  finish: number;
  /** Minutes the step can slip without moving the planned end; 0 on the critical path. Rollback steps: 0, never critical. */
  slack: number;
  critical: boolean;
}

export interface RunbookSchedule {
  graph: StepGraph;
  /** By step index, as given. */
  steps: StepSchedule[];
  /** null for a runbook without (forward) steps. */
  start: number | null;
  end: number | null;
  /** Step indexes, first to last. */
  criticalPath: number[];
  /** Minutes past the window's end (window length given in minutes from the anchor); 0 when it fits. */
  overrun: number;
}

export function scheduleRunbook(steps: readonly PlanStep[], windowMinutes: number | null = null): RunbookSchedule {
  const graph = buildGraph(steps);
  const { deps, dependents, order } = graph;
  const n = steps.length;
  const start = new Array<number>(n).fill(0);
  const finish = new Array<number>(n).fill(0);
  const done = new Uint8Array(n);
  // Which dependency set the start (-1: the anchor or the fixed start): the critical path walks these back.
  const binding = new Int32Array(n).fill(-1);
  const rollback = steps.map(isRollbackStep);

  for (const i of order) {
    const step = steps[i];
    let s = step.fixedStartOffsetMinutes ?? 0;
    for (const j of deps[i]) {
      if (done[j] && finish[j] > s) {
        s = finish[j];
        binding[i] = j;
      }
    }
    start[i] = s;
    finish[i] = s + step.durationMinutes;
    done[i] = 1;
  }

  let first: number | null = null;
  let end: number | null = null;
  let last = -1;
  for (const i of order) {
    if (rollback[i]) continue;
    if (first === null || start[i] < first) first = start[i];
    if (end === null || finish[i] > end || (finish[i] === end && steps[i].position > steps[last].position)) {
      end = finish[i];
      last = i;
    }
  }

  // Backward pass over forward steps only: a rollback step does not hold up the planned end.
  const latestFinish = new Array<number>(n).fill(Infinity);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (rollback[i]) continue;
    let lf = end ?? finish[i];
    for (const d of dependents[i]) {
      if (rollback[d]) continue;
      const ls = latestFinish[d] - steps[d].durationMinutes;
      if (ls < lf) lf = ls;
    }
    latestFinish[i] = lf;
  }

  const schedules: StepSchedule[] = steps.map((_, i) => {
    if (rollback[i]) return { start: start[i], finish: finish[i], slack: 0, critical: false };
    const slack = Math.max(0, latestFinish[i] - finish[i]);
    return { start: start[i], finish: finish[i], slack, critical: slack === 0 };
  });

  const criticalPath: number[] = [];
  for (let i = last; i !== -1; i = binding[i]) criticalPath.push(i);
  criticalPath.reverse();

  const overrun = windowMinutes !== null && end !== null ? Math.max(0, end - windowMinutes) : 0;
  return { graph, steps: schedules, start: first, end, criticalPath, overrun };
}
