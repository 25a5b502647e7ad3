import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { CliError, usageError } from '../cli-errors';
import { printJson, printLine, printWarning } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import type { WorkspaceSession } from '../../core';
import type { SyncTarget } from '../../contract/sync-entities';

/** A passphrase file is a few words; anything longer is not one. */
const MAX_PASSPHRASE_FILE_BYTES = 4096;

export const syncCommand = defineCommand({
  path: ['sync'],
  description:
    'Sync a workspace once, through a shared folder (--folder; --key-file or --passphrase-file when it is encrypted) or a team server (--server and --token); without either, as configured in the app.',
  configure: (command) =>
    withDbOption(command)
      .option('--folder <dir>', 'a shared folder (network drive, Dropbox, OneDrive, Syncthing)')
      .option('--key-file <file>', "the folder's team key file (at least 32 random bytes: head -c 32 /dev/urandom > team.key); encrypts a folder not yet encrypted")
      .option('--passphrase-file <file>', "a file whose first line is the folder's team passphrase; encrypts a folder not yet encrypted")
      .option('--republish', "encrypt a folder that already holds unencrypted files: this device re-publishes its history encrypted and removes its own unencrypted files")
      .option('--server <url>', 'a team server URL')
      .option('--token <token>', 'your member token for --server (or RELEASE_DESK_SYNC_TOKEN)')
      .option('--json', 'print the sync report as JSON')
      .option('--follow', 'keep syncing live until stopped (Ctrl-C or SIGTERM), one line per batch of changes from the others'),
  options: z.object({
    db: DbOption,
    folder: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    passphraseFile: z.string().min(1).optional(),
    republish: z.boolean().default(false),
    server: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    json: z.boolean().default(false),
    follow: z.boolean().default(false),
  }),
  run: async (options) => {
    if (options.folder && options.server) throw usageError('choose one of --folder and --server');
    if ((options.keyFile || options.passphraseFile || options.republish) && !options.folder) throw usageError('--key-file, --passphrase-file and --republish go with --folder');
    if (options.keyFile && options.passphraseFile) throw usageError('choose one of --key-file and --passphrase-file');
    const token = options.token ?? process.env.RELEASE_DESK_SYNC_TOKEN;
    if (options.server && !token) throw usageError('--server needs --token (or RELEASE_DESK_SYNC_TOKEN)');
    if (!fs.existsSync(path.resolve(options.db))) {
      throw usageError(`there is no workspace at ${path.resolve(options.db)}: create an empty one with "release-desk init --db ${options.db}", then sync into it`);
    }
    const key = options.keyFile
      ? { keyFile: path.resolve(options.keyFile) }
      : options.passphraseFile
        ? { passphrase: readPassphrase(options.passphraseFile) }
        : {};
    const target = options.folder
      ? { folder: options.folder, ...key, ...(options.republish ? { republish: true } : {}) }
      : options.server
        ? { serverUrl: options.server, token: token! }
        : undefined;
    if (options.follow && options.json) throw usageError('--follow prints lines as changes arrive; it does not go with --json');
    await withWorkspace(options.db, 'existing', async (session) => {
      const report = await call(session, 'sync.now', { target });
      if (options.json) return printJson(report);
      printLine(
        `Sent ${report.sent} change(s), received ${report.received} (${report.applied} applied, ${report.superseded} older than a change already here, kept in the history), ${report.duplicates} already here, ${report.held} held back, ${report.openConflicts} open conflict(s).`,
      );
      report.warnings.forEach(printWarning);
      if (options.follow) await follow(session, target);
    });
  },
});

/**
 * Syncs live until Ctrl-C or SIGTERM: one line per batch that arrives, naming what changed; the connection's ups and
 * downs on stderr, so that stdout stays the feed a pipeline or a wall screen reads. A sync under way finishes first.
 */
async function follow(session: WorkspaceSession, target: SyncTarget | undefined): Promise<void> {
  const time = () => new Date().toTimeString().slice(0, 8);
  const stopReceiving = session.subscribeReceived((sentences) =>
    printLine(`${time()} ${sentences.slice(0, 5).join('; ')}${sentences.length > 5 ? `; and ${sentences.length - 5} more` : ''}`),
  );
  let last = '';
  const stopStatus = session.subscribeLive((event) => {
    if (event.kind !== 'status' || event.status.state === last) return;
    const { state, reason, waiting } = event.status;
    last = state;
    if (state === 'live') process.stderr.write(`${time()} live: following the team server\n`);
    if (state === 'watching') process.stderr.write(`${time()} watching the shared folder\n`);
    if (state === 'offline') process.stderr.write(`${time()} offline (${reason ?? 'no connection'}); ${waiting} change(s) waiting; reconnecting\n`);
  });
  session.goLive(target);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopReceiving();
  stopStatus();
  await session.settled();
}

/** The first line of the file, exactly (a trailing newline is how editors and `echo` end a file, not the passphrase's). */
function readPassphrase(file: string): string {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_PASSPHRASE_FILE_BYTES) throw usageError(`${file} is larger than ${MAX_PASSPHRASE_FILE_BYTES} bytes: not a passphrase file`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usageError(`cannot read the passphrase file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const passphrase = bytes.toString('utf8').split(/\r?\n/)[0];
  if (!passphrase) throw usageError(`the passphrase file ${file} is empty: its first line is the passphrase`);
  return passphrase;
}
