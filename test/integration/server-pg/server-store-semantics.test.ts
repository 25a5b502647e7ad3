import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../electron/core/changes/change';
import { PgServerStore } from '../../../electron/server/pg-server-store';
import type { Member, ServerStore } from '../../../electron/server/server-store';
import { itWithPg, pgUrl, STORE_KINDS, storeUnderTest, TEST_PG, dropSchema } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';

/** Plain changes as a device would push them: `fields` fields per write, one write per record, chained. */
function writes(deviceId: string, records: number, fields = 3, firstPlace = 1, minute = 0): Change[] {
  const out: Change[] = [];
  let place = firstPlace;
  for (let r = 0; r < records; r++) {
    const hlc = `2026-11-30T05:${String(minute).padStart(2, '0')}:00.000Z-${String(r).padStart(4, '0')}-${deviceId}`;
    for (let f = 0; f < fields; f++) {
      out.push({ hlc, deviceId, author: 'p1', entity: 'system', rowId: `${deviceId}-r${r}`, field: `f${f}`, value: `v${r}.${f}`, oldValue: null, prevHlc: null, chainSeq: place, link: String(place).padStart(64, '0') });
      place++;
    }
  }
  return out;
}

const member = (id: string): Member => ({ id, name: id, personId: 'p1', admin: true, createdAt: '', revokedAt: null });

describe.each(STORE_KINDS)('the server store: $label', ({ kind, skip }) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function open(): Promise<ServerStore> {
    const t = tempDir('release-desk-store-');
    const under = storeUnderTest(kind, t.dir);
    const store = await under.open();
    cleanups.push(t.cleanup, () => under.cleanup(), () => store.close());
    await store.addMember({ id: 'ana', name: 'Ana', personId: 'p1', admin: true }, 'hash-ana');
    return store;
  }

  it.skipIf(skip)('appends idempotently, binds devices, pages without splitting a write and skips the puller’s own changes', async () => {
    const store = await open();
    const a = writes('devA', 4, 3);
    const first = await store.append(a, member('ana'), 'devA');
    expect(first).toMatchObject({ accepted: 12, duplicates: 0, cursor: 12 });
    // The same push again (a retry), and one with a copy inside the batch: nothing twice.
    expect(await store.append([...a.slice(0, 3), a[0]], member('ana'), 'devA')).toMatchObject({ accepted: 0, duplicates: 4, cursor: 12 });
    expect(await store.device('devA')).toEqual({ memberId: 'ana', chainSeq: 12 });
    const b = writes('devB', 2, 3, 1, 1);
    expect((await store.append(b, member('ana'), 'devA')).accepted).toBe(6);
    expect(await store.device('devB')).toEqual({ memberId: 'ana', chainSeq: 6 });

    // A page of 4 would split a three-field write: it stops at 3; the cursor is the last change given.
    const page = await store.pull(0, 4);
    expect(page.changes.map((c) => c.field)).toEqual(['f0', 'f1', 'f2']);
    expect(page).toMatchObject({ cursor: 3, more: true, remaining: 15 });
    expect(page.changes[0]).toMatchObject({ member: 'Ana', value: 'v0.0', oldValue: null });
    expect(page.changes[0]).not.toHaveProperty('seq');
    // A write longer than the page widens it.
    expect((await store.pull(0, 2)).changes).toHaveLength(3);

    // devA pulls: its own 12 are left out, the cursor passes them.
    const own = await store.pull(0, 100, { deviceId: 'devA', upTo: 12 });
    expect(own.changes.map((c) => c.deviceId)).toEqual(Array(6).fill('devB'));
    expect(own).toMatchObject({ cursor: 18, more: false, remaining: 0 });
    const ownFirst = await store.pull(0, 3, { deviceId: 'devB', upTo: 18 });
    expect(ownFirst).toMatchObject({ cursor: 3, more: true, remaining: 9 });

    const stored = await store.stored([a[1], { ...a[1], hlc: a[1].hlc.replace('05:00', '06:00') }]);
    expect([...stored.values()]).toEqual([{ value: JSON.stringify('v0.1'), author: 'p1', link: a[1].link }]);
    expect(await store.linksAt('devA', [1, 2, 99])).toEqual(new Map([[1, a[0].link], [2, a[1].link]]));
    expect(await store.latestValues('system', 'f0', ['devA-r0', 'devA-r0', 'nobody'])).toEqual(new Map([['devA-r0', 'v0.0']]));
    expect(await store.root()).toBeNull();
    await store.pinRoot('devA');
    await store.pinRoot('devB');
    expect(await store.root()).toBe('devA');
    expect(await store.readiness()).toEqual({ ready: true });
  });

  it.skipIf(skip)('members: a token matches until revoked, and a revoked token never again', async () => {
    const store = await open();
    expect((await store.memberByTokenHash('hash-ana'))?.name).toBe('Ana');
    expect((await store.revokeMember('Ana'))?.revokedAt).toMatch(/^\d{4}-/);
    expect(await store.memberByTokenHash('hash-ana')).toBeUndefined();
    expect(await store.revokeMember('nobody')).toBeUndefined();
    expect((await store.members()).map((m) => [m.name, m.admin, Boolean(m.revokedAt)])).toEqual([['Ana', true, true]]);
  });

  it.skipIf(skip)('watchers hear of every append that stored something', async () => {
    const store = await open();
    const heard: number[] = [];
    store.watch((cursor) => heard.push(cursor));
    await new Promise((r) => setTimeout(r, 200)); // the PostgreSQL listener connects
    await store.append(writes('devA', 1, 2), member('ana'), 'devA');
    await store.append(writes('devA', 1, 2), member('ana'), 'devA');
    await expect.poll(() => heard).toEqual([2]);
  });
});

describe('the PostgreSQL store across nodes', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function nodes(count: number) {
    const schema = `rd_test_${Math.random().toString(36).slice(2, 10)}`;
    cleanups.push(() => dropSchema(schema));
    const stores = await Promise.all(Array.from({ length: count }, () => PgServerStore.open(pgUrl(schema))));
    cleanups.push(() => Promise.all(stores.map((s) => s.close())));
    return { schema, stores };
  }

  itWithPg('a change that commits late is never skipped: numbers are drawn and committed in order', async () => {
    const { schema, stores } = await nodes(2);
    const [one, two] = stores;
    // A writer whose transaction stays open after drawing its numbers (a slow commit).
    const slow = new pg.Client({ connectionString: TEST_PG, options: `-c search_path=${schema}` });
    await slow.connect();
    cleanups.push(() => slow.end());
    const late = writes('devA', 2, 2);
    await slow.query('BEGIN');
    const col = <T>(pick: (c: Change) => T) => late.map(pick);
    await slow.query('SELECT * FROM append_changes($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)', [
      col((c) => c.hlc), col((c) => c.deviceId), col((c) => c.author), col((c) => c.entity), col((c) => c.rowId), col((c) => c.field),
      col((c) => JSON.stringify(c.value)), col((c) => JSON.stringify(c.oldValue)), col((c) => c.prevHlc), col((c) => c.chainSeq), col((c) => c.link),
      'ana', 'devA', 'nobody-listens',
    ]);
    // Another node's push meanwhile waits instead of taking higher numbers and committing first.
    let done = false;
    const other = two.append(writes('devB', 2, 2, 1, 1), member('ana'), 'devB').then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    const meanwhile = await one.pull(0, 100);
    expect(meanwhile).toMatchObject({ changes: [], cursor: 0 });
    await slow.query('COMMIT');
    expect((await other).cursor).toBe(8);
    const after = await one.pull(meanwhile.cursor, 100);
    expect(after.changes.map((c) => c.deviceId)).toEqual([...Array(4).fill('devA'), ...Array(4).fill('devB')]);
  });

  itWithPg('concurrent writers on several nodes: a reader pulling all along gets every change exactly once', async () => {
    const { stores } = await nodes(3);
    const writers = stores.flatMap((store, n) =>
      Array.from({ length: 4 }, (_, w) => async () => {
        const device = `dev${n}w${w}`;
        for (let batch = 0; batch < 10; batch++) {
          const changes = writes(device, 5, 2, batch * 10 + 1, batch);
          await store.append(changes, member('ana'), device);
        }
      }),
    );
    const seen: string[] = [];
    let cursor = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await stores[0].pull(cursor, 37);
        for (const c of page.changes) seen.push(`${c.deviceId}/${c.chainSeq}`);
        cursor = page.cursor;
      }
    })();
    await Promise.all(writers.map((w) => w()));
    writing = false;
    await reader;
    for (let page = await stores[1].pull(cursor, 1000); ; page = await stores[1].pull(cursor, 1000)) {
      for (const c of page.changes) seen.push(`${c.deviceId}/${c.chainSeq}`);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toHaveLength(3 * 4 * 10 * 10);
    expect(new Set(seen).size).toBe(seen.length);
  });

  itWithPg('several nodes push the same changes at once: stored once', async () => {
    const { stores } = await nodes(3);
    const changes = writes('devA', 20, 3);
    const results = await Promise.all(stores.map((s) => s.append(changes, member('ana'), 'devA')));
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 0, 60]);
    expect((await stores[2].pull(0, 1000)).changes).toHaveLength(60);
  });

  itWithPg('refuses a database written by a newer Release Desk, with a clear message', async () => {
    const { schema, stores } = await nodes(1);
    await stores[0].close();
    const admin = new pg.Client({ connectionString: TEST_PG, options: `-c search_path=${schema}` });
    await admin.connect();
    await admin.query("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    await admin.end();
    await expect(PgServerStore.open(pgUrl(schema))).rejects.toThrow(/written by a newer Release Desk \(schema 99; this version knows up to 1\); update Release Desk/);
  });
});
