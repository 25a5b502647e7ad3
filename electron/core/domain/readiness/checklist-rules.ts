import { READINESS_STATES, type ChecklistItemView, type ReadinessState } from '../../../contract/readiness-entities';
import { newest } from './clock-order';
import type { PersonNames } from '../person-names';

export interface ChecklistItemFacts {
  id: string;
  releaseId: string;
  templateId: string | null;
  state: ReadinessState;
  title: string;
  required: boolean;
  position: number;
}

export interface TickFacts {
  id: string;
  itemId: string;
  ticked: boolean;
  personId: string;
  evidence: string;
  at: string;
  hlc: string;
}

export interface WaiverFacts {
  id: string;
  itemId: string;
  waived: boolean;
  personId: string;
  reason: string;
  at: string;
  hlc: string;
}

/**
 * The checklist of a release as it stands: each item is ticked or not by its newest tick record, waived or not by
 * its newest waiver record (un-ticking and lifting a waiver are new records, so both stay in the audit). A required
 * item neither ticked nor waived blocks the assertion of its state.
 */
export function deriveChecklist(
  items: readonly ChecklistItemFacts[],
  ticks: readonly TickFacts[],
  waivers: readonly WaiverFacts[],
  names: PersonNames,
): ChecklistItemView[] {
  const stateOrder = (s: ReadinessState) => READINESS_STATES.indexOf(s);
  const sorted = [...items].sort(
    (a, b) => stateOrder(a.state) - stateOrder(b.state) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return sorted.map((item) => {
    const tick = newest(ticks.filter((t) => t.itemId === item.id));
    const waiver = newest(waivers.filter((w) => w.itemId === item.id));
    const ticked = tick?.ticked === true;
    const waived = waiver?.waived === true;
    return {
      ...item,
      ticked,
      tickedBy: ticked ? names.ref(tick!.personId) : null,
      tickedAt: ticked ? tick!.at : null,
      evidence: ticked ? tick!.evidence : '',
      waived,
      waivedBy: waived ? names.ref(waiver!.personId) : null,
      waivedAt: waived ? waiver!.at : null,
      waiverReason: waived ? waiver!.reason : '',
      blocking: item.required && !ticked && !waived,
    };
  });
}

/** Titles of the items that block the assertion of `state`. */
export function blockingItems(checklist: readonly ChecklistItemView[], state: ReadinessState): string[] {
  return checklist.filter((i) => i.state === state && i.blocking).map((i) => i.title);
}
