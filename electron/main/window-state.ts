import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readJsonFile, writeJsonFile } from './json-file';
import { fitToDisplays, parseSavedWindowState } from './window-bounds';

/** The window's size, position and maximised state, remembered across runs in userData. */
export interface InitialWindowState {
  bounds?: Rectangle;
  maximized: boolean;
}

export function loadWindowState(file: string): InitialWindowState {
  const saved = parseSavedWindowState(readJsonFile(file));
  if (!saved) return { maximized: false };
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return { bounds: fitToDisplays(saved.bounds, workAreas), maximized: saved.maximized };
}

/** Saves on close; getNormalBounds keeps the un-maximised size, so un-maximising next time restores it. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    writeJsonFile(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
}
