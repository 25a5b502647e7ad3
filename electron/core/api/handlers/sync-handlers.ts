import { invalidInput } from '../../../contract/api-result';
import { currentPersonId, enabledNotifications, setEnabledNotifications } from '../../sync/notification-settings';
import { secretOf } from '../../sync/folder-settings';
import { SyncService, syncTargetOf } from '../../sync/sync-service';
import { listConflicts, openConflictCount, resolveConflict } from '../../sync/sync-conflicts';
import type { HandlerMap } from '../handler-context';

export const syncHandlers = {
  'sync.status': (ctx) => SyncService.of(ctx.store).status(),
  'sync.configure': (ctx, input) => SyncService.of(ctx.store).configure(input),
  'sync.inspectFolder': (ctx, { folder }) => SyncService.of(ctx.store).inspectFolder(folder),
  'sync.now': async (ctx, { target }) => {
    const report = await SyncService.of(ctx.store).now(target && syncTargetOf(target));
    return { ...report, openConflicts: openConflictCount(ctx.store), finishedAt: new Date().toISOString() };
  },
  'sync.conflicts': (ctx, { includeResolved }) => listConflicts(ctx.store, includeResolved),
  'sync.live': (ctx) => SyncService.of(ctx.store).liveNow(),
  'sync.notifications': (ctx) => {
    const personId = currentPersonId(ctx.store);
    return { personId, enabled: enabledNotifications(ctx.store, personId) };
  },
  'sync.setNotifications': (ctx, { enabled }) => {
    const personId = currentPersonId(ctx.store);
    if (!personId) throw invalidInput('enabled', 'Choose yourself in “You are” first: notifications are set per person.');
    setEnabledNotifications(ctx.store, personId, enabled);
    return { personId, enabled: enabledNotifications(ctx.store, personId) };
  },
  'sync.setPresence': (ctx, { runbookId }) => {
    SyncService.of(ctx.store).setPresence(runbookId);
    return {};
  },
  'sync.resolveConflict': (ctx, { id, keep }) => resolveConflict(ctx.store, ctx.author(), id, keep),
} satisfies HandlerMap<'sync.status' | 'sync.configure' | 'sync.inspectFolder' | 'sync.now' | 'sync.conflicts' | 'sync.live' | 'sync.notifications' | 'sync.setNotifications' | 'sync.setPresence' | 'sync.resolveConflict'>;
