import { z } from 'zod';

/**
 * How this device follows the others right now: `live` (the team server's stream is open), `watching` (a shared
 * folder is watched), `connecting`, `offline` (since when, in ISO time), or `off` (sync is off).
 */
export const LiveStatus = z
  .object({
    state: z.enum(['off', 'connecting', 'live', 'watching', 'offline']),
    /** When the device went offline (state `offline`), else null. */
    offlineSince: z.string().nullable(),
    /** Local changes not yet sent. */
    waiting: z.number().int().min(0),
    /** Why it is offline, in words. */
    reason: z.string().max(500).nullable(),
  })
  .strict();
export type LiveStatus = z.infer<typeof LiveStatus>;

/** Someone else viewing a runbook now (sent over the team server's stream, never stored). */
export const LiveViewer = z.object({ personId: z.string().max(200), name: z.string().max(200), runbookId: z.string().max(200) }).strict();
export type LiveViewer = z.infer<typeof LiveViewer>;

/** A moment a release manager must not miss, decided in the core; the shells only show it. */
export const LiveNotification = z
  .object({
    kind: z.enum(['halt', 'your-step-next', 'checkpoint', 'no-go']),
    title: z.string().max(200),
    body: z.string().max(1000),
  })
  .strict();
export type LiveNotification = z.infer<typeof LiveNotification>;

/**
 * The live feed, main → renderer: status changes, presence, notifications. Electron main forwards it on one IPC
 * event channel; the web shell streams it (`GET /api/live`, newline-delimited JSON, same token).
 */
export const LiveEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: LiveStatus }).strict(),
  z.object({ kind: z.literal('presence'), viewers: z.array(LiveViewer).max(1000) }).strict(),
  z.object({ kind: z.literal('notification'), notification: LiveNotification }).strict(),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const LIVE_CHANNEL = 'release-desk:live';
