import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Change } from '../core/changes/change';
import { changeKey } from '../core/changes/change-key';
import { rowToChange, withoutSeq, type ChangeRow } from '../core/changes/change-row';
import { groupWrites } from '../core/changes/rules/writes';
import { toTrustWrite } from '../core/changes/rules/judge';
import type { TrustWrite } from '../core/trust/trust-view';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pg-schema';
import { pageOf } from './server-page';
import type { AppendResult, Member, PullPage, ServerStore, StoreReadiness, StoredContent } from './server-store';

/**
 * The team server's store on PostgreSQL, shared by any number of server nodes: nothing that matters lives in a node.
 *
 * Gap-safe cursors. A puller's cursor is the highest sequence number it has seen; a change that got a lower number
 * but committed later would be skipped for ever. So numbers are drawn only while holding a transaction-level
 * advisory lock (append_changes in pg-schema.ts), which PostgreSQL releases after the transaction is visible: changes
 * become visible in sequence order, and whatever a reader sees is a prefix of the log. The lock costs nothing extra
 * because pushes are serialised anyway for the rules (`exclusive`, whose transaction holds it to the commit); the
 * alternative, filtering pulls by pg_snapshot_xmin, would hold back every puller behind the oldest open transaction
 * and add a column to every row.
 *
 * Pushes from several nodes are idempotent through the change log's unique key (entity, row, field, stamp).
 */
interface Shared {
  pool: pg.Pool;
  /** The schema this store lives in (tests give each run its own); locks and the notify channel are per schema. */
  schema: string;
  channel: string;
  appended: EventEmitter;
  listener?: Listener;
  /** Pushes of this node queue here, so that one pool connection at a time waits for the cluster-wide push lock. */
  pushes: Promise<unknown>;
}

type Queryable = Pick<pg.Pool, 'query'>;

interface MemberRow {
  id: string;
  name: string;
  person_id: string;
  admin: boolean;
  created_at: string;
  revoked_at: string | null;
}

const CHANGE_COLUMNS = 'c.seq, c.hlc, c.device_id, c.author, c.entity, c.row_id, c.field, c.value, c.old_value, c.prev_hlc, c.chain_seq, c.link';

/** How long a push's transaction may sit idle (its node hung) before PostgreSQL ends it and frees the push lock. */
const HUNG_PUSH_SECONDS = 30;

/** int8 (counts, sequence numbers) as numbers: the log stays far below 2^53 changes. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PgStoreOptions {
  /** Schema to use (created if missing); default: the connection's own search_path (normally `public`). */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
}

export class PgServerStore implements ServerStore {
  private constructor(
    private readonly shared: Shared,
    private readonly db: Queryable,
  ) {}

  /**
   * Connects, then brings the schema up to date (refusing one written by a newer Release Desk). The URL may name the
   * schema: postgres://USER@HOST/DB?schema=NAME.
   */
  static async open(address: string, options: PgStoreOptions = {}): Promise<PgServerStore> {
    const parsed = new URL(address);
    const schema = options.schema ?? (parsed.searchParams.get('schema') || undefined);
    parsed.searchParams.delete('schema');
    const url = parsed.toString();
    options = { ...options, schema };
    const schemaOption = options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {};
    // Named in pg_stat_activity, so that an administrator sees (and can end) the server's connections.
    const application_name = `release-desk:${options.schema ?? 'server'}`.slice(0, 63);
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, keepAlive: true, types, application_name, ...schemaOption });
    // A connection dropped while idle in the pool (PostgreSQL restarted, or an administrator ended it) is replaced
    // on next use; without a handler the pool's 'error' event would end the process.
    pool.on('error', () => {});
    try {
      // Nodes starting together may both create it: the loser's unique violation means it exists.
      if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`).catch(ignoreCode('23505'));
      const current = (await pool.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0].s;
      if (!current) throw new Error('the database has no schema to use: its search_path names none that exists');
      await migrate(pool);
      return new PgServerStore({ pool, schema: current, channel: `release_desk:${current}`.slice(0, 63), appended: new EventEmitter().setMaxListeners(0), pushes: Promise.resolve() }, pool);
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
  }

  async append(changes: readonly Change[], member: Member, deviceId: string): Promise<AppendResult> {
    const column = <T>(pick: (c: Change) => T) => changes.map(pick);
    const { rows } = await this.db.query<{ accepted: number; cursor: number }>(
      'SELECT accepted, cursor FROM append_changes($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
      [
        column((c) => c.hlc),
        column((c) => c.deviceId),
        column((c) => c.author),
        column((c) => c.entity),
        column((c) => c.rowId),
        column((c) => c.field),
        column((c) => JSON.stringify(c.value ?? null)),
        column((c) => JSON.stringify(c.oldValue ?? null)),
        column((c) => c.prevHlc),
        column((c) => c.chainSeq),
        column((c) => c.link),
        member.id,
        deviceId,
        this.shared.channel,
      ],
    );
    const { accepted, cursor } = rows[0];
    return { accepted, duplicates: changes.length - accepted, cursor };
  }

  /**
   * No other push is judged or stored meanwhile, on any node: one transaction on one pooled connection holding a
   * transaction-level advisory lock, and `work` runs its reads and its append in it (so a push and the root it pins
   * commit together). A node that dies mid-push loses its connection and so the lock; one that hangs with its
   * connection open is cut off by idle_in_transaction_session_timeout, so it cannot stop every node's pushes for
   * long. PostgreSQL going away fails the push, which the client sends again.
   */
  async exclusive<T>(work: (store: ServerStore) => Promise<T>): Promise<T> {
    const run = this.shared.pushes.then(
      () => this.locked(work),
      () => this.locked(work),
    );
    this.shared.pushes = run.catch(() => {});
    return run;
  }

  private async locked<T>(work: (store: ServerStore) => Promise<T>): Promise<T> {
    const client = await this.shared.pool.connect();
    let broken: Error | undefined;
    // A checked-out connection that PostgreSQL ends emits 'error'; unheard, that would end the whole node.
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query(`BEGIN; SET LOCAL idle_in_transaction_session_timeout = '${HUNG_PUSH_SECONDS}s'; SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':push'))`);
      const result = await work(new PgServerStore(this.shared, oneAtATime(client)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot roll back is discarded: closing it is what ends the transaction and its lock then.
      await client.query('ROLLBACK').catch((failed: Error) => (broken = failed));
      broken ??= isConnectionError(error) ? (error as Error) : undefined;
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  watch(listener: (cursor: number) => void): () => void {
    this.shared.listener ??= new Listener(this.shared);
    this.shared.appended.on('cursor', listener);
    return () => this.shared.appended.off('cursor', listener);
  }

  async pull(since: number, limit: number, own = { deviceId: '', upTo: 0 }): Promise<PullPage> {
    // One statement, so one snapshot: the page and the highest number come from the same moment, and a cursor past
    // the puller's own trailing changes cannot pass a change it did not see.
    const read = async (size: number) => {
      const { rows } = await this.db.query<ChangeRow & { max_seq: number }>(
        `WITH page AS (
           SELECT ${CHANGE_COLUMNS}, m.name AS member FROM changes c LEFT JOIN members m ON m.id = c.member_id
           WHERE c.seq > $1 AND NOT (c.device_id = $2 AND c.seq <= $3) ORDER BY c.seq LIMIT $4
         )
         SELECT top.max_seq, p.* FROM (SELECT coalesce(max(seq), 0) AS max_seq FROM changes) top LEFT JOIN page p ON true ORDER BY p.seq`,
        [since, own.deviceId, own.upTo, size + 1],
      );
      return { maxSeq: rows[0].max_seq, rows: rows[0].seq === null ? [] : rows };
    };
    const page = await pageOf(read, since, limit);
    // What is left is an estimate for progress (a transaction that aborted leaves a gap in the numbers), read apart.
    const ownAfter = page.more && own.deviceId ? await this.count('SELECT count(*) AS n FROM changes WHERE device_id = $1 AND seq > $2 AND seq <= $3', [own.deviceId, page.cursor, own.upTo]) : 0;
    return {
      changes: page.rows.map((r) => withoutSeq(rowToChange(r))),
      cursor: page.cursor,
      more: page.more,
      remaining: page.more ? Math.max(0, page.maxSeq - page.cursor - ownAfter) : 0,
    };
  }

  async stored(changes: readonly Change[]): Promise<Map<string, StoredContent>> {
    const found = new Map<string, StoredContent>();
    if (!changes.length) return found;
    const { rows } = await this.db.query<StoredContent & { entity: string; row_id: string; field: string; hlc: string }>(
      `SELECT c.entity, c.row_id, c.field, c.hlc, c.value, c.author, c.link
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(entity, row_id, field, hlc)
       JOIN changes c ON c.entity = k.entity AND c.row_id = k.row_id AND c.field = k.field AND c.hlc = k.hlc`,
      [changes.map((c) => c.entity), changes.map((c) => c.rowId), changes.map((c) => c.field), changes.map((c) => c.hlc)],
    );
    for (const r of rows) found.set(changeKey({ entity: r.entity, rowId: r.row_id, field: r.field, hlc: r.hlc }), { value: r.value, author: r.author, link: r.link });
    return found;
  }

  async trustWrites(): Promise<TrustWrite[]> {
    const { rows } = await this.db.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS}, NULL AS member FROM changes c WHERE c.entity IN ('deviceKey', 'person') ORDER BY c.hlc, c.field`);
    // Everything stored passed the rules, signatures included.
    return groupWrites(rows.map(rowToChange)).map((w) => toTrustWrite(w, true));
  }

  async latestValues(entity: string, field: string, rowIds: readonly string[]): Promise<Map<string, unknown>> {
    const values = new Map<string, unknown>();
    if (!rowIds.length) return values;
    const { rows } = await this.db.query<{ row_id: string; value: string | null }>(
      'SELECT DISTINCT ON (row_id) row_id, value FROM changes WHERE entity = $1 AND field = $2 AND row_id = ANY($3::text[]) ORDER BY row_id, hlc DESC',
      [entity, field, [...new Set(rowIds)]],
    );
    for (const r of rows) values.set(r.row_id, r.value === null ? null : JSON.parse(r.value));
    return values;
  }

  async device(deviceId: string): Promise<{ memberId: string; chainSeq: number } | undefined> {
    const { rows } = await this.db.query<{ memberId: string; chainSeq: number }>('SELECT member_id AS "memberId", chain_seq AS "chainSeq" FROM devices WHERE device_id = $1', [deviceId]);
    return rows[0];
  }

  async linksAt(deviceId: string, places: readonly number[]): Promise<Map<number, string>> {
    const links = new Map<number, string>();
    if (!places.length) return links;
    const { rows } = await this.db.query<{ chain_seq: number; link: string }>(
      'SELECT DISTINCT ON (chain_seq) chain_seq, link FROM changes WHERE device_id = $1 AND chain_seq = ANY($2::bigint[]) ORDER BY chain_seq, seq',
      [deviceId, [...new Set(places)]],
    );
    for (const r of rows) links.set(r.chain_seq, r.link);
    return links;
  }

  async root(): Promise<string | null> {
    const { rows } = await this.db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'root'");
    return rows[0]?.value ?? null;
  }

  async pinRoot(root: string): Promise<void> {
    await this.db.query("INSERT INTO meta (key, value) VALUES ('root', $1) ON CONFLICT DO NOTHING", [root]);
  }

  async addMember(member: Omit<Member, 'createdAt' | 'revokedAt'>, tokenHash: string): Promise<Member> {
    const createdAt = new Date().toISOString();
    await this.db.query('INSERT INTO members (id, name, person_id, admin, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      member.id,
      member.name,
      member.personId,
      member.admin,
      tokenHash,
      createdAt,
    ]);
    return { ...member, createdAt, revokedAt: null };
  }

  async revokeMember(idOrName: string): Promise<Member | undefined> {
    // The hash is replaced too, so a revoked token can never match again, even if the row were un-revoked.
    const { rows } = await this.db.query<MemberRow>(
      `UPDATE members SET revoked_at = $2, token_hash = 'revoked:' || id
       WHERE id = (SELECT id FROM members WHERE id = $1 OR name = $1 ORDER BY id = $1 DESC LIMIT 1) RETURNING *`,
      [idOrName, new Date().toISOString()],
    );
    return rows[0] ? toMember(rows[0]) : undefined;
  }

  async members(): Promise<Member[]> {
    return (await this.db.query<MemberRow>('SELECT * FROM members ORDER BY name')).rows.map(toMember);
  }

  async memberByTokenHash(tokenHash: string): Promise<Member | undefined> {
    const { rows } = await this.db.query<MemberRow>('SELECT * FROM members WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
    return rows[0] ? toMember(rows[0]) : undefined;
  }

  async readiness(): Promise<StoreReadiness> {
    try {
      const version = await schemaVersion(this.shared.pool);
      if (version !== PG_SCHEMA_VERSION) return { ready: false, reason: `the database schema is version ${version}; this node runs version ${PG_SCHEMA_VERSION}` };
      return { ready: true };
    } catch (error) {
      return { ready: false, reason: `the database is not reachable: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /**
   * A connection of the pool, for work beyond the store's own (migrate-store's copy); release it. PostgreSQL ending
   * it shows as the failure of its next query, never as an unheard 'error' event that would end the process.
   */
  async connect(): Promise<pg.PoolClient> {
    const client = await this.shared.pool.connect();
    client.on('error', () => {});
    return client;
  }

  connections() {
    const { totalCount, idleCount, waitingCount } = this.shared.pool;
    return { total: totalCount, idle: idleCount, waiting: waitingCount };
  }

  async close(): Promise<void> {
    this.shared.listener?.stop();
    this.shared.listener = undefined;
    await this.shared.pool.end().catch(() => {});
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    return (await this.db.query<{ n: number }>(sql, params)).rows[0].n;
  }
}

/**
 * The node's ear for other nodes' pushes: one dedicated connection LISTENing on the store's channel. When the
 * connection drops it reconnects (backing off to 5 s), then tells the watchers the newest cursor, since
 * notifications sent meanwhile were lost.
 */
class Listener {
  private client?: pg.Client;
  private stopped = false;
  private retryMs = 100;
  private timer?: NodeJS.Timeout;

  constructor(private readonly shared: Shared) {
    void this.connect(false);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const pool = this.shared.pool as pg.Pool & { options: pg.PoolConfig };
    const client = new pg.Client({ ...pool.options, types } as pg.ClientConfig);
    this.client = client;
    client.on('error', () => this.retry(client));
    client.on('end', () => this.retry(client));
    client.on('notification', (message) => {
      const cursor = Number(message.payload);
      if (Number.isFinite(cursor)) this.shared.appended.emit('cursor', cursor);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(this.shared.channel)}`);
      if (this.stopped) return void client.end().catch(() => {});
      this.retryMs = 100;
      if (reconnecting) {
        const { rows } = await client.query<{ n: number }>('SELECT coalesce(max(seq), 0) AS n FROM changes');
        this.shared.appended.emit('cursor', rows[0].n);
      }
    } catch {
      this.retry(client);
    }
  }

  private retry(client: pg.Client): void {
    if (this.stopped || client !== this.client || this.timer) return;
    client.end().catch(() => {});
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect(true);
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(5000, this.retryMs * 2);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.client?.end().catch(() => {});
  }
}

/** The rules ask several things at once (Promise.all); one connection answers one query at a time. */
function oneAtATime(client: pg.PoolClient): Queryable {
  let last: Promise<unknown> = Promise.resolve();
  const query = (...args: Parameters<pg.PoolClient['query']>) => {
    const next = last.then(
      () => (client.query as (...a: unknown[]) => Promise<unknown>)(...args),
      () => (client.query as (...a: unknown[]) => Promise<unknown>)(...args),
    );
    last = next.catch(() => {});
    return next;
  };
  return { query } as unknown as Queryable;
}

async function schemaVersion(db: Queryable): Promise<number> {
  const { rows: found } = await db.query<{ meta: boolean }>("SELECT to_regclass('meta') IS NOT NULL AS meta");
  if (!found[0].meta) return 0;
  const { rows } = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
  return Number(rows[0]?.value ?? 0);
}

/** Pending migrations in one transaction, under a lock, so that nodes starting together migrate once. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':migrate'))");
    const version = await schemaVersion(client);
    if (version > PG_SCHEMA_VERSION) {
      throw new Error(`this server's database was written by a newer Release Desk (schema ${version}; this version knows up to ${PG_SCHEMA_VERSION}); update Release Desk`);
    }
    for (const sql of PG_MIGRATIONS.slice(version)) await client.query(sql);
    if (version < PG_SCHEMA_VERSION) {
      await client.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(PG_SCHEMA_VERSION)]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  // Class 08 (connection exception), 57P (operator intervention: shutdown, terminated), or a socket error.
  return /^(08|57P)/.test(code) || /^E(CONNRESET|PIPE|CONNREFUSED)$/.test(code) || (error instanceof Error && /Connection terminated/.test(error.message));
}

const ignoreCode = (code: string) => (error: unknown) => {
  if ((error as { code?: string }).code !== code) throw error;
};

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function toMember(r: MemberRow): Member {
  return { id: r.id, name: r.name, personId: r.person_id, admin: r.admin, createdAt: r.created_at, revokedAt: r.revoked_at };
}
