import { z } from 'zod';
import { createDemoWorkspace, DEFAULT_DEMO_RELEASES, DEFAULT_DEMO_SEED } from '../../core/demo/demo-workspace';
import { defineCommand } from '../cli-command';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ message: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const demoCommand = defineCommand({
  path: ['demo'],
  description: 'Fill a new, empty workspace with a realistic quarter of releases, people, systems and environments.',
  configure: (command) =>
    withDbOption(command)
      .option('--releases <n>', 'how many releases', String(DEFAULT_DEMO_RELEASES))
      .option('--seed <n>', 'random seed: the same seed and day give the same workspace', String(DEFAULT_DEMO_SEED))
      .option('--today <date>', 'the day (YYYY-MM-DD) the quarter is placed around (default: today)')
      .option('--json', 'print what was created as JSON'),
  options: z.object({
    db: DbOption,
    releases: wholeNumber(0, 100_000),
    seed: wholeNumber(0, 2 ** 32 - 1),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23').refine((d) => !Number.isNaN(Date.parse(d)), 'must be a real date').optional(),
    json: z.boolean().default(false),
  }),
  run: async ({ db, releases, seed, today, json }) => {
    const summary = await withWorkspace(db, 'create', (session) => createDemoWorkspace(session.store, { releases, seed, today }));
    if (json) return printJson({ db, ...summary });
    printLine(`Created a demo workspace in ${db}: ${summary.releases} releases, ${summary.people} people, ${summary.systems} systems, ${summary.environments} environments.`);
  },
});
