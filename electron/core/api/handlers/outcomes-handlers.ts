import { randomUUID } from 'node:crypto';
import { ApiFailure, invalidInput, notFound } from '../../../contract/api-result';
import { ROLE_LABELS, type Person } from '../../../contract/entities';
import type { PostReleaseReview } from '../../../contract/outcomes-entities';
import { computeMetrics, metricsCsv } from '../../domain/metrics';
import { CsvFileError, checkDeploymentsCsv } from '../../outcomes/deployments-csv';
import { loadReleaseManagementFacts } from '../../outcomes/release-management-records';
import { insertDeployment, requireValidDeployment } from '../../outcomes/deployment-writes';
import { getDeployment, getIncident, loadChanges, loadDeployments, loadMetricFacts, loadReview, reviewId } from '../../outcomes/outcome-records';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { getPerson } from './people-handlers';
import { requireExisting } from './references';
import { actingPerson } from './acting-person';
import { getRelease } from './releases-handlers';

function openReview(ctx: HandlerContext, releaseId: string): PostReleaseReview {
  const release = getRelease(ctx, releaseId);
  const review = loadReview(ctx, releaseId);
  if (review.closed) throw new ApiFailure('conflict', `The post-release review of ${release.name} ${release.version} is closed: it can no longer change.`);
  return review;
}

/** DORA's facts and the release-management ones, read once for one answer. */
const metricFacts = (ctx: HandlerContext) => ({ ...loadMetricFacts(ctx), releaseManagement: loadReleaseManagementFacts(ctx) });

function metricsFilters(ctx: HandlerContext, input: { systemId?: string; environmentId?: string; ownerId?: string }): void {
  if (input.systemId !== undefined) requireExisting(ctx, 'system', [input.systemId], 'systemId');
  if (input.environmentId !== undefined) requireExisting(ctx, 'environment', [input.environmentId], 'environmentId');
  if (input.ownerId !== undefined) requireExisting(ctx, 'person', [input.ownerId], 'ownerId');
}

export const outcomesHandlers = {
  'deployments.list': (ctx, { releaseId }) => loadDeployments(ctx, releaseId),

  'deployments.record': (ctx, record) => {
    requireValidDeployment(ctx, record);
    const id = ctx.store.mutate(ctx.author(), (w) => insertDeployment(w, record));
    return getDeployment(ctx, id);
  },

  'deployments.update': (ctx, { id, changes }) => {
    const current = getDeployment(ctx, id);
    const merged = { ...current, ...changes, incidents: [] };
    requireValidDeployment(ctx, merged, id);
    const early = current.incidents.find((i) => Date.parse(i.startedAt) < Date.parse(merged.deployedAt));
    if (early) throw invalidInput('deployedAt', `The incident "${early.title}" started before that time: a deployment must come before the incidents linked to it.`);
    ctx.store.mutate(ctx.author(), (w) => w.update('deployment', id, changes));
    return getDeployment(ctx, id);
  },

  'deployments.delete': (ctx, { id }) => {
    const deployment = getDeployment(ctx, id);
    ctx.store.mutate(ctx.author(), (w) => {
      w.delete('deployment', id);
      for (const incident of deployment.incidents) w.delete('incident', incident.id);
    });
    return { id };
  },

  'deployments.restore': (ctx, { id }) => {
    if (!ctx.store.reader.isDeleted('deployment', id)) throw notFound('Deleted deployment', id);
    // Its incidents were deleted with it; bring back those still pointing at it.
    const incidents = ctx.store.reader.findDeletedEqual('incident', 'deploymentId', id);
    ctx.store.mutate(ctx.author(), (w) => {
      w.restore('deployment', id);
      for (const incident of incidents) w.restore('incident', incident.id);
    });
    return getDeployment(ctx, id);
  },

  'deployments.importCsv': (ctx, { content, dryRun }) => {
    let checked;
    try {
      checked = checkDeploymentsCsv(ctx, content);
    } catch (error) {
      if (error instanceof CsvFileError) throw invalidInput('content', error.message);
      throw error;
    }
    const invalid = checked.rows.filter((r) => !r.ok);
    const summary = { rows: checked.rows, valid: checked.rows.length - invalid.length, invalid: invalid.length, imported: 0 };
    if (dryRun) return summary;
    if (invalid.length > 0) {
      const issues = invalid.flatMap((r) => r.errors.map((e) => ({ field: `line ${r.line}, ${e.column}`, message: e.message })));
      const more = invalid.length > 1 ? ` (${invalid.length} rows have problems)` : '';
      throw new ApiFailure('invalid_input', `Line ${invalid[0].line}, ${issues[0].field.split(', ')[1]}: ${issues[0].message}${more}; nothing was imported.`, 'content', issues);
    }
    ctx.store.mutate(ctx.author(), (w) => checked.records.forEach((record) => insertDeployment(w, record)));
    return { ...summary, imported: checked.records.length };
  },

  'incidents.record': (ctx, { deploymentId, incident }) => {
    requireExisting(ctx, 'deployment', [deploymentId], 'deploymentId');
    const deployment = getDeployment(ctx, deploymentId);
    if (Date.parse(incident.startedAt) < Date.parse(deployment.deployedAt)) {
      throw invalidInput('incident.startedAt', 'An incident linked to a deployment must start at or after the deployment.');
    }
    const id = randomUUID();
    ctx.store.mutate(ctx.author(), (w) => w.insert('incident', id, { deploymentId, releaseId: deployment.releaseId, ...incident }));
    return getIncident(ctx, id);
  },

  'incidents.update': (ctx, { id, changes }) => {
    const merged = { ...getIncident(ctx, id), ...changes };
    if (merged.restoredAt !== null && Date.parse(merged.restoredAt) < Date.parse(merged.startedAt)) {
      throw invalidInput(changes.restoredAt !== undefined ? 'restoredAt' : 'startedAt', 'Restored at must not be before the incident started.');
    }
    if (Date.parse(merged.startedAt) < Date.parse(getDeployment(ctx, merged.deploymentId).deployedAt)) {
      throw invalidInput('startedAt', 'An incident linked to a deployment must start at or after the deployment.');
    }
    ctx.store.mutate(ctx.author(), (w) => w.update('incident', id, changes));
    return getIncident(ctx, id);
  },

  'changes.list': (ctx, { releaseId }) => {
    getRelease(ctx, releaseId);
    return loadChanges(ctx, releaseId);
  },

  'changes.add': (ctx, { releaseId, changes }) => {
    requireExisting(ctx, 'release', [releaseId], 'releaseId');
    const carried = new Set(loadChanges(ctx, releaseId).map((c) => c.sha));
    const fresh = changes.filter((c) => !carried.has(c.sha) && carried.add(c.sha));
    if (fresh.length > 0) ctx.store.mutate(ctx.author(), (w) => fresh.forEach((c) => w.insert('releaseChange', randomUUID(), { releaseId, ...c })));
    return { added: fresh.length, skipped: changes.length - fresh.length, total: carried.size };
  },

  'reviews.get': (ctx, { releaseId }) => {
    getRelease(ctx, releaseId);
    return loadReview(ctx, releaseId);
  },

  'reviews.save': (ctx, { releaseId, wentWell, didNotGoWell, actionItems }) => {
    const review = openReview(ctx, releaseId);
    actionItems.forEach((item, index) => item.ownerId !== null && requireExisting(ctx, 'person', [item.ownerId], `actionItems.${index}.ownerId`));
    const fields = { releaseId, wentWell, didNotGoWell, actionItems };
    ctx.store.mutate(ctx.author(), (w) => (review.started ? w.update('postReleaseReview', reviewId(releaseId), fields) : w.insert('postReleaseReview', reviewId(releaseId), fields)));
    return loadReview(ctx, releaseId);
  },

  'reviews.close': (ctx, { releaseId, asPersonId }) => {
    const review = openReview(ctx, releaseId);
    const person = actingPerson(ctx, asPersonId, 'closing a review');
    if (!person.roles.includes('release-coordinator')) {
      throw new ApiFailure('forbidden', `${person.name} is not a ${ROLE_LABELS['release-coordinator'].toLowerCase()}: only a release coordinator may close a post-release review.`);
    }
    if (!review.started) throw new ApiFailure('conflict', 'The review is empty: write what went well, what did not and the action items before closing it.');
    ctx.store.mutate(person.id, (w) => w.update('postReleaseReview', reviewId(releaseId), { closedAt: new Date().toISOString(), closedBy: person.id }));
    return loadReview(ctx, releaseId);
  },

  'outcomes.release': (ctx, { releaseId }) => {
    getRelease(ctx, releaseId);
    return { releaseId, deployments: loadDeployments(ctx, releaseId), changes: loadChanges(ctx, releaseId), review: loadReview(ctx, releaseId) };
  },

  'metrics.compute': (ctx, input) => {
    metricsFilters(ctx, input);
    return computeMetrics(metricFacts(ctx), { ...input, timeZone: ctx.viewerZone() });
  },

  'metrics.exportCsv': (ctx, input) => {
    metricsFilters(ctx, input);
    const view = computeMetrics(metricFacts(ctx), { ...input, timeZone: ctx.viewerZone() });
    return { fileName: `dora-metrics-${input.from}-to-${input.to}.csv`, mimeType: 'text/csv', content: metricsCsv(view) };
  },
} satisfies HandlerMap<
  | 'deployments.list'
  | 'deployments.record'
  | 'deployments.update'
  | 'deployments.delete'
  | 'deployments.restore'
  | 'deployments.importCsv'
  | 'incidents.record'
  | 'incidents.update'
  | 'changes.list'
  | 'changes.add'
  | 'reviews.get'
  | 'reviews.save'
  | 'reviews.close'
  | 'outcomes.release'
  | 'metrics.compute'
  | 'metrics.exportCsv'
>;
