import { randomUUID } from 'node:crypto';
import { ApiFailure, invalidInput } from '../../contract/api-result';
import type { Release } from '../../contract/entities';
import type { DeploymentRecordInput } from '../../contract/outcomes-entities';
import type { z } from 'zod';
import type { HandlerContext } from '../api/handler-context';
import { requireExisting } from '../api/handlers/references';
import type { MutationWriter } from '../store/mutation-writer';

export type DeploymentRecord = z.output<typeof DeploymentRecordInput>;

/** The sentence a problem with a deployment is told in; the caller decides whether it is an API error or a CSV row's. */
export interface DeploymentProblem {
  field: string;
  message: string;
}

/**
 * Rules that need the workspace: the release and environment exist, the release is planned on that environment,
 * incidents start after the deployment they are blamed on, and the same deployment is not recorded twice (so a
 * pipeline that retries, or a CSV file imported again, adds nothing).
 */
export function deploymentProblems(
  ctx: HandlerContext,
  record: Pick<DeploymentRecord, 'releaseId' | 'environmentId' | 'deployedAt' | 'incidents'>,
  ownId?: string,
): DeploymentProblem[] {
  const { reader } = ctx.store;
  const release = reader.get('release', record.releaseId);
  if (!release) return [{ field: 'releaseId', message: `There is no release with id ${record.releaseId}.` }];
  const environment = reader.get('environment', record.environmentId);
  if (!environment) return [{ field: 'environmentId', message: `There is no environment with id ${record.environmentId}.` }];
  const problems: DeploymentProblem[] = [];
  if (release.status === 'cancelled') {
    problems.push({ field: 'releaseId', message: `${release.name} ${release.version} is cancelled: a cancelled release is not deployed.` });
  }
  if (!release.environmentIds.includes(record.environmentId)) {
    problems.push({
      field: 'environmentId',
      message: `${release.name} ${release.version} is not planned on ${String(environment.name)}: add the environment to the release first.`,
    });
  }
  record.incidents.forEach((incident, index) => {
    if (Date.parse(incident.startedAt) < Date.parse(record.deployedAt)) {
      problems.push({ field: `incidents.${index}.startedAt`, message: 'An incident linked to a deployment must start at or after the deployment.' });
    }
  });
  const twin = reader
    .findEqual('deployment', 'releaseId', record.releaseId)
    .find((d) => d.id !== ownId && d.environmentId === record.environmentId && Date.parse(String(d.deployedAt)) === Date.parse(record.deployedAt));
  if (twin) {
    problems.push({ field: 'deployedAt', message: `This deployment of ${release.name} ${release.version} to ${String(environment.name)} at that time is already recorded.` });
  }
  return problems;
}

/** Throws the first problem as the API error naming its field (a duplicate is a conflict, not bad input). */
export function requireValidDeployment(ctx: HandlerContext, record: DeploymentRecord, ownId?: string): void {
  requireExisting(ctx, 'release', [record.releaseId], 'releaseId');
  const [first] = deploymentProblems(ctx, record, ownId);
  if (!first) return;
  if (first.message.endsWith('already recorded.')) throw new ApiFailure('conflict', first.message, first.field);
  throw invalidInput(first.field, first.message);
}

/** Writes one deployment and its incidents inside a caller's mutation; returns the new deployment's id. */
export function insertDeployment(w: MutationWriter, record: DeploymentRecord, id: string = randomUUID()): string {
  const { releaseId, environmentId, deployedAt, result, source, note, rework } = record;
  w.insert('deployment', id, { releaseId, environmentId, deployedAt, result, source, note, rework });
  for (const incident of record.incidents) w.insert('incident', randomUUID(), { deploymentId: id, releaseId, ...incident });
  return id;
}
