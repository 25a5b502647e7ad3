import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensurePrivateDir, writePrivateFile } from '../private-files';
import type { WorkspaceStore } from '../store/workspace-store';
import { FILE_NAME, FolderFileError, decodeFolderFile, encodeFolderFile, fileName } from './folder-file';
import { readOutbox } from './outbox';
import { rowToChange, withoutSeq, type ChangeRow } from '../changes/change-row';
import { receiveChanges } from './receive-changes';
import { SyncLedger } from './sync-ledger';
import type { SyncProgress, SyncReport } from './sync-report';
import { addReceived, emptyReport, yieldToEventLoop } from './sync-report';

/** Cursors are kept per folder: a new folder starts empty, so everything is published to it again. */
export const folderTransportId = (root: string) => `folder:${root}`;
const FILE_CHANGES = 5000;
const DEVICE_DIR = /^[A-Za-z0-9_-]{1,64}$/;
/** Own files beyond this many are compacted into one. */
const COMPACT_AFTER_FILES = 64;

/**
 * The shared-folder transport (docs/sync.md). Each device writes only files in its own subfolder, each written to a
 * temporary name and renamed once complete, never rewritten; it reads every other device's files and remembers, per
 * device, the last file of an unbroken run it has merged. A file that cannot be read (still copying, truncated,
 * corrupt, a "conflicted copy") is skipped with a warning and tried again on the next sync; nothing in the folder
 * is trusted, so nothing in it can crash the app or write a bad change.
 */
export async function syncFolder(store: WorkspaceStore, folder: string, onProgress: (p: SyncProgress) => void = () => {}): Promise<SyncReport> {
  const report = emptyReport();
  const root = path.resolve(folder);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new FolderFileError(`The sync folder ${root} does not exist or is not a folder (is the drive connected?).`);
  }
  const transport = folderTransportId(root);
  store.seal();
  await publish(store, root, transport, report, onProgress);
  followFolderClock(store, path.join(root, store.deviceId), report);
  await readPeers(store, root, transport, report, onProgress);
  compactOwnFiles(store, root, transport, report);
  return report;
}

async function publish(store: WorkspaceStore, root: string, transport: string, report: SyncReport, onProgress: (p: SyncProgress) => void): Promise<void> {
  const ledger = new SyncLedger(store.db);
  const own = path.join(root, store.deviceId);
  ensurePrivateDir(own);
  const key = `published:${transport}`;
  const total = ledger.waiting(transport);
  for (;;) {
    const batch = readOutbox(store.db, ledger.getNumber(key), FILE_CHANGES);
    if (batch.changes.length === 0) break;
    const file = writeNextFile(ledger, own, transport, (n) => encodeFolderFile({ workspace: workspaceOf(store), deviceId: store.deviceId, file: n, base: n - 1, changes: batch.changes }));
    ledger.set(key, String(batch.lastSeq));
    report.sent += batch.changes.length;
    onProgress({ phase: 'sending', done: report.sent, total });
    await yieldToEventLoop();
  }
}

async function readPeers(store: WorkspaceStore, root: string, transport: string, report: SyncReport, onProgress: (p: SyncProgress) => void): Promise<void> {
  const ledger = new SyncLedger(store.db);
  const peers = safeList(root, report).filter((name) => name !== store.deviceId && DEVICE_DIR.test(name) && isDir(path.join(root, name)));
  const work = peers.map((peer) => ({ peer, files: listFiles(path.join(root, peer), ledger.peerCursor(transport, peer), report) }));
  const total = work.reduce((n, w) => n + w.files.length, 0);
  let done = 0;
  for (const { peer, files } of work) {
    let cursor = ledger.peerCursor(transport, peer);
    for (const file of files) {
      done++;
      const where = `${peer}/${fileName(file)}`;
      let decoded;
      try {
        decoded = decodeFolderFile(fs.readFileSync(path.join(root, peer, fileName(file))), { deviceId: peer, file });
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

/**
 * Many small files are folded into one that carries this device's whole published history (base 0), then the old
 * ones are removed. A peer that had read only some of them reads the new file and finds the rest as duplicates; a
 * peer that had read them all skips it. No peer needs a removed file.
 */
function compactOwnFiles(store: WorkspaceStore, root: string, transport: string, report: SyncReport): void {
  const own = path.join(root, store.deviceId);
  const files = listFiles(own, 0, report);
  if (files.length <= COMPACT_AFTER_FILES) return;
  const ledger = new SyncLedger(store.db);
  const published = ledger.getNumber(`published:${transport}`);
  const rows = store.db.prepare('SELECT * FROM change_log WHERE seq <= ? ORDER BY seq').all(published) as ChangeRow[];
  const changes = rows.map((r) => withoutSeq(rowToChange(r)));
  writeNextFile(ledger, own, transport, (n) => encodeFolderFile({ workspace: workspaceOf(store), deviceId: store.deviceId, file: n, base: 0, changes }));
  for (const old of files) fs.rmSync(path.join(own, fileName(old)), { force: true });
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
 * Writes the next numbered file of this device: under a temporary name in the same folder, then linked to its final
 * name, which fails if that name exists. So readers never see a half-written file, and a device never overwrites
 * a file it did not write (a copy of this workspace elsewhere, or anyone else with access, may have written it):
 * it takes the next free number instead. Returns the number written.
 */
function writeNextFile(ledger: SyncLedger, own: string, transport: string, encode: (file: number) => Buffer): number {
  for (let file = nextFileNumber(ledger, own, transport); ; file++) {
    const temp = path.join(own, `.${fileName(file)}.${randomBytes(6).toString('hex')}.tmp`);
    writePrivateFile(temp, encode(file), 'wx');
    try {
      publishExclusively(temp, path.join(own, fileName(file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
    ledger.set(`${transport}:lastFile`, String(file));
    return file;
  }
}

/** A hard link fails if the name exists; some network and cloud drives have no hard links, and there a check must do. */
function publishExclusively(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    fs.renameSync(temp, target);
  }
}

/** Files carry the workspace's root id; a workspace without a root yet has written nothing worth publishing. */
function workspaceOf(store: WorkspaceStore): string {
  return store.workspaceId ?? store.deviceId;
}

function listFiles(dir: string, after: number, report: SyncReport): number[] {
  const numbers: number[] = [];
  for (const name of safeList(dir, report)) {
    if (name.startsWith('.')) continue;
    const match = FILE_NAME.exec(name);
    if (match) {
      if (Number(match[1]) > after) numbers.push(Number(match[1]));
    } else if (name.endsWith('.gz')) {
      report.warnings.push(`Ignored ${path.basename(dir)}/${name}: not a name Release Desk writes (a copy made by the folder's sync tool?).`);
    }
  }
  return numbers.sort((a, b) => a - b);
}

function safeList(dir: string, report: SyncReport): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    report.warnings.push(`Could not list ${dir}: ${error instanceof Error ? error.message : String(error)}.`);
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
