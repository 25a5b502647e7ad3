import { isRollbackStep, type PlanStep } from './plan-step';

/**
 * The step table's order: sections in the order of their first step (by position), steps by position inside their
 * section, and the rollback section last, whatever its position, so that it stays apart on screen and on paper.
 */
export function tableOrder<S extends Pick<PlanStep, 'id' | 'kind' | 'section' | 'position'>>(steps: readonly S[]): S[] {
  const byPosition = [...steps].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sectionRank = new Map<string, number>();
  const groupOf = (s: S) => (isRollbackStep(s) ? '\u0000rollback' : s.section);
  for (const step of byPosition) {
    const group = groupOf(step);
    if (!sectionRank.has(group)) sectionRank.set(group, group === '\u0000rollback' ? Number.MAX_SAFE_INTEGER : sectionRank.size);
  }
  return byPosition
    .map((step, index) => ({ step, index, rank: sectionRank.get(groupOf(step))! }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.step);
}
