import { createHash, randomUUID } from 'node:crypto';
import { ApiFailure, invalidInput, notFound } from '../../../contract/api-result';
import { Window, WindowCreate, type Collision, type NextFreeSlot, type PlanningDraft, type WindowOccurrence } from '../../../contract/calendar-entities';
import type { Environment, Person, Release, System } from '../../../contract/entities';
import { exportIcs } from '../../calendar/ics-export';
import { readIcs, type ImportedWindow } from '../../calendar/ics-import';
import {
  expandOccurrences,
  findCollisions,
  formatLocal,
  formatLocalRange,
  nextFreeSlot,
  recurrenceRuleProblem,
  type CollisionOccurrence,
  type FoundCollision,
} from '../../domain/calendar';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { zodFailure } from '../input-errors';
import { getRelease } from './releases-handlers';
import { requireExisting } from './references';
import { loadStepOwnerships } from '../../runbooks/runbook-ownerships';

/** Calendar API (issue 3): windows, occurrences, release "needs" links, collisions, iCalendar. See docs/calendar.md. */

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;

type WindowFields = Omit<Window, 'id' | 'createdAt' | 'updatedAt'>;

function getWindow(ctx: HandlerContext, id: string): Window {
  const row = ctx.store.reader.get('window', id);
  if (!row) throw notFound('Window', id);
  return row;
}

const listWindows = (ctx: HandlerContext) => ctx.store.reader.list('window', ['start', 'name']);
const liveReleases = (ctx: HandlerContext) => ctx.store.reader.list('release', ['windowStart', 'name']);
/** The releases whose window overlaps [from, to) ms, read by range in the store (by window start, then name). */
const releasesOverlapping = (ctx: HandlerContext, [from, to]: readonly [number, number]) =>
  ctx.store.reader.listOverlapping('release', 'windowStart', 'windowEnd', new Date(from).toISOString(), new Date(to).toISOString(), ['windowStart', 'name']);

/** Checks that need the whole window (after a patch) or the rest of the workspace. */
function checkWindow(ctx: HandlerContext, window: WindowFields): void {
  if (Date.parse(window.end) <= Date.parse(window.start)) throw invalidInput('end', 'Window end must be after the window start.');
  if (window.kind === 'maintenance' && window.systemIds.length > 0) {
    throw invalidInput('systemIds', 'A maintenance window applies to environments, not systems; leave Systems empty.');
  }
  if (window.rrule) {
    const problem = recurrenceRuleProblem(window.rrule, window);
    if (problem) throw invalidInput('rrule', problem);
  } else if (window.exceptionDates.length > 0) {
    throw invalidInput('exceptionDates', 'Exception dates only apply to a recurring window; add a recurrence rule or remove them.');
  }
  requireExisting(ctx, 'environment', window.environmentIds, 'environmentIds');
  requireExisting(ctx, 'system', window.systemIds, 'systemIds');
}

function parseRange(from: string | undefined, to: string | undefined, fallback: () => [number, number]): [number, number] {
  const [defaultFrom, defaultTo] = fallback();
  const range: [number, number] = [from ? Date.parse(from) : defaultFrom, to ? Date.parse(to) : defaultTo];
  if (range[1] <= range[0]) throw invalidInput('to', 'The end of the range (to) must be after its start (from).');
  return range;
}

function limitRange([from, to]: [number, number]): void {
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw invalidInput('to', `A range may span at most ${MAX_RANGE_DAYS} days.`);
}

/** The span of all releases, for calls without a range. */
function releaseSpan(releases: readonly Release[]): [number, number] {
  if (releases.length === 0) return [Date.now(), Date.now() + DAY_MS];
  let from = Infinity;
  let to = -Infinity;
  for (const r of releases) {
    from = Math.min(from, Date.parse(r.windowStart));
    to = Math.max(to, Date.parse(r.windowEnd));
  }
  return [from, to];
}

const overlaps = (r: Release, [from, to]: [number, number]) => Date.parse(r.windowStart) < to && Date.parse(r.windowEnd) > from;
const appliesTo = (ids: readonly string[], environmentId?: string) => !environmentId || ids.length === 0 || ids.includes(environmentId);

function windowOccurrences(windows: readonly Window[], range: [number, number]): CollisionOccurrence[] {
  return windows.flatMap((w) =>
    expandOccurrences(w, range[0], range[1]).map((o) => ({
      windowId: w.id,
      kind: w.kind,
      name: w.name,
      reason: w.reason,
      start: o.start,
      end: o.end,
      timeZone: w.timeZone,
      environmentIds: w.environmentIds,
      systemIds: w.systemIds,
    })),
  );
}

function needLinks(ctx: HandlerContext): Array<{ id: string; releaseId: string; needsReleaseId: string }> {
  return ctx.store.reader.list('releaseNeed', ['releaseId', 'needsReleaseId']);
}

/** Ids made of what a record is about, so two devices creating the same link or acceptance merge into one row. */
const stableId = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const acceptanceId = (key: string) => stableId(`collision:${key}`);

/** The id a release not planned yet goes by while its collisions are worked out. */
const DRAFT_ID = 'draft';

/**
 * A release as the planner has it (collisions.preview, collisions.nextFreeSlot): an existing release with what the
 * form or the drag changed, or a release not planned yet, made of the form's fields.
 */
function draftRelease(ctx: HandlerContext, draft: PlanningDraft): Release {
  if (Date.parse(draft.windowEnd) <= Date.parse(draft.windowStart)) throw invalidInput('windowEnd', 'Window end must be after the window start.');
  const base: Release = draft.releaseId
    ? getRelease(ctx, draft.releaseId)
    : { id: DRAFT_ID, name: '', version: '', systemIds: [], environmentIds: [], windowStart: '', windowEnd: '', timeZone: 'UTC', status: 'planned', ownerId: null, description: '', createdAt: '', updatedAt: '' };
  requireExisting(ctx, 'system', draft.systemIds ?? [], 'systemIds');
  requireExisting(ctx, 'environment', draft.environmentIds ?? [], 'environmentIds');
  return {
    ...base,
    name: draft.name || base.name || 'The new release',
    version: draft.version ?? base.version,
    systemIds: draft.systemIds ?? base.systemIds,
    environmentIds: draft.environmentIds ?? base.environmentIds,
    timeZone: draft.timeZone ?? base.timeZone,
    windowStart: new Date(draft.windowStart).toISOString(),
    windowEnd: new Date(draft.windowEnd).toISOString(),
  };
}

/** A collision as the API shows it: its sentence in the reader's zone, the planned zone's times beside it. */
function toCollision(c: FoundCollision, zone: string, accepted: Collision['accepted']): Collision {
  return {
    key: c.key,
    kind: c.kind,
    releaseIds: c.releaseIds,
    windowId: c.windowId,
    environmentIds: c.environmentIds,
    personId: c.personId,
    start: new Date(c.start).toISOString(),
    end: new Date(c.end).toISOString(),
    sentence: c.describe(zone),
    timeZone: zone,
    plannedZone: c.plannedZone,
    plannedTimes: `${formatLocalRange(c.start, c.end, c.plannedZone)} (${c.plannedZone})`,
    accepted,
  };
}

interface CollisionQuery {
  from?: string;
  to?: string;
  environmentId?: string;
  limit?: number;
}

/** The workspace the collision finder looks at: the releases in a range (with a draft in place of its release). */
function collisionWorld(ctx: HandlerContext, input: CollisionQuery, draft?: Release) {
  if (input.environmentId) requireExisting(ctx, 'environment', [input.environmentId], 'environmentId');
  const drafted = (r: Release): Release => (draft && r.id === draft.id ? draft : r);
  const live = (rows: readonly Release[]) => rows.filter((r) => r.status !== 'cancelled').map(drafted);
  // With a range, only the releases in it are read from the store (a month of a 10,000-release workspace); the
  // draft and the releases linked by needs are added by id.
  const ranged = input.from !== undefined && input.to !== undefined;
  const candidates = ranged ? releasesOverlapping(ctx, [Date.parse(input.from!), Date.parse(input.to!)]) : liveReleases(ctx);
  const byIdOf = (id: string) => ctx.store.reader.get('release', id);
  const all = live(draft && !candidates.some((r) => r.id === draft.id) ? [...candidates, draft] : candidates);
  const range = parseRange(input.from, input.to, () => releaseSpan(all));
  const releases = all.filter((r) => overlaps(r, range) && (!input.environmentId || r.environmentIds.includes(input.environmentId)));
  // Windows are expanded over everything the releases in range touch, so a release half in the range is judged whole.
  const [spanFrom, spanTo] = releaseSpan(releases);
  const occurrences = windowOccurrences(listWindows(ctx), [Math.min(range[0], spanFrom) - DAY_MS, Math.max(range[1], spanTo) + DAY_MS]);
  const byId = new Set(releases.map((r) => r.id));
  const needs = needLinks(ctx).filter((n) => byId.has(n.releaseId) || byId.has(n.needsReleaseId));
  const linkedIds = new Set(needs.flatMap((n) => [n.releaseId, n.needsReleaseId]).filter((id) => !byId.has(id)));
  const related = ranged
    ? live([...linkedIds].flatMap((id) => byIdOf(id) ?? []))
    : all.filter((r) => linkedIds.has(r.id));
  const world = {
    releases: [...releases, ...related].map((r) => ({ ...r, start: Date.parse(r.windowStart), end: Date.parse(r.windowEnd) })),
    systems: ctx.store.reader.list('system'),
    environments: ctx.store.reader.list('environment', ['position']).filter((e) => !input.environmentId || e.id === input.environmentId),
    occurrences,
    needs,
    stepOwnerships: loadStepOwnerships(ctx, [...releases, ...related]),
  };
  return { world, range };
}

function computeCollisions(ctx: HandlerContext, input: CollisionQuery, draft?: Release): Collision[] {
  const { world, range } = collisionWorld(ctx, input, draft);
  const found = findCollisions(world, { from: range[0], to: range[1], limit: input.limit });
  const zone = ctx.viewerZone();
  const accepted = new Map(ctx.store.reader.list('collisionAcceptance').map((a) => [a.collisionKey, a]));
  const people = new Map(ctx.store.reader.list('person').map((p) => [p.id, p.name]));
  return found.map((c) => {
    const acceptance = accepted.get(c.key);
    let marked: Collision['accepted'] = null;
    if (acceptance) {
      const last = ctx.store.history('collisionAcceptance', acceptance.id).find((h) => h.field === 'reason');
      const by = last?.author ?? '';
      marked = { reason: acceptance.reason, by, byName: people.get(by) ?? by, at: last ? last.hlc.slice(0, 24) : '' };
    }
    return toCollision(c, zone, marked);
  });
}

/** How far ahead "next free slot" looks before it says there is none. */
const FREE_SLOT_HORIZON_DAYS = 120;
const QUARTER_HOUR = 15 * 60_000;

function findNextFreeSlot(ctx: HandlerContext, input: PlanningDraft): NextFreeSlot {
  const chosen = draftRelease(ctx, input);
  const zone = ctx.viewerZone();
  const length = Date.parse(chosen.windowEnd) - Date.parse(chosen.windowStart);
  // From the chosen start; a start that has passed proposes from the next quarter hour.
  const now = Math.ceil(ctx.store.now() / QUARTER_HOUR) * QUARTER_HOUR;
  const from = Math.max(Date.parse(chosen.windowStart), now);
  const until = from + FREE_SLOT_HORIZON_DAYS * DAY_MS;
  const draft = { ...chosen, windowStart: new Date(from).toISOString(), windowEnd: new Date(from + length).toISOString() };
  const { world } = collisionWorld(ctx, { from: new Date(from - DAY_MS).toISOString(), to: new Date(until + length + DAY_MS).toISOString() }, draft);
  const slot = nextFreeSlot({ input: world, draftId: draft.id, from, until });
  const label = `${draft.name} ${draft.version}`.trim();
  if (!slot.found) {
    const why = slot.blockedBy ? ` ${slot.blockedBy.describe(zone)}` : '';
    return {
      found: false,
      windowStart: null,
      windowEnd: null,
      maintenanceWindow: null,
      sentence: `No free slot of the same length for ${label} in the ${FREE_SLOT_HORIZON_DAYS} days from ${formatLocal(from, zone)}.${why}`,
    };
  }
  const inside = slot.maintenance ? `, inside ${slot.maintenance.name}` : '';
  const range = formatLocalRange(slot.start, slot.end, zone);
  const free = `is free on ${environmentNames(ctx, draft.environmentIds)}${inside}.`;
  return {
    found: true,
    windowStart: new Date(slot.start).toISOString(),
    windowEnd: new Date(slot.end).toISOString(),
    maintenanceWindow: slot.maintenance?.name ?? null,
    sentence: slot.start === Date.parse(chosen.windowStart) ? `The chosen window, ${range}, ${free}` : `${range} ${free}`,
  };
}

function environmentNames(ctx: HandlerContext, ids: readonly string[]): string {
  const named = ids.map((id) => String(ctx.store.reader.get('environment', id)?.name ?? id));
  return named.length <= 1 ? (named[0] ?? 'no environment') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

function importedWindows(ctx: HandlerContext, input: { ics: string; kind: 'maintenance' | 'freeze'; environmentId: string | null }) {
  if (input.environmentId) requireExisting(ctx, 'environment', [input.environmentId], 'environmentId');
  const settings = ctx.store.reader.list('settings').at(0);
  const { windows, warnings } = readIcs(input.ics, { kind: input.kind, environmentId: input.environmentId, fallbackZone: settings?.defaultTimeZone || 'UTC' });
  const checked = windows.map((w, i) => {
    const parsed = WindowCreate.safeParse(w);
    if (!parsed.success) {
      const failure = zodFailure(parsed.error);
      throw invalidInput('ics', `Event ${i + 1} ("${w.name}") cannot become a window: ${failure.message} Nothing was imported.`);
    }
    return parsed.data as ImportedWindow;
  });
  return { windows: checked, warnings };
}

export const calendarHandlers = {
  'windows.list': (ctx, { from, to, kind, environmentId }) => {
    const windows = listWindows(ctx).filter((w) => (!kind || w.kind === kind) && appliesTo(w.environmentIds, environmentId));
    if (!from && !to) return windows;
    const range = parseRange(from, to, () => [-8.64e15, 8.64e15]);
    return windows.filter((w) => expandOccurrences(w, range[0], Math.min(range[1], range[0] + 50 * 365 * DAY_MS)).length > 0);
  },
  'windows.get': (ctx, { id }) => getWindow(ctx, id),
  'windows.create': (ctx, fields) => {
    checkWindow(ctx, fields);
    const id = randomUUID();
    ctx.store.mutate(ctx.author(), (w) => w.insert('window', id, fields));
    return getWindow(ctx, id);
  },
  'windows.update': (ctx, { id, changes }) => {
    const current = getWindow(ctx, id);
    checkWindow(ctx, { ...current, ...changes });
    ctx.store.mutate(ctx.author(), (w) => w.update('window', id, changes));
    return getWindow(ctx, id);
  },
  'windows.delete': (ctx, { id }) => {
    getWindow(ctx, id);
    ctx.store.mutate(ctx.author(), (w) => w.delete('window', id));
    return { id };
  },
  'windows.occurrences': (ctx, { from, to, environmentId, kinds }) => {
    const range = parseRange(from, to, () => [0, 0]);
    limitRange(range);
    if (environmentId) requireExisting(ctx, 'environment', [environmentId], 'environmentId');
    const wanted = new Set(kinds ?? ['release', 'maintenance', 'freeze']);
    const out: WindowOccurrence[] = [];
    if (wanted.has('release')) {
      for (const r of releasesOverlapping(ctx, range)) {
        if (environmentId && !r.environmentIds.includes(environmentId)) continue;
        out.push({ kind: 'release', sourceId: r.id, name: `${r.name} ${r.version}`, start: r.windowStart, end: r.windowEnd, timeZone: r.timeZone, environmentIds: r.environmentIds, systemIds: r.systemIds, recurring: false, reason: r.description, status: r.status, ownerId: r.ownerId });
      }
    }
    const windows = listWindows(ctx).filter((w) => wanted.has(w.kind) && appliesTo(w.environmentIds, environmentId));
    for (const o of windowOccurrences(windows, range)) {
      const w = windows.find((x) => x.id === o.windowId)!;
      out.push({ kind: o.kind, sourceId: o.windowId, name: o.name, start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString(), timeZone: o.timeZone, environmentIds: w.environmentIds, systemIds: w.systemIds, recurring: w.rrule !== null, reason: o.reason, status: null, ownerId: null });
    }
    return out.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
  },

  'releaseNeeds.list': (ctx, { releaseId }) => {
    const grouped = new Map<string, string[]>();
    if (releaseId) grouped.set(getRelease(ctx, releaseId).id, []);
    for (const link of needLinks(ctx)) {
      if (releaseId && link.releaseId !== releaseId) continue;
      grouped.set(link.releaseId, [...(grouped.get(link.releaseId) ?? []), link.needsReleaseId]);
    }
    return [...grouped].map(([id, needs]) => ({ releaseId: id, needsReleaseIds: needs }));
  },
  'releaseNeeds.set': (ctx, { releaseId, needsReleaseIds }) => {
    getRelease(ctx, releaseId);
    const wanted = [...new Set(needsReleaseIds)];
    requireExisting(ctx, 'release', wanted, 'needsReleaseIds');
    if (wanted.includes(releaseId)) throw invalidInput(`needsReleaseIds.${wanted.indexOf(releaseId)}`, 'A release cannot need itself.');
    const current = needLinks(ctx).filter((n) => n.releaseId === releaseId);
    const linkId = (needs: string) => stableId(`${releaseId}>${needs}`);
    ctx.store.mutate(ctx.author(), (w) => {
      for (const link of current) if (!wanted.includes(link.needsReleaseId)) w.delete('releaseNeed', link.id);
      for (const needs of wanted) {
        if (current.some((c) => c.needsReleaseId === needs)) continue;
        const id = linkId(needs);
        if (ctx.store.reader.isDeleted('releaseNeed', id)) w.restore('releaseNeed', id);
        else w.insert('releaseNeed', id, { releaseId, needsReleaseId: needs });
      }
    });
    return { releaseId, needsReleaseIds: wanted };
  },

  'collisions.list': (ctx, input) => computeCollisions(ctx, input),
  'collisions.preview': (ctx, input) => {
    const draft = draftRelease(ctx, input);
    // Only the draft's own time matters: every collision it can be in overlaps it (dependency ones are found
    // through the needs links, which the world follows outside the range).
    return computeCollisions(ctx, { from: draft.windowStart, to: draft.windowEnd }, draft).filter((c) => c.releaseIds.includes(draft.id));
  },
  'collisions.nextFreeSlot': (ctx, input) => findNextFreeSlot(ctx, input),
  'collisions.accept': (ctx, { key, reason }) => {
    const collision = computeCollisions(ctx, {}).find((c) => c.key === key);
    if (!collision) throw new ApiFailure('not_found', 'There is no current collision with that key (the plan may have changed); list collisions again.', 'key');
    const id = acceptanceId(key);
    ctx.store.mutate(ctx.author(), (w) => {
      if (ctx.store.reader.get('collisionAcceptance', id)) w.update('collisionAcceptance', id, { reason });
      else if (ctx.store.reader.isDeleted('collisionAcceptance', id)) {
        w.restore('collisionAcceptance', id);
        w.update('collisionAcceptance', id, { reason });
      } else w.insert('collisionAcceptance', id, { collisionKey: key, reason });
    });
    return computeCollisions(ctx, {}).find((c) => c.key === key)!;
  },
  'collisions.unaccept': (ctx, { key }) => {
    const id = acceptanceId(key);
    if (!ctx.store.reader.get('collisionAcceptance', id)) throw new ApiFailure('not_found', 'That collision is not accepted.', 'key');
    ctx.store.mutate(ctx.author(), (w) => w.delete('collisionAcceptance', id));
    return { key };
  },

  'calendar.exportIcs': (ctx, { from, to, environmentId }) => {
    if (environmentId) requireExisting(ctx, 'environment', [environmentId], 'environmentId');
    const range = parseRange(from, to, () => [-8.64e15, 8.64e15]);
    const releases = liveReleases(ctx).filter((r) => overlaps(r, range) && (!environmentId || r.environmentIds.includes(environmentId)));
    const windows = listWindows(ctx).filter(
      (w) => appliesTo(w.environmentIds, environmentId) && (!from && !to ? true : expandOccurrences(w, range[0], Math.min(range[1], range[0] + 50 * 365 * DAY_MS)).length > 0),
    );
    const names = (entity: 'system' | 'environment' | 'person') =>
      new Map(ctx.store.reader.list(entity).map((x) => [x.id, x.name]));
    const settings = ctx.store.reader.list('settings').at(0);
    // SEQUENCE per record: distinct change times after the creating one.
    const sequenceOf = new Map([...ctx.store.reader.editCounts('release'), ...ctx.store.reader.editCounts('window')]);
    return exportIcs({
      calendarName: settings?.name || 'Release Desk',
      releases,
      windows,
      sequences: sequenceOf,
      systemNames: names('system'),
      environmentNames: names('environment'),
      personNames: names('person'),
    });
  },
  'calendar.previewIcsImport': (ctx, input) => importedWindows(ctx, input),
  'calendar.importIcs': (ctx, input) => {
    const { windows, warnings } = importedWindows(ctx, input);
    const ids = windows.map(() => randomUUID());
    ctx.store.mutate(ctx.author(), (w) => windows.forEach((fields, i) => w.insert('window', ids[i], { ...fields })));
    return { created: ids.map((id) => getWindow(ctx, id)), warnings };
  },
} satisfies HandlerMap<
  | 'windows.list'
  | 'windows.get'
  | 'windows.create'
  | 'windows.update'
  | 'windows.delete'
  | 'windows.occurrences'
  | 'releaseNeeds.list'
  | 'releaseNeeds.set'
  | 'collisions.list'
  | 'collisions.preview'
  | 'collisions.nextFreeSlot'
  | 'collisions.accept'
  | 'collisions.unaccept'
  | 'calendar.exportIcs'
  | 'calendar.previewIcsImport'
  | 'calendar.importIcs'
>;
