import type { ActionItemView } from '../../../contract/meetings-entities';
import { newest, type Clocked, type PersonNames } from '../readiness';

export interface ActionItemFacts {
  id: string;
  meetingId: string;
  releaseId: string | null;
  title: string;
  ownerId: string;
  dueDate: string;
  createdAt: string;
}

/** One "done" or "open again" record; the newest per item says whether it is done. */
export interface CompletionFacts extends Clocked {
  actionItemId: string;
  done: boolean;
  personId: string;
  at: string;
}

/**
 * Action items with their derived status. Done is not a field that one laptop can overwrite on another: each
 * completion is an append-only record (who, when), so the minutes show who closed an item, and re-opening it is
 * simply a newer record. `today` is the local date (YYYY-MM-DD) in the meeting's zone.
 */
export function deriveActionItems(
  items: readonly ActionItemFacts[],
  completions: readonly CompletionFacts[],
  names: PersonNames,
  today: string,
): ActionItemView[] {
  return [...items]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((item) => {
      const last = newest(completions.filter((c) => c.actionItemId === item.id));
      const done = last?.done ?? false;
      return {
        id: item.id,
        meetingId: item.meetingId,
        releaseId: item.releaseId,
        title: item.title,
        owner: item.ownerId ? names.ref(item.ownerId) : null,
        dueDate: item.dueDate,
        done,
        doneBy: done && last ? names.ref(last.personId) : null,
        doneAt: done && last ? last.at : null,
        overdue: !done && item.dueDate !== '' && item.dueDate < today,
      };
    });
}
