import { gzipSync } from 'node:zlib';
import { plainHttpWarning } from '../../contract/plain-http';
import type { WorkspaceStore } from '../store/workspace-store';
import { receiveChanges } from './receive-changes';
import type { Change } from '../changes/change';
import { changeKey } from '../changes/change-key';
import { addReceived } from './sync-report';
import { MAX_PUSH_CHANGES, PROTOCOL_PREFIX, type PullResult, type PushResult, type ServerAnswer, type ServerError } from './server-protocol';
import { emptyReport, yieldToEventLoop, type SyncProgress, type SyncReport } from './sync-report';

export const serverTransportId = (url: string) => `server:${normaliseServerUrl(url)}`;

export function normaliseServerUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** A failure talking to the team server, in words a person can act on. */
export class ServerSyncError extends Error {
  constructor(
    message: string,
    readonly error?: ServerError,
  ) {
    super(message);
    this.name = 'ServerSyncError';
  }
}

/**
 * The team-server transport: push local changes after the published cursor in batches, then pull everything after
 * the server cursor in batches; a device offline for weeks catches up in one sync. Changes the server refuses (a
 * sign-off by someone not empowered) are held here with the server's reason and the push goes on without them.
 */
export async function syncServer(
  store: WorkspaceStore,
  target: { url: string; token: string },
  onProgress: (p: SyncProgress) => void = () => {},
): Promise<SyncReport> {
  const report = emptyReport();
  const url = normaliseServerUrl(target.url);
  const transport = serverTransportId(url);
  const ledger = store.ledger;
  const plainHttp = plainHttpWarning(url);
  if (plainHttp) report.warnings.push(plainHttp);
  // The server's clock is the team's reference: a device that lags behind it follows it, within a bound (see
  // followReferenceClock); a server clock beyond the bound is reported once per sync.
  let clockWarning: string | null = null;
  const post = async <T>(path: string, body: unknown) => {
    const { value, date } = await postJson<T>(url, target.token, path, body);
    const warning = date === null ? null : store.followReferenceClock(date, `The team server at ${url}`);
    if (warning && !clockWarning) report.warnings.push((clockWarning = warning));
    return value;
  };

  // The token is checked before anything is written here (the seal below is a write).
  await post('/whoami', {});
  store.seal();
  await pushRefusedAgain(store, post, report);
  const key = `published:${transport}`;
  // The server cursor after this device's last push: every change it pushed is at or before it.
  const ackKey = `${transport}:pushedUpTo`;
  const total = ledger.waiting(transport);
  for (;;) {
    const batch = ledger.outbox(ledger.getNumber(key), MAX_PUSH_CHANGES);
    if (batch.changes.length === 0) break;
    const pushedUpTo = (await pushBatch(store, post, batch.changes, report)).cursor;
    if (pushedUpTo > ledger.getNumber(ackKey)) ledger.set(ackKey, String(pushedUpTo));
    ledger.set(key, String(batch.lastSeq));
    report.sent += batch.changes.length;
    onProgress({ phase: 'sending', done: report.sent, total });
  }

  for (;;) {
    const since = ledger.peerCursor(transport, 'server');
    const page = await post<PullResult>('/pull', { since, own: { deviceId: store.deviceId, upTo: ledger.getNumber(ackKey) } });
    const result = receiveChanges(store, page.changes, {
      transport,
      afterApply: () => ledger.setPeerCursor(transport, 'server', page.cursor, new Date(store.now()).toISOString()),
    });
    addReceived(report, result);
    const done = report.received + report.duplicates + report.held;
    onProgress({ phase: 'receiving', done, total: done + page.remaining });
    if (!page.more) break;
    await yieldToEventLoop();
  }
  return report;
}

async function pushBatch(
  store: WorkspaceStore,
  post: <T>(path: string, body: unknown) => Promise<T>,
  changes: Change[],
  report: SyncReport,
): Promise<{ cursor: number; refused: Set<string> }> {
  try {
    return { cursor: (await post<PushResult>('/push', { deviceId: store.deviceId, changes })).cursor, refused: new Set() };
  } catch (error) {
    const refused = error instanceof ServerSyncError ? error.error?.refused : undefined;
    if (!refused?.length) throw error;
    const keys = new Set(refused.map(changeKey));
    // Held with the server's reason, then the rest goes: one refused sign-off must not stop a team's sync. A change
    // of this device's own that the server refused stays in its log but counts nowhere (kind `server`).
    const at = new Date(store.now()).toISOString();
    store.held.hold(
      changes.filter((c) => keys.has(changeKey(c))).map((change) => ({ change, kind: 'server' as const, reason: `the team server refused it: ${refused.find((r) => changeKey(r) === changeKey(change))?.reason ?? ''}` })),
      at,
    );
    report.held += refused.length;
    report.warnings.push(...refused.map((r) => `The team server refused a ${r.entity} change: ${r.reason}`));
    const rest = changes.filter((c) => !keys.has(changeKey(c)));
    return { cursor: rest.length ? (await post<PushResult>('/push', { deviceId: store.deviceId, changes: rest })).cursor : 0, refused: keys };
  }
}

/**
 * Changes the server refused before are offered again on every sync: a refusal that depended on what the server held
 * (an enrolment or a role that had not reached it yet) may not stand now. Those refused again stay held, as before.
 */
async function pushRefusedAgain(store: WorkspaceStore, post: <T>(path: string, body: unknown) => Promise<T>, report: SyncReport): Promise<void> {
  const refused = store.held.list(MAX_PUSH_CHANGES).filter((h) => h.kind === 'server').map((h) => h.change);
  if (refused.length === 0) return;
  const before = report.held;
  const still = (await pushBatch(store, post, refused, report)).refused;
  // What the server took now counts here; held again is not new, so the report counts only what this sync held anew.
  store.held.release(refused.filter((c) => !still.has(changeKey(c))));
  report.held = before;
}

/** A kept-alive connection the server closed as it was reused: the request never arrived, so it is sent again. */
const STALE_CONNECTION = new Set(['UND_ERR_SOCKET', 'ECONNRESET']);
/** Node's codes for a TLS certificate it would not accept (SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, ...). */
const UNTRUSTED_CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

export async function postJson<T>(url: string, token: string, path: string, body: unknown): Promise<{ value: T; date: number | null }> {
  let response: Response | undefined;
  const payload = gzipSync(JSON.stringify(body));
  // Push and pull are idempotent (the server recognises a change it holds), so one retry is safe.
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await fetch(`${url}${PROTOCOL_PREFIX}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Accept-Encoding': 'gzip',
          Authorization: `Bearer ${token}`,
        },
        body: payload,
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (attempt === 1 && STALE_CONNECTION.has(cause?.code ?? '')) continue;
      if (UNTRUSTED_CERTIFICATE.test(cause?.code ?? '')) {
        throw new ServerSyncError(
          `The team server at ${url} presented a certificate this device does not trust (${cause?.code}): one for another name, expired, or signed by a private certificate authority this device was not told to trust (NODE_EXTRA_CA_CERTS; see docs/sync.md). Nothing was sent.`,
        );
      }
      throw new ServerSyncError(`Could not reach the team server at ${url} (${cause?.code ?? cause?.message ?? (error as Error).message}).`);
    }
  }
  let answer: ServerAnswer<T>;
  try {
    answer = (await response.json()) as ServerAnswer<T>;
  } catch {
    throw new ServerSyncError(`The team server at ${url} answered ${response.status} with something that is not Release Desk's protocol (is the URL right?).`);
  }
  const date = Date.parse(response.headers.get('date') ?? '');
  if (answer.ok) return { value: answer.value, date: Number.isNaN(date) ? null : date };
  const words =
    answer.error.code === 'unauthorized' ? `The team server refused the token: ${answer.error.message}` : `The team server refused the sync: ${answer.error.message}`;
  throw new ServerSyncError(words, answer.error);
}
