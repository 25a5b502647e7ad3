import { describe, expect, it } from 'vitest';
import { decisionsByRelease, deriveActionItems } from '../../../../electron/core/domain/meetings';
import { personNames } from '../../../../electron/core/domain/readiness';

const names = personNames([
  { id: 'p1', name: 'Priya', roles: [] },
  { id: 'p2', name: 'Omar', roles: [] },
]);

describe('decisions per release', () => {
  it('counts the newest by clock whatever order sync delivered them in, and keeps every one', () => {
    const records = [
      { id: 'b', releaseId: 'r1', decision: 'go' as const, hlc: '2026-11-23T10:05:00.000Z-0000-dev2' },
      { id: 'a', releaseId: 'r1', decision: 'hold' as const, hlc: '2026-11-23T10:01:00.000Z-0000-dev1' },
      { id: 'c', releaseId: 'r2', decision: 'reschedule' as const, hlc: '2026-11-23T10:02:00.000Z-0000-dev1' },
    ];
    const byRelease = decisionsByRelease(records);
    expect(byRelease.get('r1')!.current.decision).toBe('go');
    expect(byRelease.get('r1')!.all.map((d) => d.id)).toEqual(['a', 'b']);
    expect(decisionsByRelease([...records].reverse()).get('r1')!.current.id).toBe('b');
    expect(byRelease.get('r2')!.current.decision).toBe('reschedule');
  });
});

describe('action items', () => {
  const item = { id: 'i1', meetingId: 'm', releaseId: null, title: 'Patch TLS', ownerId: 'p2', dueDate: '2026-11-20', createdAt: '' };
  const completion = (id: string, done: boolean, hlc: string) => ({ id, actionItemId: 'i1', done, personId: 'p1', at: hlc.slice(0, 24), hlc });

  it('is open and overdue after its due date until someone marks it done', () => {
    const [open] = deriveActionItems([item], [], names, '2026-11-23');
    expect(open).toMatchObject({ done: false, overdue: true, owner: { name: 'Omar' }, doneBy: null });
    const [notYet] = deriveActionItems([item], [], names, '2026-11-20');
    expect(notYet.overdue).toBe(false);
  });

  it('is done by whoever recorded the newest completion; a newer "open again" re-opens it', () => {
    const done = completion('c1', true, '2026-11-23T10:00:00.000Z-0000-dev1');
    expect(deriveActionItems([item], [done], names, '2026-11-23')[0]).toMatchObject({ done: true, overdue: false, doneBy: { name: 'Priya' } });
    const reopened = completion('c2', false, '2026-11-23T11:00:00.000Z-0000-dev2');
    expect(deriveActionItems([item], [reopened, done], names, '2026-11-23')[0]).toMatchObject({ done: false, doneBy: null, overdue: true });
  });

  it('lists by due date', () => {
    const later = { ...item, id: 'i2', dueDate: '2026-12-01' };
    expect(deriveActionItems([later, item], [], names, '2026-11-01').map((a) => a.id)).toEqual(['i1', 'i2']);
  });
});
