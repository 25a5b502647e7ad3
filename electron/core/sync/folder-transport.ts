import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../private-files';
import type { WorkspaceStore } from '../store/workspace-store';
import { deviceNamer } from './device-names';
import { writeNewFile } from './exclusive-file';
import { checkFolderAccess } from './folder-access';
import { openFolderFile, sealFolderFile } from './folder-encryption';
import { FILE_NAME, FolderFileError, decodeFolderFile, encodeFolderFile, fileName, type FolderFile } from './folder-file';
import type { FolderKey } from './folder-key';
import { deviceFiles, surveyFolder, type DeviceFiles } from './folder-survey';
import { receiveChanges } from './receive-changes';
import type { SyncLedger } from '../store/sync-ledger';
import type { SyncProgress, SyncReport } from './sync-report';
import { addReceived, emptyReport, yieldToEventLoop } from './sync-report';

/** Cursors are kept per folder: a new folder starts empty, so everything is published to it again. */
export const folderTransportId = (root: string) => `folder:${root}`;
const FILE_CHANGES = 5000;
/** Own files beyond this many are compacted into one. */
const COMPACT_AFTER_FILES = 64;

/** The folder's team key (null: the folder is not encrypted); `restoreHeader` when the key was saved for this folder. */
export interface FolderAccess {
  key: FolderKey | null;
  restoreHeader?: boolean;
}

/**
 * The shared-folder transport (docs/sync.md). Each device writes only files in its own subfolder, each written to a
 * temporary name and renamed once complete, never rewritten; it reads every other device's files and remembers, per
 * device, the last file of an unbroken run it has merged. A file that cannot be read (still copying, truncated,
 * corrupt, a "conflicted copy", not decrypting with the team key) is skipped with a warning and tried again on the
 * next sync; nothing in the folder is trusted, so nothing in it can crash the app or write a bad change. An encrypted
 * folder is neither read nor written without its key (checked before anything else).
 */
export async function syncFolder(
  store: WorkspaceStore,
  folder: string,
  onProgress: (p: SyncProgress) => void = () => {},
  access: FolderAccess = { key: null },
): Promise<SyncReport> {
  const report = emptyReport();
  const root = path.resolve(folder);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new FolderFileError(`The sync folder ${root} does not exist or is not a folder (is the drive connected?).`);
  }
  const survey = surveyFolder(root);
  report.warnings.push(...checkFolderAccess(store, root, survey, access), ...survey.problems);
  const transport = folderTransportId(root);
  const { key } = access;
  store.seal();
  await publish(store, root, transport, key, report, onProgress);
  followFolderClock(store, path.join(root, store.deviceId), report);
  const peers = survey.devices.filter((d) => d.deviceId !== store.deviceId);
  await readPeers(store, root, transport, key, peers, report, onProgress);
  compactOwnFiles(store, root, transport, key, report);
  return report;
}

async function publish(store: WorkspaceStore, root: string, transport: string, key: FolderKey | null, report: SyncReport, onProgress: (p: SyncProgress) => void): Promise<void> {
  const ledger = store.ledger;
  const own = path.join(root, store.deviceId);
  ensurePrivateDir(own);
  const published = `published:${transport}`;
  const total = ledger.waiting(transport);
  for (;;) {
    const batch = ledger.outbox(ledger.getNumber(published), FILE_CHANGES);
    if (batch.changes.length === 0) break;
    writeNextFile(store, ledger, own, transport, key, (n) => ({ base: n - 1, changes: batch.changes }));
    ledger.set(published, String(batch.lastSeq));
    report.sent += batch.changes.length;
    onProgress({ phase: 'sending', done: report.sent, total });
    await yieldToEventLoop();
  }
}

async function readPeers(
  store: WorkspaceStore,
  root: string,
  transport: string,
  key: FolderKey | null,
  peers: DeviceFiles[],
  report: SyncReport,
  onProgress: (p: SyncProgress) => void,
): Promise<void> {
  const ledger = store.ledger;
  const name = deviceNamer(store);
  const work = peers.map((peer) => {
    warnStrays(peer, report);
    if (key && peer.plain.length) report.warnings.push(unencryptedLeft(peer, name));
    const cursor = ledger.peerCursor(transport, peer.deviceId);
    return { peer: peer.deviceId, files: (key ? peer.encrypted : peer.plain).filter((n) => n > cursor) };
  });
  const total = work.reduce((n, w) => n + w.files.length, 0);
  let done = 0;
  for (const { peer, files } of work) {
    let cursor = ledger.peerCursor(transport, peer);
    for (const file of files) {
      done++;
      const where = `${peer}/${fileName(file, key !== null)}`;
      let decoded: FolderFile;
      try {
        decoded = readFile(path.join(root, where), key, { deviceId: peer, file });
      } catch (error) {
        report.warnings.push(`Skipped ${where}: ${error instanceof FolderFileError ? error.message : `unreadable (${String(error)})`}. It will be read again next time.`);
        continue;
      }
      const workspace = store.workspaceId;
      if (workspace && decoded.workspace !== workspace) {
        report.warnings.push(`Skipped ${where}: it belongs to another workspace (root ${decoded.workspace}); this workspace's root is ${workspace}. Is the folder shared by two teams?`);
        continue;
      }
      for (const line of decoded.rejected ?? []) report.warnings.push(`Left out of ${where}: ${line}.`);
      // The cursor moves only along an unbroken run, so a file that arrives late (cloud folders deliver in any
      // order) or could not be read yet is still read later; files after a gap are merged now all the same.
      const advances = decoded.base <= cursor;
      // A peer relays what it received, ours included: this device's own changes are already in its log.
      const theirs = decoded.changes.filter((c) => c.deviceId !== store.deviceId);
      const result = receiveChanges(store, theirs, {
        transport: transport,
        afterApply: () => {
          if (advances) ledger.setPeerCursor(transport, peer, file, new Date(store.now()).toISOString());
        },
      });
      if (advances) cursor = file;
      addReceived(report, result);
      onProgress({ phase: 'receiving', done, total });
      await yieldToEventLoop();
    }
  }
}

function readFile(file: string, key: FolderKey | null, at: { deviceId: string; file: number }): FolderFile {
  const bytes = fs.readFileSync(file);
  if (!key) return decodeFolderFile(bytes, at);
  const opened = openFolderFile(bytes, key, at);
  const decoded = decodeFolderFile(opened.gzip, at);
  if (decoded.workspace !== opened.workspace) throw new FolderFileError('names one workspace outside and another inside; it merges nothing');
  return decoded;
}

/**
 * Many small files are folded into one that carries this device's whole published history (base 0), then the old
 * ones are removed. A peer that had read only some of them reads the new file and finds the rest as duplicates; a
 * peer that had read them all skips it. No peer needs a removed file. In an encrypted folder, this device's own
 * unencrypted files (from before the folder was encrypted) are folded the same way: re-published encrypted, removed.
 */
function compactOwnFiles(store: WorkspaceStore, root: string, transport: string, key: FolderKey | null, report: SyncReport): void {
  const own = deviceFiles(root, store.deviceId);
  warnStrays(own, report);
  const files = [...own.plain, ...own.encrypted];
  const unencrypted = key ? own.plain.length : 0;
  if (files.length <= COMPACT_AFTER_FILES && unencrypted === 0) return;
  const ledger = store.ledger;
  const published = ledger.getNumber(`published:${transport}`);
  const changes = ledger.logThrough(published);
  const dir = path.join(root, store.deviceId);
  writeNextFile(store, ledger, dir, transport, key, () => ({ base: 0, changes }));
  for (const old of own.plain) fs.rmSync(path.join(dir, fileName(old)), { force: true });
  for (const old of own.encrypted) fs.rmSync(path.join(dir, fileName(old, true)), { force: true });
  if (unencrypted) {
    // Asked for by a person (encrypting the folder), so it counts as sent; compaction alone is housekeeping.
    report.sent += changes.length;
    report.warnings.push(
      `Re-published this device's history encrypted (${changes.length} change${changes.length === 1 ? '' : 's'} in one file) and removed its ${unencrypted} unencrypted file${unencrypted === 1 ? '' : 's'} from the shared folder.`,
    );
  }
}

/**
 * On a network drive the file server stamps modification times with its own clock: a probe file's time is then a
 * reference this device can follow if it lags. On a local cloud folder it is this device's own clock (no change).
 */
function followFolderClock(store: WorkspaceStore, own: string, report: SyncReport): void {
  try {
    const probe = path.join(own, '.clock');
    writePrivateFile(probe, '');
    const warning = store.followReferenceClock(fs.statSync(probe).mtimeMs, "The shared folder's file server");
    if (warning) report.warnings.push(warning);
  } catch {
    // A read-only or flaky folder: sync goes on by this device's own clock.
  }
}

function nextFileNumber(ledger: SyncLedger, own: string, transport: string): number {
  const existing = fs
    .readdirSync(own)
    .map((name) => FILE_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return Math.max(ledger.getNumber(`${transport}:lastFile`), ...existing, 0) + 1;
}

/**
 * Writes the next numbered file of this device (encrypted when the folder has a team key) under a name nobody has
 * used: a name that is taken (a copy of this workspace elsewhere may have written it) is left alone and the next
 * number tried. Returns the number written.
 */
function writeNextFile(
  store: WorkspaceStore,
  ledger: SyncLedger,
  own: string,
  transport: string,
  key: FolderKey | null,
  content: (file: number) => Pick<FolderFile, 'base' | 'changes'>,
): number {
  const workspace = workspaceOf(store);
  for (let file = nextFileNumber(ledger, own, transport); ; file++) {
    const gzip = encodeFolderFile({ workspace, deviceId: store.deviceId, file, ...content(file) });
    const bytes = key ? sealFolderFile(gzip, key, workspace, { deviceId: store.deviceId, file }) : gzip;
    if (!writeNewFile(path.join(own, fileName(file, key !== null)), bytes)) continue;
    ledger.set(`${transport}:lastFile`, String(file));
    return file;
  }
}

/** Files carry the workspace's root id; a workspace without a root yet has written nothing worth publishing. */
function workspaceOf(store: WorkspaceStore): string {
  return store.workspaceId ?? store.deviceId;
}

function warnStrays(files: DeviceFiles, report: SyncReport): void {
  for (const name of files.strays) report.warnings.push(`Ignored ${files.deviceId}/${name}: not a name Release Desk writes (a copy made by the folder's sync tool?).`);
}

function unencryptedLeft(peer: DeviceFiles, name: (deviceId: string) => string): string {
  const n = peer.plain.length;
  return (
    `Skipped ${n} unencrypted file${n === 1 ? '' : 's'} of ${name(peer.deviceId)} (${fileName(peer.plain[0])}${n > 1 ? ' …' : ''}): this folder is encrypted, so ${n === 1 ? 'it merges' : 'they merge'} nothing. ` +
    `Until that device syncs with the team key (it then re-publishes its history encrypted and removes them), anyone who can read the folder can read ${n === 1 ? 'it' : 'them'}.`
  );
}
