import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { DbOption, withWorkspace } from '../workspace-option';

export const initCommand = defineCommand({
  path: ['init'],
  description: 'Create a new, empty workspace file, for example to join a team through a shared folder or a team server with "sync".',
  configure: (command) =>
    command
      .requiredOption('--db <file>', 'the new workspace file (must not exist yet)')
      .option('--name <name>', 'the workspace name everyone who syncs it sees')
      .option('--json', 'print what was created as JSON'),
  options: z.object({
    db: DbOption,
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
    json: z.boolean().default(false),
  }),
  run: async ({ db, name, json }) => {
    const file = path.resolve(db);
    if (fs.existsSync(file)) throw usageError(`${file} already exists: init only creates a new workspace (choose another --db file)`);
    // Without --name nothing is written: a joining device's default name must not outrank the team's on its first sync.
    const settings = await withWorkspace(db, 'create', async (session) =>
      name === undefined ? (await call(session, 'workspace.info', {})).settings : call(session, 'settings.update', { name }),
    );
    if (json) return printJson({ db: file, settings });
    printLine(`Created an empty workspace "${settings.name}" in ${file}.`);
    printLine(`Next: sync it with your team (release-desk sync --db ${db} --folder DIR, or --server URL --token TOKEN), or open it in the app.`);
  },
});
