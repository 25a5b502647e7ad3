import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine, printWarning } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

export const syncCommand = defineCommand({
  path: ['sync'],
  description: 'Sync a workspace once, through a shared folder (--folder) or a team server (--server and --token); without either, as configured in the app.',
  configure: (command) =>
    withDbOption(command)
      .option('--folder <dir>', 'a shared folder (network drive, Dropbox, OneDrive, Syncthing)')
      .option('--server <url>', 'a team server URL')
      .option('--token <token>', 'your member token for --server (or RELEASE_DESK_SYNC_TOKEN)')
      .option('--json', 'print the sync report as JSON'),
  options: z.object({
    db: DbOption,
    folder: z.string().min(1).optional(),
    server: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    json: z.boolean().default(false),
  }),
  run: async (options) => {
    if (options.folder && options.server) throw usageError('choose one of --folder and --server');
    const token = options.token ?? process.env.RELEASE_DESK_SYNC_TOKEN;
    if (options.server && !token) throw usageError('--server needs --token (or RELEASE_DESK_SYNC_TOKEN)');
    if (!fs.existsSync(path.resolve(options.db))) {
      throw usageError(`there is no workspace at ${path.resolve(options.db)}: create an empty one with "release-desk init --db ${options.db}", then sync into it`);
    }
    const target = options.folder ? { folder: options.folder } : options.server ? { serverUrl: options.server, token: token! } : undefined;
    await withWorkspace(options.db, 'existing', async (session) => {
      const report = await call(session, 'sync.now', { target });
      if (options.json) return printJson(report);
      printLine(
        `Sent ${report.sent} change(s), received ${report.received} (${report.applied} applied, ${report.superseded} older than a change already here, kept in the history), ${report.duplicates} already here, ${report.held} held back, ${report.openConflicts} open conflict(s).`,
      );
      report.warnings.forEach(printWarning);
    });
  },
});
