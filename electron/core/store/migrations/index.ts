import type { Migration } from './migration';
import { migration001Initial } from './001-initial';
import { migration002Readiness } from './002-readiness';
import { migration003Calendar } from './003-calendar';
import { migration004Meetings } from './004-meetings';
import { migration005Outcomes } from './005-outcomes';
import { migration006Sync } from './006-sync';
import { migration007Runbooks } from './007-runbooks';
import { migration008ConflictResolutions } from './008-conflict-resolutions';

/** Every migration, in order. Append new ones; never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002Readiness, migration003Calendar, migration004Meetings, migration005Outcomes, migration006Sync, migration007Runbooks, migration008ConflictResolutions];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
export type { Migration };
