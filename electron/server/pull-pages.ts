import pLimit from 'p-limit';
import { yieldToEventLoop } from '../core/sync/sync-report';
import type { ServerStore } from './server-store';

/**
 * Pull pages built so that a crowd of large pulls never keeps the server from answering anything else. A page of
 * 10,000 changes costs SQLite and JSON about 100 ms of the one event loop; a hundred devices pulling at once used to
 * keep `/v1/health` (and every push) waiting ten seconds. And libuv accepts one new connection per turn of the event
 * loop, so a request arriving behind a hundred others waits a hundred turns: the turns must be short.
 *
 * So one page is built at a time (the others wait their turn, in order), in slices of about a millisecond each with a
 * turn of the event loop between them; the slice size follows how long the last slice took, so a slow disk or a busy
 * machine gets smaller slices. While connections are still arriving (a turn accepted one), slices wait, up to a
 * bound, so that a burst of a hundred connections is accepted in a hundred short turns. Gzip runs in libuv's thread
 * pool (sync-server.ts).
 *
 * Slicing keeps the protocol exact: the change log is append-only, so rows at or before a slice's cursor never change,
 * and each slice continues from the cursor of the one before; the last slice's cursor, `more` and `remaining` are the
 * page's. Changes pushed between two slices are simply included, as if the pull had come a moment later.
 */
const PAGE_BUILDS_AT_ONCE = 1;
const SLICE_TARGET_MS = 1;
const MIN_SLICE = 20;
const MAX_SLICE = 2000;
/** A slice waits while the last connection arrived less than this long ago... */
const QUIET_MS = 2;
/** ...but never longer than this, so that a steady stream of connections cannot starve the pulls. */
const MAX_WAIT_MS = 50;

export type PageBuilder = (since: number, limit: number, own?: { deviceId: string; upTo: number }) => Promise<{ json: string; changes: number }>;

/**
 * Returns the JSON text of `{ ok: true, value: PullResult }` for a pull, and how many changes it holds. `lastConnectionAt`: performance.now() of the
 * newest connection the server accepted.
 */
export function pullPageBuilder(store: ServerStore, lastConnectionAt: () => number): PageBuilder {
  const gate = pLimit(PAGE_BUILDS_AT_ONCE);
  let slice = 100;
  const letConnectionsIn = async () => {
    const until = performance.now() + MAX_WAIT_MS;
    while (performance.now() - lastConnectionAt() < QUIET_MS && performance.now() < until) await yieldToEventLoop();
  };
  const build = async (since: number, limit: number, own?: { deviceId: string; upTo: number }) => {
    const parts: string[] = [];
    let count = 0;
    let cursor = since;
    for (;;) {
      await letConnectionsIn();
      const started = performance.now();
      const page = await store.pull(cursor, Math.min(slice, limit - count), own);
      if (page.changes.length) parts.push(page.changes.map((c) => JSON.stringify(c)).join(','));
      const took = performance.now() - started;
      if (page.changes.length >= slice) slice = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, (slice * SLICE_TARGET_MS) / Math.max(took, 0.05))));
      count += page.changes.length;
      cursor = page.cursor;
      if (!page.more || count >= limit) {
        const json = `{"ok":true,"value":{"changes":[${parts.join(',')}],"cursor":${page.cursor},"more":${page.more},"remaining":${page.remaining}}}`;
        return { json, changes: count };
      }
      await yieldToEventLoop();
    }
  };
  return (since, limit, own) => gate(() => build(since, limit, own));
}
