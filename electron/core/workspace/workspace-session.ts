import type { ApiResult } from '../../contract/api-result';
import type { WorkspaceChange } from '../../contract/change-feed';
import { dispatch } from '../api/dispatch';
import { createHandlerContext, type HandlerContext } from '../api/handler-context';
import { WorkspaceStore } from '../store/workspace-store';

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

  dispatch(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    return dispatch(this.ctx, method, rawInput);
  }

  close(): void {
    this.store.close();
  }
}
