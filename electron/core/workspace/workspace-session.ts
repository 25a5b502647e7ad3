import type { ApiResult } from '../../contract/api-result';
import type { WorkspaceChange } from '../../contract/change-feed';
import { dispatch } from '../api/dispatch';
import { createHandlerContext, type HandlerContext } from '../api/handler-context';
import type { LiveEvent, LiveStatus, LiveViewer } from '../../contract/live-feed';
import { WorkspaceStore } from '../store/workspace-store';
import { SyncService } from '../sync/sync-service';

/**
 * An open workspace as the shells see it: one store and the API over it. Electron main, the web shell and the CLI
 * each hold one; switching workspace means closing one session and opening another.
 */
export class WorkspaceSession {
  private readonly ctx: HandlerContext;

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

  /** Follows the other devices live from now on (sync/live-sync.ts), for a shell that stays open. */
  goLive(): void {
    SyncService.of(this.store).goLive();
  }

  /** The live feed: status, presence, notifications (contract/live-feed.ts); returns the unsubscribe function. */
  subscribeLive(listener: (event: LiveEvent) => void): () => void {
    return SyncService.of(this.store).onLive(listener);
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
