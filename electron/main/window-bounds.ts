/**
 * Where to put the main window, from what was saved last time and the displays there are now. Electron-free so it
 * can be tested in plain Node. A saved position is used only if its title bar would be on a display today (a
 * monitor may have been unplugged since), and its size is shrunk to fit that display.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

/** Accepts only the shape we wrote; anything else (older format, hand edits) is ignored. */
export function parseSavedWindowState(value: unknown): SavedWindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (!isRect(bounds) || typeof maximized !== 'boolean') return undefined;
  return { bounds, maximized };
}

/** The bounds to open with, or undefined to let the OS centre a default-sized window. */
export function fitToDisplays(saved: Rect, workAreas: readonly Rect[]): Rect | undefined {
  const titleBar = { x: saved.x + Math.min(saved.width / 2, 100), y: saved.y + 10 };
  const area = workAreas.find((a) => contains(a, titleBar));
  if (!area) return undefined;
  const width = Math.min(Math.max(saved.width, MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(saved.height, MIN_SIZE.height), area.height);
  return { x: saved.x, y: Math.max(saved.y, area.y), width, height };
}

function contains(area: Rect, point: { x: number; y: number }): boolean {
  return point.x >= area.x && point.x < area.x + area.width && point.y >= area.y && point.y < area.y + area.height;
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (['x', 'y', 'width', 'height'] as const).every((k) => Number.isFinite(r[k])) && Number(r.width) > 0 && Number(r.height) > 0;
}
