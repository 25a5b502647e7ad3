import { create } from 'zustand';
import type { LiveNotification, LiveViewer } from '../../../../electron/contract/live-feed';
import { api } from '../../api/api-client';
import { desktopBridge } from '../../api/bridge';
import { onLiveEvent } from '../../api/live-events';
import { notifyInfo } from '../../shared/notify';

/** Who else views which runbook now, from the live feed (sent over the team server's stream, never stored). */
interface LiveState {
  viewers: LiveViewer[];
  load(): Promise<void>;
  /** Tells the others this device views `runbookId` now (null: nothing). */
  viewing(runbookId: string | null): void;
}

export const useLiveStore = create<LiveState>((set) => ({
  viewers: [],
  async load() {
    const result = await api['sync.live']({});
    if (result.ok) set({ viewers: result.value.viewers });
  },
  viewing(runbookId) {
    void api['sync.setPresence']({ runbookId });
  },
}));

/**
 * A notification the core decided on: in the page always (calm, it goes by itself), and as a system notification in
 * a browser that allowed them (the desktop app's main process shows its own).
 */
function show(notification: LiveNotification): void {
  notifyInfo(notification.title, notification.body);
  if (!desktopBridge() && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification(notification.title, { body: notification.body, tag: `release-desk-${notification.kind}` });
  }
}

onLiveEvent((event) => {
  if (event.kind === 'presence') useLiveStore.setState({ viewers: event.viewers });
  if (event.kind === 'notification') show(event.notification);
});
