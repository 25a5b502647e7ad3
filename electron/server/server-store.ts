import type { Change } from '../core/changes/change';
import type { TrustWrite } from '../core/trust/trust-view';

/** A member of the team: a token bound to one person of the workspace. Only the token's hash is stored. */
export interface Member {
  id: string;
  name: string;
  personId: string;
  /** Admins may bring in a workspace's history (others' changes); other members push only their own devices'. */
  admin: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export interface AppendResult {
  accepted: number;
  duplicates: number;
  cursor: number;
}

export interface PullPage {
  changes: Change[];
  cursor: number;
  more: boolean;
  remaining: number;
}

/** A stored change's content, to tell a duplicate from a different change under the same identity. */
export interface StoredContent {
  value: string | null;
  author: string;
  link: string;
}

/** Whether a node can serve: its store reachable and at the schema version this node runs. */
export type StoreReadiness = { ready: true } | { ready: false; reason: string };

/**
 * What the team server keeps: the change log every device pushed, in arrival order, stamped with the pushing
 * member; the members; which member each device belongs to; and the workspace root it serves. Async, so the
 * PostgreSQL store is an added implementation of the same seam (sqlite-server-store.ts is the default).
 */
export interface ServerStore {
  /** Stores the changes, all or none, stamped with the member; binds the device to the member; returns the cursor. */
  append(changes: readonly Change[], member: Member, deviceId: string): Promise<AppendResult>;
  /**
   * Changes after `since`, in arrival order, at most about `limit` (a page never splits one write), leaving out those
   * of `own.deviceId` up to `own.upTo` (the puller has them). The cursor passes the left-out ones too, read in the
   * same snapshot, so no change is ever skipped.
   */
  pull(since: number, limit: number, own?: { deviceId: string; upTo: number }): Promise<PullPage>;
  /** The stored content of those of these changes that are stored already, by change key. */
  stored(changes: readonly Change[]): Promise<Map<string, StoredContent>>;
  /** The signed records that say who may sign what (device keys, people's identity writes). */
  trustWrites(): Promise<TrustWrite[]>;
  /** The newest stored value of a field of several rows (names for messages, checklist items' states). */
  latestValues(entity: string, field: string, rowIds: readonly string[]): Promise<Map<string, unknown>>;
  /** The member a device is bound to, and the highest chain place stored for it. */
  device(deviceId: string): Promise<{ memberId: string; chainSeq: number } | undefined>;
  /** The links stored at these places of a device's chain (a place not stored is absent). */
  linksAt(deviceId: string, places: readonly number[]): Promise<Map<number, string>>;
  /** The workspace root this server serves (pinned by the first push that brought one). */
  root(): Promise<string | null>;
  pinRoot(root: string): Promise<void>;

  addMember(member: Omit<Member, 'createdAt' | 'revokedAt'>, tokenHash: string): Promise<Member>;
  revokeMember(idOrName: string): Promise<Member | undefined>;
  members(): Promise<Member[]>;
  memberByTokenHash(tokenHash: string): Promise<Member | undefined>;
  /**
   * Calls `listener` with the new cursor after changes are stored, by this process or by any other server node
   * sharing the store; returns the unsubscribe. Live streams wake on it instead of polling.
   */
  watch(listener: (cursor: number) => void): () => void;
  /**
   * Runs `work` (a push: its judging and its append, through the store it is given) with no other push judged or
   * stored meanwhile, by this process or any other node: the rules read what the server holds, and two pushes
   * judged against the same state could together pass what neither may (two writes of one record, a grant and its
   * use).
   */
  exclusive<T>(work: (store: ServerStore) => Promise<T>): Promise<T>;
  readiness(): Promise<StoreReadiness>;
  /** Database connections in use, for /metrics; absent for a store without a pool. */
  connections?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}
