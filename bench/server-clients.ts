import { gzipSync } from 'node:zlib';
import { Forger } from '../test/helpers/forge';

/**
 * Simulated devices for `npm run bench -- server`, in a process of their own (the server's event loop is not the
 * clients'). Input: BENCH_CLIENTS (JSON). Each device pushes its batches back to back on a kept-alive connection and
 * pulls what is new after every `pullEvery` pushes; the process prints its latencies and counts as one JSON line.
 */
interface Plan {
  /** One per device: the node it talks to and its member token. */
  devices: Array<{ url: string; token: string }>;
  batches: number;
  batchSize: number;
  pullEvery: number;
}

const plan = JSON.parse(process.env.BENCH_CLIENTS!) as Plan;
const FIELDS = { name: 'Release', version: '1.0.0', systemIds: ['s1'], environmentIds: ['e1'], windowStart: '2026-12-01T10:00:00.000Z', windowEnd: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', status: 'planned', ownerId: null, description: '' };

// Every body made (signed, gzipped) before the clock starts: the figures are the server's, not the signing's.
const start = Date.now();
const devices = plan.devices.map((d, n) => {
  const forger = new Forger('bench-workspace');
  const bodies: Buffer[] = [];
  for (let b = 0; b < plan.batches; b++) {
    const changes = [];
    for (let i = 0; changes.length < plan.batchSize; i++) {
      const at = new Date(start + b * 1000 + i).toISOString();
      changes.push(...forger.write('release', FIELDS, { rowId: `r-${n}-${b}-${i}`, author: 'p1', at }));
    }
    bodies.push(gzipSync(JSON.stringify({ deviceId: forger.deviceId, changes: changes.slice(0, plan.batchSize) })));
  }
  return { ...d, deviceId: forger.deviceId, bodies };
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

const pushMs: number[] = [];
const pullMs: number[] = [];
let pushed = 0;
let pulled = 0;
let failures = 0;
const post = async (url: string, token: string, route: string, body: Buffer | string, gzip: boolean) => {
  const response = await fetch(`${url}/v1/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip', Authorization: `Bearer ${token}`, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const answer = (await response.json()) as { ok: boolean; value: { accepted: number; cursor: number; changes: unknown[]; more: boolean }; error?: { message: string } };
  if (!answer.ok) throw new Error(`${route} refused: ${answer.error?.message}`);
  return answer.value;
};
await Promise.all(
  devices.map(async (d) => {
    let cursor = 0;
    let upTo = 0;
    for (let b = 0; b < d.bodies.length; b++) {
      try {
        const started = performance.now();
        const result = await post(d.url, d.token, 'push', d.bodies[b], true);
        pushMs.push(performance.now() - started);
        pushed += result.accepted;
        upTo = result.cursor;
        if ((b + 1) % plan.pullEvery === 0) {
          const began = performance.now();
          const page = await post(d.url, d.token, 'pull', JSON.stringify({ since: cursor, limit: 1000, own: { deviceId: d.deviceId, upTo } }), false);
          pullMs.push(performance.now() - began);
          pulled += page.changes.length;
          cursor = page.cursor;
        }
      } catch (error) {
        failures++;
        process.stderr.write(`${(error as Error).message}\n`);
      }
    }
  }),
);
process.stdout.write(`${JSON.stringify({ pushMs, pullMs, pushed, pulled, failures })}\n`);
