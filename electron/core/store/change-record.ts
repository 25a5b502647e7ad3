import type { EntityName } from './entity-tables';

/** One entry of the change log: the unit that audit history reads and that sync ships between devices. */
export interface ChangeRecord {
  hlc: string;
  deviceId: string;
  /** Person id of whoever made the change, or `device:<name>` when no person is chosen on that device. */
  author: string;
  entity: EntityName;
  rowId: string;
  /** An API field name of the entity, or `_deleted` for a tombstone. */
  field: string;
  /** The new value, as plain JSON. */
  value: unknown;
}

/** A change as kept locally: with its local sequence number and the value it replaced here (for audit). */
export interface LoggedChange extends ChangeRecord {
  seq: number;
  oldValue: unknown;
}

/** The wall-clock instant encoded in a hybrid-logical-clock timestamp. */
export function hlcInstant(hlc: string): string {
  return hlc.slice(0, 24);
}
