import type { CollisionKind } from '../../../contract/calendar-entities';
import { formatLocal, formatLocalRange } from './zoned-time';

/**
 * The collision finder (BRIEF.md, "Collision"): plain data in, plain data out, no store. Times are epoch
 * milliseconds; intervals are half-open, so a release ending at 22:00 and one starting at 22:00 do not overlap.
 *
 * Per environment it sorts releases and window occurrences by start and sweeps them once, keeping the set of those
 * still open (sort and sweep, not all pairs): O(n log n + k) for n bookings and k collisions. Asked for a range and
 * a limit, it merges the environments' sweeps in start order and stops there (CollisionCut).
 *
 * Kinds:
 * - double-booking: two releases on the same environment, with the same system or systems where one depends on the
 *   other (System.dependsOn, either direction, direct), at overlapping times;
 * - freeze: a release overlapping a freeze occurrence that applies to its environment (or every environment) and to
 *   one of its systems (or every system);
 * - outside-maintenance: a release on an environment that requires a maintenance window, not wholly inside one
 *   maintenance occurrence applying to that environment;
 * - dependency: release A needs release B (an explicit link set with releaseNeeds.set), and A starts before B ends;
 *   checked on every environment both book, or once overall when they share none;
 * - runbook-owner: one person owns steps in two runbooks at overlapping times; `stepOwnerships` come from
 *   core/runbooks/runbook-ownerships.ts (each person's steps in a runbook collapsed to the span they cover).
 *
 * One collision per pair (issue 18): the same two releases double-booking staging and production at the same times
 * are one collision naming both environments, not two. A sentence is written in whichever zone the reader wants
 * (`describe`): a screen passes the viewer's zone, an export the zone it prints in; `plannedZone` is the zone the
 * release was planned in, for the tooltip or the brackets beside it.
 */

export interface CollisionRelease {
  id: string;
  name: string;
  version: string;
  systemIds: readonly string[];
  environmentIds: readonly string[];
  start: number;
  end: number;
  timeZone: string;
}

export interface CollisionOccurrence {
  windowId: string;
  kind: 'maintenance' | 'freeze';
  name: string;
  reason: string;
  start: number;
  end: number;
  timeZone: string;
  /** Empty: every environment. */
  environmentIds: readonly string[];
  /** Freeze only; empty: every system. */
  systemIds: readonly string[];
}

/** One person's steps in one runbook, collapsed to the span they cover. */
export interface StepOwnership {
  personId: string;
  personName: string;
  runbookId: string;
  runbookName: string;
  releaseId: string;
  start: number;
  end: number;
  timeZone: string;
}

export interface CollisionInput {
  releases: readonly CollisionRelease[];
  systems: ReadonlyArray<{ id: string; name: string; dependsOn: readonly string[] }>;
  environments: ReadonlyArray<{ id: string; name: string; requiresMaintenanceWindow: boolean }>;
  occurrences: readonly CollisionOccurrence[];
  needs: ReadonlyArray<{ releaseId: string; needsReleaseId: string }>;
  stepOwnerships?: readonly StepOwnership[];
}

export interface FoundCollision {
  key: string;
  kind: CollisionKind;
  releaseIds: string[];
  windowId: string | null;
  /** Every environment the pair collides on, in the workspace's environment order; empty for runbook owners. */
  environmentIds: string[];
  personId: string | null;
  start: number;
  end: number;
  /** The zone the (first) release was planned in. */
  plannedZone: string;
  /**
   * The sentence with its times in `zone`, written when asked, not when found: a dense workspace has hundreds of
   * thousands of collisions and the caller keeps only those in its range and under its limit; formatting times in
   * zones is the costly part.
   */
  describe(zone: string): string;
}

/** One environment's find before the pairs are merged: its key leaves the environment out. */
interface Find extends Omit<FoundCollision, 'environmentIds' | 'describe'> {
  environmentId: string | null;
  /** The sentence for these environments (one, or every one the pair collides on), times in `zone`. */
  write(zone: string, environmentIds: readonly string[]): string;
}

/**
 * Which collisions the caller wants: those overlapping [from, to), the first `limit` by start. The finder stops
 * there instead of making every collision of the workspace and cutting afterwards: a dense month has hundreds of
 * thousands of them and a screen shows a few thousand.
 */
export interface CollisionCut {
  from?: number;
  to?: number;
  limit?: number;
}

/**
 * Every collision (or the cut asked for), by start, then key. Each environment's sweep (and its maintenance check)
 * yields its finds in start order; a k-way merge of those streams takes them in start order and stops at the end of
 * the range or at the limit.
 */
export function findCollisions(input: CollisionInput, cut: CollisionCut = {}): FoundCollision[] {
  const from = cut.from ?? -Infinity;
  const to = cut.to ?? Infinity;
  const limit = cut.limit ?? Infinity;
  if (limit <= 0 || to <= from) return [];
  const names = new Naming(input);
  const related = relatedSystems(input.systems);
  // Whatever ends by `from` collides only before it. Sorted once: every per-environment list stays sorted by start.
  const releasesByEnv = groupBy(
    sortedByStart(input.releases).filter((r) => r.end > from),
    (r) => r.environmentIds,
  );
  const occurrences = sortedByStart(input.occurrences);
  const forEnv = (kind: CollisionOccurrence['kind']) => {
    const byEnv = groupBy(
      occurrences.filter((o) => o.kind === kind && (kind === 'maintenance' || o.end > from)),
      (o) => (o.environmentIds.length === 0 ? [EVERY_ENVIRONMENT] : o.environmentIds),
    );
    const everywhere = byEnv.get(EVERY_ENVIRONMENT) ?? [];
    return (envId: string) => mergeByStart(byEnv.get(envId) ?? [], everywhere);
  };
  const freezesOn = forEnv('freeze');
  const maintenanceOn = forEnv('maintenance');

  // In the order the finds were always merged in: it decides the order of a collision's environments.
  const streams: Iterator<Find>[] = [];
  for (const env of input.environments) {
    const releases = releasesByEnv.get(env.id) ?? [];
    if (releases.length === 0) continue;
    streams.push(sweepEnvironment(env.id, releases, freezesOn(env.id), related, names));
    if (env.requiresMaintenanceWindow) streams.push(outsideMaintenance(env.id, releases, maintenanceOn(env.id), names));
  }
  // Few of these: made whole, then put in start order (a stable sort keeps their order at one start).
  const fewer: Find[] = [];
  dependencyViolations(input, names, fewer);
  runbookOwners(input.stepOwnerships ?? [], names, fewer);
  streams.push(fewer.filter((f) => f.end > from).sort((a, b) => a.start - b.start)[Symbol.iterator]());
  return mergeStreams(streams, to, limit);
}

/**
 * The k-way merge: takes every find of one start from all streams (in stream order), merges the pairs among them
 * (finds with one key share their start) and sorts them by key, until the range ends or the limit is reached.
 */
function mergeStreams(streams: readonly Iterator<Find>[], to: number, limit: number): FoundCollision[] {
  const heads = new StreamHeap();
  streams.forEach((stream, order) => heads.push(stream, order));
  const out: FoundCollision[] = [];
  while (heads.size > 0 && out.length < limit) {
    const start = heads.peekStart();
    if (start >= to) break;
    const group: Find[] = [];
    while (heads.size > 0 && heads.peekStart() === start) group.push(heads.take());
    for (const collision of mergePairs(group).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      if (out.length >= limit) break;
      out.push(collision);
    }
  }
  return out;
}

/** A binary heap of stream heads, least start first, then the stream's order. */
class StreamHeap {
  private readonly items: Array<{ head: Find; stream: Iterator<Find>; order: number }> = [];

  get size(): number {
    return this.items.length;
  }

  push(stream: Iterator<Find>, order: number): void {
    const next = stream.next();
    if (next.done) return;
    this.items.push({ head: next.value, stream, order });
    this.up(this.items.length - 1);
  }

  peekStart(): number {
    return this.items[0].head.start;
  }

  /** The least head; its stream goes back in with its next find. */
  take(): Find {
    const top = this.items[0];
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
    this.push(top.stream, top.order);
    return top.head;
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i];
    const b = this.items[j];
    return a.head.start < b.head.start || (a.head.start === b.head.start && a.order < b.order);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      [this.items[i], this.items[parent]] = [this.items[parent], this.items[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.items.length && this.less(left, least)) least = left;
      if (right < this.items.length && this.less(right, least)) least = right;
      if (least === i) return;
      [this.items[i], this.items[least]] = [this.items[least], this.items[i]];
      i = least;
    }
  }
}

/** Finds with one key (the same pair, window, person and times) on several environments become one collision. */
function mergePairs(finds: readonly Find[]): FoundCollision[] {
  const out: FoundCollision[] = [];
  const byKey = new Map<string, FoundCollision>();
  for (const find of finds) {
    const seen = byKey.get(find.key);
    if (seen) {
      if (find.environmentId !== null && !seen.environmentIds.includes(find.environmentId)) seen.environmentIds.push(find.environmentId);
      continue;
    }
    const environmentIds = find.environmentId === null ? [] : [find.environmentId];
    const write = find.write;
    // Fields listed, not spread: a spread of this many keys per collision takes V8's slow path (the sweep's bench).
    const collision: FoundCollision = {
      key: find.key,
      kind: find.kind,
      releaseIds: find.releaseIds,
      windowId: find.windowId,
      environmentIds,
      personId: find.personId,
      start: find.start,
      end: find.end,
      plannedZone: find.plannedZone,
      describe: (zone) => write(zone, environmentIds),
    };
    byKey.set(find.key, collision);
    out.push(collision);
  }
  return out;
}

const EVERY_ENVIRONMENT = '\u0000every';

/**
 * The sweep over one environment: releases and freezes, both sorted by start, merged as they are walked. Each find
 * starts where the sweep stands, so they come out in start order.
 */
function* sweepEnvironment(
  envId: string,
  releases: readonly CollisionRelease[],
  freezes: readonly CollisionOccurrence[],
  related: Map<string, Set<string>>,
  names: Naming,
): Generator<Find> {
  const openReleases: CollisionRelease[] = [];
  const openFreezes: CollisionOccurrence[] = [];
  let r = 0;
  let f = 0;
  while (r < releases.length || f < freezes.length) {
    const takeRelease = f >= freezes.length || (r < releases.length && releases[r].start <= freezes[f].start);
    const now = takeRelease ? releases[r].start : freezes[f].start;
    prune(openReleases, now);
    prune(openFreezes, now);
    if (takeRelease) {
      const release = releases[r++];
      for (const other of openReleases) {
        const why = systemLink(other, release, related, names);
        if (why !== null) yield doubleBooking(envId, other, release, why, names);
      }
      for (const freeze of openFreezes) if (freezeHits(freeze, release)) yield insideFreeze(envId, release, freeze, names);
      if (release.end > release.start) openReleases.push(release);
    } else {
      const freeze = freezes[f++];
      for (const release of openReleases) if (freezeHits(freeze, release)) yield insideFreeze(envId, release, freeze, names);
      if (freeze.end > freeze.start) openFreezes.push(freeze);
    }
  }
}

/** Drops, in place, what has ended by `now` (the active set of the sweep). */
function prune(open: Array<{ end: number }>, now: number): void {
  let kept = 0;
  for (let i = 0; i < open.length; i++) if (open[i].end > now) open[kept++] = open[i];
  open.length = kept;
}

function mergeByStart<T extends { start: number }>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return out;
}

/** Sorted by start; callers usually pass lists already in order (the store reads releases by window start). */
function sortedByStart<T extends { start: number }>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++) if (items[i - 1].start > items[i].start) return [...items].sort((a, b) => a.start - b.start);
  return items;
}

/** Releases not wholly inside one maintenance occurrence, in the releases' (start) order. */
function* outsideMaintenance(
  envId: string,
  releases: readonly CollisionRelease[],
  windows: readonly CollisionOccurrence[],
  names: Naming,
): Generator<Find> {
  // Sorted by start with a running maximum of ends: the occurrences starting at or before a release's start that
  // reach furthest decide whether one of them covers the whole release. Binary search per release.
  const sorted = windows; // sorted by start by the caller
  const starts = sorted.map((w) => w.start);
  const reach: number[] = [];
  sorted.forEach((w, i) => reach.push(Math.max(w.end, i > 0 ? reach[i - 1] : -Infinity)));
  for (const release of releases) {
    const i = lastAtOrBefore(starts, release.start);
    if (i >= 0 && reach[i] >= release.end) continue;
    yield {
      key: `outside-maintenance:${release.id}:${iso(release.start)}/${iso(release.end)}`,
      kind: 'outside-maintenance',
      releaseIds: [release.id],
      windowId: null,
      environmentId: envId,
      personId: null,
      start: release.start,
      end: release.end,
      plannedZone: release.timeZone,
      write: (zone, envIds) => {
        const where = names.environments(envIds);
        return `${names.release(release)} books ${where} on ${formatLocalRange(release.start, release.end, zone)}, but ${where} ${envIds.length > 1 ? 'require' : 'requires'} a maintenance window and none covers that whole time.`;
      },
    };
  }
}

function dependencyViolations(input: CollisionInput, names: Naming, out: Find[]): void {
  const byId = new Map(input.releases.map((r) => [r.id, r]));
  for (const { releaseId, needsReleaseId } of input.needs) {
    const a = byId.get(releaseId);
    const b = byId.get(needsReleaseId);
    if (!a || !b || a.start >= b.end) continue;
    const shared = a.environmentIds.filter((e) => b.environmentIds.includes(e));
    const where = shared.length > 0 ? shared : [null];
    for (const envId of where) {
      out.push({
        key: `dependency:${a.id}:${b.id}:${iso(a.start)}/${iso(b.end)}`,
        kind: 'dependency',
        releaseIds: [a.id, b.id],
        windowId: null,
        environmentId: envId,
        personId: null,
        start: Math.min(a.start, b.end),
        end: b.end,
        plannedZone: a.timeZone,
        write: (zone, envIds) => {
          const on = envIds.length > 0 ? ` on ${names.environments(envIds)}` : '';
          return `${names.release(a)} needs ${names.release(b)} done first, but starts${on} on ${formatLocal(a.start, zone)}, before ${names.release(b)} ends on ${formatLocal(b.end, zone)}.`;
        },
      });
    }
  }
}

/** Runbook owners: the same sweep, per person instead of per environment. */
function runbookOwners(ownerships: readonly StepOwnership[], names: Naming, out: Find[]): void {
  for (const [, mine] of groupBy(ownerships, (o) => [o.personId])) {
    const sorted = [...mine].sort((a, b) => a.start - b.start);
    let open: StepOwnership[] = [];
    for (const current of sorted) {
      open = open.filter((o) => o.end > current.start);
      for (const other of open) {
        if (other.runbookId === current.runbookId) continue;
        const start = current.start;
        const end = Math.min(other.end, current.end);
        const [a, b] = [other, current].sort((x, y) => x.runbookId.localeCompare(y.runbookId));
        out.push({
          key: `runbook-owner:${current.personId}:${a.runbookId}:${b.runbookId}:${iso(start)}/${iso(end)}`,
          kind: 'runbook-owner',
          releaseIds: [other.releaseId, current.releaseId],
          windowId: null,
          environmentId: null,
          personId: current.personId,
          start,
          end,
          plannedZone: other.timeZone,
          write: (zone) =>
            `${current.personName} owns steps in both ${other.runbookName} (${names.releaseById(other.releaseId)}) and ${current.runbookName} (${names.releaseById(current.releaseId)}) on ${formatLocalRange(start, end, zone)}.`,
        });
      }
      open.push(current);
    }
  }
}

function doubleBooking(envId: string, first: CollisionRelease, second: CollisionRelease, why: string, names: Naming): Find {
  const start = second.start;
  const end = Math.min(first.end, second.end);
  const [a, b] = first.id < second.id ? [first, second] : [second, first];
  return {
    key: `double-booking:${a.id}:${b.id}:${iso(start)}/${iso(end)}`,
    kind: 'double-booking',
    releaseIds: [first.id, second.id],
    windowId: null,
    environmentId: envId,
    personId: null,
    start,
    end,
    plannedZone: first.timeZone,
    write: (zone, envIds) =>
      `${names.release(first)} and ${names.release(second)} both book ${names.environments(envIds)} on ${formatLocalRange(start, end, zone)}, and ${why}.`,
  };
}

function insideFreeze(envId: string, release: CollisionRelease, freeze: CollisionOccurrence, names: Naming): Find {
  const start = Math.max(release.start, freeze.start);
  const end = Math.min(release.end, freeze.end);
  const reason = freeze.reason.trim() ? ` (${freeze.reason.trim().replace(/[.\s]+$/, '')})` : '';
  return {
    key: `freeze:${release.id}:${freeze.windowId}:${iso(start)}/${iso(end)}`,
    kind: 'freeze',
    releaseIds: [release.id],
    windowId: freeze.windowId,
    environmentId: envId,
    personId: null,
    start,
    end,
    plannedZone: release.timeZone,
    write: (zone, envIds) =>
      `${names.release(release)} books ${names.environments(envIds)} on ${formatLocalRange(start, end, zone)}, inside the freeze window ${freeze.name}${reason}.`,
  };
}

/** Why two releases on one environment collide ("both change Payments API"), or null when they do not. */
function systemLink(a: CollisionRelease, b: CollisionRelease, related: Map<string, Set<string>>, names: Naming): string | null {
  for (const x of a.systemIds) if (b.systemIds.includes(x)) return `both change ${names.system(x)}`;
  for (const x of a.systemIds) {
    const near = related.get(x);
    if (!near) continue;
    for (const y of b.systemIds) {
      if (!near.has(y)) continue;
      return names.dependsOn(x, y) ? `${names.system(x)} depends on ${names.system(y)}` : `${names.system(y)} depends on ${names.system(x)}`;
    }
  }
  return null;
}

/** For each system, the systems it depends on and the systems that depend on it (direct links). */
function relatedSystems(systems: CollisionInput['systems']): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!related.has(a)) related.set(a, new Set());
    related.get(a)!.add(b);
  };
  for (const s of systems) {
    for (const d of s.dependsOn) {
      add(s.id, d);
      add(d, s.id);
    }
  }
  return related;
}

function freezeHits(freeze: CollisionOccurrence, release: CollisionRelease): boolean {
  if (!(freeze.start < release.end && release.start < freeze.end)) return false;
  return freeze.systemIds.length === 0 || release.systemIds.some((s) => freeze.systemIds.includes(s));
}

const iso = (ms: number) => new Date(ms).toISOString();

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(item);
    }
  }
  return groups;
}

class Naming {
  private readonly systems: Map<string, { name: string; dependsOn: readonly string[] }>;
  private readonly environmentNames: Map<string, string>;
  private releases: Map<string, CollisionRelease> | null = null;

  constructor(private readonly input: CollisionInput) {
    this.systems = new Map(input.systems.map((s) => [s.id, s]));
    this.environmentNames = new Map(input.environments.map((e) => [e.id, e.name]));
  }

  release(r: CollisionRelease): string {
    return `${r.name} ${r.version}`;
  }

  releaseById(id: string): string {
    this.releases ??= new Map(this.input.releases.map((r) => [r.id, r]));
    const r = this.releases.get(id);
    return r ? this.release(r) : id;
  }

  system(id: string): string {
    return this.systems.get(id)?.name ?? id;
  }

  environment(id: string): string {
    return this.environmentNames.get(id) ?? id;
  }

  /** "Production", "staging and production", "test, staging and production". */
  environments(ids: readonly string[]): string {
    const named = ids.map((id) => this.environment(id));
    return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  }

  dependsOn(a: string, b: string): boolean {
    return this.systems.get(a)?.dependsOn.includes(b) ?? false;
  }
}
