import {
  RELEASE_STATUSES,
  RELEASE_STATUS_LABELS,
  type Environment,
  type Release,
} from '../../../../electron/contract/entities';
import type { ReleaseStatusCheck } from '../../../../electron/contract/release-status-entities';
import type { NameLookups } from '../workspace/use-name-lookups';
import type { ReleaseFilters, ReleaseGrouping } from './releases-view-store';

/** A release with its ids already resolved to names, so sorting, searching and rendering never look them up. */
export interface ReleaseRow {
  release: Release;
  systems: string;
  environments: string;
  owner: string;
  statusLabel: string;
  /** Where status, gate and runbook disagree (releases.statusChecks); undefined when they cannot. */
  check: ReleaseStatusCheck | undefined;
  /** Lower-cased text the search box matches against. */
  searchText: string;
}

const namesOf = (ids: readonly string[], names: Map<string, string>) => ids.map((id) => names.get(id) ?? 'Unknown').join(', ');

export function toReleaseRows(releases: readonly Release[], lookups: NameLookups, checks: Record<string, ReleaseStatusCheck | undefined> = {}): ReleaseRow[] {
  return releases.map((release) => {
    const systems = namesOf(release.systemIds, lookups.systems);
    const environments = namesOf(release.environmentIds, lookups.environments);
    const owner = release.ownerId ? (lookups.people.get(release.ownerId) ?? 'Unknown') : '';
    const statusLabel = RELEASE_STATUS_LABELS[release.status];
    const searchText = [release.name, release.version, systems, environments, owner, statusLabel, release.description]
      .join(' ')
      .toLowerCase();
    return { release, systems, environments, owner, statusLabel, check: checks[release.id], searchText };
  });
}

const matchesAny = (wanted: readonly string[], have: readonly string[]) =>
  wanted.length === 0 || have.some((value) => wanted.includes(value));

/** What "My releases" and "This week" are measured against: who is at this device, and this week's bounds. */
export interface FilterContext {
  currentPersonId: string | null;
  /** [Monday 00:00, next Monday 00:00) in the viewer's zone, as epoch milliseconds. */
  week: readonly [number, number];
}

export function applyFilters(rows: readonly ReleaseRow[], filters: ReleaseFilters, context: FilterContext): ReleaseRow[] {
  const [weekStart, weekEnd] = context.week;
  return rows.filter(({ release }) =>
    matchesAny(filters.statuses, [release.status]) &&
    matchesAny(filters.environmentIds, release.environmentIds) &&
    matchesAny(filters.systemIds, release.systemIds) &&
    matchesAny(filters.ownerIds, release.ownerId ? [release.ownerId] : []) &&
    (!filters.mine || (context.currentPersonId !== null && release.ownerId === context.currentPersonId)) &&
    (!filters.thisWeek || (Date.parse(release.windowStart) < weekEnd && Date.parse(release.windowEnd) > weekStart)),
  );
}

/** This week, Monday to Sunday, in the viewer's own days. */
export function currentWeek(now = new Date()): [number, number] {
  const monday = new Date(now);
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const next = new Date(monday);
  next.setDate(monday.getDate() + 7);
  return [monday.getTime(), next.getTime()];
}

/**
 * Where today falls in rows sorted by window start: before the first release whose window has not ended yet (so a
 * release running now sits under the divider), or after the last one.
 */
export function todayIndex(releases: readonly Release[], now = Date.now()): number {
  const index = releases.findIndex((r) => Date.parse(r.windowEnd) > now);
  return index === -1 ? releases.length : index;
}

/** Every search word must appear somewhere in the row: "payments prod" finds Payments on Production. */
export function matchesSearch(row: ReleaseRow, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => row.searchText.includes(word));
}

export type DisplayItem<T> =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'row'; key: string; row: T }
  /** The line between past and coming releases, in a list in window order. */
  | { kind: 'today'; key: string; label: string };

/**
 * Flattens sorted rows into what the virtual list shows: group headers followed by their rows. A release on two
 * environments is listed under both, since each environment's schedule is what a reader of that group wants.
 */
export function groupRows<T>(
  rows: readonly T[],
  releaseOf: (row: T) => Release,
  grouping: ReleaseGrouping,
  environments: readonly Environment[],
): DisplayItem<T>[] {
  const plain = (row: T, prefix = ''): DisplayItem<T> => ({ kind: 'row', key: `${prefix}${releaseOf(row).id}`, row });
  if (grouping === 'none') return rows.map((row) => plain(row));

  const groups =
    grouping === 'status'
      ? RELEASE_STATUSES.map((status) => ({ key: status, label: RELEASE_STATUS_LABELS[status] }))
      : environments.map((env) => ({ key: env.id, label: env.name }));
  const keysOf = (release: Release) => (grouping === 'status' ? [release.status] : release.environmentIds);

  const buckets = new Map<string, T[]>(groups.map((g) => [g.key, []]));
  for (const row of rows) for (const key of keysOf(releaseOf(row))) buckets.get(key)?.push(row);

  return groups.flatMap(({ key, label }) => {
    const members = buckets.get(key) ?? [];
    if (members.length === 0) return [];
    return [{ kind: 'group' as const, key: `group:${key}`, label, count: members.length }, ...members.map((row) => plain(row, `${key}:`))];
  });
}
