import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, JsonTooDeepError, WorkerPool, WorkspaceSession, parseBoundedJson } from '../core';
import { JOB_HEADER, JobId } from '../contract/work-contract';
import type { ApiError } from '../contract/api-result';
import { HTTP_STATUS } from './http-status';
import { notBuiltPage } from './not-built-page';
import { resolveStaticFile } from './static-files';

export interface WebServerOptions {
  dbPath: string;
  staticDir: string;
  host?: string;
  port?: number;
  /** The secret every API request must carry; a random one per run when not given. */
  token?: string;
  /**
   * Long reads on worker threads (issue 17), as `npm run web` does. Off for shells started inside another program (the
   * e2e fixtures): there each worker compiles the core through tsx first, and the first long read waits on it.
   */
  workers?: boolean;
}

export interface RunningWebServer {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server or a Referer. */
  openUrl: string;
  port: number;
  token: string;
  session: WorkspaceSession;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;


/**
 * The local web shell: the same renderer and the same core as the desktop app, over HTTP on loopback. Every API
 * call needs the per-run token, and the Host header must name this server, so neither other local users nor a web
 * page (through DNS rebinding or a cross-site request) can read or write the workspace.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = WorkspaceSession.open(options.dbPath);
  // Long reads run on worker threads, so this server keeps answering during them (issue 17).
  const workers = options.workers ? new WorkerPool() : null;
  if (workers) {
    session.useWorkers(workers);
    workers.warm();
  }
  // The web shell stays open like the desktop app: it follows the others live (a no-op while sync is off).
  session.goLive();
  const expected = Buffer.from(`Bearer ${token}`);
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendJson(res, 500, { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return sendError(res, 421, { code: 'forbidden', message: 'This server answers only to its own address.' });
    }
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, { code: 'invalid_input', message: 'Only GET here.' });
    const found = await resolveStaticFile(options.staticDir, url.pathname);
    if (!found && !path.extname(url.pathname) && !fs.existsSync(path.join(options.staticDir, 'index.html'))) {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' });
      return void res.end(req.method === 'HEAD' ? undefined : notBuiltPage(options.staticDir));
    }
    if (!found) return sendError(res, 404, { code: 'not_found', message: `Nothing at ${url.pathname}.` });
    res.writeHead(200, {
      'Content-Type': found.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': found.file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file).pipe(res);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return sendError(res, 401, { code: 'forbidden', message: 'Missing or wrong token. Open the URL the web shell printed.' });
    }
    if (method === 'events' && req.method === 'GET') return streamChanges(req, res);
    if (method === 'live' && req.method === 'GET') return streamLive(req, res);
    if (req.method !== 'POST') return sendError(res, 405, { code: 'invalid_input', message: 'API calls are POST requests.' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, { code: 'invalid_input', message: 'API calls send application/json.' });
    }
    const body = await readBody(req);
    if (body === null) return sendError(res, 413, { code: 'invalid_input', message: `Request body is larger than ${MAX_BODY_BYTES} bytes.` });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : parseBoundedJson(body);
    } catch (error) {
      return sendError(res, 400, { code: 'invalid_input', message: error instanceof JsonTooDeepError ? error.message : 'Request body is not valid JSON.' });
    }
    const job = JobId.safeParse(req.headers[JOB_HEADER]);
    const result = await session.dispatch(decodeURIComponent(method), input, { jobId: job.success ? job.data : undefined });
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  }

  /**
   * The change feed (contract/change-feed.ts) as a stream of newline-delimited JSON on one long GET, behind the same
   * token (a fetch with a header, not an EventSource, which could only carry the token in the URL). A comment line
   * every 25 s keeps proxies and idle timers from closing it. Progress of long work travels on it too, as
   * `{"progress": …}` lines (contract/work-contract.ts).
   */
  function streamChanges(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.write('\n');
    const unsubscribe = session.subscribe((change) => res.write(`${JSON.stringify(change)}\n`));
    const unfollow = session.onProgress((progress) => res.write(`${JSON.stringify({ progress })}\n`));
    const keepAlive = setInterval(() => res.write('\n'), 25_000);
    keepAlive.unref();
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      unfollow();
    });
  }

  /** The live feed (contract/live-feed.ts) the same way: what holds now first, then every status, presence and notification. */
  function streamLive(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    const now = session.liveNow();
    res.write(`${JSON.stringify({ kind: 'status', status: now.status })}\n${JSON.stringify({ kind: 'presence', viewers: now.viewers })}\n`);
    const unsubscribe = session.subscribeLive((event) => res.write(`${JSON.stringify(event)}\n`));
    const keepAlive = setInterval(() => res.write('\n'), 25_000);
    keepAlive.unref();
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          void (workers?.close() ?? Promise.resolve()).then(() => {
            session.close();
            resolve();
          });
        });
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(payload));
}
