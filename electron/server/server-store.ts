import type { SyncChange } from '../core/sync/sync-change';

/** A member of the team: a token bound to one person of the workspace. Only the token's hash is stored. */
export interface Member {
  id: string;
  name: string;
  personId: string;
  /** Admins may grant roles to people; other members may not (so nobody can make themselves empowered). */
  admin: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export interface AppendResult {
  accepted: number;
  duplicates: number;
  cursor: number;
}

/**
 * What the team server keeps: the change log every device pushed, in arrival order, and the members. SQLite by
 * default (sqlite-server-store.ts); an organisation that outgrows one machine implements this over PostgreSQL
 * (a `changes` table with a bigserial and a unique key on entity, row, field, stamp; the same queries).
 */
export interface ServerStore {
  /** Stores the changes not already stored, all or none; returns the new cursor. */
  append(changes: readonly SyncChange[], memberId: string): AppendResult;
  /**
   * Changes after `since`, in arrival order, at most `limit`, leaving out those of `own.deviceId` up to `own.upTo`
   * (the puller has them). The cursor passes the left-out ones too, read in the same snapshot, so no change is
   * ever skipped.
   */
  pull(since: number, limit: number, own?: { deviceId: string; upTo: number }): { changes: SyncChange[]; cursor: number; more: boolean; remaining: number };
  /** Which of these are not stored yet. */
  unknown(changes: readonly SyncChange[]): SyncChange[];
  /** The newest stored value of one field, or undefined. */
  latestValue(entity: string, rowId: string, field: string): unknown;
  /** Any stored change of a field other than `hlc` (append-only records are written once). */
  hasOtherChange(entity: string, rowId: string, field: string, hlc: string): boolean;

  addMember(member: Omit<Member, 'createdAt' | 'revokedAt'>, tokenHash: string): Member;
  revokeMember(idOrName: string): Member | undefined;
  members(): Member[];
  memberByTokenHash(tokenHash: string): Member | undefined;
  close(): void;
}
