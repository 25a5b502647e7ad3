import type { ApiResult } from '../../contract/api-result';

/** What the main thread posts to a workspace worker: one call, as the session received it. */
export interface WorkTask {
  jobId: string;
  /** The workspace file; the worker opens it read-only. */
  path: string;
  method: string;
  input: unknown;
  /** The session's reader zone (HandlerContext.viewerZone), so sentences read as they would on the main thread. */
  viewerZone: string;
}

export type WorkReply =
  | { type: 'progress'; jobId: string; done: number; total: number }
  | { type: 'result'; jobId: string; result: ApiResult<unknown> }
  /** The worker could not open the workspace (another device's copy, an older schema): the session runs it. */
  | { type: 'unavailable'; jobId: string; message: string };
