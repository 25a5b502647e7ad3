import { EventEmitter } from 'node:events';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from '../core/private-files';
import type { Change } from '../core/changes/change';
import { changeKey } from '../core/changes/change-key';
import { rowToChange, withoutSeq, type ChangeRow } from '../core/changes/change-row';
import { groupWrites } from '../core/changes/rules/writes';
import { toTrustWrite } from '../core/changes/rules/judge';
import type { TrustWrite } from '../core/trust/trust-view';
import { cutPage } from './server-page';
import type { AppendResult, Member, PullPage, ServerStore, StoreReadiness, StoredContent } from './server-store';

/** The server's own database (not a workspace): the pushed change log, in arrival order, and who pushed it. */
const SCHEMA_VERSION = 1;
const SCHEMA = `
  CREATE TABLE changes (
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
    chain_seq INTEGER NOT NULL,
    link TEXT NOT NULL,
    member_id TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX changes_by_field ON changes (entity, row_id, field, hlc);
  CREATE INDEX changes_by_device ON changes (device_id, seq);
  CREATE INDEX changes_by_chain ON changes (device_id, chain_seq);
  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL,
    admin INTEGER NOT NULL DEFAULT 0,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;
  -- Each device belongs to the member that first pushed for it; its highest chain place stored so far.
  CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    chain_seq INTEGER NOT NULL DEFAULT 0,
    bound_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
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
  // One process owns a SQLite server's file, so an in-process emitter reaches every watcher.
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private pushes: Promise<unknown> = Promise.resolve();
  private readonly existing: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly bind: Database.Statement;
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
    this.migrate();
    this.existing = this.db.prepare('SELECT value, author, link FROM changes WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
    this.insert = this.db.prepare(
      `INSERT INTO changes (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link, member_id, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.bind = this.db.prepare(
      `INSERT INTO devices (device_id, member_id, chain_seq, bound_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET chain_seq = max(chain_seq, excluded.chain_seq)`,
    );
    this.page = this.db.prepare(
      `SELECT c.*, m.name AS member FROM changes c LEFT JOIN members m ON m.id = c.member_id
       WHERE c.seq > ? AND NOT (c.device_id = ? AND c.seq <= ?) ORDER BY c.seq LIMIT ?`,
    );
    this.ownBetween = this.db.prepare('SELECT count(*) FROM changes WHERE device_id = ? AND seq > ? AND seq <= ?').pluck();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`this server's data was written by a newer Release Desk (schema ${version}; this version knows up to ${SCHEMA_VERSION}); update Release Desk`);
    }
    if (version === SCHEMA_VERSION) return;
    this.db.transaction(() => {
      this.db.exec(SCHEMA);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }

  async append(changes: readonly Change[], member: Member, deviceId: string): Promise<AppendResult> {
    const result = this.db.transaction(() => {
      const at = new Date().toISOString();
      let accepted = 0;
      const highest = new Map<string, number>();
      for (const c of changes) {
        const stored = this.insert.run(c.hlc, c.deviceId, c.author, c.entity, c.rowId, c.field, JSON.stringify(c.value ?? null), JSON.stringify(c.oldValue ?? null), c.prevHlc, c.chainSeq, c.link, member.id, at).changes;
        accepted += stored;
        if (stored) highest.set(c.deviceId, Math.max(highest.get(c.deviceId) ?? 0, c.chainSeq));
      }
      this.bind.run(deviceId, member.id, highest.get(deviceId) ?? 0, at);
      for (const [device, seq] of highest) if (device !== deviceId) this.bind.run(device, member.id, seq, at);
      return { accepted, duplicates: changes.length - accepted, cursor: this.maxSeq() };
    })();
    if (result.accepted > 0) this.appended.emit('cursor', result.cursor);
    return result;
  }

  watch(listener: (cursor: number) => void): () => void {
    this.appended.on('cursor', listener);
    return () => this.appended.off('cursor', listener);
  }

  async exclusive<T>(work: (store: ServerStore) => Promise<T>): Promise<T> {
    // One process owns the file, so a queue in this process serialises every push.
    const run = this.pushes.then(
      () => work(this),
      () => work(this),
    );
    this.pushes = run.catch(() => {});
    return run;
  }

  async readiness(): Promise<StoreReadiness> {
    return this.db.open ? { ready: true } : { ready: false, reason: 'the server database is closed' };
  }

  async pull(since: number, limit: number, own = { deviceId: '', upTo: 0 }): Promise<PullPage> {
    // One read transaction: the cursor past the device's own trailing changes comes from the same snapshot as the page.
    return this.db.transaction(() => {
      let size = limit;
      let cut;
      while (!(cut = cutPage(this.page.all(since, own.deviceId, own.upTo, size + 1) as ChangeRow[], size))) size *= 2;
      const { page, more } = cut;
      const maxSeq = this.maxSeq();
      const cursor = more ? page[page.length - 1].seq : Math.max(since, maxSeq);
      // Sequence numbers have no gaps (rowids of an append-only table), so what is left is a subtraction and an
      // indexed count, not a scan of the rest of the log: the server builds pages in small slices, each asks this.
      const remaining = more ? maxSeq - cursor - (this.ownBetween.get(own.deviceId, cursor, own.upTo) as number) : 0;
      return { changes: page.map((r) => withoutSeq(rowToChange(r))), cursor, more, remaining };
    })();
  }

  async stored(changes: readonly Change[]): Promise<Map<string, StoredContent>> {
    const found = new Map<string, StoredContent>();
    for (const c of changes) {
      const row = this.existing.get(c.entity, c.rowId, c.field, c.hlc) as StoredContent | undefined;
      if (row) found.set(changeKey(c), row);
    }
    return found;
  }

  async trustWrites(): Promise<TrustWrite[]> {
    const rows = this.db.prepare("SELECT *, NULL AS member FROM changes WHERE entity IN ('deviceKey', 'person') ORDER BY hlc, field").all() as ChangeRow[];
    // Everything stored passed the rules, signatures included.
    return groupWrites(rows.map(rowToChange)).map((w) => toTrustWrite(w, true));
  }

  async latestValues(entity: string, field: string, rowIds: readonly string[]): Promise<Map<string, unknown>> {
    const latest = this.db.prepare('SELECT value FROM changes WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1').pluck();
    const values = new Map<string, unknown>();
    for (const id of new Set(rowIds)) {
      const raw = latest.get(entity, id, field) as string | null | undefined;
      if (raw !== undefined) values.set(id, raw === null ? null : JSON.parse(raw));
    }
    return values;
  }

  async device(deviceId: string): Promise<{ memberId: string; chainSeq: number } | undefined> {
    const row = this.db.prepare('SELECT member_id AS memberId, chain_seq AS chainSeq FROM devices WHERE device_id = ?').get(deviceId) as
      | { memberId: string; chainSeq: number }
      | undefined;
    return row;
  }

  async linksAt(deviceId: string, places: readonly number[]): Promise<Map<number, string>> {
    const links = new Map<number, string>();
    const at = this.db.prepare('SELECT link FROM changes WHERE device_id = ? AND chain_seq = ? LIMIT 1').pluck();
    for (const place of new Set(places)) {
      const link = at.get(deviceId, place) as string | undefined;
      if (link !== undefined) links.set(place, link);
    }
    return links;
  }

  async root(): Promise<string | null> {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'root'").pluck().get() as string | undefined) ?? null;
  }

  async pinRoot(root: string): Promise<void> {
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('root', ?) ON CONFLICT DO NOTHING").run(root);
  }

  async addMember(member: Omit<Member, 'createdAt' | 'revokedAt'>, tokenHash: string): Promise<Member> {
    const createdAt = new Date().toISOString();
    this.db
      .prepare('INSERT INTO members (id, name, person_id, admin, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(member.id, member.name, member.personId, member.admin ? 1 : 0, tokenHash, createdAt);
    return { ...member, createdAt, revokedAt: null };
  }

  async revokeMember(idOrName: string): Promise<Member | undefined> {
    const row = this.db.prepare('SELECT * FROM members WHERE id = ? OR name = ?').get(idOrName, idOrName) as MemberRow | undefined;
    if (!row) return undefined;
    // The hash is replaced too, so a revoked token can never match again, even if the row were un-revoked.
    const at = new Date().toISOString();
    this.db.prepare("UPDATE members SET revoked_at = ?, token_hash = 'revoked:' || id WHERE id = ?").run(at, row.id);
    return toMember({ ...row, revoked_at: at });
  }

  async members(): Promise<Member[]> {
    return (this.db.prepare('SELECT * FROM members ORDER BY name').all() as MemberRow[]).map(toMember);
  }

  async memberByTokenHash(tokenHash: string): Promise<Member | undefined> {
    const row = this.db.prepare('SELECT * FROM members WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as MemberRow | undefined;
    return row ? toMember(row) : undefined;
  }

  private maxSeq(): number {
    return this.db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toMember(r: MemberRow): Member {
  return { id: r.id, name: r.name, personId: r.person_id, admin: r.admin === 1, createdAt: r.created_at, revokedAt: r.revoked_at };
}
