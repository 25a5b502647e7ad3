import { shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { isSafeExternalUrl } from './app-urls';

/**
 * Electron's security checklist, applied in one place. docs/electron-shell.md walks through it item by item.
 */

/**
 * Sent as a response header on every app:// response (the renderer also carries it as a meta tag). Same policy as
 * the web shell: only our own scripts, no remote anything. Inline styles stay allowed because Mantine writes them.
 */

/** Every BrowserWindow gets these; nothing in the app turns any of them off. */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  };
}

/**
 * The renderer is a single page: it never needs to navigate, redirect, open windows or embed webviews. Applied to
 * every WebContents the app creates (via app 'web-contents-created'), not just the main window, so nothing slips
 * through a window we did not expect.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    // A plain <a href="https://..."> click lands here rather than in the window-open handler.
    openExternalIfSafe(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
}

/** The app asks for no permission (camera, notifications, geolocation, HID, ...), so every request is refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function openExternalIfSafe(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.warn(`Could not open ${url} in the browser:`, error));
}
