import { create } from 'zustand';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { Collision, NextFreeSlot, PlanningDraft } from '../../../../electron/contract/calendar-entities';
import { api } from '../../api/api-client';

/**
 * Planning that warns (issue 18): the collisions of the window a person is choosing, asked of the core as they type
 * or pick (the same "what if" as dragging on the calendar), and the next free slot on request.
 */
interface PlanningState {
  /** The draft the answers are for, as a key: an answer for an older draft is dropped. */
  draftKey: string | null;
  collisions: Collision[] | null;
  checking: boolean;
  error: string | null;
  slot: NextFreeSlot | null;
  findingSlot: boolean;
  check(draft: PlanningDraft | null): void;
  findSlot(draft: PlanningDraft): Promise<void>;
  clearSlot(): void;
}

/** Fields arrive a keystroke at a time; the core is asked once they rest this long. */
const DEBOUNCE_MS = 250;

export const keyOf = (draft: PlanningDraft) => JSON.stringify(draft);

export type PlanningStore = UseBoundStore<StoreApi<PlanningState>>;

const createPlanningStore = (): PlanningStore => create<PlanningState>((set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    draftKey: null,
    collisions: null,
    checking: false,
    error: null,
    slot: null,
    findingSlot: false,
    check(draft) {
      clearTimeout(timer);
      const key = draft ? keyOf(draft) : null;
      if (key === get().draftKey) return;
      set({ draftKey: key, collisions: null, checking: draft !== null, error: null, slot: null });
      if (!draft) return;
      timer = setTimeout(async () => {
        const result = await api['collisions.preview'](draft);
        if (get().draftKey !== key) return;
        set(result.ok ? { collisions: result.value, checking: false } : { collisions: null, checking: false, error: result.error.message });
      }, DEBOUNCE_MS);
    },
    async findSlot(draft) {
      set({ findingSlot: true, slot: null });
      const result = await api['collisions.nextFreeSlot'](draft);
      set(result.ok ? { slot: result.value, findingSlot: false } : { findingSlot: false, error: result.error.message });
    },
    clearSlot: () => set({ slot: null }),
  };
});

/** The New/Edit release form's window, and the open release drawer's: both can be open at once (edit from the drawer). */
export const useFormPlanning = createPlanningStore();
export const useDrawerPlanning = createPlanningStore();
