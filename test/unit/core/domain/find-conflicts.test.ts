import { describe, expect, it } from 'vitest';
import { findConflicts, type FieldChange } from '../../../../electron/core/changes/find-conflicts';

const at = (s: number, device: string) => `2026-11-20T09:00:0${s}.000Z-0000-${device}`;
const change = (s: number, device: string, prev: string | null, value: unknown): FieldChange => ({ hlc: at(s, device), prevHlc: prev, deviceId: device, value });

describe('conflicts of one field', () => {
  const created = change(0, 'a', null, false);

  it('two people who delete the same release at once, one of whom then restores it, leave no conflict on any device', () => {
    // B deletes, A deletes (neither has seen the other), B hears of A's delete and restores: B chose knowing both.
    const bDeletes = change(1, 'b', created.hlc, true);
    const aDeletes = change(3, 'a', created.hlc, true);
    const bRestores = change(5, 'b', aDeletes.hlc, false);
    expect(findConflicts([created, bDeletes, aDeletes, bRestores])).toEqual([]);
  });

  it('a value overwritten by someone who never saw it is a conflict, shown whatever order the changes arrive in', () => {
    const aEdits = change(1, 'a', created.hlc, 'Billing');
    const bEdits = change(2, 'b', created.hlc, 'Payments');
    const all = [created, aEdits, bEdits];
    expect(findConflicts(all)).toEqual([aEdits]);
    expect(findConflicts([...all].reverse())).toEqual([aEdits]);
  });

  it("a device's own older value, overwritten by its own later edit, is not a conflict", () => {
    const aEdits = change(1, 'a', created.hlc, 'Billing');
    const bEdits = change(2, 'b', created.hlc, 'Payments');
    const aEditsAgain = change(3, 'a', aEdits.hlc, 'Ledger');
    // B's value lost to A, who never saw it; A's first value lost to A itself.
    expect(findConflicts([created, aEdits, bEdits, aEditsAgain])).toEqual([bEdits]);
  });
});
