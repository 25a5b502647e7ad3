import type { Migration } from './migration';
import { calendarSchema } from '../schema/calendar';
import { changeLogSchema } from '../schema/change-log';
import { meetingsSchema } from '../schema/meetings';
import { outcomesSchema } from '../schema/outcomes';
import { readinessSchema } from '../schema/readiness';
import { runbooksSchema } from '../schema/runbooks';
import { syncSchema } from '../schema/sync';
import { trustSchema } from '../schema/trust';
import { workspaceSchema } from '../schema/workspace';

/**
 * The first schema, one section per feature (store/schema/). Domain tables carry no SQL foreign keys: sync delivers
 * changes in any order, so a release may arrive before the person who owns it; the core checks references when a
 * local change is made instead. Every domain column has a default so that a row can exist from a partial set of
 * synced fields. Until the first release is tagged the sections are edited in place; from then on this migration is
 * frozen and every change is a new numbered migration.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up: [changeLogSchema, workspaceSchema, readinessSchema, calendarSchema, meetingsSchema, outcomesSchema, runbooksSchema, syncSchema, trustSchema].join('\n'),
};
