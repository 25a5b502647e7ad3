import { z } from 'zod';
import { ChangeSchema, DEVICE_ID_PATTERN, type Change } from '../changes/change';

/**
 * The team server's protocol (docs/sync.md), shared by the client here and the server in electron/server.
 * Every request is a POST of JSON, optionally gzip-compressed (Content-Encoding: gzip), with
 * `Authorization: Bearer <member token>`. Every answer is `{ ok: true, value }` or `{ ok: false, error }`.
 */
export const PROTOCOL_PREFIX = '/v1';
export const MAX_PUSH_CHANGES = 5000;
export const MAX_PULL_CHANGES = 10000;
/** Request bodies, as sent (compressed) and once decompressed. */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export const PushRequest = z
  .object({ deviceId: z.string().regex(DEVICE_ID_PATTERN), changes: z.array(ChangeSchema).max(MAX_PUSH_CHANGES) })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * `own`: the pulling device and the server cursor its last push returned. Its changes up to there are left out of
 * the answer, since it has them (the cursor still passes them). Bounded by what it pushed rather than all its
 * changes, so a workspace file restored from an older copy gets its own later changes back.
 */
export const PullRequest = z
  .object({
    since: z.number().int().min(0),
    limit: z.number().int().min(1).max(MAX_PULL_CHANGES).default(MAX_PULL_CHANGES),
    own: z.object({ deviceId: z.string().regex(DEVICE_ID_PATTERN), upTo: z.number().int().min(0) }).strict().optional(),
  })
  .strict();

export interface PushResult {
  accepted: number;
  duplicates: number;
  cursor: number;
}

export interface PullResult {
  changes: Change[];
  /** The server's sequence number to pull after next time: past the last change returned and past the device's own. */
  cursor: number;
  more: boolean;
  /** Changes for this device still after this page, for the progress bar. */
  remaining: number;
}

/** A change the server would not take, and why (a sign-off by someone not empowered, ...), and the hold kind. */
export interface RefusedChange {
  entity: string;
  rowId: string;
  field: string;
  hlc: string;
  reason: string;
}

export interface ServerError {
  code: 'invalid_input' | 'forbidden' | 'unauthorized' | 'too_large' | 'not_found' | 'rate_limited' | 'internal';
  message: string;
  refused?: RefusedChange[];
}

export type ServerAnswer<T> = { ok: true; value: T } | { ok: false; error: ServerError };

/**
 * The live stream (`GET /v1/stream?device=<id>`, server-sent events, same token): `changes` with the server's newest
 * cursor as soon as changes are stored (and once on connecting, so a client pulls what it missed while away);
 * `presence` with who is viewing which runbook now. A comment line every `HEARTBEAT_SECONDS` keeps it open through
 * proxies and tells the client the server is there.
 */
export const HEARTBEAT_SECONDS = 20;
export const STREAM_PATH = '/stream';
export const PRESENCE_PATH = '/presence';

export const StreamChanges = z.object({ cursor: z.number().int().min(0) }).strict();

export const PresenceViewer = z
  .object({
    deviceId: z.string().regex(DEVICE_ID_PATTERN),
    personId: z.string().max(200),
    name: z.string().max(200),
    runbookId: z.string().max(200),
  })
  .strict();
export type PresenceViewer = z.infer<typeof PresenceViewer>;
export const StreamPresence = z.object({ viewers: z.array(PresenceViewer).max(1000) }).strict();

/** What one device is looking at now (a runbook, or nothing); never stored, forgotten when its stream closes. */
export const PresenceRequest = z
  .object({ deviceId: z.string().regex(DEVICE_ID_PATTERN), runbookId: z.string().min(1).max(200).nullable() })
  .strict();
export type PresenceRequest = z.infer<typeof PresenceRequest>;
