import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import { changeLogCount, releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

/** The calendar screen's additions to the calendar API: the "what if" collision preview, owners on occurrences, window history. */

type Basics = Awaited<ReturnType<typeof seedBasics>>;
let session: WorkspaceSession;
let cleanup: () => void;
let basics: Basics;

beforeEach(async () => {
  ({ session, cleanup } = tempSession());
  basics = await seedBasics(session);
});
afterEach(() => cleanup());

const call = async <T = any>(method: string, input: unknown) => valueOf(await session.dispatch(method, input)) as T;

describe('collisions.preview', () => {
  it('lists the collisions a release would be in at other times, and writes nothing', async () => {
    const first = await call('releases.create', releaseInput(basics, { windowStart: '2026-12-05T22:00:00+01:00', windowEnd: '2026-12-05T23:30:00+01:00' }));
    const second = await call('releases.create', releaseInput(basics, { name: 'Ledger', version: '1.0', windowStart: '2026-12-12T22:00:00+01:00', windowEnd: '2026-12-12T23:00:00+01:00' }));
    expect(await call<any[]>('collisions.list', {})).toEqual([]);
    const before = changeLogCount(session);

    const onTop = await call<any[]>('collisions.preview', { releaseId: second.id, windowStart: '2026-12-05T22:30:00+01:00', windowEnd: '2026-12-05T23:00:00+01:00' });
    expect(onTop.map((c) => c.kind)).toEqual(['double-booking']);
    expect(onTop[0].releaseIds.sort()).toEqual([first.id, second.id].sort());
    expect(onTop[0].sentence).toContain('Production');

    const apart = await call<any[]>('collisions.preview', { releaseId: second.id, windowStart: '2026-12-06T10:00:00+01:00', windowEnd: '2026-12-06T11:00:00+01:00' });
    expect(apart).toEqual([]);
    expect(changeLogCount(session)).toBe(before);
    expect(await call<any[]>('collisions.list', {})).toEqual([]);
  });

  it('finds a collision that moving a release away would end, and ignores collisions of other releases', async () => {
    const a = await call('releases.create', releaseInput(basics));
    await call('releases.create', releaseInput(basics, { name: 'Ledger', version: '1.0' }));
    const other = await call('systems.create', { name: 'Search' });
    const c = await call('releases.create', releaseInput(basics, { name: 'Search', version: '3', systemIds: [other.id], windowStart: '2026-12-20T10:00:00Z', windowEnd: '2026-12-20T11:00:00Z' }));
    expect((await call<any[]>('collisions.list', {})).length).toBe(1);
    expect(await call<any[]>('collisions.preview', { releaseId: a.id, windowStart: '2026-12-07T10:00:00Z', windowEnd: '2026-12-07T11:00:00Z' })).toEqual([]);
    expect(await call<any[]>('collisions.preview', { releaseId: c.id, windowStart: '2026-12-20T12:00:00Z', windowEnd: '2026-12-20T13:00:00Z' })).toEqual([]);
  });

  it('refuses an end before the start and an unknown release', async () => {
    const a = await call('releases.create', releaseInput(basics));
    const backwards = await session.client()['collisions.preview']({ releaseId: a.id, windowStart: '2026-12-07T11:00:00Z', windowEnd: '2026-12-07T10:00:00Z' });
    expect(backwards.ok ? null : backwards.error.field).toBe('windowEnd');
    const missing = await session.client()['collisions.preview']({ releaseId: 'nope', windowStart: '2026-12-07T10:00:00Z', windowEnd: '2026-12-07T11:00:00Z' });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});

describe('planning a release that is not planned yet, or changing one in the form', () => {
  it('lists the collisions of a new release from the form\'s fields, in the viewer\'s zone', async () => {
    await call('releases.create', releaseInput(basics, { windowStart: '2026-12-05T22:00:00+01:00', windowEnd: '2026-12-05T23:30:00+01:00' }));
    const before = changeLogCount(session);
    const draft = { name: 'Ledger', version: '1.0', systemIds: [basics.systemId], environmentIds: [basics.environmentId], timeZone: 'Asia/Kolkata' };
    await call('workspace.setViewerTimeZone', { timeZone: 'America/New_York' });
    const found = await call<any[]>('collisions.preview', { ...draft, windowStart: '2026-12-06T03:30:00+05:30', windowEnd: '2026-12-06T05:00:00+05:30' });
    expect(found).toHaveLength(1);
    expect(found[0].sentence).toBe('Payments 2.4.0 and Ledger 1.0 both book Production on Sat 5 Dec 2026 17:00–17:30, and both change Payments API.');
    expect(found[0].timeZone).toBe('America/New_York');
    expect(changeLogCount(session)).toBe(before);
    // Another environment in the form: no collision there.
    const other = await call('environments.create', { name: 'Staging' });
    expect(await call<any[]>('collisions.preview', { ...draft, environmentIds: [other.id], windowStart: '2026-12-06T03:30:00+05:30', windowEnd: '2026-12-06T05:00:00+05:30' })).toEqual([]);
  });

  it('proposes the next free slot of the same length, inside a maintenance window where one is required', async () => {
    await call('environments.update', { id: basics.environmentId, changes: { requiresMaintenanceWindow: true } });
    await call('windows.create', { kind: 'maintenance', name: 'Saturday night window', start: '2026-12-05T21:00:00Z', end: '2026-12-06T03:00:00Z', timeZone: 'UTC', rrule: 'FREQ=WEEKLY;BYDAY=SA' });
    const payments = await call('releases.create', releaseInput(basics, { windowStart: '2026-12-05T21:00:00Z', windowEnd: '2026-12-06T02:00:00Z' }));
    const draft = { systemIds: [basics.systemId], environmentIds: [basics.environmentId], timeZone: 'UTC', windowStart: '2026-12-05T22:00:00Z', windowEnd: '2026-12-05T23:30:00Z' };
    // Payments holds Saturday night until 02:00; 90 minutes do not fit before 03:00, so the next Saturday.
    await call('workspace.setViewerTimeZone', { timeZone: 'Europe/Berlin' });
    const slot = await call('collisions.nextFreeSlot', { ...draft, name: 'Ledger', version: '1.0' });
    expect(slot).toMatchObject({ found: true, windowStart: '2026-12-12T21:00:00.000Z', windowEnd: '2026-12-12T22:30:00.000Z', maintenanceWindow: 'Saturday night window' });
    expect(slot.sentence).toBe('Sat 12 Dec 2026 22:00–23:30 is free on Production, inside Saturday night window.');
    expect(await call<any[]>('collisions.preview', { ...draft, windowStart: slot.windowStart, windowEnd: slot.windowEnd })).toEqual([]);

    // An existing release asks for its own next slot: it does not collide with itself.
    const own = await call('collisions.nextFreeSlot', { releaseId: payments.id, windowStart: '2026-12-05T21:00:00Z', windowEnd: '2026-12-06T02:00:00Z' });
    expect(own.windowStart).toBe('2026-12-05T21:00:00.000Z');
  });
});

describe('collisions.list limit', () => {
  it('returns at most the limit, earliest first', async () => {
    for (const [i, day] of ['05', '12', '19'].entries()) {
      await call('releases.create', releaseInput(basics, { name: `A${i}`, windowStart: `2026-12-${day}T10:00:00Z`, windowEnd: `2026-12-${day}T11:00:00Z` }));
      await call('releases.create', releaseInput(basics, { name: `B${i}`, windowStart: `2026-12-${day}T10:30:00Z`, windowEnd: `2026-12-${day}T11:30:00Z` }));
    }
    const all = await call<any[]>('collisions.list', {});
    expect(all).toHaveLength(3);
    const two = await call<any[]>('collisions.list', { limit: 2 });
    expect(two.map((c) => c.key)).toEqual(all.slice(0, 2).map((c) => c.key));
  });
});

describe('calendar screen data', () => {
  it('gives release occurrences their owner, and windows an audit history', async () => {
    await call('releases.create', releaseInput(basics, { ownerId: basics.personId }));
    const window = await call('windows.create', { kind: 'freeze', name: 'Year-end freeze', start: '2026-12-20T00:00:00Z', end: '2027-01-04T00:00:00Z', timeZone: 'UTC' });
    const occurrences = await call<any[]>('windows.occurrences', { from: '2026-12-01T00:00:00Z', to: '2027-01-10T00:00:00Z' });
    expect(occurrences.map((o) => [o.kind, o.ownerId])).toEqual([['release', basics.personId], ['freeze', null]]);

    await call('windows.update', { id: window.id, changes: { name: 'Holiday freeze' } });
    const history = await call<any[]>('audit.history', { entity: 'window', id: window.id });
    expect(history.find((h) => h.field === 'name')).toMatchObject({ newValue: 'Holiday freeze', oldValue: 'Year-end freeze' });
  });
});
