import { z } from 'zod';
import { Empty, method } from './define-method';
import { LiveNotification, LiveStatus, LiveViewer } from './live-feed';
import { ConflictId, FolderInspection, SyncConfigureInput, SyncConflict, SyncReport, SyncSettings, SyncStatus, SyncTarget } from './sync-entities';

const NotificationSettings = z.object({ personId: z.string().nullable(), enabled: z.array(LiveNotification.shape.kind) }).strict();

/** Sync (issue 6, docs/sync.md). Spread into `apiContract`. */
export const syncMethods = {
  'sync.status': method(Empty, SyncStatus, 'Where this device syncs to, last synced, changes waiting, errors in words, progress, held changes.'),
  'sync.configure': method(
    SyncConfigureInput,
    SyncSettings,
    'Choose no sync, a shared folder (with its team passphrase or key file when encrypted), or a team server (URL and token); background sync follows the choice.',
  ),
  'sync.inspectFolder': method(
    z.object({ folder: z.string().trim().min(1).max(4000) }).strict(),
    FolderInspection,
    'What a shared folder holds before it is chosen: whether it is encrypted (and whether this device holds its key), and which devices left unencrypted files there.',
  ),
  'sync.now': method(
    z.object({ target: SyncTarget.optional() }).strict(),
    SyncReport,
    'Sync now with the configured folder or server (or a one-off target); waits for a sync already running.',
  ),
  'sync.conflicts': method(
    z.object({ includeResolved: z.boolean().default(false) }).strict(),
    z.array(SyncConflict),
    'Concurrent edits of the same field: the value in effect and the one that lost, who and when; newest first.',
  ),
  'sync.live': method(
    Empty,
    z.object({ status: LiveStatus, viewers: z.array(LiveViewer) }).strict(),
    'Whether this device follows the others live now (live, watching, offline since when, changes waiting), and who else views which runbook.',
  ),
  'sync.notifications': method(
    Empty,
    NotificationSettings,
    'Which moments the person this device acts as is notified of (a halt, their step next, a go/no-go reached, a no-go); all until they choose.',
  ),
  'sync.setNotifications': method(
    z.object({ enabled: z.array(LiveNotification.shape.kind).max(10) }).strict(),
    NotificationSettings,
    'Choose the moments the person this device acts as is notified of; kept on this device for that person.',
  ),
  'sync.setPresence': method(
    z.object({ runbookId: z.string().min(1).max(200).nullable() }).strict(),
    z.object({}).strict(),
    'Tell the team who is viewing which runbook (this device now: a runbook id, or null); sent over the live stream, never stored.',
  ),
  'sync.resolveConflict': method(
    z.object({ id: ConflictId, keep: z.enum(['other', 'current']) }).strict(),
    SyncConflict,
    'Restore the value that lost (a normal edit that syncs like any other), or keep the current one.',
  ),
} as const;
