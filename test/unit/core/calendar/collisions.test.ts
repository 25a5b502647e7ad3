import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCollisions, type CollisionInput, type CollisionRelease } from '../../../../electron/core/domain/calendar/collisions';

const at = (iso: string) => Date.parse(iso);
const release = (id: string, name: string, systems: string[], start: string, end: string, envs = ['prod']): CollisionRelease => ({
  id,
  name,
  version: id === 'pay' ? '2.4' : '5.1',
  systemIds: systems,
  environmentIds: envs,
  start: at(start),
  end: at(end),
  timeZone: 'Europe/Berlin',
});

const world = (over: Partial<CollisionInput>): CollisionInput => ({
  releases: [],
  systems: [
    { id: 'payments', name: 'Payments', dependsOn: [] },
    { id: 'shop', name: 'Web Shop', dependsOn: ['payments'] },
    { id: 'hr', name: 'HR Portal', dependsOn: [] },
  ],
  environments: [
    { id: 'prod', name: 'Production', requiresMaintenanceWindow: false },
    { id: 'test', name: 'Test', requiresMaintenanceWindow: false },
  ],
  occurrences: [],
  needs: [],
  ...over,
});

describe('collision finder', () => {
  it('finds two releases of dependent systems on one environment, with a sentence in the zone the reader asks for', () => {
    const found = findCollisions(
      world({
        releases: [
          release('pay', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z'),
          release('shop', 'Web Shop', ['shop'], '2026-12-05T21:30:00Z', '2026-12-05T22:30:00Z'),
          release('hr', 'HR Portal', ['hr'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z'),
        ],
      }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'double-booking', releaseIds: ['pay', 'shop'], environmentIds: ['prod'], plannedZone: 'Europe/Berlin', start: at('2026-12-05T21:30:00Z'), end: at('2026-12-05T22:30:00Z') });
    expect(found[0].describe('Europe/Berlin')).toBe('Payments 2.4 and Web Shop 5.1 both book Production on Sat 5 Dec 2026 22:30–23:30, and Web Shop depends on Payments.');
    // The same collision for a reader in New York, and one in Kolkata (whose evening is Berlin's night).
    expect(found[0].describe('America/New_York')).toBe('Payments 2.4 and Web Shop 5.1 both book Production on Sat 5 Dec 2026 16:30–17:30, and Web Shop depends on Payments.');
    expect(found[0].describe('Asia/Kolkata')).toBe(
      'Payments 2.4 and Web Shop 5.1 both book Production on Sun 6 Dec 2026 03:00–04:00, and Web Shop depends on Payments.',
    );
  });

  it('is one collision per pair of releases, naming every environment they share at that time', () => {
    const found = findCollisions(
      world({
        releases: [
          release('pay', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z', ['test', 'prod']),
          release('shop', 'Web Shop', ['payments'], '2026-12-05T22:00:00Z', '2026-12-05T23:00:00Z', ['test', 'prod']),
        ],
      }),
    );
    expect(found).toHaveLength(1);
    // In the workspace's environment order (Production before Test in this world), whatever order a release lists them.
    expect(found[0].environmentIds).toEqual(['prod', 'test']);
    expect(found[0].describe('UTC')).toBe('Payments 2.4 and Web Shop 5.1 both book Production and Test on Sat 5 Dec 2026 22:00–23:00, and both change Payments.');
  });

  it('does not count touching windows, other environments or unrelated systems', () => {
    const found = findCollisions(
      world({
        releases: [
          release('pay', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T22:00:00Z'),
          release('shop', 'Web Shop', ['payments'], '2026-12-05T22:00:00Z', '2026-12-05T23:00:00Z'),
          release('x', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z', ['test']),
        ],
      }),
    );
    expect(found).toEqual([]);
  });

  it('finds releases inside a freeze that applies to their environment and system, or to all', () => {
    const freeze = { windowId: 'f', kind: 'freeze' as const, name: 'Year-end freeze', reason: 'Peak trading.', timeZone: 'Europe/Berlin', start: at('2026-12-20T00:00:00Z'), end: at('2027-01-04T00:00:00Z') };
    const releases = [release('pay', 'Payments', ['payments'], '2026-12-21T21:00:00Z', '2026-12-21T23:00:00Z'), release('hr', 'HR Portal', ['hr'], '2026-12-22T21:00:00Z', '2026-12-22T23:00:00Z')];
    const everywhere = findCollisions(world({ releases, occurrences: [{ ...freeze, environmentIds: [], systemIds: [] }] }));
    expect(everywhere.map((c) => [c.kind, c.releaseIds[0]])).toEqual([
      ['freeze', 'pay'],
      ['freeze', 'hr'],
    ]);
    expect(everywhere[0].describe('Europe/Berlin')).toBe('Payments 2.4 books Production on Mon 21 Dec 2026 22:00 – Tue 22 Dec 2026 00:00, inside the freeze window Year-end freeze (Peak trading).');
    const paymentsOnly = findCollisions(world({ releases, occurrences: [{ ...freeze, environmentIds: ['prod'], systemIds: ['payments'] }] }));
    expect(paymentsOnly.map((c) => c.releaseIds[0])).toEqual(['pay']);
    expect(findCollisions(world({ releases, occurrences: [{ ...freeze, environmentIds: ['test'], systemIds: [] }] }))).toEqual([]);
  });

  it('finds a release not wholly inside one maintenance occurrence where the environment requires one', () => {
    const maintenance = (start: string, end: string) => ({ windowId: 'm', kind: 'maintenance' as const, name: 'Patch window', reason: '', timeZone: 'Europe/Berlin', start: at(start), end: at(end), environmentIds: ['prod'], systemIds: [] });
    const environments = [{ id: 'prod', name: 'Production', requiresMaintenanceWindow: true }];
    const occurrences = [maintenance('2026-12-05T21:00:00Z', '2026-12-06T05:00:00Z'), maintenance('2026-12-12T21:00:00Z', '2026-12-13T05:00:00Z')];
    const found = findCollisions(
      world({
        environments,
        occurrences,
        releases: [
          release('in', 'Inside', ['hr'], '2026-12-05T22:00:00Z', '2026-12-06T01:00:00Z'),
          release('late', 'Too late', ['hr'], '2026-12-06T04:00:00Z', '2026-12-06T06:00:00Z'),
          release('mid', 'Midweek', ['payments'], '2026-12-09T10:00:00Z', '2026-12-09T11:00:00Z'),
        ],
      }),
    );
    expect(found.map((c) => [c.kind, c.releaseIds[0]])).toEqual([
      ['outside-maintenance', 'late'],
      ['outside-maintenance', 'mid'],
    ]);
    expect(found[1].describe('Europe/Berlin')).toBe('Midweek 5.1 books Production on Wed 9 Dec 2026 11:00–12:00, but Production requires a maintenance window and none covers that whole time.');
  });

  it('finds a dependency violation: a release planned to start before a release it needs ends', () => {
    const releases = [
      release('pay', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z'),
      release('shop', 'Web Shop', ['hr'], '2026-12-05T22:00:00Z', '2026-12-06T01:00:00Z'),
    ];
    const found = findCollisions(world({ releases, needs: [{ releaseId: 'shop', needsReleaseId: 'pay' }] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'dependency', releaseIds: ['shop', 'pay'], environmentIds: ['prod'] });
    expect(found[0].describe('Europe/Berlin')).toBe('Web Shop 5.1 needs Payments 2.4 done first, but starts on Production on Sat 5 Dec 2026 23:00, before Payments 2.4 ends on Sun 6 Dec 2026 00:00.');
    const after = [releases[0], { ...releases[1], start: at('2026-12-05T23:00:00Z') }];
    expect(findCollisions(world({ releases: after, needs: [{ releaseId: 'shop', needsReleaseId: 'pay' }] }))).toEqual([]);
  });

  it('finds a person owning steps in two overlapping runbooks (the extension point for runbooks)', () => {
    const own = (runbookId: string, releaseId: string, start: string, end: string) => ({
      personId: 'ana',
      personName: 'Ana',
      runbookId,
      runbookName: `Runbook ${runbookId}`,
      releaseId,
      start: at(start),
      end: at(end),
      timeZone: 'Europe/Berlin',
    });
    const found = findCollisions(
      world({
        releases: [release('pay', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z'), release('hr', 'HR Portal', ['hr'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z')],
        stepOwnerships: [own('A', 'pay', '2026-12-05T21:00:00Z', '2026-12-05T22:00:00Z'), own('B', 'hr', '2026-12-05T21:30:00Z', '2026-12-05T23:00:00Z')],
      }),
    );
    expect(found.map((c) => c.kind)).toEqual(['runbook-owner']);
    expect(found[0].describe('Europe/Berlin')).toBe('Ana owns steps in both Runbook A (Payments 2.4) and Runbook B (HR Portal 5.1) on Sat 5 Dec 2026 22:30–23:00.');
  });

  it('agrees with an all-pairs check on random plans (the sweep misses nothing)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const systems = ['payments', 'shop', 'hr'];
    const releases = Array.from({ length: 300 }, (_, i) => {
      const start = at('2026-12-01T00:00:00Z') + Math.floor(rand() * 30 * 24) * 3_600_000;
      return release(`r${i}`, `R${i}`, [systems[Math.floor(rand() * 3)]], new Date(start).toISOString(), new Date(start + (1 + Math.floor(rand() * 6)) * 3_600_000).toISOString(), [rand() < 0.5 ? 'prod' : 'test']);
    });
    const related = (a: string, b: string) => a === b || (a === 'shop' && b === 'payments') || (a === 'payments' && b === 'shop');
    let expected = 0;
    for (let i = 0; i < releases.length; i++) {
      for (let j = i + 1; j < releases.length; j++) {
        const [a, b] = [releases[i], releases[j]];
        if (a.environmentIds[0] === b.environmentIds[0] && a.start < b.end && b.start < a.end && related(a.systemIds[0], b.systemIds[0])) expected++;
      }
    }
    expect(expected).toBeGreaterThan(10);
    expect(findCollisions(world({ releases })).length).toBe(expected);
  });
});

describe('collision finder cut by range and limit', () => {
  const systems = ['payments', 'shop', 'hr'];
  const envs = ['prod', 'test'];
  const freezeOn = (envIds: string[], systemIds: string[], start: number) => ({
    windowId: `f-${start}`,
    kind: 'freeze' as const,
    name: 'Freeze',
    reason: '',
    start,
    end: start + 6 * 3_600_000,
    timeZone: 'UTC',
    environmentIds: envIds,
    systemIds,
  });
  const describeAll = (found: ReturnType<typeof findCollisions>) => found.map((c) => ({ ...c, describe: c.describe('Europe/Berlin') }));

  it('returns exactly the collisions of the whole plan that overlap the range, the first ones up to the limit', () => {
    const base = at('2026-12-01T00:00:00Z');
    const hour = 3_600_000;
    const booking = fc.record({
      hour: fc.integer({ min: 0, max: 10 * 24 }),
      hours: fc.integer({ min: 0, max: 8 }),
      system: fc.constantFrom(...systems),
      envs: fc.subarray(envs, { minLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.array(booking, { maxLength: 40 }),
        fc.array(fc.record({ hour: fc.integer({ min: 0, max: 10 * 24 }), envs: fc.subarray(envs), systems: fc.subarray(systems) }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 10 * 24 }),
        fc.integer({ min: 1, max: 4 * 24 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        fc.boolean(),
        (bookings, freezes, fromHour, spanHours, limit, maintenance) => {
          const releases = bookings.map((b, i) => ({
            ...release(`r${i}`, `R${i}`, [b.system], '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', b.envs),
            start: base + b.hour * hour,
            end: base + (b.hour + b.hours) * hour,
          }));
          const input = world({
            releases,
            environments: [
              { id: 'prod', name: 'Production', requiresMaintenanceWindow: maintenance },
              { id: 'test', name: 'Test', requiresMaintenanceWindow: false },
            ],
            occurrences: freezes.map((f) => freezeOn(f.envs, f.systems, base + f.hour * hour)),
            needs: releases.length > 3 ? [{ releaseId: 'r0', needsReleaseId: 'r3' }, { releaseId: 'r2', needsReleaseId: 'r1' }] : [],
          });
          const from = base + fromHour * hour;
          const to = from + spanHours * hour;
          const whole = findCollisions(input);
          const expected = whole.filter((c) => c.start < to && c.end > from).slice(0, limit ?? undefined);
          expect(describeAll(findCollisions(input, { from, to, limit: limit ?? undefined }))).toEqual(describeAll(expected));
          expect(whole.map((c) => c.start)).toEqual([...whole].map((c) => c.start).sort((a, b) => a - b));
          expect(new Set(whole.map((c) => c.key)).size).toBe(whole.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names both environments of a pair that collides on both, in the workspace order, when cut by range', () => {
    const releases = [
      release('pay', 'Payments', ['payments'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z', ['test', 'prod']),
      release('shop', 'Web Shop', ['shop'], '2026-12-05T21:30:00Z', '2026-12-05T22:30:00Z', ['test', 'prod']),
    ];
    const found = findCollisions(world({ releases }), { from: at('2026-12-05T22:00:00Z'), to: at('2026-12-06T00:00:00Z'), limit: 10 });
    expect(found.map((c) => c.environmentIds)).toEqual([['prod', 'test']]);
    expect(found[0].describe('UTC')).toContain('both book Production and Test');
  });
});
