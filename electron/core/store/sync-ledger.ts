import type Database from 'better-sqlite3';
import { protectSecret, unprotectSecret } from '../trust/secret-protection';
import { readLogThrough, readOutbox, type OutboxBatch } from './outbox';
import type { Change } from '../changes/change';

/**
 * Device-local sync bookkeeping in the `sync_*` tables: settings, how far each peer was read, what
 * was published, and the log a transport publishes from. Never synced, never a domain table. The store holds one
 * (`WorkspaceStore.ledger`): sync code never touches the database itself.
 */
export class SyncLedger {
  constructor(private readonly db: Database.Database) {}

  get(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
  }

  set(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * A saved secret (the member token, the folder's team key), wrapped by the OS keychain where the shell installed
   * one, so it is never in plain text in the workspace file there.
   */
  setSecret(key: string, secret: Buffer | null): void {
    this.set(key, secret === null ? null : JSON.stringify(protectSecret(secret)));
  }

  /** Undefined when none is saved; null when it was saved under a keychain this process cannot use. */
  getSecret(key: string): Buffer | null | undefined {
    const stored = this.get(key);
    if (stored === undefined) return undefined;
    try {
      return unprotectSecret(JSON.parse(stored) as { protection: string; data: string });
    } catch {
      return null;
    }
  }

  /** How a saved secret is protected (`none` where no keychain was installed); undefined when none is saved. */
  secretProtection(key: string): string | undefined {
    const stored = this.get(key);
    if (stored === undefined) return undefined;
    try {
      return (JSON.parse(stored) as { protection: string }).protection;
    } catch {
      return 'unreadable';
    }
  }

  getNumber(key: string): number {
    return Number(this.get(key) ?? 0);
  }

  peerCursor(transport: string, peer: string): number {
    return (this.db.prepare('SELECT cursor FROM sync_peers WHERE transport = ? AND peer = ?').pluck().get(transport, peer) as number | undefined) ?? 0;
  }

  setPeerCursor(transport: string, peer: string, cursor: number, at: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_peers (transport, peer, cursor, last_seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(transport, peer) DO UPDATE SET cursor = excluded.cursor, last_seen_at = excluded.last_seen_at`,
      )
      .run(transport, peer, cursor, at);
  }

  peers(transport: string): Array<{ peer: string; cursor: number; lastSeenAt: string }> {
    return this.db
      .prepare('SELECT peer, cursor, last_seen_at AS lastSeenAt FROM sync_peers WHERE transport = ? ORDER BY peer')
      .all(transport) as Array<{ peer: string; cursor: number; lastSeenAt: string }>;
  }

  maxSeq(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number) ?? 0;
  }

  /** Local change-log entries after `afterSeq` for a transport to publish (store/outbox.ts). */
  outbox(afterSeq: number, limit: number): OutboxBatch {
    return readOutbox(this.db, afterSeq, limit);
  }

  logThrough(throughSeq: number): Change[] {
    return readLogThrough(this.db, throughSeq);
  }

  /** Local changes not yet published to `transport`. */
  waiting(transport: string): number {
    return this.db.prepare('SELECT count(*) FROM change_log WHERE seq > ?').pluck().get(this.getNumber(`published:${transport}`)) as number;
  }
}
