import { randomUUID } from 'node:crypto';
import type { RunbookStep } from '../../contract/runbook-entities';
import type { MutationWriter } from '../store/mutation-writer';

/**
 * Copies steps into another runbook with new ids, their dependencies remapped to the copies. Offsets are kept as
 * they are: they count from the anchor (the release window's start), so a copy re-anchors to its own window.
 */
export function copySteps(w: MutationWriter, steps: readonly RunbookStep[], runbookId: string): number {
  const newId = new Map(steps.map((s) => [s.id, randomUUID()]));
  for (const step of steps) {
    const { id, runbookId: _from, dependsOn, ...fields } = step;
    w.insert('runbookStep', newId.get(id)!, {
      ...fields,
      runbookId,
      dependsOn: dependsOn.flatMap((d) => (newId.has(d) ? [newId.get(d)!] : [])),
    });
  }
  return steps.length;
}
