import { z } from 'zod';
import { findReleaseByRef } from '../../core/domain/readiness';
import type { WorkspaceSession } from '../../core';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { CliError, usageError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

/** `--release` takes the release id or NAME@VERSION; shared with `signoff`. */
export async function releaseIdFor(session: WorkspaceSession, ref: string): Promise<string> {
  const found = findReleaseByRef(await call(session, 'releases.list', {}), ref);
  if (!found.ok) throw usageError(found.message);
  return found.value.id;
}

export const gateCommand = defineCommand({
  path: ['gate'],
  description:
    "Pipeline readiness gate under the workspace's readiness policy: exit 0 when the release may go (printing any warnings), 3 when it is halted (who and why), 4 when it is pending (what is missing).",
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .option('--require-all', 'exit 4 while any readiness state is not asserted, whatever the policy')
      .option('--json', 'print the answer, state by state, as JSON (the API contract shape)'),
  options: z.object({
    db: DbOption,
    release: z.string().trim().min(1, 'must name a release'),
    requireAll: z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  run: async ({ db, release, requireAll, json }) => {
    const gate = await withWorkspace(db, 'existing', async (session) =>
      call(session, 'readiness.gate', { releaseId: await releaseIdFor(session, release), requireAll }),
    );
    if (json) printJson(gate);
    else gate.lines.forEach(printLine);
    // The decision is on stdout already; the exit code is what the pipeline branches on, with nothing on stderr.
    if (gate.exitCode !== 0) throw new CliError('', gate.exitCode);
  },
});
