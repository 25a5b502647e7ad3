import type { Change } from './change';

/**
 * The one codec for a change's identity (the change log's unique key) and for a field's identity. Encoded as a JSON
 * array, so no separator can be forged by a row id that contains it, and decoded the same way everywhere: conflict
 * ids in the API, held changes, backups and the conflict index.
 */
export type ChangeIdentity = Pick<Change, 'entity' | 'rowId' | 'field' | 'hlc'>;
export type FieldIdentity = Pick<Change, 'entity' | 'rowId' | 'field'>;

export const changeKey = (c: ChangeIdentity): string => JSON.stringify([c.entity, c.rowId, c.field, c.hlc]);
export const fieldKey = (c: FieldIdentity): string => JSON.stringify([c.entity, c.rowId, c.field]);
/** The identity of one write: the fields of a record written together share entity, row and stamp. */
export const writeKey = (c: Pick<Change, 'entity' | 'rowId' | 'hlc'>): string => JSON.stringify([c.entity, c.rowId, c.hlc]);

export function parseChangeKey(key: string): ChangeIdentity | null {
  const parts = parseStrings(key, 4);
  return parts ? { entity: parts[0], rowId: parts[1], field: parts[2], hlc: parts[3] } : null;
}

export function parseFieldKey(key: string): FieldIdentity | null {
  const parts = parseStrings(key, 3);
  return parts ? { entity: parts[0], rowId: parts[1], field: parts[2] } : null;
}

function parseStrings(key: string, length: number): string[] | null {
  try {
    const parts = JSON.parse(key) as unknown;
    return Array.isArray(parts) && parts.length === length && parts.every((p) => typeof p === 'string') ? parts : null;
  } catch {
    return null;
  }
}
