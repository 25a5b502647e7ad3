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
    'Pipeline readiness gate: exit 0 when the release may go, 3 when it is halted (prints who halted it and why), 4 when it is pending (prints what is missing).',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .option('--json', 'print the decision as JSON (the API contract shape)'),
  options: z.object({ db: DbOption, release: z.string().trim().min(1, 'must name a release'), json: z.boolean().default(false) }),
  run: async ({ db, release, json }) => {
    const gate = await withWorkspace(db, 'existing', async (session) =>
      call(session, 'readiness.gate', { releaseId: await releaseIdFor(session, release) }),
    );
    if (json) printJson(gate);
    else gate.lines.forEach(printLine);
    // The decision is on stdout already; the exit code is what the pipeline branches on, with nothing on stderr.
    if (gate.exitCode !== 0) throw new CliError('', gate.exitCode);
  },
});
