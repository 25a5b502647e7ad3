import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createParser } from 'eventsource-parser';
import { WorkspaceSession } from '../electron/core';
import { SqliteServerStore } from '../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../electron/server/sync-server';
import type { Figure } from './measure';

/**
 * Live propagation (issue 15): from a step completion committed on device A to the record applied on device B, with
 * both following live (server stream, or a watched folder) and no sync pressed. One completion at a time, so each
 * latency is the path alone. RELEASE_DESK_BENCH_LIVE_N sets the completions through the server (default 1,000),
 * RELEASE_DESK_BENCH_LIVE_FOLDER_N through a folder (default 100: each takes about a second).
 */
const SERVER_N = Number(process.env.RELEASE_DESK_BENCH_LIVE_N ?? 1000);
const FOLDER_N = Number(process.env.RELEASE_DESK_BENCH_LIVE_FOLDER_N ?? 100);
const OTHER_CLIENTS = 50;

async function value<T = { id: string }>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('bench: not within time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A runbook of `n` independent steps on A, whose lead (enrolled on A) records them; its window is open now. */
async function weekend(a: WorkspaceSession, n: number) {
  const lead = await value(a.dispatch('people.create', { name: 'Ada Lead', roles: ['release-coordinator'] }));
  await value(a.dispatch('keys.enrol', { deviceId: a.store.deviceId, personId: lead.id }));
  const system = await value(a.dispatch('systems.create', { name: 'Payments API' }));
  const env = await value(a.dispatch('environments.create', { name: 'Production', isProduction: true }));
  const release = await value(
    a.dispatch('releases.create', {
      name: 'Payments API', version: '3.0.2', systemIds: [system.id], environmentIds: [env.id],
      windowStart: new Date(Date.now() - 30 * 60_000).toISOString(), windowEnd: new Date(Date.now() + 6 * 3_600_000).toISOString(), timeZone: 'Europe/Berlin',
    }),
  );
  const runbook = await value(a.dispatch('runbooks.create', { name: 'Cutover', releaseId: release.id }));
  const steps: string[] = [];
  for (let i = 0; i < n; i++) steps.push((await value(a.dispatch('runbookSteps.create', { runbookId: runbook.id, title: `Step ${i + 1}`, durationMinutes: 1 }))).id);
  await value(a.dispatch('workspace.setCurrentPerson', { personId: lead.id }));
  return { leadId: lead.id, steps };
}

/** Completes each step on A and times until B holds the record. */
async function propagate(a: WorkspaceSession, b: WorkspaceSession, steps: string[]): Promise<number[]> {
  const latencies: number[] = [];
  for (const stepId of steps) {
    const started = await value(a.dispatch('runbookExecution.record', { stepId, action: 'start' }));
    await until(() => b.store.reader.get('stepExecution', started.id) !== undefined);
    const t0 = performance.now();
    const done = await value(a.dispatch('runbookExecution.record', { stepId, action: 'complete' }));
    await until(() => b.store.reader.get('stepExecution', done.id) !== undefined);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/** Another member's device as the server sees it: its live stream open, and a pull after every announcement. */
async function otherClient(url: string, token: string, stop: AbortSignal): Promise<void> {
  let cursor = 0;
  const pull = async () => {
    const response = await fetch(`${url}/v1/pull`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ since: cursor }) });
    const answer = (await response.json()) as { ok: boolean; value?: { cursor: number } };
    if (answer.value) cursor = answer.value.cursor;
  };
  const response = await fetch(`${url}/v1/stream?device=bench-${token.slice(-8).replace(/[^A-Za-z0-9]/g, 'x')}`, { headers: { Authorization: `Bearer ${token}` }, signal: stop });
  const parser = createParser({ onEvent: (e) => void (e.event === 'changes' ? pull().catch(() => {}) : undefined) });
  const decoder = new TextDecoder();
  try {
    for await (const chunk of response.body!) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
  } catch {
    // Stopped.
  }
}

const figuresOf = (label: string, latencies: number[], note: string): Figure[] => [
  { name: `${label}: p50`, value: percentile(latencies, 50), unit: 'ms', note },
  { name: `${label}: p99`, value: percentile(latencies, 99), unit: 'ms', note },
];

async function throughServer(n: number, others: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-live-'));
  const store = new SqliteServerStore(path.join(dir, 'server'));
  const server = await startSyncServer({ store });
  const a = WorkspaceSession.open(path.join(dir, 'a.releasedesk'));
  const b = WorkspaceSession.open(path.join(dir, 'b.releasedesk'));
  const stop = new AbortController();
  try {
    const { leadId, steps } = await weekend(a, n);
    const token = async (name: string, admin = false) => {
      const secret = newToken();
      await store.addMember({ id: name, name, personId: leadId, admin }, hashToken(secret));
      return secret;
    };
    await value(a.dispatch('sync.configure', { mode: 'server', serverUrl: server.url, token: await token('a', true) }));
    await value(b.dispatch('sync.configure', { mode: 'server', serverUrl: server.url, token: await token('b') }));
    await value(a.dispatch('sync.now', {}));
    await value(b.dispatch('sync.now', {}));
    for (let i = 0; i < others; i++) void otherClient(server.url, await token(`other-${i}`), stop.signal);
    a.goLive();
    b.goLive();
    await until(() => a.liveNow().status.state === 'live' && b.liveNow().status.state === 'live');
    return await propagate(a, b, steps);
  } finally {
    stop.abort();
    a.close();
    b.close();
    await server.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function throughFolder(n: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-live-folder-'));
  const folder = path.join(dir, 'shared');
  fs.mkdirSync(folder);
  const a = WorkspaceSession.open(path.join(dir, 'a.releasedesk'));
  const b = WorkspaceSession.open(path.join(dir, 'b.releasedesk'));
  try {
    const { steps } = await weekend(a, n);
    await value(a.dispatch('sync.configure', { mode: 'folder', folder }));
    await value(b.dispatch('sync.configure', { mode: 'folder', folder }));
    a.goLive();
    b.goLive();
    await until(() => b.store.reader.get('runbookStep', steps[0]) !== undefined);
    return await propagate(a, b, steps);
  } finally {
    a.close();
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLivePropagation(): Promise<Figure[]> {
  const alone = await throughServer(SERVER_N, 0);
  const crowded = await throughServer(SERVER_N, OTHER_CLIENTS);
  const folder = await throughFolder(FOLDER_N);
  return [
    ...figuresOf('Commit on A → applied on B, team server', alone, `${alone.length} step completions, loopback; target p99 < 1000 ms`),
    ...figuresOf(`… with ${OTHER_CLIENTS} other clients live`, crowded, `${crowded.length} step completions; each other client pulls on every announcement`),
    ...figuresOf('… through a watched shared folder', folder, `${folder.length} step completions; local commits batched over 1 s`),
  ];
}
