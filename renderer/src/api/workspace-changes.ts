import { z } from 'zod';
import { WorkspaceChange } from '../../../electron/contract/change-feed';
import { WorkProgress } from '../../../electron/contract/work-contract';
import { desktopBridge } from './bridge';
import { followStream } from './ndjson-stream';

type Listener = (change: WorkspaceChange) => void;

const listeners = new Set<Listener>();
const progressListeners = new Set<(progress: WorkProgress) => void>();

/** Progress of long calls made with a job id (contract/work-contract.ts), from the same feed. */
export function onWorkProgress(listener: (progress: WorkProgress) => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

const emitProgress = (progress: WorkProgress) => progressListeners.forEach((l) => l(progress));
let started = false;

/**
 * The open workspace's change feed (contract/change-feed.ts), once for the whole page: the preload's event channel
 * in Electron, the web shell's `/api/events` stream in a browser (reconnecting with backoff and jitter after a
 * dropped connection). Feature stores subscribe through `refreshOn` and reload what they show.
 */
export function startWorkspaceChanges(token: string | null): void {
  if (started) return;
  started = true;
  const emit = (change: WorkspaceChange) => listeners.forEach((l) => l(change));
  const bridge = desktopBridge();
  if (bridge) {
    bridge.onWorkspaceChange(emit);
    bridge.onWorkProgress(emitProgress);
  } else {
    // One stream carries both: changes, and `{"progress": …}` lines for long calls.
    void followStream('./api/events', token, z.union([WorkspaceChange, z.object({ progress: WorkProgress })]), (message) => {
      if ('progress' in message) emitProgress(message.progress);
      else emit(message);
    });
  }
}

/**
 * Calls `refresh` (at most once per animation frame) when any of `entities` changed by a sync (`sync`, the default:
 * a store already shows its own writes) or by anything (`any`). Returns the unsubscribe function.
 */
export function refreshOn(entities: readonly string[] | 'all', refresh: () => unknown, sources: 'sync' | 'any' = 'sync'): () => void {
  let pending = false;
  const listener: Listener = (change) => {
    if (pending || (sources === 'sync' && change.source !== 'sync')) return;
    if (entities !== 'all' && !change.entities.some((e) => entities.includes(e))) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      void refresh();
    });
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}
