import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure, invalidInput } from '../../contract/api-result';
import type { FolderInspection, FolderKeyInfo } from '../../contract/sync-entities';
import type { WorkspaceStore } from '../store/workspace-store';
import { deviceNamer } from './device-names';
import { RepublishNeeded, unlockFolder } from './folder-access';
import { FolderKeyError, FolderKeyHeaderSchema, folderKeyOf, kindOf, readFolderKeyHeader, type FolderKey, type FolderKeyHeader, type FolderSecret } from './folder-key';
import { folderIsEncrypted, surveyFolder } from './folder-survey';
import type { FolderAccess } from './folder-transport';
import type { SyncLedger } from '../store/sync-ledger';

/** What a device saves about its folder's team key besides the key itself (which is saved protected, apart). */
interface SavedFolderKey {
  folder: string;
  keyFile: string | null;
  header: FolderKeyHeader;
}

const SAVED = 'folderKey';
const SAVED_SECRET = 'folderKeySecret';
export const LOCKED_WORDS = "it was protected by an OS keychain this process cannot use, such as the desktop app's when read by the command line";

/**
 * This device's shared folder as Settings → Sync sees it: the path checked, what the folder holds, and the team key
 * this device saved for it (protected like the member token, never the passphrase).
 */
export class FolderSettings {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly ledger: SyncLedger,
  ) {}

  /** Checks the folder and its key for `sync.configure`: a key given is unlocked (or set up) and saved. */
  async configure(folder: string, secret: FolderSecret | null, republish?: boolean): Promise<string> {
    const root = checkFolder(folder);
    if (secret) this.save(root, secret, (await unlockAsInput(this.store, root, secret, republish)).key);
    else this.requireKey(root);
    return root;
  }

  /** What a shared folder holds, for the settings form to say before the folder is chosen. */
  inspect(folder: string): FolderInspection {
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
      // A key saved under a keychain this process cannot use is not held: the form asks for it again.
      keyHeld: header !== null && this.saved()?.header.check === header.check && Boolean(this.ledger.getSecret(SAVED_SECRET)),
      unencrypted: survey.devices
        .filter((d) => d.plain.length > 0)
        .map((d) => ({ deviceId: d.deviceId, name: name(d.deviceId), files: d.plain.length, thisDevice: d.deviceId === this.store.deviceId })),
    };
  }

  /**
   * The key a sync of this folder uses: the one given for this sync, else the one saved for this folder (or for a
   * folder with the same header: the same share mounted elsewhere). The folder itself is checked against it by
   * `syncFolder`, which refuses an encrypted folder without its key.
   */
  async access(folder: string, secret?: FolderSecret, republish?: boolean): Promise<FolderAccess> {
    const root = path.resolve(folder);
    if (secret) return { key: (await unlockAsInput(this.store, root, secret, republish)).key };
    const saved = this.saved();
    if (!saved || !keyFits(saved, root)) return { key: null };
    return { key: this.unlockSaved(saved, root), restoreHeader: saved.folder === root };
  }

  /** The saved key in words for the settings, or null. */
  info(): FolderKeyInfo | null {
    const saved = this.saved();
    const stored = this.ledger.get(SAVED_SECRET);
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

  private unlockSaved(saved: SavedFolderKey, root: string): FolderKey {
    const secret = this.ledger.getSecret(SAVED_SECRET);
    const key = secret ? folderKeyOf(saved.header, secret) : null;
    if (!key) {
      throw new FolderKeyError(
        `The team key saved on this device for ${root} cannot be unlocked here (${LOCKED_WORDS}), so this device read nothing and wrote nothing there: enter the team ${kindOf(saved.header) === 'passphrase' ? 'passphrase' : 'key file'} again in Settings → Sync, or pass --passphrase-file or --key-file.`,
      );
    }
    return key;
  }

  private save(folder: string, secret: FolderSecret, key: FolderKey): void {
    const saved: SavedFolderKey = { folder, keyFile: 'keyFile' in secret ? secret.keyFile : null, header: key.header };
    this.ledger.set(SAVED, JSON.stringify(saved));
    this.ledger.setSecret(SAVED_SECRET, key.teamKey);
  }

  /** Keeps the saved key only for its folder; refuses an encrypted folder this device holds no key for, in words. */
  private requireKey(root: string): void {
    const saved = this.saved();
    if (saved && keyFits(saved, root)) return;
    if (saved) {
      this.ledger.set(SAVED, null);
      this.ledger.set(SAVED_SECRET, null);
    }
    let header: FolderKeyHeader | null;
    try {
      header = readFolderKeyHeader(root);
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

  private saved(): SavedFolderKey | null {
    const text = this.ledger.get(SAVED);
    if (!text) return null;
    const saved = JSON.parse(text) as SavedFolderKey;
    return FolderKeyHeaderSchema.safeParse(saved.header).success ? saved : null;
  }
}

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

/** The folder as a full path, or the field error saying why this device cannot use it. */
export function checkFolder(folder: string): string {
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
