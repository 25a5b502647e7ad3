import type Database from 'better-sqlite3';
import type { Change } from '../changes/change';
import type { HeldChange, HoldKind } from '../changes/rules/held';

export interface HeldRow {
  kind: HoldKind;
  reason: string;
  heldAt: string;
  change: Change;
}

/**
 * Changes held back (device-local `sync_held`), never dropped: the status lists them in words, the audit shows the
 * governance records among them with a red mark, and the kinds that later records can mend are tried again.
 */
export class HeldChanges {
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO sync_held (entity, row_id, field, hlc, kind, reason, change, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity, row_id, field, hlc) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, change = excluded.change`,
    );
    this.remove = db.prepare('DELETE FROM sync_held WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
  }

  hold(held: readonly HeldChange[], at: string): number {
    for (const h of held) this.insert.run(h.change.entity, h.change.rowId, h.change.field, h.change.hlc, h.kind, h.reason, JSON.stringify(h.change), at);
    return held.length;
  }

  /** Changes that merged after all (the rest of their write arrived) are no longer held. */
  release(merged: readonly Change[]): void {
    if (merged.length === 0 || this.count() === 0) return;
    for (const c of merged) this.remove.run(c.entity, c.rowId, c.field, c.hlc);
  }

  /** Takes out (for another try) the changes held for one of these reasons. */
  take(kinds: readonly HoldKind[]): Change[] {
    const rows = this.db
      .prepare(`SELECT change FROM sync_held WHERE kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY hlc LIMIT 50000`)
      .pluck()
      .all(...kinds) as string[];
    const changes = rows.map((r) => JSON.parse(r) as Change);
    for (const c of changes) this.remove.run(c.entity, c.rowId, c.field, c.hlc);
    return changes;
  }

  count(kinds?: readonly HoldKind[]): number {
    if (!kinds) return this.db.prepare('SELECT count(*) FROM sync_held').pluck().get() as number;
    return this.db.prepare(`SELECT count(*) FROM sync_held WHERE kind IN (${kinds.map(() => '?').join(', ')})`).pluck().get(...kinds) as number;
  }

  list(limit = 200, entity?: string): HeldRow[] {
    const rows = (
      entity
        ? this.db.prepare('SELECT kind, reason, held_at, change FROM sync_held WHERE entity = ? ORDER BY held_at DESC, hlc LIMIT ?').all(entity, limit)
        : this.db.prepare('SELECT kind, reason, held_at, change FROM sync_held ORDER BY held_at DESC, hlc LIMIT ?').all(limit)
    ) as Array<{ kind: HoldKind; reason: string; held_at: string; change: string }>;
    return rows.map((r) => ({ kind: r.kind, reason: r.reason, heldAt: r.held_at, change: JSON.parse(r.change) as Change }));
  }

  /** The held changes of some records (by entity and row), for the audit. */
  ofRows(entity: string, rowIds: readonly string[]): HeldRow[] {
    if (rowIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT kind, reason, held_at, change FROM sync_held WHERE entity = ? AND row_id IN (${rowIds.map(() => '?').join(', ')})`)
      .all(entity, ...rowIds) as Array<{ kind: HoldKind; reason: string; held_at: string; change: string }>;
    return rows.map((r) => ({ kind: r.kind, reason: r.reason, heldAt: r.held_at, change: JSON.parse(r.change) as Change }));
  }
}
