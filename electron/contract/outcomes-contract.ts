import { z } from 'zod';
import { Id } from './entities';
import { ById, method } from './define-method';
import {
  ChangesAddInput,
  ChangesAddResult,
  Deployment,
  DeploymentRecordInput,
  DeploymentUpdateInput,
  DeploymentsCsvInput,
  DeploymentsCsvResult,
  DeploymentsListInput,
  Incident,
  IncidentRecordInput,
  IncidentUpdateInput,
  MetricsCsv,
  MetricsInput,
  MetricsView,
  PostReleaseReview,
  ReleaseChange,
  ReleaseOutcome,
  ReviewCloseInput,
  ReviewSaveInput,
} from './outcomes-entities';

const ByRelease = z.object({ releaseId: Id }).strict();

/** Release outcomes and DORA metrics (issue 7, docs/metrics.md). Spread into `apiContract`. */
export const outcomesMethods = {
  'deployments.list': method(DeploymentsListInput, z.array(Deployment), 'Deployment records, newest first; of one release when releaseId is given.'),
  'deployments.record': method(DeploymentRecordInput, Deployment, 'Record that a release was deployed to an environment, with its result and any incidents.'),
  'deployments.update': method(DeploymentUpdateInput, Deployment, 'Correct a deployment record (its result, time, environment or note).'),
  'deployments.delete': method(ById, z.object({ id: Id }), 'Delete a deployment record (kept in history).'),
  'deployments.restore': method(ById, Deployment, 'Undo the delete of a deployment record.'),
  'deployments.importCsv': method(
    DeploymentsCsvInput,
    DeploymentsCsvResult,
    'Check a CSV file of deployments row by row (dryRun) or import it: all rows or, when any row is bad, none.',
  ),
  'incidents.record': method(IncidentRecordInput, Incident, 'Link an incident to a deployment; leave restoredAt empty while it is open.'),
  'incidents.update': method(IncidentUpdateInput, Incident, 'Change an incident, e.g. set the time service was restored.'),
  'changes.list': method(ByRelease, z.array(ReleaseChange), 'The changes (commits) a release carries, oldest commit first.'),
  'changes.add': method(ChangesAddInput, ChangesAddResult, 'Add commits to a release; commits it already carries are skipped.'),
  'reviews.get': method(ByRelease, PostReleaseReview, 'The post-release review of a release (empty and open until first saved).'),
  'reviews.save': method(ReviewSaveInput, PostReleaseReview, 'Write the post-release review: what went well, what did not, action items.'),
  'reviews.close': method(ReviewCloseInput, PostReleaseReview, 'Close the post-release review. Only a release coordinator may.'),
  'outcomes.release': method(ByRelease, ReleaseOutcome, "One release's deployments, changes and post-release review."),
  'metrics.compute': method(MetricsInput, MetricsView, 'DORA metrics over a period: summary with performance bands, trend, and by system, team and environment.'),
  'metrics.exportCsv': method(MetricsInput, MetricsCsv, 'The figures of metrics.compute as a CSV file.'),
} as const;
