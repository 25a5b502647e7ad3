import { z } from 'zod';
import { COLLISION_KIND_LABELS } from '../../contract/calendar-entities';
import { collisionSentenceWithPlanned, machineTimeZone } from '../../core/domain/calendar';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { RangeOptions, environmentIdFor, withRangeOptions } from './export-calendar';

export const collisionsCommand = defineCommand({
  path: ['collisions'],
  description: 'List collisions in the plan (double bookings, freezes, missing maintenance windows, dependency violations), each with its reason.',
  configure: (command) =>
    withRangeOptions(withDbOption(command))
      .option('--environment <name>', 'only this environment')
      .option('--json', 'print a JSON array of collisions (the API contract shape)'),
  options: z.object({ db: DbOption, environment: z.string().trim().min(1).optional(), json: z.boolean().default(false), ...RangeOptions }),
  run: async ({ db, environment, from, to, json }) => {
    const collisions = await withWorkspace(db, 'existing', async (session) =>
      call(session, 'collisions.list', { environmentId: await environmentIdFor(session, environment), from, to }),
    );
    if (json) return printJson(collisions);
    if (collisions.length === 0) return printLine('No collisions.');
    printLine(`Times in ${machineTimeZone()} (this machine's zone); a release planned in another zone has its times there in brackets.`);
    for (const c of collisions) {
      printLine(`${COLLISION_KIND_LABELS[c.kind]}${c.accepted ? ` (accepted: ${c.accepted.reason})` : ''}: ${collisionSentenceWithPlanned(c)}`);
    }
  },
});
