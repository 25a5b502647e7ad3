import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PgServerStore } from './pg-server-store';

/**
 * `release-desk server migrate-store --from DIR --to postgres://…`: an SQLite server's data moved into an empty
 * PostgreSQL store, sequence numbers kept (devices' cursors stay valid, so no client pulls anything twice or
 * misses anything), member token hashes kept (every token goes on working), then counts and a hash over every change
 * compared on both sides. All in one transaction: a failure leaves the target as it was.
 */
export interface MigrationReport {
  changes: number;
  members: number;
  devices: number;
  /** SHA-256 over every change in sequence order, the same on both sides. */
  hash: string;
}

const BATCH = 5000;
const CHANGE_COLUMNS = ['seq', 'hlc', 'device_id', 'author', 'entity', 'row_id', 'field', 'value', 'old_value', 'prev_hlc', 'chain_seq', 'link', 'member_id', 'received_at'] as const;
const CHANGE_TYPES = ['bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'text', 'timestamptz'];
type Row = Record<(typeof CHANGE_COLUMNS)[number], string | number | null>;

export async function migrateStore(fromDir: string, toUrl: string, progress: (done: number, total: number) => void = () => {}): Promise<MigrationReport> {
  const file = path.join(path.resolve(fromDir), 'server.sqlite');
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`cannot read the server data ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Opening migrates the target's schema; then its own pool does the copy.
  const target = await PgServerStore.open(toUrl);
  const client = await target.connect();
  try {
    const total = source.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':append'))");
    const held = (await client.query<{ n: number }>('SELECT (SELECT count(*) FROM changes) + (SELECT count(*) FROM members) AS n')).rows[0].n;
    if (held > 0) throw new Error('the target database already holds a server’s data; migrate into an empty one');

    const members = source.prepare('SELECT id, name, person_id, admin, token_hash, created_at, revoked_at FROM members').all() as Array<Record<string, string | number | null>>;
    for (const m of members) {
      await client.query('INSERT INTO members (id, name, person_id, admin, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [m.id, m.name, m.person_id, m.admin === 1, m.token_hash, m.created_at, m.revoked_at]);
    }
    const devices = source.prepare('SELECT device_id, member_id, chain_seq, bound_at FROM devices').all() as Array<Record<string, string | number>>;
    await client.query('INSERT INTO devices (device_id, member_id, chain_seq, bound_at) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[])', [
      devices.map((d) => d.device_id),
      devices.map((d) => d.member_id),
      devices.map((d) => d.chain_seq),
      devices.map((d) => d.bound_at),
    ]);
    for (const m of source.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>) {
      await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [m.key, m.value]);
    }

    const sourceHash = createHash('sha256');
    const page = source.prepare(`SELECT ${CHANGE_COLUMNS.join(', ')} FROM changes WHERE seq > ? ORDER BY seq LIMIT ${BATCH}`);
    const params = CHANGE_COLUMNS.map((_, i) => `$${i + 1}::${CHANGE_TYPES[i]}[]`).join(', ');
    let copied = 0;
    for (let after = 0, rows = page.all(0) as Row[]; rows.length; after = Number(rows[rows.length - 1].seq), rows = page.all(after) as Row[]) {
      for (const r of rows) hashRow(sourceHash, r);
      await client.query(`INSERT INTO changes (${CHANGE_COLUMNS.join(', ')}) SELECT * FROM unnest(${params})`, CHANGE_COLUMNS.map((c) => rows.map((r) => r[c])));
      copied += rows.length;
      progress(copied, total);
    }
    await client.query("SELECT setval('changes_seq', greatest((SELECT max(seq) FROM changes), 1), (SELECT count(*) > 0 FROM changes))");

    // Read back what the target now holds and compare, before committing.
    const targetHash = createHash('sha256');
    for (let after = 0; ; ) {
      const { rows } = await client.query<Row>(
        `SELECT ${CHANGE_COLUMNS.filter((c) => c !== 'received_at').join(', ')} FROM changes WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      for (const r of rows) hashRow(targetHash, r);
      after = Number(rows[rows.length - 1].seq);
    }
    const counts = (await client.query<{ changes: number; members: number; devices: number }>(
      'SELECT (SELECT count(*) FROM changes) AS changes, (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM devices) AS devices',
    )).rows[0];
    const expected = { changes: total, members: members.length, devices: devices.length };
    if (counts.changes !== expected.changes || counts.members !== expected.members || counts.devices !== expected.devices) {
      throw new Error(`the copy does not match: the source has ${JSON.stringify(expected)}, the target ${JSON.stringify(counts)}; nothing was kept`);
    }
    const hash = sourceHash.digest('hex');
    if (targetHash.digest('hex') !== hash) throw new Error('the copied changes differ from the source’s (their hashes differ); nothing was kept');
    await client.query('COMMIT');
    return { ...expected, hash };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
    source.close();
    await target.close();
  }
}

/** Every column that is the change or who pushed it, in sequence order; the arrival time is left out (its text form differs). */
function hashRow(hash: ReturnType<typeof createHash>, r: Row): void {
  hash.update(JSON.stringify([Number(r.seq), r.hlc, r.device_id, r.author, r.entity, r.row_id, r.field, r.value, r.old_value, r.prev_hlc, Number(r.chain_seq), r.link, r.member_id]));
  hash.update('\n');
}
