import type http from 'node:http';
import { DEVICE_ID_PATTERN } from '../core/changes/change';
import { HEARTBEAT_SECONDS, type PresenceRequest, type PresenceViewer } from '../core/sync/server-protocol';
import type { Member, ServerStore } from './server-store';

/** Presence updates a member may send: a burst of `PRESENCE_BURST`, then one per `PRESENCE_REFILL_MS`. */
const PRESENCE_BURST = 10;
const PRESENCE_REFILL_MS = 1000;

interface Stream {
  member: Member;
  deviceId: string;
  res: http.ServerResponse;
}

export interface LiveStream {
  /** Holds the response open as a server-sent event stream until the client goes. */
  open(req: http.IncomingMessage, res: http.ServerResponse, member: Member, deviceId: string | null): void;
  /** Sets what one of the member's devices is viewing; false when the member sends faster than allowed. */
  setPresence(member: Member, request: PresenceRequest): boolean;
  /** A node shutting down: each stream is told to come back (to another node) in about a second, then ended. */
  drain(): void;
  close(): void;
}

/**
 * The live half of the team server: every open stream hears of new changes the moment the store says they are stored
 * (`ServerStore.watch`, which a PostgreSQL store feeds from other server nodes too), never by polling. Presence lives
 * only here, in memory: what a device views is forgotten when its last stream closes, and a restart forgets it all
 * (clients send it again when they reconnect).
 */
export function liveStream(store: ServerStore, heartbeatMs = HEARTBEAT_SECONDS * 1000): LiveStream {
  const streams = new Set<Stream>();
  const viewing = new Map<string, PresenceViewer>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const presenceKey = (memberId: string, deviceId: string) => `${memberId}\u0000${deviceId}`;

  const write = (stream: Stream, text: string) => {
    // A client that stopped reading is not waited for: its socket's buffer fills and it is dropped.
    if (stream.res.writableLength > 1024 * 1024) return void stream.res.destroy();
    stream.res.write(text);
  };
  const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const broadcast = (text: string) => streams.forEach((s) => write(s, text));
  const presenceEvent = () => event('presence', { viewers: [...viewing.values()] });

  const unwatch = store.watch((cursor) => broadcast(event('changes', { cursor })));
  const heartbeat = setInterval(() => broadcast(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();

  return {
    open(req, res, member, deviceId) {
      const device = deviceId && DEVICE_ID_PATTERN.test(deviceId) ? deviceId : '-';
      const stream: Stream = { member, deviceId: device, res };
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
      res.socket?.setNoDelay(true);
      streams.add(stream);
      // Cursor 0 on connecting: "pull from where you are", the resume after a drop, a sleep or a restart.
      write(stream, event('changes', { cursor: 0 }) + presenceEvent());
      req.on('close', () => {
        streams.delete(stream);
        const key = presenceKey(member.id, device);
        if (viewing.has(key) && ![...streams].some((s) => s.member.id === member.id && s.deviceId === device)) {
          viewing.delete(key);
          broadcast(presenceEvent());
        }
      });
    },
    setPresence(member, { deviceId, runbookId }) {
      const now = performance.now();
      const bucket = buckets.get(member.id) ?? { tokens: PRESENCE_BURST, at: now };
      bucket.tokens = Math.min(PRESENCE_BURST, bucket.tokens + (now - bucket.at) / PRESENCE_REFILL_MS);
      bucket.at = now;
      buckets.set(member.id, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      const key = presenceKey(member.id, deviceId);
      const before = viewing.get(key)?.runbookId ?? null;
      if (runbookId) viewing.set(key, { deviceId, personId: member.personId, name: member.name, runbookId });
      else viewing.delete(key);
      if (before !== runbookId) broadcast(presenceEvent());
      return true;
    },
    drain() {
      streams.forEach((s) => s.res.end(`retry: 1000\n${event('draining', { reconnectAfterMs: 1000 })}`));
      streams.clear();
    },
    close() {
      unwatch();
      clearInterval(heartbeat);
      streams.forEach((s) => s.res.end());
      streams.clear();
    },
  };
}
