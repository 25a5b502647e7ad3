import { DELETED_FIELD, ENTITY_TABLES, isAppendOnly, isEntityName, type EntityName } from '../store/entity-tables';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../store/hlc';
import type { IncomingChange } from '../store/remote-apply';
import type { WorkspaceStore } from '../store/workspace-store';
import { ConflictIndex } from '../store/conflict-index';
import { compareChanges, type SyncChange } from './sync-change';
import { SyncLedger } from './sync-ledger';

export interface ReceiveResult {
  received: number;
  applied: number;
  duplicates: number;
  /** Changes held back (see `sync_held`): not applied yet, not lost. */
  held: number;
}

export type HeldKind = 'future' | 'unknown' | 'refused';

/**
 * Merges changes from another device in ONE transaction: the merge itself (last writer wins per field, through
 * `WorkspaceStore.applyRemote`), the conflicts it reveals, the changes held back and the transport's cursor. A
 * failure anywhere (a killed process, a bad change) leaves the workspace as it was, and the same delivery can be
 * read again later.
 *
 * `afterApply` runs inside the transaction: the transports advance their read cursor there, so a cursor never
 * moves past changes that did not commit.
 */
export function receiveChanges(
  store: WorkspaceStore,
  changes: readonly SyncChange[],
  options: { transport: string; afterApply?: () => void },
): ReceiveResult {
  const ledger = new SyncLedger(store.db);
  const conflicts = new ConflictIndex(store.db);
  const now = store.now();
  const check = holdCheck(store, now);
  return store.db.transaction(() => {
    const maxBefore = ledger.maxSeq();
    const apply: SyncChange[] = [];
    let held = 0;
    for (const change of changes) {
      const reason = check(change);
      if (reason) held += hold(store, change, reason.kind, reason.message, now);
      else apply.push(change);
    }
    apply.sort(compareChanges);
    // Checked above: every change left names a known entity and field.
    const result = store.applyRemote(apply as IncomingChange[], { keepRecordedOldValues: true });
    conflicts.refresh(new Set(result.contested), new Date(now).toISOString());
    // What just arrived need not be published back by this device, unless local edits wait before it.
    const publishedKey = `published:${options.transport}`;
    if (ledger.getNumber(publishedKey) >= maxBefore) ledger.set(publishedKey, String(ledger.maxSeq()));
    options.afterApply?.();
    return { received: result.received, applied: result.applied, duplicates: result.duplicates, held };
  })();
}

/** Held changes whose reason has passed (the clock caught up with a future stamp) are merged now. */
export function releaseHeld(store: WorkspaceStore, transport: string): ReceiveResult {
  const now = store.now();
  const rows = store.db.prepare("SELECT change FROM sync_held WHERE kind = 'future'").pluck().all() as string[];
  const ready = rows.map((r) => JSON.parse(r) as SyncChange).filter((c) => parseHlc(c.hlc).millis - now <= MAX_CLOCK_DRIFT_MS);
  if (ready.length === 0) return { received: 0, applied: 0, duplicates: 0, held: 0 };
  const unhold = store.db.prepare('DELETE FROM sync_held WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
  return receiveChanges(store, ready, {
    transport,
    afterApply: () => ready.forEach((c) => unhold.run(c.entity, c.rowId, c.field, c.hlc)),
  });
}

export function holdChange(store: WorkspaceStore, change: SyncChange, kind: HeldKind, reason: string): number {
  return hold(store, change, kind, reason, store.now());
}

function hold(store: WorkspaceStore, change: SyncChange, kind: HeldKind, reason: string, now: number): number {
  const { changes } = store.db
    .prepare(
      `INSERT INTO sync_held (entity, row_id, field, hlc, kind, reason, change, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    )
    .run(change.entity, change.rowId, change.field, change.hlc, kind, reason, JSON.stringify(change), new Date(now).toISOString());
  return changes;
}

/** Why a change must be held back rather than merged, or null; built once per delivery (statements, the drift bound). */
function holdCheck(store: WorkspaceStore, now: number): (change: SyncChange) => { kind: HeldKind; message: string } | null {
  const otherStamp = store.db.prepare('SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc != ? LIMIT 1');
  // Stamps sort as strings and start with their ISO instant: one comparison finds the few that need parsing.
  const bound = new Date(now + MAX_CLOCK_DRIFT_MS).toISOString();
  return (change) => {
    if (!isEntityName(change.entity) || !knowsField(change.entity, change.field)) {
      return { kind: 'unknown', message: `${change.entity}.${change.field} is not known to this version of Release Desk; update it to merge this change.` };
    }
    if (change.hlc.slice(0, bound.length) > bound) {
      const ahead = parseHlc(change.hlc).millis - now;
      return {
        kind: 'future',
        message: `Stamped ${formatAhead(ahead)} ahead of this device's clock (device ${change.deviceId}); one of the two clocks is wrong. Held until this clock reaches it.`,
      };
    }
    if (isAppendOnly(change.entity) && (change.field === DELETED_FIELD || otherStamp.get(change.entity, change.rowId, change.field, change.hlc) !== undefined)) {
      return { kind: 'unknown', message: `Tries to change a ${change.entity} record, which is append-only; kept aside, not applied.` };
    }
    return null;
  };
}

function knowsField(entity: EntityName, field: string): boolean {
  return field === DELETED_FIELD || Object.prototype.hasOwnProperty.call(ENTITY_TABLES[entity].fields, field);
}

function formatAhead(ms: number): string {
  const hours = ms / 3_600_000;
  return Math.round(hours) >= 48 ? `${Math.round(hours / 24)} days` : hours >= 1 ? `${Math.round(hours)} hours` : `${Math.round(ms / 60_000)} minutes`;
}
