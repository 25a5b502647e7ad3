import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { API_METHODS, JobId, ipcChannel, type ApiMethod, type ApiResult } from '../contract';
import type { WorkspaceSession } from '../core';

export interface IpcBridgeOptions {
  /** The workspace open now; it changes when the user switches workspace. */
  session(): WorkspaceSession;
  /** True only for the main window's main frame showing one of our pages. */
  isTrustedFrame(frame: WebFrameMain): boolean;
}

/**
 * The one place the main process listens to the renderer (after VS Code's validated IPC): one handler per contract
 * method, on a channel derived from the contract, so there is no channel without a method behind it. Each call
 * is checked for who sent it before the core validates what was sent; the answer is always an ApiResult, because
 * a rejection crosses IPC as a bare message and loses the error code and field.
 * Returns a function that removes every handler.
 */
export function registerApiHandlers(options: IpcBridgeOptions): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, payload: unknown, work: unknown) => handle(options, method, event, payload, work));
  }
  return () => API_METHODS.forEach((method) => ipcMain.removeHandler(ipcChannel(method)));
}

async function handle(
  options: IpcBridgeOptions,
  method: ApiMethod,
  event: IpcMainInvokeEvent,
  payload: unknown,
  work: unknown,
): Promise<ApiResult<unknown>> {
  const frame = event.senderFrame;
  // senderFrame is null once the frame has navigated away or been destroyed: nobody is left to trust.
  if (!frame || !options.isTrustedFrame(frame)) {
    console.warn(`Refused IPC call ${method} from an untrusted frame (${frame?.url ?? 'gone'}).`);
    return { ok: false, error: { code: 'forbidden', message: 'This call did not come from the Release Desk window.' } };
  }
  try {
    // A long call's job id (contract/work-contract.ts); anything else in that place is ignored.
    const job = JobId.safeParse((work as { jobId?: unknown } | null)?.jobId);
    return await options.session().dispatch(method, payload, { jobId: job.success ? job.data : undefined });
  } catch (error) {
    // dispatch promises never to throw; if it ever does, the renderer still gets a result, not a broken promise.
    console.error(`IPC ${method} failed:`, error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in Release Desk. Please try again.' } };
  }
}
