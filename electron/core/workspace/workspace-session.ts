import { API_METHODS, type ApiClient } from '../../contract/api-contract';
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
  private typed: ApiClient | undefined;

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

  /** For callers that take the method from outside (IPC, HTTP, the CLI's `call`): anything may arrive, dispatch checks it. */
  dispatch(method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    return dispatch(this.ctx, method, rawInput);
  }

  /** The API typed by the contract, one function per method, as the renderer's clients offer it. */
  client(): ApiClient {
    // The contract types each method's output, and dispatch checks outputs against it in tests and dev builds.
    this.typed ??= Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => this.dispatch(method, input)])) as ApiClient;
    return this.typed;
  }

  close(): void {
    this.store.close();
  }
}
