import { LiveEvent } from '../../../electron/contract/live-feed';
import { desktopBridge } from './bridge';
import { followStream } from './ndjson-stream';

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let started = false;

/**
 * The live feed (contract/live-feed.ts: sync status, presence, notifications), once for the whole page: the
 * preload's event channel in Electron, the web shell's `/api/live` stream in a browser.
 */
export function startLiveEvents(token: string | null): void {
  if (started) return;
  started = true;
  const emit = (event: LiveEvent) => listeners.forEach((l) => l(event));
  const bridge = desktopBridge();
  if (bridge) bridge.onLiveEvent(emit);
  else void followStream('./api/live', token, LiveEvent, emit);
}

/** Subscribes to the live feed; returns the unsubscribe function. */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
