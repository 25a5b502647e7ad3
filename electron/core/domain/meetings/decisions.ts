import type { MeetingDecisionKind } from '../../../contract/meetings-entities';
import { byClock, type Clocked } from '../readiness';

export interface DecisionFacts extends Clocked {
  releaseId: string;
  decision: MeetingDecisionKind;
}

/**
 * Decisions are append-only: a changed mind is a new record. Per release, every decision oldest first, and the
 * one in effect (the newest by clock, so two laptops recording at the same meeting agree after sync).
 */
export function decisionsByRelease<T extends DecisionFacts>(records: readonly T[]): Map<string, { current: T; all: T[] }> {
  const grouped = new Map<string, { current: T; all: T[] }>();
  for (const record of byClock(records)) {
    const entry = grouped.get(record.releaseId);
    if (entry) {
      entry.all.push(record);
      entry.current = record;
    } else grouped.set(record.releaseId, { current: record, all: [record] });
  }
  return grouped;
}
