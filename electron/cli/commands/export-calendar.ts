import type { Command } from 'commander';
import { z } from 'zod';
import type { WorkspaceSession } from '../../core';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine, writeFileAtomically } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

/**
 * `--from`/`--to` of the calendar commands: a date (YYYY-MM-DD, whole UTC days, --to inclusive) or an ISO instant
 * with an offset. Shared with `import calendar` and `collisions`.
 */
export const RangeOptions = {
  from: z.string().optional().transform((s, ctx) => rangeBound(s, 'from', ctx)),
  to: z.string().optional().transform((s, ctx) => rangeBound(s, 'to', ctx)),
};

function rangeBound(value: string | undefined, which: 'from' | 'to', ctx: z.RefinementCtx): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    const day = Date.parse(`${value}T00:00:00Z`);
    return new Date(which === 'to' ? day + 86_400_000 : day).toISOString();
  }
  if (/T/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  ctx.addIssue({ code: 'custom', message: 'must be a date like 2026-12-01 or an ISO date-time like 2026-12-01T00:00:00Z' });
  return z.NEVER;
}

export function withRangeOptions(command: Command): Command {
  return command
    .option('--from <date>', 'start of the range: YYYY-MM-DD (UTC) or an ISO date-time')
    .option('--to <date>', 'end of the range, inclusive for a date: YYYY-MM-DD (UTC) or an ISO date-time');
}

/** `--environment NAME` (or id) → the environment's id. */
export async function environmentIdFor(session: WorkspaceSession, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const environments = await call(session, 'environments.list', {});
  const found = environments.find((e) => e.id === name || e.name.toLowerCase() === name.toLowerCase());
  if (!found) throw usageError(`--environment: there is no environment named "${name}"; choose one of: ${environments.map((e) => e.name).join(', ')}`);
  return found.id;
}

export const exportCalendarCommand = defineCommand({
  path: ['export', 'calendar'],
  description: 'Write releases, maintenance and freeze windows as an iCalendar (.ics) file for Outlook, Google Calendar or Thunderbird.',
  configure: (command) =>
    withRangeOptions(
      withDbOption(command)
        .requiredOption('--out <file>', '.ics file to write (replaced if it exists)')
        .option('--format <format>', 'file format: ics', 'ics')
        .option('--environment <name>', 'only this environment'),
    ).option('--json', 'print a JSON summary'),
  options: z.object({
    db: DbOption,
    out: z.string().min(1, 'must name a file'),
    format: z.literal('ics', { message: 'must be ics' }),
    environment: z.string().trim().min(1).optional(),
    json: z.boolean().default(false),
    ...RangeOptions,
  }),
  run: async ({ db, out, environment, from, to, json }) => {
    const result = await withWorkspace(db, 'existing', async (session) =>
      call(session, 'calendar.exportIcs', { environmentId: await environmentIdFor(session, environment), from, to }),
    );
    writeFileAtomically(out, result.ics);
    if (json) return printJson({ file: out, events: result.events });
    printLine(`Exported ${result.events} events to ${out}.`);
  },
});
