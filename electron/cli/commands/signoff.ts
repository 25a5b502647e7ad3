import { z } from 'zod';
import { READINESS_STATES, ReadinessState, type SignoffAction } from '../../contract/readiness-entities';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { releaseIdFor } from './gate';
import { personFor } from './references';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const signoffCommand = defineCommand({
  path: ['signoff'],
  description:
    'Assert, halt or withdraw one readiness state of a release, as a named person: the same rules as the app (only the empowered role may; a halt needs a reason).',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .requiredOption('--state <state>', `readiness state: ${READINESS_STATES.join(', ')}`)
      .requiredOption('--as <person>', 'who signs: person id, email or exact name')
      .option('--assert', 'assert the state ready')
      .option('--halt', 'halt the release (needs --comment with the reason)')
      .option('--withdraw', 'withdraw the assertion or halt in effect (or the one named by --withdraws)')
      .option('--comment <text>', 'comment; for a halt, the reason', '')
      .option('--waive <issue>', 'with --assert: an issue waived (repeat for several)', collect, [])
      .option('--withdraws <signoff-id>', 'with --withdraw: the sign-off to withdraw')
      .option('--json', 'print the release readiness afterwards as JSON'),
  options: z.object({
    db: DbOption,
    release: z.string().trim().min(1, 'must name a release'),
    state: ReadinessState,
    as: z.string().trim().min(1, 'must name a person'),
    assert: z.boolean().default(false),
    halt: z.boolean().default(false),
    withdraw: z.boolean().default(false),
    comment: z.string(),
    waive: z.array(z.string()),
    withdraws: z.string().optional(),
    json: z.boolean().default(false),
  }),
  run: async (options) => {
    const actions = (['assert', 'halt', 'withdraw'] as const).filter((a) => options[a]);
    if (actions.length !== 1) throw usageError('choose exactly one of --assert, --halt, --withdraw');
    const action: SignoffAction = actions[0];
    await withWorkspace(options.db, 'existing', async (session) => {
      const releaseId = await releaseIdFor(session, options.release);
      const person = await personFor(session, options.as, '--as');
      const view = await call(session, 'readiness.signoff', {
        releaseId,
        state: options.state,
        action,
        comment: options.comment,
        waivedIssues: options.waive,
        withdrawsId: options.withdraws,
        asPersonId: person.id,
      });
      if (options.json) return printJson(view);
      const state = view.states.find((s) => s.state === options.state)!;
      const done = { assert: 'asserted', halt: 'halted', withdraw: 'withdrew a sign-off of' }[action];
      printLine(`${person.name} ${done} ${state.label} readiness of ${view.release.name} ${view.release.version}; ${state.label} is now ${state.word.toLowerCase()}.`);
      printLine(view.gate.summary);
    });
  },
});
