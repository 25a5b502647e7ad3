import type { PlanningDraft } from '../../../../electron/contract/calendar-entities';
import {
  ReleaseCreate,
  type Release,
  type ReleaseCreateInput,
  type ReleaseStatus,
} from '../../../../electron/contract/entities';
import { instantToWallClock, wallClockToInstant } from '../../shared/dates';
import { zodFieldErrors, type FieldErrors } from '../../shared/field-errors';

/** What the form edits: window times are wall-clock strings in `timeZone`, as the date pickers hold them. */
export interface ReleaseFormValues {
  name: string;
  version: string;
  systemIds: string[];
  environmentIds: string[];
  windowStart: string | null;
  windowEnd: string | null;
  timeZone: string;
  status: ReleaseStatus;
  ownerId: string | null;
  description: string;
}

export function blankReleaseForm(timeZone: string, ownerId: string | null): ReleaseFormValues {
  return {
    name: '',
    version: '',
    systemIds: [],
    environmentIds: [],
    windowStart: null,
    windowEnd: null,
    timeZone,
    status: 'planned',
    ownerId,
    description: '',
  };
}

export function releaseFormFrom(release: Release): ReleaseFormValues {
  return {
    name: release.name,
    version: release.version,
    systemIds: release.systemIds,
    environmentIds: release.environmentIds,
    windowStart: instantToWallClock(release.windowStart, release.timeZone),
    windowEnd: instantToWallClock(release.windowEnd, release.timeZone),
    timeZone: release.timeZone,
    status: release.status,
    ownerId: release.ownerId,
    description: release.description,
  };
}

/** The API input: the picked wall-clock times become instants in the release's own zone. */
export function releaseInputFrom(values: ReleaseFormValues): ReleaseCreateInput {
  const instant = (wallClock: string | null) => (wallClock ? wallClockToInstant(wallClock, values.timeZone) : '');
  return { ...values, windowStart: instant(values.windowStart), windowEnd: instant(values.windowEnd) };
}

/**
 * Client-side check with the contract's schema, so most mistakes show before anything is sent. An empty picker
 * gets a plain "is required" instead of the schema's ISO-8601 wording, which describes the wire format.
 */
export function validateReleaseForm(values: ReleaseFormValues): FieldErrors {
  const parsed = ReleaseCreate.safeParse(releaseInputFrom(values));
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (!values.windowStart) errors.windowStart = 'Window start is required';
  if (!values.windowEnd) errors.windowEnd = 'Window end is required';
  return errors;
}

/** Only the fields that changed, so an edit never re-asserts values someone else may be changing elsewhere. */
export function changedFields(before: ReleaseCreateInput, after: ReleaseCreateInput): Partial<ReleaseCreateInput> {
  const changes: Partial<Record<keyof ReleaseCreateInput, unknown>> = {};
  for (const key of Object.keys(after) as (keyof ReleaseCreateInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<ReleaseCreateInput>;
}

/**
 * What the collision check asks about while the form is filled in: the release as the form has it, once it has a
 * window that ends after it starts and at least one system and environment; null until then.
 */
export function planningDraftFrom(values: ReleaseFormValues, releaseId: string | undefined): PlanningDraft | null {
  if (!values.windowStart || !values.windowEnd || values.systemIds.length === 0 || values.environmentIds.length === 0) return null;
  const { windowStart, windowEnd } = releaseInputFrom(values);
  if (!windowStart || !windowEnd || Date.parse(windowEnd) <= Date.parse(windowStart)) return null;
  return {
    ...(releaseId ? { releaseId } : {}),
    name: values.name.trim() || undefined,
    version: values.version.trim() || undefined,
    systemIds: values.systemIds,
    environmentIds: values.environmentIds,
    timeZone: values.timeZone,
    windowStart,
    windowEnd,
  };
}
