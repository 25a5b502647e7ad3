import type { ReleaseDeskBridge } from '../../../electron/preload/release-desk-bridge';

export type { MenuCommand } from '../../../electron/preload/release-desk-bridge';

/** What the Electron preload puts on window; absent in a plain browser talking to the web shell. */
declare global {
  interface Window {
    releaseDesk?: ReleaseDeskBridge;
  }
}

export function desktopBridge(): ReleaseDeskBridge | undefined {
  return window.releaseDesk;
}
