import { parentPort } from 'node:worker_threads';
import { dispatch } from '../api/dispatch';
import { createHandlerContext, type HandlerContext } from '../api/handler-context';
import { WorkspaceStore } from '../store/workspace-store';
import type { WorkReply, WorkTask } from './work-messages';

/**
 * One worker thread of the pool (worker-pool.ts): it keeps the workspace open read-only between tasks and runs each
 * through the same dispatch as the main thread, reporting progress as the handler gives it.
 */
let open: { path: string; store: WorkspaceStore; ctx: HandlerContext; seen: number } | null = null;

function reply(message: WorkReply): void {
  parentPort!.postMessage(message);
}

function contextFor(task: WorkTask): HandlerContext {
  // The main thread writes; the store's in-memory views (who may sign, caches) are built when it opens, so a file
  // written since is opened again rather than read through stale views.
  if (open?.path !== task.path || open.store.otherWrites() !== open.seen) {
    open?.store.close();
    open = null;
    const store = WorkspaceStore.open(task.path, { readOnly: true });
    open = { path: task.path, store, ctx: createHandlerContext(store), seen: store.otherWrites() };
  }
  return open.ctx;
}

parentPort!.on('message', async (task: WorkTask) => {
  let ctx: HandlerContext;
  try {
    ctx = contextFor(task);
  } catch (error) {
    return reply({ type: 'unavailable', jobId: task.jobId, message: error instanceof Error ? error.message : String(error) });
  }
  ctx.setViewerZone(task.viewerZone);
  ctx.progress = (done, total) => reply({ type: 'progress', jobId: task.jobId, done, total });
  const result = await dispatch(ctx, task.method, task.input);
  ctx.progress = () => {};
  // A read that turned out to write (a cache, a first-time default) belongs on the main thread's mutation path.
  if (!result.ok && result.error.code === 'internal' && /readonly database/i.test(result.error.message)) {
    return reply({ type: 'unavailable', jobId: task.jobId, message: result.error.message });
  }
  reply({ type: 'result', jobId: task.jobId, result });
});
