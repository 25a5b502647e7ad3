import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceSession } from '../electron/core';
import { HybridLogicalClock } from '../electron/core/store/hlc';
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

const person = (i: number) => ({ name: `Person ${i}`, email: `person${i}@example.com`, roles: ['engineer'] });

/**
 * The price of the one mutation path (change log, clock, statement cache) over the cheapest possible insert of the
 * same rows: both in one transaction on the same schema, so the ratio is the path's own overhead.
 */
export async function benchWritePath(): Promise<Figure[]> {
  const mutation = await medianMs(RUNS, scratch, ({ store }) =>
    store.mutate('bench', (w) => {
      for (let i = 0; i < WRITES; i++) w.insert('person', `p${i}`, person(i));
    }),
  drop);

  const raw = (withLog: boolean) =>
    medianMs(RUNS, scratch, ({ store }) => {
      const insert = store.db.prepare('INSERT INTO people (id, name, email, roles, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      const log = store.db.prepare('INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const at = new Date().toISOString();
      const clock = new HybridLogicalClock('bench');
      store.db.transaction(() => {
        for (let i = 0; i < WRITES; i++) {
          const p = person(i);
          insert.run(`p${i}`, p.name, p.email, JSON.stringify(p.roles), at, at);
          if (!withLog) continue;
          // Same rows the mutation path logs: one per field, stamped by the same kind of clock.
          const hlc = clock.tick();
          log.run(hlc, 'bench', 'bench', 'person', `p${i}`, 'name', JSON.stringify(p.name), 'null');
          log.run(hlc, 'bench', 'bench', 'person', `p${i}`, 'email', JSON.stringify(p.email), 'null');
          log.run(hlc, 'bench', 'bench', 'person', `p${i}`, 'roles', JSON.stringify(p.roles), 'null');
        }
      })();
    }, drop);
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
        const result = await session.dispatch('people.create', person(i));
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
    { name: `API path: ${API_WRITES.toLocaleString('en')} × dispatch('people.create')`, value: api.median, unit: 'ms' },
    { name: 'API path: per write (one transaction each)', value: (api.median * 1000) / API_WRITES, unit: 'µs' },
  ];
}
