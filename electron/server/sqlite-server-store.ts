import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from '../core/private-files';
import { rowToSyncChange, type ChangeLogRow, type SyncChange } from '../core/sync/sync-change';
import type { AppendResult, Member, ServerStore } from './server-store';

/** The server's own database (not a workspace): the pushed change log, in arrival order, and the members. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    author TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    old_value TEXT,
    prev_hlc TEXT,
    member_id TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX IF NOT EXISTS changes_by_field ON changes (entity, row_id, field, hlc);
  CREATE INDEX IF NOT EXISTS changes_by_device ON changes (device_id, seq);
  CREATE TABLE IF NOT EXISTS members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL,
    admin INTEGER NOT NULL DEFAULT 0,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;
`;

interface MemberRow {
  id: string;
  name: string;
  person_id: string;
  admin: number;
  created_at: string;
  revoked_at: string | null;
}

/** The default ServerStore: one SQLite file, `server.sqlite`, in the server's data folder. */
export class SqliteServerStore implements ServerStore {
  private readonly db: Database.Database;
  private readonly exists: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly page: Database.Statement;
  private readonly ownBetween: Database.Statement;

  constructor(dataDir: string) {
    // Members' token hashes and every pushed change: readable by the server's own account only.
    ensurePrivateDir(dataDir);
    const file = path.join(dataDir, 'server.sqlite');
    ensurePrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.exists = this.db.prepare('SELECT 1 FROM changes WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
    this.insert = this.db.prepare(
      `INSERT INTO changes (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, member_id, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.page = this.db.prepare('SELECT * FROM changes WHERE seq > ? AND NOT (device_id = ? AND seq <= ?) ORDER BY seq LIMIT ?');
    this.ownBetween = this.db.prepare('SELECT count(*) FROM changes WHERE device_id = ? AND seq > ? AND seq <= ?').pluck();
  }

  append(changes: readonly SyncChange[], memberId: string): AppendResult {
    return this.db.transaction(() => {
      const at = new Date().toISOString();
      let accepted = 0;
      for (const c of changes) {
        accepted += this.insert.run(c.hlc, c.deviceId, c.author, c.entity, c.rowId, c.field, JSON.stringify(c.value ?? null), JSON.stringify(c.oldValue ?? null), c.prevHlc, memberId, at).changes;
      }
      return { accepted, duplicates: changes.length - accepted, cursor: this.maxSeq() };
    })();
  }

  pull(since: number, limit: number, own = { deviceId: '', upTo: 0 }) {
    // One read transaction: the cursor past the device's own trailing changes comes from the same snapshot as the page.
    return this.db.transaction(() => {
      const rows = this.page.all(since, own.deviceId, own.upTo, limit + 1) as ChangeLogRow[];
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      const maxSeq = this.maxSeq();
      const cursor = more ? page[page.length - 1].seq : Math.max(since, maxSeq);
      // Sequence numbers have no gaps (rowids of an append-only table), so what is left is a subtraction and an
      // indexed count, not a scan of the rest of the log: the server builds pages in small slices, each asks this.
      const remaining = more ? maxSeq - cursor - (this.ownBetween.get(own.deviceId, cursor, own.upTo) as number) : 0;
      return { changes: page.map(rowToSyncChange), cursor, more, remaining };
    })();
  }

  unknown(changes: readonly SyncChange[]): SyncChange[] {
    return changes.filter((c) => !this.exists.get(c.entity, c.rowId, c.field, c.hlc));
  }

  latestValue(entity: string, rowId: string, field: string): unknown {
    const raw = this.db
      .prepare('SELECT value FROM changes WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1')
      .pluck()
      .get(entity, rowId, field) as string | null | undefined;
    return raw === undefined ? undefined : raw === null ? null : JSON.parse(raw);
  }

  hasOtherChange(entity: string, rowId: string, field: string, hlc: string): boolean {
    return this.db.prepare('SELECT 1 FROM changes WHERE entity = ? AND row_id = ? AND field = ? AND hlc != ? LIMIT 1').get(entity, rowId, field, hlc) !== undefined;
  }

  addMember(member: Omit<Member, 'createdAt' | 'revokedAt'>, tokenHash: string): Member {
    const createdAt = new Date().toISOString();
    this.db
      .prepare('INSERT INTO members (id, name, person_id, admin, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(member.id, member.name, member.personId, member.admin ? 1 : 0, tokenHash, createdAt);
    return { ...member, createdAt, revokedAt: null };
  }

  revokeMember(idOrName: string): Member | undefined {
    const row = this.db.prepare('SELECT * FROM members WHERE id = ? OR name = ?').get(idOrName, idOrName) as MemberRow | undefined;
    if (!row) return undefined;
    // The hash is replaced too, so a revoked token can never match again, even if the row were un-revoked.
    this.db.prepare("UPDATE members SET revoked_at = ?, token_hash = 'revoked:' || id WHERE id = ?").run(new Date().toISOString(), row.id);
    return toMember({ ...row, revoked_at: new Date().toISOString() });
  }

  members(): Member[] {
    return (this.db.prepare('SELECT * FROM members ORDER BY name').all() as MemberRow[]).map(toMember);
  }

  memberByTokenHash(tokenHash: string): Member | undefined {
    const row = this.db.prepare('SELECT * FROM members WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as MemberRow | undefined;
    return row ? toMember(row) : undefined;
  }

  private maxSeq(): number {
    return this.db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toMember(r: MemberRow): Member {
  return { id: r.id, name: r.name, personId: r.person_id, admin: r.admin === 1, createdAt: r.created_at, revokedAt: r.revoked_at };
}
