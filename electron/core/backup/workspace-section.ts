import type { z } from 'zod';
import { Environment, Person, Release, System } from '../../contract/entities';
import { createHandlerContext } from '../api/handler-context';
import { readSettings } from '../api/handlers/workspace-handlers';
import type { EntityName } from '../store/entity-tables';
import type { EntityRow } from '../store/entity-reader';
import type { WorkspaceStore } from '../store/workspace-store';
import { OutcomesSection, type WorkspaceSection } from './backup-format';

type Row = Record<string, unknown>;

/**
 * The current state in contract shapes, in a total order (ties broken by id): two backups of the same workspace
 * must be identical whatever order rows happened to be inserted in on each device.
 */
export function readWorkspaceSection(store: WorkspaceStore): WorkspaceSection {
  return {
    settings: readSettings(createHandlerContext(store)),
    people: rows(store, 'person', Person, ['name', 'id']) as WorkspaceSection['people'],
    systems: rows(store, 'system', System, ['name', 'id']) as WorkspaceSection['systems'],
    environments: rows(store, 'environment', Environment, ['position', 'name', 'id']) as WorkspaceSection['environments'],
    releases: rows(store, 'release', Release, ['windowStart', 'name', 'version', 'id']) as WorkspaceSection['releases'],
    outcomes: readOutcomes(store),
  };
}

function readOutcomes(store: WorkspaceStore): WorkspaceSection['outcomes'] {
  const shapes = OutcomesSection.shape;
  return {
    deployments: rows(store, 'deployment', shapes.deployments.element, ['deployedAt', 'id']),
    incidents: rows(store, 'incident', shapes.incidents.element, ['startedAt', 'id']),
    changes: rows(store, 'releaseChange', shapes.changes.element, ['releaseId', 'committedAt', 'id']),
    reviews: rows(store, 'postReleaseReview', shapes.reviews.element, ['releaseId', 'id']),
  } as WorkspaceSection['outcomes'];
}

/** Keeps only the fields the contract shape names: the reader also returns bookkeeping columns some shapes omit. */
function rows(store: WorkspaceStore, entity: EntityName, shape: z.ZodObject, order: readonly string[]): Row[] {
  const keys = Object.keys(shape.shape);
  return store.reader
    .list(entity)
    .map((row: EntityRow) => Object.fromEntries(keys.map((key) => [key, row[key]])))
    .sort((a, b) => compareBy(a, b, order));
}

function compareBy(a: Row, b: Row, order: readonly string[]): number {
  for (const key of order) {
    const x = a[key] as string | number;
    const y = b[key] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
