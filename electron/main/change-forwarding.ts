import type { BrowserWindow } from 'electron';
import { CHANGES_CHANNEL } from '../contract';
import type { WorkspaceSession } from '../core';

/**
 * Forwards the open workspace's change feed to the window on the one IPC event channel for it, so open screens
 * refresh after a background sync without a timer. Call it with each workspace opened; it lets go of the one before.
 */
export function changeForwarder(window: () => BrowserWindow | undefined): (session: WorkspaceSession) => void {
  let unsubscribe = () => {};
  return (session) => {
    unsubscribe();
    unsubscribe = session.subscribe((change) => {
      const target = window();
      if (target && !target.isDestroyed()) target.webContents.send(CHANGES_CHANNEL, change);
    });
  };
}
