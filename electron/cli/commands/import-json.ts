import fs from 'node:fs';
import { z } from 'zod';
import { ApiFailure } from '../../contract/api-result';
import { JsonTooDeepError, parseBoundedJson } from '../../core/bounded-json';
import { parseBackup, restoreBackup } from '../../core/backup/import-workspace';
import type { BackupFile } from '../../core/backup/backup-format';
import { defineCommand } from '../cli-command';
import { usageError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

export const importJsonCommand = defineCommand({
  path: ['import', 'json'],
  description: 'Restore a backup written by "export json" into a new or empty workspace; a file that does not check out imports nothing.',
  configure: (command) =>
    withDbOption(command).requiredOption('--file <file>', 'backup file to read').option('--json', 'print a JSON summary'),
  options: z.object({ db: DbOption, file: z.string().min(1, 'must name a file'), json: z.boolean().default(false) }),
  run: async ({ db, file, json }) => {
    // The whole file is checked before the workspace is even opened.
    const backup = readBackup(file);
    const summary = await withWorkspace(db, 'create', (session) => restoreBackup(session.store, backup));
    if (json) return printJson({ db, ...summary });
    printLine(`Imported ${summary.releases} releases, ${summary.people} people, ${summary.systems} systems, ${summary.environments} environments and ${summary.changes} changes of history into ${db}.`);
  },
});

function readBackup(file: string): BackupFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let raw: unknown;
  try {
    raw = parseBoundedJson(text);
  } catch (error) {
    if (error instanceof JsonTooDeepError) throw usageError(`cannot import ${file}: ${error.message}`);
    throw usageError(`cannot import ${file}: it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseBackup(raw);
  } catch (error) {
    if (error instanceof ApiFailure) throw usageError(`cannot import ${file}: ${error.message}`);
    throw error;
  }
}
