import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PgServerStore } from '../electron/server/pg-server-store';
import type { ServerStore } from '../electron/server/server-store';
import { SqliteServerStore } from '../electron/server/sqlite-server-store';
import { hashToken, newToken } from '../electron/server/sync-server';
import type { Figure } from './measure';

/**
 * `npm run bench -- server`: the team server under load, as deployed. Each node is a `release-desk server` process;
 * the simulated devices run in two other processes (bench/server-clients.ts), each device on its own kept-alive
 * connection, pushing batches of 100 back to back and pulling what is new after every other push. SQLite (one node)
 * and PostgreSQL (one node, two nodes) side by side, at 50 and 200 devices. PostgreSQL comes from
 * RELEASE_DESK_BENCH_PG or RELEASE_DESK_TEST_PG; without either its rows are left out, saying so.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PG_URL = process.env.RELEASE_DESK_BENCH_PG ?? process.env.RELEASE_DESK_TEST_PG;
const CLIENT_PROCESSES = 2;
const BATCH = 100;

interface Scenario {
  store: 'sqlite' | 'postgres';
  nodes: number;
  devices: number;
  batches: number;
}

export async function benchServerNodes(): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const sizes = (process.env.RELEASE_DESK_BENCH_DEVICES ?? '50,200').split(',').map(Number);
  for (const devices of sizes) {
    const batches = devices >= 200 ? 5 : 10;
    for (const [store, nodes] of [['sqlite', 1], ['postgres', 1], ['postgres', 2]] as const) {
      if (store === 'postgres' && !PG_URL) continue;
      const run = await runScenario({ store, nodes, devices, batches });
      const label = `${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${nodes} node${nodes > 1 ? 's' : ''}, ${devices} devices`;
      figures.push(
        { name: `${label}: changes/s`, value: run.changesPerSecond, unit: 'changes/s', note: `${run.pushes} pushes of ${BATCH}` },
        { name: `${label}: push p50`, value: run.pushP50, unit: 'ms' },
        { name: `${label}: push p99`, value: run.pushP99, unit: 'ms' },
        { name: `${label}: pull p99`, value: run.pullP99, unit: 'ms', note: `${run.pulls} pulls of up to 1,000` },
        { name: `${label}: longest event-loop block`, value: Math.max(...run.blocks), unit: 'ms', note: `per node: ${run.blocks.map((b) => b.toFixed(0)).join(', ')} ms` },
        { name: `${label}: stored / sent`, value: run.stored / run.sent, unit: '×', note: run.stored === run.sent && run.failures === 0 ? 'nothing lost' : `LOST ${run.sent - run.stored}, ${run.failures} failed requests` },
      );
    }
  }
  if (!PG_URL) notes.push('PostgreSQL left out: set RELEASE_DESK_BENCH_PG (or RELEASE_DESK_TEST_PG) to a database URL');
  notes.push(`clients in ${CLIENT_PROCESSES} processes of their own; every node a server process; ${os.cpus().length} cores shared by all`);
  return { figures, notes };
}

async function runScenario(s: Scenario) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-server-'));
  const schema = `rd_bench_${randomBytes(4).toString('hex')}`;
  const pgUrl = PG_URL ? withSchema(PG_URL, schema) : '';
  const storeArgs = s.store === 'sqlite' ? ['--data', dir] : ['--store', pgUrl];
  const children: ChildProcess[] = [];
  try {
    const store: ServerStore = s.store === 'sqlite' ? new SqliteServerStore(dir) : await PgServerStore.open(pgUrl);
    const tokens: string[] = [];
    for (let i = 0; i < s.devices; i++) {
      tokens.push(newToken());
      await store.addMember({ id: `m${i}`, name: `member ${i}`, personId: 'p1', admin: false }, hashToken(tokens[i]));
    }
    await store.close();

    const urls: string[] = [];
    for (let n = 0; n < s.nodes; n++) {
      const node = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'electron/server/main.ts'), '--port', '0', '--log', 'none', ...storeArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(node);
      urls.push(await line(node, /team server on (\S+)/));
    }
    const perProcess = Math.ceil(s.devices / CLIENT_PROCESSES);
    const clients = Array.from({ length: CLIENT_PROCESSES }, (_, p) => {
      const devices = tokens.slice(p * perProcess, (p + 1) * perProcess).map((token, i) => ({ token, url: urls[(p * perProcess + i) % urls.length] }));
      const env = { ...process.env, BENCH_CLIENTS: JSON.stringify({ devices, batches: s.batches, batchSize: BATCH, pullEvery: 2 }) };
      const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'bench/server-clients.ts')], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      return child;
    });
    await Promise.all(clients.map((c) => line(c, /^ready$/m)));
    await Promise.all(urls.map(longestBlockMs)); // resets each node's maximum: what follows is the load alone

    const started = performance.now();
    const results = clients.map((c) => line(c, /^(\{.*\})$/m));
    for (const c of clients) c.stdin!.write('go\n');
    const outcomes = (await Promise.all(results)).map((text) => JSON.parse(text) as { pushMs: number[]; pullMs: number[]; pushed: number; failures: number });
    const seconds = (performance.now() - started) / 1000;
    const blocks = await Promise.all(urls.map(longestBlockMs));

    const pushMs = outcomes.flatMap((o) => o.pushMs).sort((a, b) => a - b);
    const pullMs = outcomes.flatMap((o) => o.pullMs).sort((a, b) => a - b);
    const sent = s.devices * s.batches * BATCH;
    return {
      changesPerSecond: sent / seconds,
      pushes: pushMs.length,
      pulls: pullMs.length,
      pushP50: quantile(pushMs, 0.5),
      pushP99: quantile(pushMs, 0.99),
      pullP99: quantile(pullMs, 0.99),
      blocks,
      sent,
      stored: await countStored(s.store, dir, schema),
      failures: outcomes.reduce((n, o) => n + o.failures, 0),
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    if (s.store === 'postgres') await sql(PG_URL!, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

/** The node's longest event-loop delay since the last time it was asked (prom-client resets it on each scrape). */
async function longestBlockMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^release_desk_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000;
}

async function countStored(store: 'sqlite' | 'postgres', dir: string, schema: string): Promise<number> {
  if (store === 'sqlite') {
    const db = new Database(path.join(dir, 'server.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    } finally {
      db.close();
    }
  }
  return Number((await sql(PG_URL!, `SELECT count(*) AS n FROM "${schema}".changes`))[0].n);
}

async function sql(url: string, text: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : NaN;
}

/** The first match of `pattern` in the child's stdout (its first group, else the match). */
function line(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const found = pattern.exec(out);
      if (found) {
        child.stdout!.off('data', onData);
        resolve(found[1] ?? found[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`a bench process ended (${code}) before printing ${pattern}: ${out.slice(-500)}`)));
  });
}
