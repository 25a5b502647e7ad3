import {
  RELEASE_STATUSES,
  RELEASE_STATUS_LABELS,
  type Environment,
  type Release,
} from '../../../../electron/contract/entities';
import type { NameLookups } from '../workspace/use-name-lookups';
import type { ReleaseFilters, ReleaseGrouping } from './releases-view-store';

/** A release with its ids already resolved to names, so sorting, searching and rendering never look them up. */
export interface ReleaseRow {
  release: Release;
  systems: string;
  environments: string;
  owner: string;
  statusLabel: string;
  /** Lower-cased text the search box matches against. */
  searchText: string;
}

const namesOf = (ids: readonly string[], names: Map<string, string>) => ids.map((id) => names.get(id) ?? 'Unknown').join(', ');

export function toReleaseRows(releases: readonly Release[], lookups: NameLookups): ReleaseRow[] {
  return releases.map((release) => {
    const systems = namesOf(release.systemIds, lookups.systems);
    const environments = namesOf(release.environmentIds, lookups.environments);
    const owner = release.ownerId ? (lookups.people.get(release.ownerId) ?? 'Unknown') : '';
    const statusLabel = RELEASE_STATUS_LABELS[release.status];
    const searchText = [release.name, release.version, systems, environments, owner, statusLabel, release.description]
      .join(' ')
      .toLowerCase();
    return { release, systems, environments, owner, statusLabel, searchText };
  });
}

const matchesAny = (wanted: readonly string[], have: readonly string[]) =>
  wanted.length === 0 || have.some((value) => wanted.includes(value));

export function applyFilters(rows: readonly ReleaseRow[], filters: ReleaseFilters): ReleaseRow[] {
  return rows.filter(({ release }) =>
    matchesAny(filters.statuses, [release.status]) &&
    matchesAny(filters.environmentIds, release.environmentIds) &&
    matchesAny(filters.systemIds, release.systemIds) &&
    matchesAny(filters.ownerIds, release.ownerId ? [release.ownerId] : []),
  );
}

/** Every search word must appear somewhere in the row: "payments prod" finds Payments on Production. */
export function matchesSearch(row: ReleaseRow, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => row.searchText.includes(word));
}

export type DisplayItem<T> = { kind: 'group'; key: string; label: string; count: number } | { kind: 'row'; key: string; row: T };

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
