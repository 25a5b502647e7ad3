import fs from 'node:fs';
import { z } from 'zod';
import { StoredWindowKind } from '../../contract/calendar-entities';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine, printWarning } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { environmentIdFor } from './export-calendar';

export const importCalendarCommand = defineCommand({
  path: ['import', 'calendar'],
  description: 'Create freeze or maintenance windows from an iCalendar (.ics) file; a file that does not check out imports nothing.',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--file <file>', '.ics file to read')
      .requiredOption('--kind <kind>', 'what the events become: freeze or maintenance')
      .option('--environment <name>', 'the environment the windows apply to (default: every environment)')
      .option('--dry-run', 'show what would be created, write nothing')
      .option('--json', 'print the windows as JSON'),
  options: z.object({
    db: DbOption,
    file: z.string().min(1, 'must name a file'),
    kind: z.enum(StoredWindowKind.options, { message: 'must be freeze or maintenance' }),
    environment: z.string().trim().min(1).optional(),
    dryRun: z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  run: async ({ db, file, kind, environment, dryRun, json }) => {
    let ics: string;
    try {
      ics = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw usageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const result = await withWorkspace(db, 'existing', async (session) => {
      const input = { ics, kind, environmentId: (await environmentIdFor(session, environment)) ?? null };
      if (dryRun) return call(session, 'calendar.previewIcsImport', input);
      const done = await call(session, 'calendar.importIcs', input);
      return { windows: done.created, warnings: done.warnings };
    });
    if (json) return printJson(result);
    result.warnings.forEach(printWarning);
    const verb = dryRun ? 'Would create' : 'Created';
    printLine(`${verb} ${result.windows.length} ${kind} window${result.windows.length === 1 ? '' : 's'} from ${file}.`);
    for (const w of result.windows) printLine(`  ${w.name}: ${w.start} – ${w.end} (${w.timeZone})${w.rrule ? `, repeats ${w.rrule}` : ''}`);
  },
});
