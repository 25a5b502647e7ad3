import { describe, expect, it } from 'vitest';
import { dayPeriod, releaseManagement, type ReleaseManagementFacts, type ReleaseOutcomeFacts, type RunbookRunFacts } from '../../../../electron/core/domain/metrics';

/** The release manager's figures beside DORA (issue 18): on time, no-gos, aborts, rollbacks, runbook time, halts, acceptances. */

const at = (iso: string) => Date.parse(iso);

function release(id: string, over: Partial<ReleaseOutcomeFacts> = {}): ReleaseOutcomeFacts {
  return {
    id,
    label: `${id} 1.0`,
    systemIds: ['payments'],
    environmentIds: ['prod'],
    ownerId: 'priya',
    windowStart: at('2026-12-05T21:00:00Z'),
    windowEnd: at('2026-12-06T01:00:00Z'),
    status: 'planned',
    statusAt: null,
    run: null,
    productionDeployments: [],
    ...over,
  };
}

const run = (phase: RunbookRunFacts['phase'], startedAt: string, lastAt: string, extra: Partial<RunbookRunFacts> = {}): RunbookRunFacts => ({
  runbookName: 'Cutover',
  phase,
  startedAt: at(startedAt),
  lastAt: at(lastAt),
  plannedMinutes: 180,
  noGoAt: [],
  ...extra,
});

const facts = (releases: ReleaseOutcomeFacts[], more: Partial<ReleaseManagementFacts> = {}): ReleaseManagementFacts => ({ releases, halts: [], acceptances: [], ...more });
const december = dayPeriod('2026-12-01', '2026-12-31', 'Europe/Berlin');

describe('release-management figures', () => {
  it('counts a release on time when it finished inside its window, from its runbook, else its deployment, else its status', () => {
    const view = releaseManagement(
      facts([
        // Finished at 00:30 UTC, inside the window that closes at 01:00.
        release('a', { status: 'released', run: run('finished', '2026-12-05T21:00:00Z', '2026-12-06T00:30:00Z') }),
        // No runbook: its production deployment at 02:10 is after the window.
        release('b', { status: 'released', productionDeployments: [{ at: at('2026-12-06T02:10:00Z'), result: 'succeeded' }] }),
        // Neither: the moment its status became Released, inside the window.
        release('c', { status: 'released', statusAt: at('2026-12-05T23:00:00Z') }),
        // Rolled back: ended in the period, but never "finished", so not in the on-time share.
        release('d', { status: 'rolled-back', run: run('rolled-back', '2026-12-05T21:00:00Z', '2026-12-05T22:30:00Z', { noGoAt: [at('2026-12-05T22:00:00Z')] }) }),
        // Still planned: not counted anywhere.
        release('e'),
      ]),
      december,
    );
    expect(view.onTime).toEqual({ rate: 0.6667, onTime: 2, finished: 3 });
    expect(view.outcomes.map((o) => [o.releaseId, o.outcome, o.source, o.onTime])).toEqual([
      ['d', 'rolled-back', 'runbook', null],
      ['c', 'released', 'status', true],
      ['a', 'released', 'runbook', true],
      ['b', 'released', 'deployment', false],
    ]);
    expect(view.rollbacks).toBe(1);
  });

  it('shows a recorded no-go, an abort (a no-go before the cutover) and how long runbooks took against the plan', () => {
    const view = releaseManagement(
      facts([
        release('aborted', { status: 'aborted', run: run('aborted', '2026-12-05T20:00:00Z', '2026-12-05T20:40:00Z', { noGoAt: [at('2026-12-05T20:40:00Z')] }) }),
        release('late', { status: 'released', run: run('finished', '2026-12-12T21:00:00Z', '2026-12-13T01:00:00Z', { plannedMinutes: 180 }) }),
        release('running', { status: 'in-progress', run: run('running', '2026-12-19T21:00:00Z', '2026-12-19T21:30:00Z', { noGoAt: [] }) }),
      ]),
      december,
    );
    expect(view.noGos).toBe(1);
    expect(view.aborts).toBe(1);
    expect(view.runbookDuration).toMatchObject({ runs: 2, overran: 1, plannedMinutesMedian: 180 });
    expect(view.runbookDuration.list.map((r) => [r.releaseId, r.plannedMinutes, r.actualMinutes])).toEqual([
      ['aborted', 180, 40],
      ['late', 180, 240],
    ]);
  });

  it('counts in the reader\'s local days: a release ending at 23:30 UTC on 30 November is December in Berlin', () => {
    const edge = [release('edge', { status: 'released', windowStart: at('2026-11-30T20:00:00Z'), windowEnd: at('2026-12-01T00:00:00Z'), statusAt: at('2026-11-30T23:30:00Z') })];
    expect(releaseManagement(facts(edge), december).onTime.finished).toBe(1);
    expect(releaseManagement(facts(edge), dayPeriod('2026-12-01', '2026-12-31', 'UTC')).onTime.finished).toBe(0);
    expect(releaseManagement(facts(edge), dayPeriod('2026-12-01', '2026-12-31', 'America/New_York')).onTime.finished).toBe(0);
  });

  it('counts halts by readiness state and accepted collisions, within the period and the scope', () => {
    const releases = [release('pay'), release('hr', { systemIds: ['hr'] })];
    const more = {
      halts: [
        { releaseId: 'pay', state: 'security' as const, at: at('2026-12-02T10:00:00Z') },
        { releaseId: 'pay', state: 'security' as const, at: at('2026-12-03T10:00:00Z') },
        { releaseId: 'hr', state: 'product' as const, at: at('2026-12-03T10:00:00Z') },
        { releaseId: 'hr', state: 'operation' as const, at: at('2026-11-03T10:00:00Z') },
      ],
      acceptances: [
        { collisionKey: 'double-booking:hr:pay:2026-12-05T21:00:00.000Z/2026-12-05T22:00:00.000Z', at: at('2026-12-04T09:00:00Z') },
        { collisionKey: 'freeze:hr:year-end:2026-12-21T21:00:00.000Z/2026-12-21T22:00:00.000Z', at: at('2026-12-04T09:00:00Z') },
      ],
    };
    const all = releaseManagement(facts(releases, more), december);
    expect(all.haltsByState).toEqual({ product: 1, organization: 0, security: 2, operation: 0 });
    expect(all.collisionsAccepted).toBe(2);
    const payments = releaseManagement(facts(releases, more), december, { systemId: 'payments' });
    expect(payments.haltsByState).toEqual({ product: 0, organization: 0, security: 2, operation: 0 });
    expect(payments.collisionsAccepted).toBe(1);
  });

  it('says nothing rather than 0 % when no release finished', () => {
    const view = releaseManagement(facts([release('a')]), december);
    expect(view.onTime).toEqual({ rate: null, onTime: 0, finished: 0 });
    expect(view.runbookDuration).toMatchObject({ runs: 0, plannedMinutesMedian: null, actualMinutesMedian: null });
  });
});
