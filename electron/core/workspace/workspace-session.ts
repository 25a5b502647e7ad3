import type { ApiResult } from '../../contract/api-result';
import type { WorkspaceChange } from '../../contract/change-feed';
import { dispatch } from '../api/dispatch';
import { createHandlerContext, type HandlerContext } from '../api/handler-context';
import type { LiveEvent, LiveStatus, LiveViewer } from '../../contract/live-feed';
import { WorkspaceStore } from '../store/workspace-store';
import { SyncService, syncTargetOf } from '../sync/sync-service';
import type { SyncTarget } from '../../contract/sync-entities';
import { describeChanges } from '../sync/change-words';
import { decideNotifications } from '../domain/sync/live-notifications';
import { currentPersonId, enabledNotifications } from '../sync/notification-settings';
import { receivedHappenings } from '../sync/received-happenings';

/**
 * An open workspace as the shells see it: one store and the API over it. Electron main, the web shell and the CLI
 * each hold one; switching workspace means closing one session and opening another.
 */
export class WorkspaceSession {
  private readonly ctx: HandlerContext;
  private notifying = false;

  private constructor(readonly store: WorkspaceStore) {
    this.ctx = createHandlerContext(store);
  }

  static open(path: string, options?: Parameters<typeof WorkspaceStore.open>[1]): WorkspaceSession {
    return new WorkspaceSession(WorkspaceStore.open(path, options));
  }

  get path(): string {
    return this.store.path;
  }

  /** The change feed: what changed after each committed write (contract/change-feed.ts). */
  subscribe(listener: (change: WorkspaceChange) => void): () => void {
    return this.store.subscribe(listener);
  }

  /**
   * Follows the other devices live from now on (sync/live-sync.ts), for a shell that stays open: through the
   * configured folder or server, or through `target` (one-off, never saved).
   */
  goLive(target?: SyncTarget): void {
    const sync = SyncService.of(this.store);
    if (!this.notifying) {
      this.notifying = true;
      sync.onReceived((changes) => {
        const personId = currentPersonId(this.store);
        const person = personId ? this.store.reader.get('person', personId) : undefined;
        const reader = {
          personId,
          coordinates: Array.isArray(person?.roles) && person.roles.includes('release-coordinator'),
          enabled: new Set(enabledNotifications(this.store, personId)),
        };
        decideNotifications(receivedHappenings(this.ctx, changes), reader).forEach((n) => sync.notify(n));
      });
    }
    sync.goLive(target && syncTargetOf(target));
  }

  /** The live feed: status, presence, notifications (contract/live-feed.ts); returns the unsubscribe function. */
  subscribeLive(listener: (event: LiveEvent) => void): () => void {
    return SyncService.of(this.store).onLive(listener);
  }

  /** What each sync brought from the other devices, one sentence per record ("Amara Okafor halted Security on …"). */
  subscribeReceived(listener: (sentences: string[]) => void): () => void {
    return SyncService.of(this.store).onReceived((changes) => {
      const sentences = describeChanges(this.store, changes);
      if (sentences.length) listener(sentences);
    });
  }

  /** Resolves once a sync started by the live follower has finished. */
  settled(): Promise<void> {
    return SyncService.of(this.store).settled();
  }

  /** The live status and presence now, for a screen that starts listening. */
  liveNow(): { status: LiveStatus; viewers: LiveViewer[] } {
    return SyncService.of(this.store).liveNow();
  }

  dispatch(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    return dispatch(this.ctx, method, rawInput);
  }

  close(): void {
    SyncService.release(this.store);
    this.store.close();
  }
}
