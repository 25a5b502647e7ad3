import { ROLLBACK_SECTION, type StepView } from '../../../../electron/contract/runbook-entities';
import { sectionOf } from './step-rows';

export interface MovePlan {
  stepIds: string[];
  afterStepId: string | null;
  section?: string;
}

/**
 * Alt+↑/↓ on the selection, as the table shows it: one place up or down within its section; at a section's edge it
 * crosses into the neighbouring section (last place of the one above, first place of the one below). The core keeps
 * steps by a global position and shows them by section, so the move is expressed as "after step X" plus the
 * section when it changes. Returns null when there is nowhere to go.
 */
export function planMove(steps: readonly StepView[], selected: ReadonlySet<string>, direction: -1 | 1): MovePlan | null {
  const block = steps.filter((s) => selected.has(s.id));
  if (block.length === 0) return null;
  const edge = steps.indexOf(direction < 0 ? block[0] : block[block.length - 1]);
  let n = edge + direction;
  while (steps[n] && selected.has(steps[n].id)) n += direction;
  const neighbour = steps[n];
  if (!neighbour) return null;
  const section = sectionOf(neighbour);
  const crossing = section !== sectionOf(block[0]);
  // Where the block lands among the other steps of the target section, in table order.
  const rest = steps.filter((s) => !selected.has(s.id));
  const at = rest.indexOf(neighbour);
  const insertAt = direction < 0 ? (crossing ? at + 1 : at) : crossing ? at : at + 1;
  const before = rest[insertAt - 1];
  let afterStepId: string | null;
  if (before && sectionOf(before) === section) afterStepId = before.id;
  else {
    // First in its section: just before the section's first step by position.
    const first = rest.find((s) => sectionOf(s) === section)!;
    const earlier = rest.filter((s) => s.position < first.position).sort((a, b) => b.position - a.position);
    afterStepId = earlier[0]?.id ?? null;
  }
  const plan: MovePlan = { stepIds: block.map((s) => s.id), afterStepId };
  if (crossing || block.some((s) => sectionOf(s) !== section)) plan.section = neighbour.rollback ? ROLLBACK_SECTION : neighbour.section;
  return plan;
}
