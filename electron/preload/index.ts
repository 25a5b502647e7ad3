import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
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
  onWorkspaceChange(callback) {
    // Checked against the contract here too: the page acts only on what has the shape of a change notice.
    const listener = (_event: IpcRendererEvent, change: unknown) => {
      const parsed = WorkspaceChange.safeParse(change);
      if (parsed.success) callback(parsed.data);
    };
    ipcRenderer.on(CHANGES_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(CHANGES_CHANNEL, listener);
    };
  },
  onWorkProgress(callback) {
    const listener = (_event: IpcRendererEvent, progress: unknown) => {
      const parsed = WorkProgress.safeParse(progress);
      if (parsed.success) callback(parsed.data);
    };
    ipcRenderer.on(PROGRESS_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, listener);
    };
  },
  onLiveEvent(callback) {
    const listener = (_event: IpcRendererEvent, event: unknown) => {
      const parsed = LiveEvent.safeParse(event);
      if (parsed.success) callback(parsed.data);
    };
    ipcRenderer.on(LIVE_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(LIVE_CHANNEL, listener);
    };
  },
} satisfies ReleaseDeskBridge;

contextBridge.exposeInMainWorld('releaseDesk', bridge);
