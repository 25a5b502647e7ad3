import path from 'node:path';
import { ApiFailure, invalidInput } from '../../contract/api-result';
import { plainHttpWarning } from '../../contract/plain-http';
import type { FolderInspection, HeldChange, HeldKind, SyncSettings, SyncStatus, SyncTarget as ContractSyncTarget } from '../../contract/sync-entities';
import type { Change } from '../changes/change';
import type { WorkspaceStore } from '../store/workspace-store';
import { FolderFileError } from './folder-file';
import type { FolderSecret } from './folder-key';
import { FolderSettings, LOCKED_WORDS, secretOf } from './folder-settings';
import { folderTransportId, syncFolder } from './folder-transport';
import { ServerSyncError, normaliseServerUrl, serverTransportId, syncServer } from './server-client';
import type { SyncLedger } from '../store/sync-ledger';
import { openConflictCount } from './sync-conflicts';
import { addReceived, type SyncProgress, type SyncReport } from './sync-report';
import { LiveSync, type LiveTarget } from './live-sync';
import type { LiveEvent, LiveNotification, LiveStatus, LiveViewer } from '../../contract/live-feed';

export type SyncTarget = { kind: 'folder'; folder: string; secret?: FolderSecret; republish?: boolean } | { kind: 'server'; url: string; token: string };

/** A one-off target as the API takes it (`sync.now`), as sync runs it. */
export function syncTargetOf(target: ContractSyncTarget): SyncTarget {
  return 'folder' in target
    ? { kind: 'folder', folder: target.folder, secret: secretOf(target) ?? undefined, republish: target.republish }
    : { kind: 'server', url: target.serverUrl, token: target.token };
}

const DEFAULT_INTERVAL_SECONDS = 60;
const services = new WeakMap<WorkspaceStore, SyncService>();

/**
 * Sync for one open workspace: its settings, one sync at a time, and the background timer. The timer lives here, in
 * the core, so it runs in whichever process holds the workspace (Electron main, the web shell) and never in the
 * renderer: the UI only asks for the status. It is armed by the first status or configure call and unref'd, so a
 * CLI process is never kept alive by it; it stops itself when the workspace closes.
 */
export class SyncService {
  private running: Promise<SyncReport> | null = null;
  private progress: SyncProgress | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly ledger: SyncLedger;
  private readonly folder: FolderSettings;
  private readonly live: LiveSync;
  private readonly receivedListeners = new Set<(changes: Change[]) => void>();
  /** A one-off target followed instead of the configured one (`sync --follow --server …`), never saved. */
  private followed: SyncTarget | undefined;

  private constructor(private readonly store: WorkspaceStore) {
    this.ledger = store.ledger;
    this.folder = new FolderSettings(store, this.ledger);
    this.live = new LiveSync({
      store,
      target: () => this.liveTarget(),
      sync: () => this.now(this.followed),
      waiting: () => {
        const transport = this.transportId(this.settings());
        return transport ? this.ledger.waiting(transport) : 0;
      },
    });
  }

  /** Stops following live, if this workspace's sync was ever used (the workspace is closing). */
  static release(store: WorkspaceStore): void {
    services.get(store)?.live.stop();
    services.delete(store);
  }

  /**
   * Follows the others live from now on (live-sync.ts): the shells that stay open call it (Electron main, the web
   * shell, `sync --follow`); a one-off CLI command does not, so nothing keeps it running.
   */
  goLive(target?: SyncTarget): void {
    if (target) {
      this.followed = target;
      return this.live.start();
    }
    this.arm();
    if (!this.live.running) this.live.start();
  }

  onLive(listener: (event: LiveEvent) => void): () => void {
    return this.live.onEvent(listener);
  }

  liveNow(): { status: LiveStatus; viewers: LiveViewer[] } {
    return this.live.current();
  }

  notify(notification: LiveNotification): void {
    this.live.notify(notification);
  }

  /** What this device views now (a runbook id or null), for the others' presence. */
  setPresence(runbookId: string | null): void {
    this.live.setPresence(runbookId);
  }

  /** Tells `listener` what each sync brought from the other devices (merged or not); returns the unsubscribe. */
  onReceived(listener: (changes: Change[]) => void): () => void {
    this.receivedListeners.add(listener);
    return () => this.receivedListeners.delete(listener);
  }

  /** Resolves once a sync the live follower started has finished. */
  settled(): Promise<void> {
    return this.live.settled();
  }

  static of(store: WorkspaceStore): SyncService {
    let service = services.get(store);
    if (!service) {
      service = new SyncService(store);
      services.set(store, service);
    }
    return service;
  }

  settings(): SyncSettings {
    const mode = (this.ledger.get('mode') ?? 'off') as SyncSettings['mode'];
    return {
      mode,
      folder: this.ledger.get('folder') ?? null,
      serverUrl: this.ledger.get('serverUrl') ?? null,
      tokenSet: this.ledger.get('token') !== undefined,
      tokenWarning: mode === 'server' ? this.tokenWarning() : null,
      intervalSeconds: Number(this.ledger.get('intervalSeconds') ?? DEFAULT_INTERVAL_SECONDS),
      folderKey: this.folder.info(),
    };
  }

  async configure(input: {
    mode: SyncSettings['mode'];
    folder?: string;
    serverUrl?: string;
    token?: string;
    intervalSeconds?: number;
    passphrase?: string;
    keyFile?: string;
    republish?: boolean;
  }): Promise<SyncSettings> {
    if (input.mode === 'folder') {
      this.ledger.set('folder', await this.folder.configure(input.folder ?? this.ledger.get('folder') ?? '', secretOf(input), input.republish));
    }
    if (input.mode === 'server') {
      const url = input.serverUrl ?? this.ledger.get('serverUrl');
      if (!url) throw invalidInput('serverUrl', 'Server URL is required to sync with a team server.');
      if (!input.token && this.ledger.get('token') === undefined) throw invalidInput('token', 'Token is required: ask your team server admin for one.');
      if (input.serverUrl && normaliseServerUrl(input.serverUrl) !== this.ledger.get('serverUrl') && !input.token) {
        throw invalidInput('token', 'Token is required for a new server: a token belongs to one server.');
      }
      this.ledger.set('serverUrl', normaliseServerUrl(url));
      if (input.token) this.ledger.setSecret('token', Buffer.from(input.token, 'utf8'));
    }
    if (input.intervalSeconds !== undefined) this.ledger.set('intervalSeconds', String(input.intervalSeconds));
    this.ledger.set('mode', input.mode);
    // What the last sync said was about the old settings.
    this.ledger.set('lastError', null);
    this.ledger.set('lastWarnings', null);
    this.arm(true);
    if (this.live.running && !this.followed) this.live.start();
    return this.settings();
  }

  status(): SyncStatus {
    this.arm();
    const settings = this.settings();
    const transport = this.transportId(settings);
    const waiting = transport ? this.ledger.waiting(transport) : 0;
    return {
      settings,
      running: this.running !== null,
      progress: this.progress,
      lastSyncedAt: this.ledger.get('lastSyncedAt') ?? null,
      lastError: this.ledger.get('lastError') ?? null,
      warnings: withSettingsWarnings([plainHttpWarningOf(settings), settings.tokenWarning], JSON.parse(this.ledger.get('lastWarnings') ?? '[]') as string[]),
      waiting,
      openConflicts: openConflictCount(this.store),
      held: heldChanges(this.store),
      peers: transport?.startsWith('folder:') ? this.ledger.peers(transport).map(({ peer, lastSeenAt }) => ({ peer, lastSeenAt })) : [],
      // The live status's own count would be a second scan of the log on every status call.
      live: { ...this.live.current({ withWaiting: false }).status, waiting },
    };
  }

  /** Runs one sync (or joins the one running). A failure is recorded in words for the status and rethrown. */
  now(target?: SyncTarget): Promise<SyncReport> {
    if (this.running) return this.running;
    let chosen: SyncTarget | null;
    try {
      chosen = target ?? this.configuredTarget();
    } catch (error) {
      this.ledger.set('lastError', describeSyncError(error));
      return Promise.reject(error);
    }
    if (!chosen) return Promise.reject(invalidInput('mode', 'Sync is off on this device: choose a shared folder or a team server in Settings → Sync first.'));
    const run = this.run(chosen).finally(() => {
      this.running = null;
      this.progress = null;
      this.live.announce();
    });
    this.running = run;
    this.live.announce();
    return run;
  }

  /** What a shared folder holds, for the settings form to say before the folder is chosen. */
  inspectFolder(folder: string): FolderInspection {
    return this.folder.inspect(folder);
  }

  private async run(target: SyncTarget): Promise<SyncReport> {
    let announced = 0;
    const onProgress = (p: SyncProgress) => {
      this.progress = p;
      // Often enough for a progress bar, not once per page.
      if (performance.now() - announced > 500) {
        announced = performance.now();
        this.live.announce();
      }
    };
    const before = this.ledger.maxSeq();
    try {
      const released = this.store.retryHeld();
      const report =
        target.kind === 'folder'
          ? await syncFolder(this.store, target.folder, onProgress, await this.folder.access(target.folder, target.secret, target.republish))
          : await syncServer(this.store, target, onProgress);
      addReceived(report, released);
      const held = heldChanges(this.store);
      if (held.length) report.warnings.push(...summariseHeld(held));
      this.ledger.set('lastSyncedAt', new Date(this.store.now()).toISOString());
      this.ledger.set('lastError', null);
      this.ledger.set('lastWarnings', JSON.stringify(report.warnings.slice(0, 50)));
      if (this.receivedListeners.size) this.tellReceived(before);
      return report;
    } catch (error) {
      if (this.store.isOpen) this.ledger.set('lastError', describeSyncError(error));
      throw error;
    }
  }

  private tellReceived(afterSeq: number): void {
    const received: Change[] = [];
    for (let seq = afterSeq; ; ) {
      const batch = this.ledger.outbox(seq, 5000);
      if (!batch.changes.length) break;
      received.push(...batch.changes.filter((c) => c.deviceId !== this.store.deviceId));
      seq = batch.lastSeq;
    }
    if (!received.length) return;
    for (const listener of this.receivedListeners) {
      try {
        listener(received);
      } catch {
        // One listener failing (a closed pipe) must not stop the others or the sync.
      }
    }
  }

  private configuredTarget(): SyncTarget | null {
    const s = this.settings();
    if (s.mode === 'folder' && s.folder) return { kind: 'folder', folder: s.folder };
    if (s.mode === 'server' && s.serverUrl && s.tokenSet) {
      const token = this.ledger.getSecret('token');
      if (!token) throw invalidInput('token', this.tokenWarning() ?? 'The member token saved on this device cannot be read: enter it again in Settings → Sync.');
      return { kind: 'server', url: s.serverUrl, token: token.toString('utf8') };
    }
    return null;
  }

  private liveTarget(): LiveTarget | null {
    try {
      const target = this.followed ?? this.configuredTarget();
      return target && (target.kind === 'folder' ? { kind: 'folder', folder: target.folder } : target);
    } catch {
      return null;
    }
  }

  /**
   * Where the saved token is not protected by a keychain, or cannot be read in this process, in words: a token in the
   * workspace file syncs (and signs nothing, but pushes) as its member for whoever copies the file.
   */
  private tokenWarning(): string | null {
    const protection = this.ledger.secretProtection('token');
    if (protection === undefined) return null;
    if (this.ledger.getSecret('token') === null) {
      return `The saved member token was protected by ${protection}, which this process cannot use (another app, user or machine): enter the token again in Settings → Sync, or give it to the CLI with --token.`;
    }
    if (protection === 'none') {
      return 'The member token is kept in this workspace file without encryption: there is no OS keychain here (the desktop app keeps it with the OS keychain where it has one). Whoever can read the workspace file can sync as your member; keep the file private.';
    }
    return null;
  }

  private transportId(s: SyncSettings): string | null {
    if (s.mode === 'folder' && s.folder) return folderTransportId(path.resolve(s.folder));
    if (s.mode === 'server' && s.serverUrl) return serverTransportId(s.serverUrl);
    return null;
  }

  /** (Re)starts the background timer for the current settings; a no-op when it already runs and nothing changed. */
  private arm(changed = false): void {
    if (this.timer && !changed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const settings = this.settings();
    if (settings.mode === 'off') return;
    this.timer = setInterval(() => {
      if (!this.store.isOpen) {
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        return;
      }
      // Failures are already in the status, in words; the next tick tries again.
      this.now().catch(() => {});
    }, settings.intervalSeconds * 1000);
    this.timer.unref();
  }
}

export function describeSyncError(error: unknown): string {
  if (error instanceof ServerSyncError || error instanceof FolderFileError || error instanceof ApiFailure) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Sync stopped: ${message}. Nothing was lost; it will be tried again.`;
}

function plainHttpWarningOf(settings: SyncSettings): string | null {
  return settings.mode === 'server' && settings.serverUrl ? plainHttpWarning(settings.serverUrl) : null;
}

/** What is wrong with the settings themselves (a plain-HTTP URL, an unprotected token) is said from the moment they are saved, not only after a sync. */
function withSettingsWarnings(fromSettings: Array<string | null>, warnings: string[]): string[] {
  const extra = fromSettings.filter((w): w is string => w !== null && !warnings.includes(w));
  return [...extra, ...warnings];
}

function heldChanges(store: WorkspaceStore): HeldChange[] {
  return store.held.list(200).map(({ kind, reason, heldAt, change }) => ({
    kind,
    entity: change.entity,
    rowId: change.rowId,
    field: change.field,
    hlc: change.hlc,
    deviceId: change.deviceId,
    reason: sentence(reason),
    heldAt,
  }));
}

/** Reasons finish "held: …"; on their own they read as a sentence. */
function sentence(reason: string): string {
  const text = reason.replace(/^it (is |was )?/, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

const HELD_WORDS: Record<HeldKind, string> = {
  invalid: 'they are malformed (a value that does not fit its field, a record that arrived incomplete); they will never merge',
  unknown: 'this version of Release Desk cannot merge them; update Release Desk',
  forged: 'their signatures do not hold; they will never merge or count',
  refused: 'they break a rule no later record can mend (a sign-off rewritten, another device\'s stamp, another workspace)',
  unverified: 'nothing here yet shows their signer may sign them; they are tried again as enrolments and roles arrive',
  future: 'stamped too far in the future (a device clock is wrong); they merge once this clock reaches them',
  server: 'the team server refused them; they count nowhere',
};

function summariseHeld(held: HeldChange[]): string[] {
  const byKind = new Map<HeldKind, number>();
  for (const h of held) byKind.set(h.kind, (byKind.get(h.kind) ?? 0) + 1);
  return [...byKind].map(([kind, n]) => `${n} change${n === 1 ? '' : 's'} held back: ${HELD_WORDS[kind]}.`);
}
