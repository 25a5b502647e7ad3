import { Menu, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../preload/release-desk-bridge';

/** What the menu can ask of the app; index.ts wires each to the window, the workspace controller or the shell. */
export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  /** Things only the renderer knows how to do (it owns the current view), sent as a command. */
  sendToRenderer(command: MenuCommand): void;
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  recent: readonly string[];
  /** DevTools only while developing: in a packaged app they are a way around every renderer restriction. */
  isDevelopment: boolean;
  isMac: boolean;
}

/** Rebuilt whenever the recent list changes: a built Electron menu cannot be re-templated, only replaced. */
export function buildAppMenu(actions: MenuActions, options: MenuOptions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    fileMenu(actions, options),
    { role: 'editMenu' },
    viewMenu(options),
    ...(options.isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      role: 'help',
      submenu: [
        { label: 'About Release Desk', click: () => actions.showAbout() },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function fileMenu(actions: MenuActions, { recent, isMac }: MenuOptions): MenuItemConstructorOptions {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No Recent Workspaces', enabled: false }]
      : recent.map((file) => ({
          // Two folders may each hold a "Release plan", so the label names the folder too.
          label: `${path.basename(file)}  —  ${path.dirname(file)}`,
          click: () => actions.openRecent(file),
        }));
  return {
    label: '&File',
    submenu: [
      { label: 'New Release…', accelerator: 'CmdOrCtrl+N', click: () => actions.sendToRenderer('new-release') },
      { type: 'separator' },
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWorkspace() },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      {
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.sendToRenderer('export') },
      { type: 'separator' },
      { role: 'close', label: 'Close Window' },
      ...(isMac ? [] : [{ role: 'quit' as const }]),
    ],
  };
}

function viewMenu({ isDevelopment }: MenuOptions): MenuItemConstructorOptions {
  return {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(isDevelopment ? [{ role: 'toggleDevTools' as const }] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}
