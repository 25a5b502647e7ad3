import { ApiFailure, notFound } from '../../contract/api-result';
import { fieldLabel } from '../../contract/field-messages';
import type { ConflictSide, SyncConflict } from '../../contract/sync-entities';
import { hlcInstant } from '../store/change-record';
import { DELETED_FIELD, ENTITY_TABLES, isEntityName, type EntityName } from '../store/entity-tables';
import type { WorkspaceStore } from '../store/workspace-store';
import { ConflictIndex } from './conflict-index';

interface ConflictRow {
  entity: string;
  row_id: string;
  field: string;
  hlc: string;
  found_at: string;
  resolution: 'restored' | 'kept' | null;
}

interface LogRow {
  hlc: string;
  device_id: string;
  author: string;
  value: string | null;
}

const ENTITY_LABELS: Partial<Record<string, string>> = { checklistItem: 'Checklist item', releaseNeed: 'Release need', readinessPolicy: 'Readiness policy' };

export const conflictId = (r: Pick<ConflictRow, 'entity' | 'row_id' | 'field' | 'hlc'>) => [r.entity, r.row_id, r.field, r.hlc].join('|');

/** The conflicts sync found here, newest first, each with both values, who wrote them and when. */
export function listConflicts(store: WorkspaceStore, includeResolved: boolean): SyncConflict[] {
  const rows = store.db
    .prepare(`SELECT * FROM sync_conflicts ${includeResolved ? '' : 'WHERE resolution IS NULL'} ORDER BY hlc DESC LIMIT 500`)
    .all() as ConflictRow[];
  const names = personNames(store);
  return rows.map((row) => describe(store, row, names)).filter((c): c is SyncConflict => c !== null);
}

/**
 * "Restore the other value" is a normal edit through the mutation path, based on the current value, so it syncs to
 * every device like any other edit (and is not itself a conflict there). "Keep current" only closes it here.
 */
export function resolveConflict(store: WorkspaceStore, author: string, id: string, keep: 'other' | 'current'): SyncConflict {
  const row = store.db.prepare('SELECT * FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?').get(...splitId(id)) as
    | ConflictRow
    | undefined;
  if (!row) throw notFound('Conflict', id);
  if (row.resolution) throw new ApiFailure('conflict', 'This conflict was already resolved.');
  const other = logRow(store, row, row.hlc);
  const entity = row.entity as EntityName;
  store.db.transaction(() => {
    if (keep === 'other') {
      const value = other.value === null ? null : JSON.parse(other.value);
      store.mutate(author, (w) => {
        if (row.field === DELETED_FIELD) return value ? w.delete(entity, row.row_id) : w.restore(entity, row.row_id);
        if (store.reader.isDeleted(entity, row.row_id)) {
          throw new ApiFailure('conflict', 'The record was deleted since: restore it first, then restore this value.');
        }
        w.update(entity, row.row_id, { [row.field]: value });
      });
    }
    store.db
      .prepare('UPDATE sync_conflicts SET resolution = ?, resolved_at = ? WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?')
      .run(keep === 'other' ? 'restored' : 'kept', new Date(store.now()).toISOString(), row.entity, row.row_id, row.field, row.hlc);
    new ConflictIndex(store.db).refresh([[row.entity, row.row_id, row.field].join('\u0000')], new Date(store.now()).toISOString());
  })();
  const updated = store.db.prepare('SELECT * FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?').get(...splitId(id)) as ConflictRow;
  return describe(store, updated, personNames(store))!;
}

function splitId(id: string): [string, string, string, string] {
  const parts = id.split('|');
  if (parts.length < 4) throw notFound('Conflict', id);
  const hlc = parts.pop()!;
  const field = parts.pop()!;
  const entity = parts.shift()!;
  return [entity, parts.join('|'), field, hlc];
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
    resolution: row.resolution,
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
