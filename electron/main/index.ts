import { app, BrowserWindow, dialog, Menu, nativeTheme, session, shell, type WebFrameMain } from 'electron';
import path from 'node:path';
import { defaultWorkspacePath, WorkerPool, type WorkspaceSession } from '../core';
import { MENU_CHANNEL, type MenuCommand } from '../preload/release-desk-bridge';
import { buildAppMenu } from './app-menu';
import { protectSecretsWithKeychain } from './keychain';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { rendererLocation } from './app-urls';
import { registerApiHandlers } from './ipc-bridge';
import { changeForwarder } from './change-forwarding';
import { liveForwarder } from './live-forwarding';
import { APP_TITLE, createMainWindow } from './main-window';
import { RecentWorkspaces } from './recent-workspaces';
import { hardenSession, hardenWebContents } from './security';
import { WorkspaceController } from './workspace-controller';

/**
 * Electron entry: app lifecycle only. Everything the app does lives in the core; this shell opens a workspace,
 * shows one window and forwards the window's API calls to the workspace session.
 */

const isDevelopment = !app.isPackaged;

// Tests and side-by-side dev runs each need their own settings and workspace; a packaged app always uses the OS's.
const userDataOverride = process.env.RELEASE_DESK_USER_DATA_DIR;
if (isDevelopment && userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Before 'ready': sandbox every renderer, and let Chromium know app:// is a secure, standard scheme.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one workspace file would fight over it; the running instance takes focus instead.
  app.quit();
} else {
  start();
}

function start(): void {
  const here = import.meta.dirname;
  const preloadPath = path.join(here, '../preload/index.cjs');
  const rendererRoot = path.join(here, '../renderer');
  // Never honoured in a packaged app: an environment variable must not be able to point the window at any URL.
  const renderer = rendererLocation(isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined);
  const userData = app.getPath('userData');
  const recent = new RecentWorkspaces(path.join(userData, 'recent-workspaces.json'));

  let mainWindow: BrowserWindow | undefined;
  let workspaces: WorkspaceController | undefined;

  const windowTitle = (current: WorkspaceSession) =>
    path.resolve(current.path) === path.resolve(defaultWorkspacePath(userData))
      ? APP_TITLE
      : `${path.basename(current.path, path.extname(current.path))} — ${APP_TITLE}`;

  const parentWindow = () => BrowserWindow.getFocusedWindow() ?? mainWindow;

  const sendToRenderer = (command: MenuCommand) => mainWindow?.webContents.send(MENU_CHANNEL, command);
  const forwardFeed = changeForwarder(() => mainWindow);
  // Long reads run on worker threads (issue 17); the build puts their script beside this one (electron.vite.config.ts).
  const workers = new WorkerPool({ script: new URL('./workspace-worker.js', import.meta.url) });
  const forwardChanges = (current: WorkspaceSession) => {
    current.useWorkers(workers);
    forwardFeed(current);
  };
  const forwardLive = liveForwarder(() => mainWindow);

  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildAppMenu(
        {
          newWorkspace: () => void workspaces?.createNew(parentWindow()),
          openWorkspace: () => void workspaces?.openExisting(parentWindow()),
          openRecent: (file) => void workspaces?.switchTo(file, parentWindow()),
          clearRecent: () => {
            recent.clear();
            app.clearRecentDocuments();
            refreshMenu();
          },
          sendToRenderer,
          openDataFolder: () => void shell.openPath(userData),
          showAbout: () => app.showAboutPanel(),
        },
        { recent: recent.list(), isDevelopment, isMac: process.platform === 'darwin' },
      ),
    );

  const onWorkspaceSwitched = (current: WorkspaceSession) => {
    forwardChanges(current);
    forwardLive(current);
    refreshMenu();
    if (!mainWindow) return;
    mainWindow.setTitle(windowTitle(current));
    mainWindow.setRepresentedFilename(current.path);
    // A fresh page, so no view keeps showing (or writing) data of the workspace just closed.
    mainWindow.webContents.reload();
  };

  const isTrustedFrame = (frame: WebFrameMain) => {
    const main = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : undefined;
    return (
      main !== undefined &&
      frame.processId === main.processId &&
      frame.frameToken === main.frameToken &&
      renderer.owns(frame.url)
    );
  };

  const openMainWindow = (current: WorkspaceSession) => {
    mainWindow = createMainWindow({
      preloadPath,
      renderer,
      windowStateFile: path.join(userData, 'window-state.json'),
      devTools: isDevelopment,
      title: windowTitle(current),
    });
    mainWindow.setRepresentedFilename(current.path);
    mainWindow.on('closed', () => (mainWindow = undefined));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(() => {
      nativeTheme.themeSource = 'system';
      app.setAboutPanelOptions({ applicationName: APP_TITLE, applicationVersion: app.getVersion() });
      hardenSession(session.defaultSession);
      serveRenderer(rendererRoot);
      // Before any workspace opens: opening one reads (or creates) this device's key, which the keychain wraps.
      if (!protectSecretsWithKeychain()) console.warn('Release Desk: no OS keychain available; device keys and the sync token are kept in files readable only by you.');

      try {
        workspaces = WorkspaceController.openAtStartup(defaultWorkspacePath(userData), recent, onWorkspaceSwitched);
      } catch (error) {
        dialog.showErrorBox('Release Desk cannot start', error instanceof Error ? error.message : String(error));
        app.exit(1);
        return;
      }
      const opened = workspaces;
      forwardChanges(opened.current);
      workers.warm();
      forwardLive(opened.current);
      registerApiHandlers({ session: () => opened.current, isTrustedFrame });
      refreshMenu();
      openMainWindow(opened.current);

      // macOS keeps the app running with no window; clicking the Dock icon brings one back.
      app.on('activate', () => {
        if (!mainWindow) openMainWindow(opened.current);
      });
    })
    .catch((error: unknown) => {
      console.error('Release Desk failed to start:', error);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing the session checkpoints SQLite's WAL, so the workspace is one self-contained file when we exit.
  app.on('will-quit', () => {
    void workers.close();
    workspaces?.close();
  });
}
