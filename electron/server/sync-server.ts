import http from 'node:http';
import https from 'node:https';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { z } from 'zod';
import { JsonTooDeepError, parseBoundedJson } from '../core/bounded-json';
import {
  MAX_INFLATED_BYTES,
  MAX_REQUEST_BYTES,
  PROTOCOL_PREFIX,
  PRESENCE_PATH,
  PresenceRequest,
  PullRequest,
  PushRequest,
  STREAM_PATH,
  type ServerError,
} from '../core/sync/server-protocol';
import type { Change } from '../core/changes/change';
import { liveStream } from './live-stream';
import { judgePush } from './push-rules';
import { pullPageBuilder } from './pull-pages';
import type { RequestLogger } from './request-log';
import { ServerMetrics } from './server-metrics';
import type { Member, ServerStore } from './server-store';

export interface RunningSyncServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /**
   * SIGTERM: stop accepting connections, answer /v1/ready with 503 so the load balancer moves on, run the drain hooks
   * (live streams end with a reconnect hint), finish the requests in flight (at most `graceMs`), then close.
   */
  drain(graceMs?: number): Promise<void>;
  /** Called once when draining starts. */
  onDrain(hook: () => void): void;
  metrics: ServerMetrics;
}

/** What a request did, for its log line and the metrics. */
interface Answered {
  member?: string;
  stored?: number;
  sent?: number;
  error?: string;
}

const STATUS: Record<ServerError['code'], number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

class RequestError extends Error {
  constructor(readonly error: ServerError) {
    super(error.message);
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** 32 random bytes: a hash of it cannot be reversed, so a plain SHA-256 (no slow KDF) is enough to store it. */
export const newToken = () => `rdt_${randomBytes(32).toString('base64url')}`;

/**
 * The team server: push and pull of the change log over HTTP, per-member tokens, the rules of push-rules.ts. Every
 * request either does all it asks or, with a JSON error saying why, nothing. It serves no UI and keeps no
 * workspace: it relays the change log, so a PostgreSQL ServerStore can replace SQLite without touching this file.
 */
export async function startSyncServer(options: {
  store: ServerStore;
  port?: number;
  host?: string;
  /** PEM certificate (chain) and private key: HTTPS. Without them, plain HTTP (main.ts allows that on loopback only). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** One line per answered request (main.ts: JSON lines on stdout). */
  log?: RequestLogger;
  /** How often an open live stream hears a heartbeat (tests make it short). */
  heartbeatMs?: number;
}): Promise<RunningSyncServer> {
  const { store } = options;
  const live = liveStream(store, options.heartbeatMs);
  let lastConnectionAt = 0;
  const pullPage = pullPageBuilder(store, () => lastConnectionAt);
  const metrics = new ServerMetrics(store);
  const answered = new WeakMap<http.IncomingMessage, Answered>();
  const drainHooks: Array<() => void> = [];
  let draining = false;
  let inFlight = 0;
  let settled = () => {};
  const listener: http.RequestListener = (req, res) => {
    const started = performance.now();
    const seen: Answered = {};
    answered.set(req, seen);
    inFlight++;
    // A kept-alive connection is closed after this answer: the client's next request goes to another node.
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight--;
      const ms = performance.now() - started;
      // Only served routes are named, so that probing for paths cannot grow the metrics without bound.
      const route = res.statusCode === 404 ? 'other' : new URL(req.url ?? '/', 'http://server').pathname;
      metrics.answered(route, res.statusCode, ms / 1000, seen);
      options.log?.({ time: new Date().toISOString(), method: req.method ?? '', route, status: res.statusCode, ms: Math.round(ms * 10) / 10, member: seen.member, changes: seen.stored ?? seen.sent, error: seen.error });
      if (inFlight === 0) settled();
    });
    handle(req, res)
      .catch((error: unknown) => {
        const known = error instanceof RequestError ? error.error : { code: 'internal' as const, message: `The server failed: ${error instanceof Error ? error.message : String(error)}` };
        seen.error = known.code;
        return send(req, res, STATUS[known.code], { ok: false, error: known });
      })
      .catch(() => res.destroy());
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener) : http.createServer(listener);

  // Longer than a client keeps an idle connection (undici: the server's hint less a second), so a client never
  // reuses a connection the server is closing; sync runs every minute, so reuse across syncs is rare anyway.
  server.on('connection', () => (lastConnectionAt = performance.now()));
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://server');
    if (req.method === 'GET' && url.pathname === `${PROTOCOL_PREFIX}/health`) return send(req, res, 200, { ok: true, value: { service: 'release-desk-sync', protocol: 1 } });
    if (req.method === 'GET' && url.pathname === `${PROTOCOL_PREFIX}/ready`) return ready(req, res);
    if (req.method === 'GET' && url.pathname === '/metrics') return sendMetrics(res);
    const route = url.pathname.startsWith(`${PROTOCOL_PREFIX}/`) ? url.pathname.slice(PROTOCOL_PREFIX.length + 1) : '';
    if (!['push', 'pull', 'whoami', STREAM_PATH.slice(1), PRESENCE_PATH.slice(1)].includes(route)) {
      fail('not_found', `There is nothing at ${url.pathname}: the protocol has ${PROTOCOL_PREFIX}/push, /pull, /whoami, ${STREAM_PATH} and ${PRESENCE_PATH}.`);
    }
    if (`/${route}` === STREAM_PATH) {
      if (req.method !== 'GET') fail('invalid_input', 'The live stream is a GET request.');
      return live.open(req, res, await authenticate(req), url.searchParams.get('device'));
    }
    if (req.method !== 'POST') fail('invalid_input', 'Sync requests are POST requests.');
    const member = await authenticate(req);
    answered.get(req)!.member = member.name;
    const body = await readJson(req);
    if (`/${route}` === PRESENCE_PATH) {
      if (!live.setPresence(member, parse(PresenceRequest, body))) fail('rate_limited', 'Presence is sent too often: at most one update a second.');
      return send(req, res, 200, { ok: true, value: {} });
    }
    if (route === 'whoami') return send(req, res, 200, { ok: true, value: { name: member.name, personId: member.personId, admin: member.admin } });
    if (route === 'pull') {
      const { since, limit, own } = parse(PullRequest, body);
      // The puller's own changes are left out only for a device the server knows to be this member's.
      const mine = own && (await store.device(own.deviceId))?.memberId === member.id ? own : undefined;
      const page = await pullPage(since, limit, mine);
      answered.get(req)!.sent = page.changes;
      return sendJsonText(req, res, 200, page.json);
    }
    const push = parse(PushRequest, body);
    // Judged and stored one push at a time, across every node sharing the store (ServerStore.exclusive says why).
    const result = await store.exclusive(async (store) => {
      const verdict = await judgePush(store, member, push.deviceId, push.changes as Change[], Date.now());
      if (verdict.refused.length) {
        throw new RequestError({
          code: 'forbidden',
          message: `${verdict.refused.length} change${verdict.refused.length === 1 ? ' was' : 's were'} refused; nothing from this push was stored. ${verdict.refused[0].reason}.`,
          refused: verdict.refused,
        });
      }
      const root = verdict.fresh.find((c) => c.entity === 'deviceKey' && c.field === 'action' && c.value === 'root');
      if (root && !(await store.root())) await store.pinRoot(root.deviceId);
      const appended = await store.append(verdict.fresh, member, push.deviceId);
      return { ...appended, duplicates: appended.duplicates + verdict.duplicates };
    });
    answered.get(req)!.stored = result.accepted;
    return send(req, res, 200, { ok: true, value: result });
  }

  async function ready(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const readiness = draining ? { ready: false as const, reason: 'this node is shutting down' } : await store.readiness();
    if (readiness.ready) return send(req, res, 200, { ok: true, value: { ready: true } });
    return send(req, res, 503, { ok: false, error: { code: 'internal', message: `Not ready: ${readiness.reason}.` } });
  }

  async function sendMetrics(res: http.ServerResponse): Promise<void> {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
    res.end(text);
  }

  async function authenticate(req: http.IncomingMessage): Promise<Member> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token) fail('unauthorized', 'A member token is required: Authorization: Bearer <token> (an admin issues one with "release-desk server token add").');
    const member = await store.memberByTokenHash(hashToken(token!));
    if (!member) fail('unauthorized', 'This token is not valid here: it was revoked, mistyped, or issued by another server.');
    return member!;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const close = () =>
    new Promise<void>((resolve) => {
      live.close();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close,
    metrics,
    onDrain: (hook) => void drainHooks.push(hook),
    async drain(graceMs = 25_000) {
      if (draining) return;
      draining = true;
      server.close();
      server.closeIdleConnections();
      live.drain();
      for (const hook of drainHooks) hook();
      const idle = new Promise<void>((resolve) => (settled = resolve));
      if (inFlight > 0) await Promise.race([idle, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      await close();
    },
  };
}

function fail(code: ServerError['code'], message: string): never {
  throw new RequestError({ code, message });
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  fail('invalid_input', `The request is malformed at ${issue.path.join('.') || 'its top level'}: ${issue.message}. Nothing was stored.`);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) fail('invalid_input', 'Sync requests send application/json.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) {
    req.resume();
    fail('too_large', `The request is larger than ${MAX_REQUEST_BYTES} bytes; send fewer changes per push.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) fail('too_large', `The request is larger than ${MAX_REQUEST_BYTES} bytes; send fewer changes per push.`);
    chunks.push(chunk as Buffer);
  }
  let raw = Buffer.concat(chunks);
  const encoding = String(req.headers['content-encoding'] ?? 'identity');
  if (encoding === 'gzip') {
    try {
      raw = gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (error) {
      const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      fail(tooBig ? 'too_large' : 'invalid_input', tooBig ? `The request inflates to more than ${MAX_INFLATED_BYTES} bytes.` : 'The request body is not valid gzip.');
    }
  } else if (encoding !== 'identity') fail('invalid_input', `Content-Encoding ${encoding} is not supported; send gzip or nothing.`);
  try {
    return raw.length ? parseBoundedJson(raw.toString('utf8')) : {};
  } catch (error) {
    fail('invalid_input', error instanceof JsonTooDeepError ? `${error.message} Nothing was stored.` : 'The request body is not valid JSON.');
  }
}

const gzipAsync = promisify(gzip);

function send(req: http.IncomingMessage, res: http.ServerResponse, status: number, payload: unknown): Promise<void> {
  return sendJsonText(req, res, status, JSON.stringify(payload));
}

/** Compressed in libuv's thread pool, not on the event loop: a page is megabytes of JSON. */
async function sendJsonText(req: http.IncomingMessage, res: http.ServerResponse, status: number, json: string): Promise<void> {
  if (res.headersSent) return void res.end();
  const body = Buffer.from(json);
  const compress = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 1024;
  const sent = compress ? await gzipAsync(body) : body;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(sent);
}
