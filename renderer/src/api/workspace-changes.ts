import { WorkspaceChange } from '../../../electron/contract/change-feed';
import { WorkProgress } from '../../../electron/contract/work-contract';
import { desktopBridge } from './bridge';

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
  } else void follow(token, emit);
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

async function follow(token: string | null, emit: Listener): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch('./api/events', { headers: { Authorization: `Bearer ${token ?? ''}` } });
      if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          const message: unknown = JSON.parse(line);
          const parsed = WorkspaceChange.safeParse(message);
          if (parsed.success) emit(parsed.data);
          const progress = WorkProgress.safeParse((message as { progress?: unknown } | null)?.progress);
          if (progress.success) emitProgress(progress.data);
        }
      }
    } catch {
      // The web shell stopped or the connection dropped: try again below.
    }
    // Backoff with jitter, so many tabs coming back after a restart do not all knock at once.
    await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random())));
  }
}
