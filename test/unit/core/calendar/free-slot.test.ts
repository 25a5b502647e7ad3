import { describe, expect, it } from 'vitest';
import type { CollisionInput, CollisionOccurrence, CollisionRelease } from '../../../../electron/core/domain/calendar/collisions';
import { nextFreeSlot } from '../../../../electron/core/domain/calendar/free-slot';

/** "Next free slot": the earliest window of the same length, same environments, with no collision. */

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

const release = (id: string, systems: string[], start: string, end: string, envs = ['prod']): CollisionRelease => ({
  id,
  name: id,
  version: '1',
  systemIds: systems,
  environmentIds: envs,
  start: at(start),
  end: at(end),
  timeZone: 'Europe/Berlin',
});

const window = (kind: 'maintenance' | 'freeze', start: string, end: string, name: string = kind): CollisionOccurrence => ({
  windowId: name,
  kind,
  name,
  reason: '',
  start: at(start),
  end: at(end),
  timeZone: 'Europe/Berlin',
  environmentIds: ['prod'],
  systemIds: [],
});

const world = (over: Partial<CollisionInput> & { requiresMaintenance?: boolean }): CollisionInput => ({
  releases: [],
  systems: [
    { id: 'pay', name: 'Payments', dependsOn: [] },
    { id: 'shop', name: 'Web Shop', dependsOn: ['pay'] },
    { id: 'hr', name: 'HR Portal', dependsOn: [] },
  ],
  environments: [{ id: 'prod', name: 'Production', requiresMaintenanceWindow: over.requiresMaintenance ?? false }],
  occurrences: [],
  needs: [],
  ...over,
});

function slot(input: CollisionInput, draftId = 'draft', days = 30) {
  const draft = input.releases.find((r) => r.id === draftId)!;
  return nextFreeSlot({ input, draftId, from: draft.start, until: draft.start + days * DAY });
}

describe('next free slot', () => {
  it('keeps the chosen window when nothing collides with it', () => {
    const result = slot(world({ releases: [release('draft', ['pay'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z'), release('hr', ['hr'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z')] }));
    expect(result).toMatchObject({ found: true, start: at('2026-12-05T21:00:00Z'), end: at('2026-12-05T23:00:00Z'), maintenance: null });
  });

  it('starts when the releases in the way have ended, keeping the length', () => {
    const result = slot(
      world({
        releases: [
          release('draft', ['pay'], '2026-12-05T21:00:00Z', '2026-12-05T22:30:00Z'),
          release('a', ['pay'], '2026-12-05T20:00:00Z', '2026-12-05T22:00:00Z'),
          // Starts where a ends and also changes a system the draft depends on: the slot waits for it too.
          release('b', ['shop'], '2026-12-05T22:00:00Z', '2026-12-06T01:00:00Z'),
          release('elsewhere', ['pay'], '2026-12-06T01:00:00Z', '2026-12-06T05:00:00Z', ['test']),
        ],
      }),
    );
    expect(result.found && [iso(result.start), iso(result.end)]).toEqual(['2026-12-06T01:00:00.000Z', '2026-12-06T02:30:00.000Z']);
  });

  it('proposes a window wholly inside the next maintenance occurrence where the environment requires one', () => {
    const occurrences = [
      window('maintenance', '2026-12-05T22:00:00Z', '2026-12-05T23:00:00Z', 'Too short'),
      window('maintenance', '2026-12-06T22:00:00Z', '2026-12-07T04:00:00Z', 'Sunday night window'),
    ];
    const result = slot(world({ requiresMaintenance: true, occurrences, releases: [release('draft', ['pay'], '2026-12-05T12:00:00Z', '2026-12-05T14:00:00Z')] }));
    expect(result).toMatchObject({ found: true, start: at('2026-12-06T22:00:00Z'), end: at('2026-12-07T00:00:00Z') });
    expect(result.found && result.maintenance?.name).toBe('Sunday night window');
  });

  it('waits for a freeze to end, inside the maintenance window open then', () => {
    const occurrences = [
      window('freeze', '2026-12-20T00:00:00Z', '2027-01-04T00:00:00Z', 'Year-end freeze'),
      ...Array.from({ length: 30 }, (_, i) => window('maintenance', iso(at('2026-12-18T21:00:00Z') + i * DAY), iso(at('2026-12-19T05:00:00Z') + i * DAY), 'Nightly')),
    ];
    const result = slot(world({ requiresMaintenance: true, occurrences, releases: [release('draft', ['pay'], '2026-12-21T21:00:00Z', '2026-12-21T23:00:00Z')] }));
    // The freeze ends at midnight, inside that night's window (21:00–05:00): the two hours fit before 05:00.
    expect(result.found && [iso(result.start), result.maintenance?.name]).toEqual(['2027-01-04T00:00:00.000Z', 'Nightly']);
  });

  it('starts after a release it needs ends; says none when a release that needs it would have to wait', () => {
    const releases = [release('draft', ['hr'], '2026-12-05T21:00:00Z', '2026-12-05T22:00:00Z', ['test']), release('pay', ['pay'], '2026-12-05T20:00:00Z', '2026-12-06T02:00:00Z')];
    const after = slot(world({ releases, needs: [{ releaseId: 'draft', needsReleaseId: 'pay' }] }));
    expect(after.found && iso(after.start)).toBe('2026-12-06T02:00:00.000Z');

    const before = slot(world({ releases, needs: [{ releaseId: 'pay', needsReleaseId: 'draft' }] }));
    expect(before.found).toBe(false);
    expect(!before.found && before.blockedBy?.kind).toBe('dependency');
  });

  it('says none when no slot opens before the horizon', () => {
    const result = slot(world({ requiresMaintenance: true, releases: [release('draft', ['pay'], '2026-12-05T21:00:00Z', '2026-12-05T22:00:00Z')] }));
    expect(result.found).toBe(false);
  });

  it('moves the draft runbook owners with it', () => {
    const own = (runbookId: string, releaseId: string, start: string, end: string) => ({ personId: 'ana', personName: 'Ana', runbookId, runbookName: runbookId, releaseId, start: at(start), end: at(end), timeZone: 'UTC' });
    const result = slot(
      world({
        releases: [release('draft', ['pay'], '2026-12-05T21:00:00Z', '2026-12-05T22:00:00Z', ['test']), release('hr', ['hr'], '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z')],
        stepOwnerships: [own('mine', 'draft', '2026-12-05T21:00:00Z', '2026-12-05T21:30:00Z'), own('theirs', 'hr', '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z')],
      }),
    );
    expect(result.found && iso(result.start)).toBe('2026-12-05T23:00:00.000Z');
  });
});
