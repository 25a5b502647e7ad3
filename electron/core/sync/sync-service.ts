import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure, invalidInput } from '../../contract/api-result';
import { plainHttpWarning } from '../../contract/plain-http';
import type { FolderInspection, FolderKeyInfo, HeldChange, HeldKind, SyncSettings, SyncStatus } from '../../contract/sync-entities';
import type { WorkspaceStore } from '../store/workspace-store';
import { deviceNamer } from './device-names';
import { RepublishNeeded, unlockFolder } from './folder-access';
import { FolderFileError } from './folder-file';
import { FolderKeyError, FolderKeyHeaderSchema, folderKeyOf, kindOf, readFolderKeyHeader, type FolderKey, type FolderKeyHeader, type FolderSecret } from './folder-key';
import { folderIsEncrypted, surveyFolder } from './folder-survey';
import { folderTransportId, syncFolder, type FolderAccess } from './folder-transport';
import { ServerSyncError, normaliseServerUrl, serverTransportId, syncServer } from './server-client';
import { SyncLedger } from './sync-ledger';
import { openConflictCount } from './sync-conflicts';
import { addReceived, type SyncProgress, type SyncReport } from './sync-report';

export type SyncTarget = { kind: 'folder'; folder: string; secret?: FolderSecret; republish?: boolean } | { kind: 'server'; url: string; token: string };

/** What a device saves about its folder's team key besides the key itself (which is saved protected, apart). */
interface SavedFolderKey {
  folder: string;
  keyFile: string | null;
  header: FolderKeyHeader;
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

  private constructor(private readonly store: WorkspaceStore) {
    this.ledger = new SyncLedger(store.db);
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
      intervalSeconds: Number(this.ledger.get('intervalSeconds') ?? DEFAULT_INTERVAL_SECONDS),
      folderKey: this.folderKeyInfo(),
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
      const folder = checkFolder(input.folder ?? this.ledger.get('folder') ?? '');
      const secret = secretOf(input);
      if (secret) this.saveFolderKey(folder, secret, (await unlockAsInput(this.store, folder, secret, input.republish)).key);
      else this.requireFolderKey(folder);
      this.ledger.set('folder', folder);
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
    return this.settings();
  }

  status(): SyncStatus {
    this.arm();
    const settings = this.settings();
    const transport = this.transportId(settings);
    return {
      settings,
      running: this.running !== null,
      progress: this.progress,
      lastSyncedAt: this.ledger.get('lastSyncedAt') ?? null,
      lastError: this.ledger.get('lastError') ?? null,
      warnings: withTransportWarning(settings, JSON.parse(this.ledger.get('lastWarnings') ?? '[]') as string[]),
      waiting: transport ? this.ledger.waiting(transport) : 0,
      openConflicts: openConflictCount(this.store),
      held: heldChanges(this.store),
      peers: transport?.startsWith('folder:') ? this.ledger.peers(transport).map(({ peer, lastSeenAt }) => ({ peer, lastSeenAt })) : [],
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
    });
    this.running = run;
    return run;
  }

  /** What a shared folder holds, for the settings form to say before the folder is chosen. */
  inspectFolder(folder: string): FolderInspection {
    const root = path.resolve(folder);
    const looked: FolderInspection = { folder: root, problem: null, encryption: null, keyHeld: false, unencrypted: [] };
    let survey;
    try {
      checkFolder(folder);
      survey = surveyFolder(root);
    } catch (error) {
      if (error instanceof ApiFailure || error instanceof FolderKeyError) return { ...looked, problem: error.message };
      throw error;
    }
    const name = deviceNamer(this.store);
    const { header } = survey;
    return {
      ...looked,
      problem: !header && folderIsEncrypted(survey) ? `${root} holds encrypted files, but its encryption header is missing: a device that holds the team key puts it back when it syncs.` : null,
      encryption: header ? { kind: kindOf(header), setUpBy: name(header.setUpBy), setUpAt: header.setUpAt } : null,
      keyHeld: header !== null && this.savedFolderKey()?.header.check === header.check,
      unencrypted: survey.devices
        .filter((d) => d.plain.length > 0)
        .map((d) => ({ deviceId: d.deviceId, name: name(d.deviceId), files: d.plain.length, thisDevice: d.deviceId === this.store.deviceId })),
    };
  }

  private async run(target: SyncTarget): Promise<SyncReport> {
    const onProgress = (p: SyncProgress) => (this.progress = p);
    try {
      const released = this.store.retryHeld();
      const report =
        target.kind === 'folder'
          ? await syncFolder(this.store, target.folder, onProgress, await this.folderAccess(target))
          : await syncServer(this.store, target, onProgress);
      addReceived(report, released);
      const held = heldChanges(this.store);
      if (held.length) report.warnings.push(...summariseHeld(held));
      this.ledger.set('lastSyncedAt', new Date(this.store.now()).toISOString());
      this.ledger.set('lastError', null);
      this.ledger.set('lastWarnings', JSON.stringify(report.warnings.slice(0, 50)));
      return report;
    } catch (error) {
      if (this.store.db.open) this.ledger.set('lastError', describeSyncError(error));
      throw error;
    }
  }

  private configuredTarget(): SyncTarget | null {
    const s = this.settings();
    if (s.mode === 'folder' && s.folder) return { kind: 'folder', folder: s.folder };
    if (s.mode === 'server' && s.serverUrl && s.tokenSet) {
      const token = this.ledger.getSecret('token');
      if (!token) throw invalidInput('token', `The member token saved on this device cannot be unlocked here (${lockedWords}): enter it again in Settings → Sync, or pass --token.`);
      return { kind: 'server', url: s.serverUrl, token: token.toString('utf8') };
    }
    return null;
  }

  /**
   * The key a sync of this folder uses: the one given for this sync, else the one saved for this folder (or for a
   * folder with the same header: the same share mounted elsewhere). The folder itself is checked against it by
   * `syncFolder`, which refuses an encrypted folder without its key.
   */
  private async folderAccess(target: Extract<SyncTarget, { kind: 'folder' }>): Promise<FolderAccess> {
    const root = path.resolve(target.folder);
    if (target.secret) return { key: (await unlockAsInput(this.store, root, target.secret, target.republish)).key };
    const saved = this.savedFolderKey();
    if (!saved || !keyFits(saved, root)) return { key: null };
    return { key: this.unlockSaved(saved, root), restoreHeader: saved.folder === root };
  }

  private unlockSaved(saved: SavedFolderKey, root: string): FolderKey {
    const secret = this.ledger.getSecret('folderKeySecret');
    const key = secret ? folderKeyOf(saved.header, secret) : null;
    if (!key) {
      throw new FolderKeyError(
        `The team key saved on this device for ${root} cannot be unlocked here (${lockedWords}), so this device read nothing and wrote nothing there: enter the team ${kindOf(saved.header) === 'passphrase' ? 'passphrase' : 'key file'} again in Settings → Sync, or pass --passphrase-file or --key-file.`,
      );
    }
    return key;
  }

  private saveFolderKey(folder: string, secret: FolderSecret, key: FolderKey): void {
    const saved: SavedFolderKey = { folder, keyFile: 'keyFile' in secret ? secret.keyFile : null, header: key.header };
    this.ledger.set('folderKey', JSON.stringify(saved));
    this.ledger.setSecret('folderKeySecret', key.teamKey);
  }

  /** Keeps the saved key only for its folder; refuses an encrypted folder this device holds no key for, in words. */
  private requireFolderKey(folder: string): void {
    const saved = this.savedFolderKey();
    if (saved && keyFits(saved, folder)) return;
    if (saved) {
      this.ledger.set('folderKey', null);
      this.ledger.set('folderKeySecret', null);
    }
    let header: FolderKeyHeader | null;
    try {
      header = readFolderKeyHeader(folder);
    } catch (error) {
      if (error instanceof FolderKeyError) throw invalidInput('folder', error.message);
      throw error;
    }
    if (header) {
      const kind = kindOf(header);
      throw invalidInput(
        kind === 'passphrase' ? 'passphrase' : 'keyFile',
        `This folder is encrypted with a team ${kind === 'passphrase' ? 'passphrase' : 'key file'} (set up by ${deviceNamer(this.store)(header.setUpBy)} on ${header.setUpAt.slice(0, 10)}): enter it to sync.`,
      );
    }
  }

  private savedFolderKey(): SavedFolderKey | null {
    const text = this.ledger.get('folderKey');
    if (!text) return null;
    const saved = JSON.parse(text) as SavedFolderKey;
    return FolderKeyHeaderSchema.safeParse(saved.header).success ? saved : null;
  }

  private folderKeyInfo(): FolderKeyInfo | null {
    const saved = this.savedFolderKey();
    const stored = this.ledger.get('folderKeySecret');
    if (!saved || !stored) return null;
    const { protection } = JSON.parse(stored) as { protection: string };
    return {
      kind: kindOf(saved.header),
      keyFile: saved.keyFile,
      setUpBy: deviceNamer(this.store)(saved.header.setUpBy),
      setUpAt: saved.header.setUpAt,
      protection: protection === 'none' ? 'kept in this workspace file, readable only by you (no OS keychain here)' : `protected by ${protection}`,
    };
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
      if (!this.store.db.open) {
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

const lockedWords = 'it was protected by an OS keychain this process cannot use, such as the desktop app\'s when read by the command line';

export function secretOf(input: { passphrase?: string; keyFile?: string }): FolderSecret | null {
  if (input.passphrase !== undefined) return { passphrase: input.passphrase };
  if (input.keyFile !== undefined) return { keyFile: input.keyFile };
  return null;
}

/** The saved key belongs to this folder, or to one with the same header (the same share, mounted elsewhere). */
function keyFits(saved: SavedFolderKey, root: string): boolean {
  if (saved.folder === root) return true;
  try {
    return readFolderKeyHeader(root)?.check === saved.header.check;
  } catch {
    return false;
  }
}

/** Unlocks (or sets up) the folder's key; a wrong passphrase or key file is an input error, naming its field. */
async function unlockAsInput(store: WorkspaceStore, root: string, secret: FolderSecret, republish?: boolean): Promise<{ key: FolderKey; setUp: boolean }> {
  try {
    return await unlockFolder(store, root, secret, { republish });
  } catch (error) {
    if (!(error instanceof FolderKeyError)) throw error;
    throw invalidInput(error instanceof RepublishNeeded ? 'republish' : 'passphrase' in secret ? 'passphrase' : 'keyFile', error.message);
  }
}

function checkFolder(folder: string): string {
  if (!folder) throw invalidInput('folder', 'Folder is required to sync through a shared folder.');
  if (!path.isAbsolute(folder)) throw invalidInput('folder', 'Folder must be a full path, e.g. /Users/ana/Dropbox/release-desk.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw invalidInput('folder', `There is no folder at ${folder}: create it (or connect the drive) first.`);
  }
  if (!stat.isDirectory()) throw invalidInput('folder', `${folder} is a file, not a folder.`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw invalidInput('folder', `This device may not write to ${folder}.`);
  }
  return path.resolve(folder);
}

/** A plain-HTTP server URL is warned about from the moment it is saved, not only after a sync. */
function withTransportWarning(settings: SyncSettings, warnings: string[]): string[] {
  const plainHttp = settings.mode === 'server' && settings.serverUrl ? plainHttpWarning(settings.serverUrl) : null;
  return plainHttp && !warnings.includes(plainHttp) ? [plainHttp, ...warnings] : warnings;
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
