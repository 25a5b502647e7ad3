import { BrowserWindow, nativeTheme } from 'electron';
import type { RendererLocation } from './app-urls';
import { secureWebPreferences } from './security';
import { DEFAULT_SIZE, MIN_SIZE } from './window-bounds';
import { loadWindowState, rememberWindowState } from './window-state';

export const APP_TITLE = 'Release Desk';

/** Mantine's light and dark body colours, so the window never flashes the wrong colour before the UI paints. */
const BACKGROUND = { light: '#ffffff', dark: '#242424' } as const;

export interface MainWindowOptions {
  preloadPath: string;
  renderer: RendererLocation;
  windowStateFile: string;
  devTools: boolean;
  title: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.windowStateFile);
  const window = new BrowserWindow({
    ...DEFAULT_SIZE,
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: themeBackground(),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  rememberWindowState(window, options.windowStateFile);

  // The shell owns the title (it names the open workspace); the page's <title> would overwrite it on every load.
  window.on('page-title-updated', (event) => event.preventDefault());

  const onThemeChange = () => window.setBackgroundColor(themeBackground());
  nativeTheme.on('updated', onThemeChange);
  window.on('closed', () => nativeTheme.off('updated', onThemeChange));

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });

  // loadURL rejects when a load is cut short (e.g. a reload during a workspace switch); that is not fatal.
  window.loadURL(options.renderer.entryUrl).catch((error: unknown) => console.warn('Renderer load interrupted:', error));
  return window;
}

function themeBackground(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}
