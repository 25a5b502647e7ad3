import type Database from 'better-sqlite3';
import { findConflicts } from '../changes/find-conflicts';
import { isAppendOnly, isEntityName } from './entity-tables';
import { fieldKey, parseFieldKey } from '../changes/change-key';

/**
 * Keeps `sync_conflicts` equal to what `findConflicts` says for each field a sync touched. Answers live apart, in
 * the synced `conflict_resolutions` records, so a person's choice is not asked again on any device.
 */
export class ConflictIndex {
  private readonly changesOf: Database.Statement;
  private readonly contested: Database.Statement;
  private readonly open: Database.Statement;
  private readonly drop: Database.Statement;
  private readonly add: Database.Statement;
  private readonly allOpen: Database.Statement;

  constructor(db: Database.Database) {
    this.changesOf = db.prepare('SELECT hlc, prev_hlc AS prevHlc, device_id AS deviceId, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ?');
    this.contested = db.prepare('SELECT field FROM change_log WHERE entity = ? AND row_id = ? GROUP BY field HAVING count(*) > 1').pluck();
    this.open = db.prepare('SELECT hlc FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ?').pluck();
    this.drop = db.prepare('DELETE FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
    this.allOpen = db.prepare('SELECT DISTINCT entity, row_id, field FROM sync_conflicts');
    this.add = db.prepare(
      'INSERT INTO sync_conflicts (entity, row_id, field, hlc, found_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
  }

  /**
   * After a local edit: a conflict is only a conflict while the losing value differs from the field's current one, so
   * an edit can end one (someone typed the other value back). Remote changes refresh what they touch; a local edit
   * touches no remote path, so the open ones are rechecked here. Cheap: one query when nothing is open.
   */
  refreshOpen(at: string): void {
    const open = this.allOpen.all() as Array<{ entity: string; row_id: string; field: string }>;
    if (open.length > 0) this.refresh(open.map((c) => fieldKey({ entity: c.entity, rowId: c.row_id, field: c.field })), at);
  }

  /** `fields` as field keys (changes/change-key.ts). */
  refresh(fields: Iterable<string>, at: string): void {
    // One query per row finds its fields with more than one change: only those can hold a conflict.
    const byRow = new Map<string, { entity: string; rowId: string; touched: Set<string> }>();
    for (const key of fields) {
      const field = parseFieldKey(key);
      if (!field) continue;
      const row = JSON.stringify([field.entity, field.rowId]);
      if (!byRow.has(row)) byRow.set(row, { entity: field.entity, rowId: field.rowId, touched: new Set() });
      byRow.get(row)!.touched.add(field.field);
    }
    for (const { entity, rowId, touched } of byRow.values()) {
      if (!isEntityName(entity) || isAppendOnly(entity)) continue;
      for (const field of this.contested.all(entity, rowId) as string[]) if (touched.has(field)) this.refreshField(entity, rowId, field, at);
    }
  }

  private refreshField(entity: string, rowId: string, field: string, at: string): void {
    const rows = this.changesOf.all(entity, rowId, field) as Array<{ hlc: string; prevHlc: string | null; deviceId: string; value: string | null }>;
    const found = new Set(
      findConflicts(rows.map((r) => ({ hlc: r.hlc, prevHlc: r.prevHlc, deviceId: r.deviceId, value: r.value === null ? null : JSON.parse(r.value) }))).map((c) => c.hlc),
    );
    for (const hlc of this.open.all(entity, rowId, field) as string[]) if (!found.has(hlc)) this.drop.run(entity, rowId, field, hlc);
    for (const hlc of found) this.add.run(entity, rowId, field, hlc, at);
  }
}
