import type { PlanStep } from '../../../../electron/core/domain/runbooks';

/** A step for tests: `plan('a', 30, ['b'])` is a 30-minute step "a" that waits for "b". */
export function step(id: string, durationMinutes: number, dependsOn: string[] = [], extra: Partial<PlanStep> = {}): PlanStep {
  return { id, title: id.toUpperCase(), kind: 'task', section: 'Deploy', position: 0, durationMinutes, dependsOn, fixedStartOffsetMinutes: null, ...extra };
}

/** Positions in the order given, as the table would hold them. */
export function plan(...steps: PlanStep[]): PlanStep[] {
  return steps.map((s, i) => ({ ...s, position: i + 1 }));
}
