import type { StepView } from '../../../../electron/contract/runbook-entities';

export type StepItem =
  | { kind: 'section'; key: string; section: string; rollback: boolean; count: number }
  | { kind: 'step'; key: string; step: StepView; number: number; index: number };

/**
 * The table's rows: a heading before each section, then its steps. The core already orders the steps (sections by
 * their first step, the rollback section last), so this only inserts the headings and numbers the steps.
 */
export function stepItems(steps: readonly StepView[]): StepItem[] {
  const items: StepItem[] = [];
  let current: string | null = null;
  steps.forEach((step, index) => {
    const section = sectionOf(step);
    if (section !== current) {
      current = section;
      const count = steps.filter((s) => sectionOf(s) === section).length;
      items.push({ kind: 'section', key: `section:${section}`, section, rollback: step.rollback, count });
    }
    items.push({ kind: 'step', key: step.id, step, number: index + 1, index });
  });
  return items;
}

/** Rollback steps form one group apart, whatever section name they carry. */
export const sectionOf = (step: StepView): string => (step.rollback ? 'Rollback' : step.section);

/** Step id → its number in the table, for "depends on 3, 5". */
export function stepNumbers(steps: readonly StepView[]): Map<string, number> {
  return new Map(steps.map((s, i) => [s.id, i + 1]));
}
