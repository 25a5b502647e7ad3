import { API_METHODS, type ApiClient } from '../../contract/api-contract';
import type { ApiResult } from '../../contract/api-result';
import type { WorkspaceChange } from '../../contract/change-feed';
import { isWorkMethod, type WorkOptions, type WorkProgress } from '../../contract/work-contract';
import { dispatch } from '../api/dispatch';
import { createHandlerContext, type HandlerContext } from '../api/handler-context';
import type { LiveEvent, LiveStatus, LiveViewer } from '../../contract/live-feed';
import { WorkspaceStore } from '../store/workspace-store';
import { WorkerUnavailable, type WorkerPool } from '../workers/worker-pool';
import { SyncService, syncTargetOf } from '../sync/sync-service';
import type { SyncTarget } from '../../contract/sync-entities';
import { describeChanges } from '../sync/change-words';
import { decideNotifications } from '../domain/live-notifications';
import { currentPersonId, enabledNotifications } from '../sync/notification-settings';
import { receivedHappenings } from '../sync/received-happenings';

/**
 * An open workspace as the shells see it: one store and the API over it. Electron main, the web shell and the CLI
 * each hold one; switching workspace means closing one session and opening another.
 *
 * Given a worker pool (`useWorkers`: Electron main and the web shell), long reads (contract/work-contract.ts) run
 * there, so this process keeps answering while they do; the CLI has nothing to keep answering and runs them here.
 */
export class WorkspaceSession {
  private readonly ctx: HandlerContext;
  private workers: WorkerPool | null = null;
  private readonly progressListeners = new Set<(progress: WorkProgress) => void>();
  private jobs = 0;
  private typed: ApiClient | undefined;
  private notifying = false;

  private constructor(readonly store: WorkspaceStore) {
    this.ctx = createHandlerContext(store);
    this.ctx.cancelWork = (jobId) => this.workers?.cancel(jobId) ?? false;
  }

  static open(path: string, options?: Parameters<typeof WorkspaceStore.open>[1]): WorkspaceSession {
    return new WorkspaceSession(WorkspaceStore.open(path, options));
  }

  get path(): string {
    return this.store.path;
  }

  /** Runs long work on `pool` from now on; the shell owns the pool and closes it. */
  useWorkers(pool: WorkerPool): void {
    this.workers = pool;
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

  /** Progress of long calls made with a job id (contract/work-contract.ts). */
  onProgress(listener: (progress: WorkProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** For callers that take the method from outside (IPC, HTTP, the CLI's `call`): anything may arrive, dispatch checks it. */
  async dispatch(method: string, rawInput: unknown, work: WorkOptions = {}): Promise<ApiResult<unknown>> {
    if (!this.workers || !isWorkMethod(method) || this.path === ':memory:') return dispatch(this.ctx, method, rawInput);
    const jobId = work.jobId ?? `session-${++this.jobs}`;
    try {
      const task = { jobId, path: this.path, method, input: rawInput ?? {}, viewerZone: this.ctx.viewerZone() };
      return await this.workers.run(task, (progress) => {
        if (work.jobId) this.progressListeners.forEach((listener) => listener(progress));
      });
    } catch (error) {
      // The worker could not read this file as this device (the writer decides what it is): read it here.
      if (error instanceof WorkerUnavailable) return dispatch(this.ctx, method, rawInput);
      throw error;
    }
  }

  /** The API typed by the contract, one function per method, as the renderer's clients offer it. */
  client(): ApiClient {
    // The contract types each method's output, and dispatch checks outputs against it in tests and dev builds.
    this.typed ??= Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => this.dispatch(method, input)])) as ApiClient;
    return this.typed;
  }

  close(): void {
    SyncService.release(this.store);
    this.store.close();
  }
}
