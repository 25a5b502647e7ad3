import { ApiFailure, notFound } from '../../contract/api-result';
import { fieldLabel } from '../../contract/field-messages';
import type { ConflictSide, SyncConflict } from '../../contract/sync-entities';
import { hlcInstant, type LoggedChange } from '../changes/change';
import { changeKey, parseChangeKey } from '../changes/change-key';
import type { ConflictRecord } from '../store/conflict-records';
import { DELETED_FIELD, isEntityName, type EntityName } from '../store/entity-tables';
import type { EntityRow } from '../store/entity-reader';
import type { WorkspaceStore } from '../store/workspace-store';
import { peopleNames } from '../people/people-queries';

const ENTITY_LABELS: Partial<Record<string, string>> = { checklistItem: 'Checklist item', releaseNeed: 'Release need', readinessPolicy: 'Readiness policy' };
const LISTED = 500;

export function openConflictCount(store: WorkspaceStore): number {
  return store.conflictRecords.openCount();
}

/**
 * The conflicts sync found here, newest first, each with both values, who wrote them and when. Resolved ones come
 * from the synced resolution records, so every device lists the same answers; a restored value is no longer a
 * conflict in the change log, but its record still says who restored it.
 */
export function listConflicts(store: WorkspaceStore, includeResolved: boolean): SyncConflict[] {
  const records = store.conflictRecords;
  const seen = new Set<string>();
  const names = peopleNames(store).name;
  return [...records.open(LISTED), ...(includeResolved ? records.answered(LISTED) : [])]
    .filter((c) => !seen.has(changeKey(c)) && seen.add(changeKey(c)))
    .sort((x, y) => (x.hlc < y.hlc ? 1 : x.hlc > y.hlc ? -1 : 0))
    .map((c) => describe(store, c, names))
    .filter((c): c is SyncConflict => c !== null);
}

/**
 * Either answer is a change that syncs: a resolution record (append-only, like a sign-off) closes the conflict on
 * every device, and "restore the other value" is also a normal edit of the field through the mutation path, based
 * on the current value, so the value itself syncs (and is not itself a conflict there).
 */
export function resolveConflict(store: WorkspaceStore, author: string, id: string, keep: 'other' | 'current'): SyncConflict {
  const key = parseChangeKey(id);
  const conflict = key && store.conflictRecords.find(key);
  if (!conflict || !isEntityName(conflict.entity)) throw notFound('Conflict', id);
  if (conflict.resolution) throw new ApiFailure('conflict', 'This conflict was already resolved.');
  const entity = conflict.entity;
  const other = store.reader.fieldChange(entity, conflict.rowId, conflict.field, conflict.hlc)!;
  // One mutation: the answer and the restored value commit together, and the conflict index is refreshed with them.
  store.mutate(author, (w) => {
    if (keep === 'other') {
      if (conflict.field === DELETED_FIELD) {
        if (other.value) w.delete(entity, conflict.rowId);
        else w.restore(entity, conflict.rowId);
      } else {
        if (store.reader.isDeleted(entity, conflict.rowId)) {
          throw new ApiFailure('conflict', 'The record was deleted since: restore it first, then restore this value.');
        }
        w.update(entity, conflict.rowId, { [conflict.field]: other.value });
      }
    }
    w.append('conflictResolution', {
      conflictEntity: conflict.entity,
      conflictRowId: conflict.rowId,
      conflictField: conflict.field,
      conflictHlc: conflict.hlc,
      resolution: keep === 'other' ? 'restored' : 'kept',
    });
  });
  const answered = { ...conflict, resolution: keep === 'other' ? ('restored' as const) : ('kept' as const) };
  return listConflicts(store, true).find((c) => c.id === id) ?? describe(store, answered, peopleNames(store).name)!;
}

function describe(store: WorkspaceStore, conflict: ConflictRecord, nameOf: (id: string) => string): SyncConflict | null {
  if (!isEntityName(conflict.entity)) return null;
  const current = store.reader.fieldChange(conflict.entity, conflict.rowId, conflict.field)!;
  return {
    id: changeKey(conflict),
    entity: conflict.entity,
    entityLabel: ENTITY_LABELS[conflict.entity] ?? fieldLabel(conflict.entity),
    rowId: conflict.rowId,
    recordLabel: recordLabel(store, conflict.entity, conflict.rowId),
    field: conflict.field,
    fieldLabel: fieldLabel(conflict.field),
    current: side(current, nameOf),
    other: side(store.reader.fieldChange(conflict.entity, conflict.rowId, conflict.field, conflict.hlc)!, nameOf),
    foundAt: conflict.foundAt,
    resolution: conflict.resolution,
  };
}

function side(change: LoggedChange, nameOf: (id: string) => string): ConflictSide {
  return {
    value: change.value,
    display: display(change.value),
    hlc: change.hlc,
    at: hlcInstant(change.hlc),
    author: change.author,
    authorName: nameOf(change.author),
    deviceId: change.deviceId,
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
  const row: EntityRow | undefined = store.reader.get(entity, rowId, { deleted: true });
  const name = row && (row.name ?? row.title);
  if (!row || name === undefined) return rowId;
  const version = entity === 'release' ? ` ${String(row.version ?? '')}` : '';
  return `${String(name ?? rowId)}${version}`.trim() || rowId;
}

