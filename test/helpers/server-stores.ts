import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';
import type { Change } from '../../electron/core/changes/change';
import { PgServerStore } from '../../electron/server/pg-server-store';
import type { ServerStore } from '../../electron/server/server-store';
import { SqliteServerStore } from '../../electron/server/sqlite-server-store';

/** The PostgreSQL the server tests run against (CI sets it in .ci/run); without it those tests say they are skipped. */
export const TEST_PG = process.env.RELEASE_DESK_TEST_PG;
export const NO_PG = 'skipped: RELEASE_DESK_TEST_PG is not set (a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/test; CI sets it)';

/** `it` for a test that needs PostgreSQL: skipped, saying why, where none is configured. */
export const itWithPg = (name: string, ...rest: [fn: () => Promise<void>, timeout?: number]) => (TEST_PG ? it(name, ...rest) : it.skip(`${name} (${NO_PG})`, ...rest));

/** One server store under test: where its data lives, as the server CLI is told, and a way to open it. */
export interface StoreUnderTest {
  kind: 'sqlite' | 'postgres';
  /** The server CLI's arguments naming this store: --data DIR or --store URL. */
  args: string[];
  open(): Promise<ServerStore>;
  /** Runs SQL on the store's database behind its back (placeholders `?`, translated for PostgreSQL). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** "A server that let something through": changes written into its log behind its rules. */
  insertBehindRules(changes: readonly Change[], memberId: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** The stores every server suite runs against; the PostgreSQL one is marked skipped (with the reason) without a database. */
export const STORE_KINDS = [
  { kind: 'sqlite' as const, skip: false, label: 'SQLite' },
  { kind: 'postgres' as const, skip: !TEST_PG, label: TEST_PG ? 'PostgreSQL' : `PostgreSQL (${NO_PG})` },
];

const columns = (c: Change, memberId: string) => [
  c.hlc, c.deviceId, c.author, c.entity, c.rowId, c.field, JSON.stringify(c.value ?? null), JSON.stringify(c.oldValue ?? null), c.prevHlc, c.chainSeq, c.link, memberId,
];
const INSERT_COLUMNS = 'hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link, member_id';

/** A store of this kind of its own: SQLite in `dir`, PostgreSQL in a fresh schema dropped by cleanup. */
export function storeUnderTest(kind: 'sqlite' | 'postgres', dir: string): StoreUnderTest {
  if (kind === 'sqlite') {
    const data = path.join(dir, 'server-data');
    return {
      kind,
      args: ['--data', data],
      open: async () => new SqliteServerStore(data),
      async sql<T>(text: string, params: unknown[] = []) {
        const { default: Database } = await import('better-sqlite3');
        const db = new Database(path.join(data, 'server.sqlite'));
        try {
          const statement = db.prepare(text);
          return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
        } finally {
          db.close();
        }
      },
      async insertBehindRules(changes, memberId) {
        for (const c of changes) await this.sql(`INSERT INTO changes (${INSERT_COLUMNS}, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [...columns(c, memberId), new Date().toISOString()]);
      },
      cleanup: async () => {},
    };
  }
  const schema = `rd_test_${randomBytes(6).toString('hex')}`;
  const url = pgUrl(schema);
  return {
    kind,
    args: ['--store', url],
    open: () => PgServerStore.open(url),
    async sql<T>(text: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: TEST_PG, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        let n = 0;
        return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async insertBehindRules(changes, memberId) {
      for (const c of changes) await this.sql(`INSERT INTO changes (seq, ${INSERT_COLUMNS}) VALUES (nextval('changes_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, columns(c, memberId));
    },
    cleanup: () => dropSchema(schema),
  };
}

export function pgUrl(schema: string): string {
  const url = new URL(TEST_PG!);
  url.searchParams.set('schema', schema);
  return url.toString();
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
