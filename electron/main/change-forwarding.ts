import type { BrowserWindow } from 'electron';
import { CHANGES_CHANNEL, PROGRESS_CHANNEL } from '../contract';
import type { WorkspaceSession } from '../core';

/**
 * Forwards the open workspace's change feed to the window on the one IPC event channel for it, so open screens
 * refresh after a background sync without a timer, and the progress of long work on its own channel. Call it with
 * each workspace opened; it lets go of the one before.
 */
export function changeForwarder(window: () => BrowserWindow | undefined): (session: WorkspaceSession) => void {
  let unsubscribe = () => {};
  return (session) => {
    unsubscribe();
    const send = (channel: string, message: unknown) => {
      const target = window();
      if (target && !target.isDestroyed()) target.webContents.send(channel, message);
    };
    const unsubscribeChanges = session.subscribe((change) => send(CHANGES_CHANNEL, change));
    const unsubscribeProgress = session.onProgress((progress) => send(PROGRESS_CHANNEL, progress));
    unsubscribe = () => {
      unsubscribeChanges();
      unsubscribeProgress();
    };
  };
}
