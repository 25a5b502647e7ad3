import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { CliError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

/** Exit code when anything in the workspace does not hold; gate uses 3 and 4, so pipelines can tell them apart. */
export const EXIT_VERIFY_FAILED = 5;

export const verifyCommand = defineCommand({
  path: ['verify'],
  description:
    'Check every signature, every device\'s hash chain and seals, the root, and every row against its change log: exit 0 when all holds, 5 with one line per problem. --repair rewrites rows edited behind the store\'s back from the log.',
  configure: (command) =>
    withDbOption(command)
      .option('--repair', 'rewrite the rows that differ from their change log, then check again')
      .option('--json', 'print the report as JSON (the API contract shape)'),
  options: z.object({ db: DbOption, repair: z.boolean().default(false), json: z.boolean().default(false) }),
  run: async ({ db, repair, json }) => {
    const { before, after } = await withWorkspace(db, 'existing', async (session) => {
      const first = await call(session, 'workspace.verify', {});
      const mend = repair && first.problems.some((p) => p.repairable);
      return { before: first, after: mend ? await call(session, 'workspace.repair', {}) : first };
    });
    if (json) printJson(after);
    else {
      const still = new Set(after.problems.map((p) => p.message));
      for (const p of before.problems) if (p.repairable && !still.has(p.message) && after !== before) printLine(`Repaired: ${p.message}`);
      for (const p of after.problems) printLine(`${p.kind}: ${p.message}${p.repairable ? ' (repairable: release-desk verify --repair)' : ''}`);
      const { changes, signedWrites, devices, rows } = after.counts;
      printLine(
        `${after.ok ? 'All holds' : `${after.problems.length} problem(s)`}: checked ${changes} change(s) from ${devices} device(s), ${signedWrites} signed record(s) and ${rows} row(s).`,
      );
    }
    if (!after.ok) throw new CliError('', EXIT_VERIFY_FAILED);
  },
});
