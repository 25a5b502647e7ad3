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
  /**
   * Causality for sync: the stamp of this field's newest change the writing device knew when it made this one; null
   * for a first write. Absent when unknown (an old backup): remote apply then treats the change as sequential.
   */
  prevHlc?: string | null;
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
