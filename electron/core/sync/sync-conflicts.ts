import { ApiFailure, notFound } from '../../contract/api-result';
import { fieldLabel } from '../../contract/field-messages';
import type { ConflictSide, SyncConflict } from '../../contract/sync-entities';
import { hlcInstant } from '../changes/change';
import { changeKey, fieldKey, parseChangeKey } from '../changes/change-key';
import { DELETED_FIELD, ENTITY_TABLES, isEntityName, type EntityName } from '../store/entity-tables';
import type { WorkspaceStore } from '../store/workspace-store';
import { ConflictIndex } from '../store/conflict-index';

interface ConflictRow {
  entity: string;
  row_id: string;
  field: string;
  hlc: string;
  found_at: string;
  resolution?: 'restored' | 'kept' | null;
}

interface LogRow {
  hlc: string;
  device_id: string;
  author: string;
  value: string | null;
}

const ENTITY_LABELS: Partial<Record<string, string>> = { checklistItem: 'Checklist item', releaseNeed: 'Release need', readinessPolicy: 'Readiness policy' };

export const conflictId = (r: Pick<ConflictRow, 'entity' | 'row_id' | 'field' | 'hlc'>) => changeKey({ entity: r.entity, rowId: r.row_id, field: r.field, hlc: r.hlc });

/** The conflict's answer, if anyone on any device gave one: the newest resolution record for it. */
const RESOLUTION_OF = `(SELECT r.resolution FROM conflict_resolutions r
  WHERE r.conflict_entity = c.entity AND r.conflict_row_id = c.row_id AND r.conflict_field = c.field AND r.conflict_hlc = c.hlc
  ORDER BY r.created_at DESC, r.id DESC LIMIT 1)`;
/** Open: found by this device's conflict index, answered by nobody. */
const OPEN = `NOT EXISTS (SELECT 1 FROM conflict_resolutions r
  WHERE r.conflict_entity = c.entity AND r.conflict_row_id = c.row_id AND r.conflict_field = c.field AND r.conflict_hlc = c.hlc)`;

export function openConflictCount(store: WorkspaceStore): number {
  return store.db.prepare(`SELECT count(*) FROM sync_conflicts c WHERE ${OPEN}`).pluck().get() as number;
}

/**
 * The conflicts sync found here, newest first, each with both values, who wrote them and when. Resolved ones come
 * from the synced resolution records, so every device lists the same answers; a restored value is no longer a
 * conflict in the change log, but its record still says who restored it.
 */
export function listConflicts(store: WorkspaceStore, includeResolved: boolean): SyncConflict[] {
  const open = store.db.prepare(`SELECT c.* FROM sync_conflicts c WHERE ${OPEN} ORDER BY c.hlc DESC LIMIT 500`).all() as ConflictRow[];
  const resolved = includeResolved
    ? (store.db
        .prepare(
          `SELECT conflict_entity AS entity, conflict_row_id AS row_id, conflict_field AS field, conflict_hlc AS hlc, resolution,
             coalesce((SELECT found_at FROM sync_conflicts c WHERE c.entity = r.conflict_entity AND c.row_id = r.conflict_row_id
               AND c.field = r.conflict_field AND c.hlc = r.conflict_hlc), r.created_at) AS found_at
           FROM conflict_resolutions r WHERE deleted = 0 ORDER BY created_at DESC, id DESC LIMIT 500`,
        )
        .all() as ConflictRow[])
    : [];
  const seen = new Set<string>();
  const names = personNames(store);
  return [...open, ...resolved]
    .filter((row) => !seen.has(conflictId(row)) && seen.add(conflictId(row)))
    .sort((x, y) => (x.hlc < y.hlc ? 1 : x.hlc > y.hlc ? -1 : 0))
    .map((row) => describe(store, row, names))
    .filter((c): c is SyncConflict => c !== null);
}

/**
 * Either answer is a change that syncs: a resolution record (append-only, like a sign-off) closes the conflict on
 * every device, and "restore the other value" is also a normal edit of the field through the mutation path, based
 * on the current value, so the value itself syncs (and is not itself a conflict there).
 */
export function resolveConflict(store: WorkspaceStore, author: string, id: string, keep: 'other' | 'current'): SyncConflict {
  const [entityName, rowId, field, hlc] = splitId(id);
  const row = store.db.prepare('SELECT c.*, ' + RESOLUTION_OF + ' AS answer FROM sync_conflicts c WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?').get(entityName, rowId, field, hlc) as
    | (ConflictRow & { answer: string | null })
    | undefined;
  if (!row || !isEntityName(row.entity)) throw notFound('Conflict', id);
  if (row.answer) throw new ApiFailure('conflict', 'This conflict was already resolved.');
  const other = logRow(store, row, row.hlc);
  const entity = row.entity;
  // The answer and the conflict list change together, or not at all.
  store.db.transaction(() => {
    store.mutate(author, (w) => {
      if (keep === 'other') {
        const value = other.value === null ? null : JSON.parse(other.value);
        if (row.field === DELETED_FIELD) {
          if (value) w.delete(entity, row.row_id);
          else w.restore(entity, row.row_id);
        } else {
          if (store.reader.isDeleted(entity, row.row_id)) {
            throw new ApiFailure('conflict', 'The record was deleted since: restore it first, then restore this value.');
          }
          w.update(entity, row.row_id, { [row.field]: value });
        }
      }
      w.append('conflictResolution', {
        conflictEntity: row.entity,
        conflictRowId: row.row_id,
        conflictField: row.field,
        conflictHlc: row.hlc,
        resolution: keep === 'other' ? 'restored' : 'kept',
      });
    });
    new ConflictIndex(store.db).refresh([fieldKey({ entity: row.entity, rowId: row.row_id, field: row.field })], new Date(store.now()).toISOString());
  })();
  return listConflicts(store, true).find((c) => c.id === id) ?? describe(store, { ...row, resolution: keep === 'other' ? 'restored' : 'kept' }, personNames(store))!;
}

function splitId(id: string): [string, string, string, string] {
  const key = parseChangeKey(id);
  if (!key) throw notFound('Conflict', id);
  return [key.entity, key.rowId, key.field, key.hlc];
}

function describe(store: WorkspaceStore, row: ConflictRow, names: Map<string, string>): SyncConflict | null {
  if (!isEntityName(row.entity)) return null;
  const current = store.db
    .prepare('SELECT hlc, device_id, author, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1')
    .get(row.entity, row.row_id, row.field) as LogRow;
  return {
    id: conflictId(row),
    entity: row.entity,
    entityLabel: ENTITY_LABELS[row.entity] ?? fieldLabel(row.entity),
    rowId: row.row_id,
    recordLabel: recordLabel(store, row.entity, row.row_id),
    field: row.field,
    fieldLabel: fieldLabel(row.field),
    current: side(current, names),
    other: side(logRow(store, row, row.hlc), names),
    foundAt: row.found_at,
    resolution: row.resolution ?? null,
  };
}

function logRow(store: WorkspaceStore, row: ConflictRow, hlc: string): LogRow {
  return store.db
    .prepare('SELECT hlc, device_id, author, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?')
    .get(row.entity, row.row_id, row.field, hlc) as LogRow;
}

function side(row: LogRow, names: Map<string, string>): ConflictSide {
  const value = row.value === null ? null : (JSON.parse(row.value) as unknown);
  return {
    value,
    display: display(value),
    hlc: row.hlc,
    at: hlcInstant(row.hlc),
    author: row.author,
    authorName: names.get(row.author) ?? (row.author.startsWith('device:') ? `${row.author.slice(7)} (no person chosen)` : row.author),
    deviceId: row.device_id,
  };
}

function display(value: unknown): string {
  if (value === null || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(none)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function recordLabel(store: WorkspaceStore, entity: EntityName, rowId: string): string {
  const fields = ENTITY_TABLES[entity].fields as Record<string, { column: string }>;
  const column = ['name', 'title'].map((f) => fields[f]?.column).find(Boolean);
  if (!column) return rowId;
  const row = store.db.prepare(`SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
  if (!row) return rowId;
  const version = entity === 'release' ? ` ${String(row.version ?? '')}` : '';
  return `${String(row[column] ?? rowId)}${version}`.trim() || rowId;
}

function personNames(store: WorkspaceStore): Map<string, string> {
  const rows = store.db.prepare('SELECT id, name FROM people').all() as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}
