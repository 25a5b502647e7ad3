import path from 'node:path';
import { z } from 'zod';
import { GitImportError, readGitChanges } from '../../core/outcomes/git-log';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { releaseIdFor } from './gate';

export const importGitCommand = defineCommand({
  path: ['import', 'git'],
  description:
    'Add the commits between two tags of a local git repository to a release, as the changes it carries (for lead time). Reads git only, never the network; commits the release already carries are skipped.',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--repo <path>', 'the local git repository')
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .requiredOption('--from-tag <tag>', 'the previous release tag (its commits are not included)')
      .requiredOption('--to-tag <tag>', 'the tag of this release')
      .option('--dry-run', 'list the commits, write nothing')
      .option('--json', 'print the result as JSON'),
  options: z.object({
    db: DbOption,
    repo: z.string().trim().min(1, 'must name a repository folder'),
    release: z.string().trim().min(1, 'must name a release'),
    fromTag: z.string().trim().min(1, 'must name a tag'),
    toTag: z.string().trim().min(1, 'must name a tag'),
    dryRun: z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  run: async ({ db, repo, release, fromTag, toTag, dryRun, json }) => {
    const folder = path.resolve(repo);
    const result = await withWorkspace(db, 'existing', async (session) => {
      const releaseId = await releaseIdFor(session, release);
      let commits;
      try {
        commits = await readGitChanges(folder, fromTag, toTag);
      } catch (error) {
        if (error instanceof GitImportError) throw usageError(error.message);
        throw error;
      }
      if (commits.length === 0) throw usageError(`there are no commits between ${fromTag} and ${toTag} in ${folder}; nothing was written`);
      if (dryRun) return { commits, added: 0, skipped: 0, total: 0 };
      return { commits, ...(await call(session, 'changes.add', { releaseId, changes: commits })) };
    });
    if (json) return printJson(result);
    for (const c of result.commits) printLine(`  ${c.sha.slice(0, 10)}  ${c.committedAt}  ${c.author}  ${c.subject}`);
    if (dryRun) return printLine(`Would add ${result.commits.length} commit(s) from ${fromTag}..${toTag}.`);
    printLine(`Added ${result.added} commit(s) from ${fromTag}..${toTag}; ${result.skipped} already carried; the release now carries ${result.total}.`);
  },
});
