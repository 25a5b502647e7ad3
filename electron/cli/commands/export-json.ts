import { z } from 'zod';
import { exportWorkspace, serializeBackup } from '../../core/backup/export-workspace';
import { defineCommand } from '../cli-command';
import { printJson, printLine, writeFileAtomically } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

export const exportJsonCommand = defineCommand({
  path: ['export', 'json'],
  description: 'Write a complete backup of the workspace (current state and full change history) to a JSON file; see docs/backup-format.md.',
  configure: (command) =>
    withDbOption(command).requiredOption('--out <file>', 'backup file to write (replaced if it exists)').option('--json', 'print a JSON summary'),
  options: z.object({ db: DbOption, out: z.string().min(1, 'must name a file'), json: z.boolean().default(false) }),
  run: async ({ db, out, json }) => {
    const backup = await withWorkspace(db, 'existing', (session) => exportWorkspace(session.store));
    writeFileAtomically(out, serializeBackup(backup));
    const { people, systems, environments, releases } = backup.workspace;
    const summary = { file: out, changes: backup.changeLog.length, people: people.length, systems: systems.length, environments: environments.length, releases: releases.length };
    if (json) return printJson(summary);
    printLine(`Exported ${summary.releases} releases, ${summary.people} people, ${summary.systems} systems, ${summary.environments} environments and ${summary.changes} changes of history to ${out}.`);
  },
});
