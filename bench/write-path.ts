import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceSession } from '../electron/core';
import type Database from 'better-sqlite3';
import { HybridLogicalClock } from '../electron/core/store/hlc';
import { openDatabase } from '../electron/core/store/open-database';
import { GENESIS_LINK, linkOf } from '../electron/core/trust/chain-link';
import { WorkspaceStore } from '../electron/core/store/workspace-store';
import { medianMs, type Figure } from './measure';

const WRITES = 100_000;
const API_WRITES = 10_000;
const RUNS = 3;

interface Scratch {
  dir: string;
  store: WorkspaceStore;
}

function scratch(): Scratch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-'));
  return { dir, store: WorkspaceStore.open(path.join(dir, 'bench.releasedesk')) };
}

function drop({ dir, store }: Scratch): void {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A new workspace's file (the same schema and indexes) on a bare connection: the cheapest possible insert. */
function rawScratch(): { dir: string; db: Database.Database } {
  const { dir, store } = scratch();
  store.close();
  return { dir, db: openDatabase(path.join(dir, 'bench.releasedesk')) };
}

function dropRaw({ dir, db }: { dir: string; db: Database.Database }): void {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const system = (i: number) => ({ name: `System ${i}`, description: `Service ${i} of the payments platform`, dependsOn: ['s0'] });

/**
 * The price of the one mutation path (change log, clock, hash chain, statement cache) over the cheapest possible
 * insert of the same rows: both in one transaction on the same schema, so the ratio is the path's own overhead. The
 * raw log rows carry the same chain (a SHA-256 link per change), since that is what the log holds: the path's own
 * work is what the ratio shows. Systems, because their writes are not signed one by one (people's are: see Trust).
 */
export async function benchWritePath(): Promise<Figure[]> {
  const mutation = await medianMs(RUNS, scratch, ({ store }) =>
    store.mutate('bench', (w) => {
      for (let i = 0; i < WRITES; i++) w.insert('system', `s${i}`, system(i));
    }),
  drop);

  const raw = (withLog: boolean) =>
    medianMs(RUNS, rawScratch, ({ db }) => {
      const insert = db.prepare('INSERT INTO systems (id, name, description, depends_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      const log = db.prepare(
        'INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const at = new Date().toISOString();
      const clock = new HybridLogicalClock('bench');
      let chain = { seq: 0, link: GENESIS_LINK };
      const logged = (hlc: string, rowId: string, field: string, value: unknown) => {
        const change = { hlc, deviceId: 'bench', author: 'bench', entity: 'system', rowId, field, value, oldValue: null, prevHlc: null, chainSeq: chain.seq + 1 };
        chain = { seq: change.chainSeq, link: linkOf(chain.link, change) };
        log.run(hlc, 'bench', 'bench', 'system', rowId, field, JSON.stringify(value), 'null', null, chain.seq, chain.link);
      };
      db.transaction(() => {
        for (let i = 0; i < WRITES; i++) {
          const s = system(i);
          insert.run(`s${i}`, s.name, s.description, JSON.stringify(s.dependsOn), at, at);
          if (!withLog) continue;
          // Same rows the mutation path logs: one per field, stamped by the same kind of clock, chained the same way.
          const hlc = clock.tick();
          logged(hlc, `s${i}`, 'name', s.name);
          logged(hlc, `s${i}`, 'description', s.description);
          logged(hlc, `s${i}`, 'dependsOn', s.dependsOn);
        }
      })();
    }, dropRaw);
  const rawRows = await raw(false);
  const rawWithLog = await raw(true);

  const api = await medianMs(
    RUNS,
    () => {
      const s = scratch();
      s.store.close();
      return { ...s, session: WorkspaceSession.open(path.join(s.dir, 'bench.releasedesk')) };
    },
    async ({ session }) => {
      for (let i = 0; i < API_WRITES; i++) {
        const result = await session.dispatch('systems.create', { ...system(i), dependsOn: [] });
        if (!result.ok) throw new Error(result.error.message);
      }
    },
    ({ dir, session }) => {
      session.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  return [
    { name: `mutation path: ${WRITES.toLocaleString('en')} inserts, one transaction`, value: mutation.median, unit: 'ms' },
    { name: 'raw prepared statements: domain rows only', value: rawRows.median, unit: 'ms' },
    { name: 'raw prepared statements: domain rows + change-log rows', value: rawWithLog.median, unit: 'ms' },
    { name: 'ratio mutation / raw domain rows only', value: mutation.median / rawRows.median, unit: '×', note: 'target ≤ 2' },
    { name: 'ratio mutation / raw domain + change-log rows', value: mutation.median / rawWithLog.median, unit: '×', note: 'target ≤ 2' },
    { name: `API path: ${API_WRITES.toLocaleString('en')} × dispatch('systems.create')`, value: api.median, unit: 'ms' },
    { name: 'API path: per write (one transaction each)', value: (api.median * 1000) / API_WRITES, unit: 'µs' },
  ];
}
