import { notFound } from '../../contract/api-result';
import type { Deployment, DeploymentResult, DeploymentSource, Incident, PostReleaseReview, ReleaseChange } from '../../contract/outcomes-entities';
import type { EntityRow } from '../store/entity-reader';
import type { HandlerContext } from '../api/handler-context';
import { isFailure, type MetricsFacts } from '../domain/metrics';

/**
 * Reads outcome records out of the store as contract shapes and as the plain facts the metrics take. Sync may
 * deliver some fields of a record before others (each column then holds its default): a deployment without its
 * time, an incident without its start or a change without its commit time is incomplete and left out until the
 * rest arrives.
 */
export const reviewId = (releaseId: string) => `review:${releaseId}`;

function toIncident(row: EntityRow): Incident {
  return {
    id: row.id,
    deploymentId: String(row.deploymentId),
    releaseId: String(row.releaseId),
    title: String(row.title),
    reference: String(row.reference),
    startedAt: String(row.startedAt),
    restoredAt: (row.restoredAt as string | null) ?? null,
  };
}

function toDeployment(row: EntityRow, incidents: Incident[]): Deployment {
  const result = row.result as DeploymentResult;
  return {
    id: row.id,
    releaseId: String(row.releaseId),
    environmentId: String(row.environmentId),
    deployedAt: String(row.deployedAt),
    result,
    source: row.source as DeploymentSource,
    note: String(row.note),
    rework: Boolean(row.rework),
    incidents,
    failure: isFailure({ result, incidents }),
  };
}

const complete = (row: EntityRow, fields: readonly string[]) => fields.every((f) => row[f] !== '');

function incidentsByDeployment(rows: EntityRow[]): Map<string, Incident[]> {
  const grouped = new Map<string, Incident[]>();
  for (const row of rows.filter((r) => complete(r, ['deploymentId', 'startedAt']))) {
    const incident = toIncident(row);
    grouped.set(incident.deploymentId, [...(grouped.get(incident.deploymentId) ?? []), incident]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return grouped;
}

/** Deployment records, newest first: of one release, or all of them. */
export function loadDeployments(ctx: HandlerContext, releaseId?: string): Deployment[] {
  const { reader } = ctx.store;
  const rows = releaseId === undefined ? reader.list('deployment') : reader.findEqual('deployment', 'releaseId', releaseId);
  const incidents = incidentsByDeployment(releaseId === undefined ? reader.list('incident') : reader.findEqual('incident', 'releaseId', releaseId));
  return rows
    .filter((r) => complete(r, ['releaseId', 'environmentId', 'deployedAt']))
    .map((r) => toDeployment(r, incidents.get(r.id) ?? []))
    .sort((a, b) => b.deployedAt.localeCompare(a.deployedAt) || a.id.localeCompare(b.id));
}

export function getDeployment(ctx: HandlerContext, id: string): Deployment {
  const row = ctx.store.reader.get('deployment', id);
  if (!row) throw notFound('Deployment', id);
  return toDeployment(row, incidentsByDeployment(ctx.store.reader.findEqual('incident', 'deploymentId', id)).get(id) ?? []);
}

export function getIncident(ctx: HandlerContext, id: string): Incident {
  const row = ctx.store.reader.get('incident', id);
  if (!row) throw notFound('Incident', id);
  return toIncident(row);
}

export function loadChanges(ctx: HandlerContext, releaseId: string): ReleaseChange[] {
  return ctx.store.reader
    .findEqual('releaseChange', 'releaseId', releaseId)
    .filter((r) => complete(r, ['sha', 'committedAt']))
    .map((r) => ({
      id: r.id,
      releaseId: String(r.releaseId),
      sha: String(r.sha),
      subject: String(r.subject),
      author: String(r.author),
      committedAt: String(r.committedAt),
    }))
    .sort((a, b) => a.committedAt.localeCompare(b.committedAt) || a.sha.localeCompare(b.sha));
}

export function loadReview(ctx: HandlerContext, releaseId: string): PostReleaseReview {
  const row = ctx.store.reader.get('postReleaseReview', reviewId(releaseId));
  if (!row) {
    return { releaseId, started: false, wentWell: '', didNotGoWell: '', actionItems: [], closed: false, closedBy: null, closedAt: null };
  }
  const closedBy = (row.closedBy as string | null) ?? null;
  const name = closedBy === null ? '' : personName(ctx, closedBy);
  return {
    releaseId,
    started: true,
    wentWell: String(row.wentWell),
    didNotGoWell: String(row.didNotGoWell),
    actionItems: row.actionItems as PostReleaseReview['actionItems'],
    closed: row.closedAt !== null,
    closedBy: closedBy === null ? null : { personId: closedBy, name },
    closedAt: (row.closedAt as string | null) ?? null,
  };
}

/** A person's name, also after they were deleted: a closed review keeps naming who closed it. */
function personName(ctx: HandlerContext, id: string): string {
  const row = ctx.store.reader.get('person', id);
  if (row) return String(row.name);
  return String(ctx.store.history('person', id).find((c) => c.field === 'name')?.value ?? id);
}

/** Everything the metrics need, read once. Deployments of deleted releases drop out with their release. */
export function loadMetricFacts(ctx: HandlerContext): MetricsFacts {
  const { reader } = ctx.store;
  const named = (rows: EntityRow[]) => rows.map((r) => ({ id: r.id, name: String(r.name) }));
  return {
    deployments: loadDeployments(ctx),
    changes: reader
      .list('releaseChange')
      .filter((r) => complete(r, ['releaseId', 'committedAt']))
      .map((r) => ({ releaseId: String(r.releaseId), committedAt: String(r.committedAt) })),
    releases: reader.list('release').map((r) => ({ id: r.id, systemIds: r.systemIds as string[], ownerId: (r.ownerId as string | null) ?? null })),
    environments: reader
      .list('environment', ['position', { by: 'name', nocase: true }])
      .map((e) => ({ id: e.id, name: String(e.name), isProduction: Boolean(e.isProduction) })),
    systems: named(reader.list('system', [{ by: 'name', nocase: true }])),
    people: named(reader.list('person', [{ by: 'name', nocase: true }])),
  };
}
