import fs from 'node:fs';
import path from 'node:path';
import type { LiveEvent, LiveNotification, LiveStatus, LiveViewer } from '../../contract/live-feed';
import { peopleNames } from '../people/people-queries';
import type { WorkspaceStore } from '../store/workspace-store';
import { PRESENCE_PATH, type PresenceViewer } from './server-protocol';
import { postJson, serverTransportId } from './server-client';
import { readServerStream } from './server-stream';

export type LiveTarget = { kind: 'folder'; folder: string } | { kind: 'server'; url: string; token: string };

export interface LiveSyncHost {
  store: WorkspaceStore;
  /** The configured folder or server, or null when sync is off. */
  target(): LiveTarget | null;
  /** One sync with the configured target (joins one already running); rejects with the failure in words. */
  sync(): Promise<unknown>;
  /** Local changes not yet sent to the target. */
  waiting(): number;
}

export interface LiveTimings {
  /** Local commits within this window go in one push. */
  pushBatchMs: number;
  /** Local commits within this window go in one folder file (a folder is a slower, shared medium). */
  folderBatchMs: number;
  /** How often the folder is looked at when `fs.watch` says nothing (network drives, where watching is unreliable). */
  folderPollMs: number;
  /** Reconnect backoff: the first ceiling, and the largest. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const LIVE_TIMINGS: LiveTimings = { pushBatchMs: 200, folderBatchMs: 1000, folderPollMs: 5000, backoffBaseMs: 500, backoffMaxMs: 30_000 };

/** "Full jitter": anywhere from nothing to the ceiling, so that many clients dropped together come back spread out. */
export const reconnectDelay = (attempt: number, t: Pick<LiveTimings, 'backoffBaseMs' | 'backoffMaxMs'>, random = Math.random) =>
  random() * Math.min(t.backoffMaxMs, t.backoffBaseMs * 2 ** Math.min(attempt, 16));

/**
 * Keeps one open workspace in step with the others while the network is up: a team server's live stream (pull on
 * every announcement, resume from the cursor after a drop, a sleep or a server restart) or a watched shared folder;
 * local commits go out batched over a moment, not on a timer. Offline nothing changes for the user: changes wait and
 * flow on reconnection. The background timer of SyncService stays as the fallback.
 */
export class LiveSync {
  private stopper: AbortController | null = null;
  private status: LiveStatus = { state: 'off', offlineSince: null, waiting: 0, reason: null };
  private viewers: PresenceViewer[] = [];
  private presence: string | null = null;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private batchTimer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;
  private again = false;
  private target: LiveTarget | null = null;

  constructor(
    private readonly host: LiveSyncHost,
    private readonly timings: LiveTimings = LIVE_TIMINGS,
  ) {}

  get running(): boolean {
    return this.stopper !== null;
  }

  /** Starts (or, after the settings changed, restarts) following the configured target. */
  start(): void {
    this.stop();
    const target = this.host.target();
    this.target = target;
    if (!target) return this.setStatus({ state: 'off', offlineSince: null, reason: null });
    const stopper = new AbortController();
    this.stopper = stopper;
    const unsubscribe = this.host.store.subscribe((change) => {
      // A chain seal is written by a sync itself, which sends it: not a reason for another.
      if (change.source === 'local' && change.entities.some((e) => e !== 'chainSeal')) this.localCommit();
    });
    stopper.signal.addEventListener('abort', unsubscribe);
    if (target.kind === 'server') void this.followServer(target, stopper.signal);
    else this.watchFolder(target.folder, stopper.signal);
  }

  stop(): void {
    this.stopper?.abort();
    this.stopper = null;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.viewers = [];
  }

  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  current({ withWaiting = true } = {}): { status: LiveStatus; viewers: LiveViewer[] } {
    return { status: { ...this.status, waiting: withWaiting ? this.safeWaiting() : 0 }, viewers: withWaiting ? this.namedViewers() : [] };
  }

  /** What this device views now (a runbook id, or null); sent to the team server, which tells the others. */
  setPresence(runbookId: string | null): void {
    this.presence = runbookId;
    if (this.status.state === 'live') void this.sendPresence();
  }

  /** Shows a notification the core decided on (domain/live-notifications.ts) on every screen following. */
  notify(notification: LiveNotification): void {
    this.emit({ kind: 'notification', notification });
  }

  /** Tells the screens the status now (a sync started, progressed or ended): they reload it, with no poll. */
  announce(): void {
    if (this.host.store.isOpen) this.emit({ kind: 'status', status: this.current().status });
  }

  /** Resolves once the sync running now, if any, has finished (`sync --follow` waits for it before exiting). */
  async settled(): Promise<void> {
    while (this.syncing) await this.syncing;
  }

  private localCommit(): void {
    const target = this.target;
    // Offline, changes wait for the stream to come back: its first announcement syncs them.
    if (!target || (target.kind === 'server' && this.status.state !== 'live') || this.batchTimer) return;
    this.batchTimer = setTimeout(
      () => {
        this.batchTimer = null;
        this.requestSync();
      },
      target.kind === 'server' ? this.timings.pushBatchMs : this.timings.folderBatchMs,
    );
    this.batchTimer.unref();
  }

  /** One sync at a time; asked for while one runs, it runs once more after it (what arrived meanwhile goes then). */
  private requestSync(): void {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = (async () => {
      do {
        this.again = false;
        try {
          await this.host.sync();
        } catch {
          // In the status in words already; the stream's next announcement or the timer tries again.
        }
      } while (this.again && this.host.store.isOpen);
      this.syncing = null;
    })();
  }

  private async followServer(target: { url: string; token: string }, stop: AbortSignal): Promise<void> {
    const transport = serverTransportId(target.url);
    for (let attempt = 0; !stop.aborted; attempt++) {
      this.setStatus({ state: this.status.state === 'offline' ? 'offline' : 'connecting', offlineSince: this.status.offlineSince, reason: this.status.reason });
      let opened = 0;
      const reason = await readServerStream(
        target.url,
        target.token,
        this.host.store.deviceId,
        {
          onOpen: () => {
            opened = performance.now();
            this.setStatus({ state: 'live', offlineSince: null, reason: null });
            if (this.presence) void this.sendPresence();
          },
          onChanges: (cursor) => {
            // Cursor 0 (on connecting) means "catch up"; a cursor this device has pulled past needs nothing.
            if (cursor === 0 || cursor > this.host.store.ledger.peerCursor(transport, 'server')) this.requestSync();
          },
          onPresence: (viewers) => {
            this.viewers = viewers.filter((v) => v.deviceId !== this.host.store.deviceId);
            this.emit({ kind: 'presence', viewers: this.namedViewers() });
          },
        },
        stop,
      );
      if (stop.aborted || !this.host.store.isOpen) return;
      if (this.viewers.length) {
        this.viewers = [];
        this.emit({ kind: 'presence', viewers: [] });
      }
      // A stream that stayed up a while starts the backoff afresh; one that keeps failing backs off further.
      if (opened && performance.now() - opened > 10_000) attempt = 0;
      this.setStatus({ state: 'offline', offlineSince: this.status.offlineSince ?? new Date(this.host.store.now()).toISOString(), reason });
      await sleep(reconnectDelay(attempt, this.timings), stop);
    }
  }

  private watchFolder(folder: string, stop: AbortSignal): void {
    const root = path.resolve(folder);
    const own = this.host.store.deviceId;
    const others = () => this.requestSync();
    let watcher: fs.FSWatcher | null = null;
    try {
      watcher = fs.watch(root, { recursive: true, persistent: false }, (_event, name) => {
        // This device's own files are its own writes; the rest are news.
        if (name && String(name).split(path.sep)[0] !== own) debounced();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null;
    }
    let debounceTimer: NodeJS.Timeout | null = null;
    const debounced = () => {
      if (debounceTimer) return;
      // A file arrives as a temporary name renamed once complete; a moment's wait takes the rename with it.
      debounceTimer = setTimeout(() => {
        debounceTimer = null;
        others();
      }, 100);
      debounceTimer.unref();
    };
    let seen = folderSignature(root, own);
    const poll = setInterval(() => {
      const now = folderSignature(root, own);
      if (now !== seen) {
        seen = now;
        debounced();
      }
    }, this.timings.folderPollMs);
    poll.unref();
    stop.addEventListener('abort', () => {
      watcher?.close();
      clearInterval(poll);
      if (debounceTimer) clearTimeout(debounceTimer);
    });
    this.setStatus({ state: 'watching', offlineSince: null, reason: null });
    this.requestSync();
  }

  private async sendPresence(): Promise<void> {
    const target = this.target;
    if (target?.kind !== 'server') return;
    try {
      await postJson(target.url, target.token, PRESENCE_PATH, { deviceId: this.host.store.deviceId, runbookId: this.presence });
    } catch {
      // Presence is a courtesy: lost now, sent again on reconnecting.
    }
  }

  private namedViewers(): LiveViewer[] {
    if (!this.viewers.length || !this.host.store.isOpen) return [];
    const names = peopleNames(this.host.store);
    return this.viewers.map((v) => ({ personId: v.personId, name: names.name(v.personId) === v.personId ? v.name : names.name(v.personId), runbookId: v.runbookId }));
  }

  private safeWaiting(): number {
    return this.host.store.isOpen ? this.host.waiting() : 0;
  }

  private setStatus(next: Omit<LiveStatus, 'waiting'>): void {
    const changed = next.state !== this.status.state || next.offlineSince !== this.status.offlineSince || next.reason !== this.status.reason;
    this.status = { ...next, waiting: this.status.waiting };
    if (changed && this.host.store.isOpen) this.emit({ kind: 'status', status: this.current().status });
  }

  private emit(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener that fails (a closed window, a dropped stream) must not stop the others.
      }
    }
  }
}

/** Names and sizes of the other devices' files: a change means a file came. One directory read per device. */
function folderSignature(root: string, own: string): string {
  try {
    return fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== own)
      .map((d) => `${d.name}:${fs.readdirSync(path.join(root, d.name)).length}:${fs.statSync(path.join(root, d.name)).mtimeMs}`)
      .join('|');
  } catch {
    return 'unreadable';
  }
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done);
    function done() {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    }
  });
}
