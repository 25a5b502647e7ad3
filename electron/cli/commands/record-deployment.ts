import { z } from 'zod';
import { Instant } from '../../contract/entities';
import { DEPLOYMENT_RESULTS, DEPLOYMENT_RESULT_LABELS } from '../../contract/outcomes-entities';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { environmentIdFor } from './export-calendar';
import { releaseIdFor } from './gate';

export const recordDeploymentCommand = defineCommand({
  path: ['record', 'deployment'],
  description: 'Record, from a pipeline, that a release was deployed to an environment and how it went (for the DORA metrics).',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .requiredOption('--environment <name>', 'the environment deployed to (name or id)')
      .requiredOption('--result <result>', `how it went: ${DEPLOYMENT_RESULTS.join('|')}`)
      .requiredOption('--at <time>', 'when it was deployed: ISO-8601 with offset, e.g. 2026-12-05T23:10:00+01:00')
      .option('--note <text>', 'a note, e.g. the pipeline run', '')
      .option('--rework', 'the deployment was not planned: it was made to fix a user-facing defect (DORA rework rate)')
      .option('--json', 'print the deployment record as JSON'),
  options: z.object({
    db: DbOption,
    release: z.string().trim().min(1, 'must name a release'),
    environment: z.string().trim().min(1, 'must name an environment'),
    result: z.enum(DEPLOYMENT_RESULTS, { message: `must be one of ${DEPLOYMENT_RESULTS.join(', ')}` }),
    at: Instant,
    note: z.string(),
    rework: z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  run: async ({ db, release, environment, result, at, note, rework, json }) => {
    const recorded = await withWorkspace(db, 'existing', async (session) => {
      const releaseId = await releaseIdFor(session, release);
      const environmentId = (await environmentIdFor(session, environment))!;
      const deployment = await call(session, 'deployments.record', { releaseId, environmentId, deployedAt: at, result, note, rework, source: 'pipeline' });
      const { name, version } = await call(session, 'releases.get', { id: releaseId });
      return { deployment, label: `${name} ${version}` };
    });
    if (json) return printJson(recorded.deployment);
    printLine(`Recorded ${recorded.label} on ${environment} at ${recorded.deployment.deployedAt}: ${DEPLOYMENT_RESULT_LABELS[result].toLowerCase()}${rework ? ', rework' : ''}.`);
  },
});
