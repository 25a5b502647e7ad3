import { Notification, type BrowserWindow } from 'electron';
import { LIVE_CHANNEL } from '../contract';
import type { WorkspaceSession } from '../core';

/**
 * Follows the others live for the open workspace and forwards the live feed (status, presence, notifications) to the
 * window on its one IPC event channel. Notifications the core decided on are shown as desktop notifications here:
 * the shell only shows them. Call it with each workspace opened; it lets go of the one before.
 */
export function liveForwarder(window: () => BrowserWindow | undefined): (session: WorkspaceSession) => void {
  let unsubscribe = () => {};
  return (session) => {
    unsubscribe();
    unsubscribe = session.subscribeLive((event) => {
      const target = window();
      if (target && !target.isDestroyed()) target.webContents.send(LIVE_CHANNEL, event);
      if (event.kind === 'notification' && Notification.isSupported()) {
        const shown = new Notification({ title: event.notification.title, body: event.notification.body });
        shown.on('click', () => target?.show());
        shown.show();
      }
    });
    session.goLive();
  };
}
