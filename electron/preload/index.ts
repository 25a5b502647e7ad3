import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { z } from 'zod';
import { API_METHODS, CHANGES_CHANNEL, LIVE_CHANNEL, LiveEvent, PROGRESS_CHANNEL, WorkProgress, WorkspaceChange, ipcChannel, type ApiClient, type WorkOptions } from '../contract';
import { isMenuCommand, MENU_CHANNEL, type ReleaseDeskBridge } from './release-desk-bridge';

/**
 * The only door from the page into the app. It exposes one function per contract method, built from the contract
 * itself so it can neither drift from it nor offer a channel the main process does not handle; ipcRenderer itself
 * never reaches the page (a page holding it could invoke any channel and listen to any message).
 * Bundled as CommonJS with its dependencies inlined: a sandboxed preload can require only 'electron' and a few
 * Node built-ins.
 */
const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown, work?: WorkOptions) => ipcRenderer.invoke(ipcChannel(method), input, { jobId: work?.jobId })]),
) as ApiClient;

/**
 * Listens on one event channel from the main process. What arrives is checked against the contract here too: the
 * page acts only on what has the shape of its notice, and never receives the IpcRendererEvent (it carries `sender`,
 * i.e. ipcRenderer).
 */
function follow<S extends z.ZodType>(channel: string, schema: S, callback: (value: z.output<S>) => void): () => void {
  const listener = (_event: IpcRendererEvent, message: unknown) => {
    const parsed = schema.safeParse(message);
    if (parsed.success) callback(parsed.data);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const bridge = {
  api: Object.freeze(api),
  onMenuCommand(callback) {
    // Wrapped so the page never receives the IpcRendererEvent (it carries `sender`, i.e. ipcRenderer).
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
  onWorkspaceChange: (callback) => follow(CHANGES_CHANNEL, WorkspaceChange, callback),
  onWorkProgress: (callback) => follow(PROGRESS_CHANNEL, WorkProgress, callback),
  onLiveEvent: (callback) => follow(LIVE_CHANNEL, LiveEvent, callback),
} satisfies ReleaseDeskBridge;

contextBridge.exposeInMainWorld('releaseDesk', bridge);
