import type { ExecutionAction } from '../../../../electron/contract/runbook-entities';
import type { ExecutionFact, PlanStep } from '../../../../electron/core/domain/runbooks';

/** A step for tests: `plan('a', 30, ['b'])` is a 30-minute step "a" that waits for "b". */
export function step(id: string, durationMinutes: number, dependsOn: string[] = [], extra: Partial<PlanStep> = {}): PlanStep {
  return { id, title: id.toUpperCase(), kind: 'task', section: 'Deploy', position: 0, durationMinutes, dependsOn, fixedStartOffsetMinutes: null, ...extra };
}

/** Positions in the order given, as the table would hold them. */
export function plan(...steps: PlanStep[]): PlanStep[] {
  return steps.map((s, i) => ({ ...s, position: i + 1 }));
}

let seq = 0;

/** An execution record by "p1" at `at` (epoch ms); ids sort in the order the records were made, as ties are read. */
export function fact(stepId: string, action: ExecutionAction, at: number, reason = ''): ExecutionFact {
  return { id: `r${String(seq++).padStart(4, '0')}`, stepId, action, reason, personId: 'p1', at };
}
