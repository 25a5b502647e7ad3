import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExecutionAction } from '../../../../electron/contract/runbook-entities';
import { buildGraph, deriveExecution, recordProblem, scheduleRunbook, type ExecutionFact, type RecordInput } from '../../../../electron/core/domain/runbooks';
import { fact, plan, step } from './plan';

/** The war room's decisions (issue 18, issue 13): failures, early starts, reopening, abort, end as failed, the readiness gate. */

const ANCHOR = Date.parse('2026-12-05T21:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (minutes: number) => ANCHOR + minutes * MINUTE;

const steps = plan(
  step('pre', 10, [], { section: 'Pre-checks', fixedStartOffsetMinutes: -30 }),
  step('gate', 0, ['pre'], { kind: 'readiness-gate', section: 'Pre-checks' }),
  step('start', 0, ['gate'], { kind: 'checkpoint', section: 'Pre-checks' }),
  step('deploy', 30, ['start'], { pointOfNoReturn: true }),
  step('verify', 20, ['deploy'], { section: 'Verify' }),
  step('open', 0, ['verify'], { kind: 'checkpoint', section: 'Verify' }),
  step('undo', 30, ['open'], { kind: 'rollback', section: 'Rollback' }),
);
const graph = buildGraph(steps);
const idx = (id: string) => steps.findIndex((s) => s.id === id);
const rec = fact;
const derive = (records: ExecutionFact[], nowMs: number, plan = steps) => deriveExecution(plan, scheduleRunbook(plan, 240), records, ANCHOR, nowMs);

const WINDOW = { start: ANCHOR, end: at(240), planStart: at(-30) };
const GATE_GO = { decision: 'go' as const, lines: ['Payments 2.4.0 may GO: all four readiness states are asserted.'] };
const GATE_HALTED = { decision: 'halted' as const, lines: ['Payments 2.4.0 is HALTED.', '  Security halted by Amara Okafor at 2026-12-04T10:00:00Z: CVE open'] };

function problem(records: ExecutionFact[], stepId: string, action: ExecutionAction, extra: Partial<RecordInput> & { nowMs?: number } = {}) {
  const nowMs = extra.nowMs ?? at(0);
  return recordProblem(steps, derive(records, nowMs), graph.deps, idx(stepId), {
    action,
    reason: '',
    at: nowMs,
    now: nowMs,
    roles: ['engineer'],
    window: WINDOW,
    gate: null,
    ...extra,
  });
}

/** Pre-check done and the readiness gate passed: the first go/no-go is next. */
const throughTheGate = () => [rec('pre', 'start', at(-30)), rec('pre', 'complete', at(-20)), rec('gate', 'go', at(-19))];

describe('a failed step', () => {
  it('is never ahead of plan, and the phase says a step failed until it is retried, skipped or decided', () => {
    const records = [rec('pre', 'start', at(-30)), rec('pre', 'fail', at(-28), 'Branch protection API down')];
    const state = derive(records, at(-25));
    expect(state.steps[idx('pre')].lateMinutes).toBe(0);
    expect(state.phase).toBe('step-failed');
    expect(state.failed).toEqual([idx('pre')]);
    // Twenty minutes on it is late, and only late.
    expect(derive(records, at(0)).steps[idx('pre')].lateMinutes).toBe(20);
    expect(derive([...records, rec('pre', 'start', at(-24))], at(-24)).phase).toBe('running');
  });

  it('can end the execution as failed, by a release coordinator, with a reason; the end is that record', () => {
    const failed = [...throughTheGate(), rec('start', 'go', at(0)), rec('deploy', 'start', at(0)), rec('deploy', 'fail', at(20), 'Migration corrupted a table')];
    expect(problem(failed, 'deploy', 'end-failed', { nowMs: at(30), reason: 'Fix forward on Monday' })).toMatchObject({ field: 'asPersonId' });
    expect(problem(failed, 'deploy', 'end-failed', { nowMs: at(30), roles: ['release-coordinator'] })).toMatchObject({ field: 'reason' });
    expect(problem(failed, 'deploy', 'end-failed', { nowMs: at(30), roles: ['release-coordinator'], reason: 'Fix forward on Monday' })).toBeNull();
    expect(problem(failed, 'verify', 'end-failed', { nowMs: at(30), roles: ['release-coordinator'], reason: 'x' })?.field).toBe('action');

    const ended = derive([...failed, rec('deploy', 'end-failed', at(30), 'Fix forward on Monday')], at(40));
    expect(ended).toMatchObject({ phase: 'failed', projectedEnd: at(30), next: [], running: [], failed: [] });
    expect(ended.ended).toMatchObject({ action: 'end-failed', reason: 'Fix forward on Monday' });
    expect(problem([...failed, rec('deploy', 'end-failed', at(30), 'x')], 'deploy', 'start', { nowMs: at(40) })?.message).toBe(
      "This runbook's execution has ended as failed: nothing more is recorded.",
    );
  });
});

describe('projections from the actual time', () => {
  it('an execution started weeks ahead of its window (a rehearsal) projects from its own start, not from the window', () => {
    const early = at(-30) - 19 * DAY;
    const state = derive([rec('pre', 'rehearse', early)], early + 5 * MINUTE);
    expect(state.rehearsal).toBe(true);
    expect(state.shift).toBe(-19 * DAY);
    expect(state.steps[idx('pre')].projectedFinish).toBe(early + 10 * MINUTE);
    // The window, moved by the early start, still holds the deploy back until the plan's "window opens" moment.
    expect(state.steps[idx('deploy')].projectedStart).toBe(early + 30 * MINUTE);
    expect(state.steps[idx('verify')].projectedFinish).toBe(early + 80 * MINUTE);
    expect(state.lateMinutes).toBe(0);
    expect(state.steps[idx('pre')].lateMinutes).toBe(0);
  });

  it('a rollback is projected from the no-go and now, never from its nominal time in the window', () => {
    const early = at(-30) - 19 * DAY;
    const now = early + 50 * MINUTE;
    const records = [rec('pre', 'start', early), rec('pre', 'fail', early + 40 * MINUTE, 'Disk full'), rec('pre', 'no-go', early + 45 * MINUTE, 'Stop')];
    const state = derive(records, now);
    expect(state.phase).toBe('rolling-back');
    expect(state.steps[idx('undo')].projectedStart).toBe(now);
    expect(state.projectedEnd).toBe(now + 30 * MINUTE);
  });

  it('counts the settled steps of the section that runs now', () => {
    expect(derive(throughTheGate(), at(-19))).toMatchObject({ settledCount: 2, stepCount: 6 });
    const rolling = derive([...throughTheGate(), rec('start', 'go', at(0)), rec('deploy', 'start', at(0)), rec('deploy', 'fail', at(5), 'x'), rec('deploy', 'no-go', at(6), 'x')], at(7));
    expect(rolling).toMatchObject({ phase: 'rolling-back', settledCount: 0, stepCount: 1 });
  });
});

describe('starting outside the window', () => {
  it('needs a reason for the execution’s first record, from 15 minutes before the plan starts to the window’s end', () => {
    const weeksAhead = at(-30) - 19 * DAY;
    expect(problem([], 'pre', 'start', { nowMs: weeksAhead })).toEqual({
      field: 'reason',
      message: 'Starting 19 days before the window opens needs a reason (a rehearsal, say): it is recorded with the start.',
    });
    expect(problem([], 'pre', 'start', { nowMs: weeksAhead, reason: 'Rehearsal with the DBA team' })).toBeNull();
    expect(problem([], 'pre', 'start', { nowMs: at(-44) })).toBeNull();
    expect(problem([], 'pre', 'start', { nowMs: at(-46) })?.message).toMatch(/^Starting 46 min before the window opens needs a reason/);
    expect(problem([], 'pre', 'start', { nowMs: at(250) })?.message).toMatch(/^Starting 10 min after the window closed needs a reason/);
    // Once under way, nobody is asked again.
    expect(problem([rec('pre', 'start', weeksAhead)], 'pre', 'complete', { nowMs: weeksAhead + 10 * MINUTE })).toBeNull();
  });

  it('a rehearsal only starts an execution', () => {
    expect(problem([rec('pre', 'start', at(-30))], 'deploy', 'rehearse', { nowMs: at(-20) })?.message).toMatch(/already started/);
  });
});

describe('reopening a mis-click', () => {
  it('undoes a completion (running again) or a start (not started), with a reason; the records stay', () => {
    const done = [rec('pre', 'start', at(-30)), rec('pre', 'complete', at(-29))];
    expect(problem(done, 'pre', 'reopen', { nowMs: at(-28) })).toMatchObject({ field: 'reason' });
    expect(problem(done, 'pre', 'reopen', { nowMs: at(-28), reason: 'Clicked Complete by mistake' })).toBeNull();
    const reopened = derive([...done, rec('pre', 'reopen', at(-28), 'Clicked Complete by mistake')], at(-27));
    expect(reopened.steps[idx('pre')]).toMatchObject({ status: 'running', actualStart: at(-30), actualFinish: null });
    expect(reopened.steps[idx('pre')].records.map((r) => r.action)).toEqual(['start', 'complete', 'reopen']);
    const unstarted = derive([rec('pre', 'start', at(-30)), rec('pre', 'reopen', at(-29), 'Wrong step')], at(-29));
    expect(unstarted.steps[idx('pre')]).toMatchObject({ status: 'pending', actualStart: null });
    expect(unstarted.phase).toBe('not-started');
  });

  it('is refused once a step that waits for it went ahead, and on decisions', () => {
    expect(problem(throughTheGate(), 'pre', 'reopen', { reason: 'x' })?.message).toBe(
      '"PRE" cannot be reopened: "GATE" already went ahead after it. Reopen that first.',
    );
    expect(problem(throughTheGate(), 'gate', 'reopen', { reason: 'x' })?.field).toBe('action');
  });
});

describe('abort before the cutover point', () => {
  it('a no-go before the point of no return may abort: execution ends, nothing rolls back', () => {
    expect(problem(throughTheGate(), 'start', 'abort', { reason: 'Payments provider outage' })).toBeNull();
    const state = derive([...throughTheGate(), rec('start', 'abort', at(0), 'Payments provider outage')], at(1));
    expect(state).toMatchObject({ phase: 'aborted', projectedEnd: at(0), next: [], noGo: null });
    expect(state.steps[idx('start')].status).toBe('no-go');
    expect(state.steps[idx('undo')].status).toBe('pending');
  });

  it('once the point of no return has started, only the rollback is offered', () => {
    const past = [...throughTheGate(), rec('start', 'go', at(0)), rec('deploy', 'start', at(0)), rec('deploy', 'fail', at(10), 'Timeout')];
    expect(derive(past, at(11)).beforeCutover).toBe(false);
    expect(problem(past, 'deploy', 'abort', { nowMs: at(11), reason: 'x' })?.message).toMatch(/cutover point has passed/);
    expect(problem(past, 'deploy', 'no-go', { nowMs: at(11), reason: 'Roll back' })).toBeNull();
    // A failed step before the point may abort too.
    const early = [rec('pre', 'start', at(-30)), rec('pre', 'fail', at(-25), 'x')];
    expect(problem(early, 'pre', 'abort', { nowMs: at(-24), reason: 'Not tonight' })).toBeNull();
  });

  it('with no step marked, the cutover has begun once a task has started or a checkpoint said go', () => {
    const unmarked = steps.map((s) => ({ ...s, pointOfNoReturn: false }));
    // Only the readiness gate so far, decided go: nothing has changed.
    expect(derive([rec('pre', 'skip', at(-30), 'Done yesterday'), rec('gate', 'go', at(-19))], at(-19), unmarked).beforeCutover).toBe(true);
    expect(derive(throughTheGate(), at(-19), unmarked).beforeCutover).toBe(false);
    expect(derive([rec('pre', 'skip', at(-30), 'x'), rec('gate', 'go', at(-19)), rec('start', 'go', at(0))], at(0), unmarked).beforeCutover).toBe(false);
  });
});

describe('the readiness gate step', () => {
  const reached = [rec('pre', 'start', at(-30)), rec('pre', 'complete', at(-20))];

  it('blocks go while the gate says halted, saying who halted and why', () => {
    const refused = problem(reached, 'gate', 'go', { gate: GATE_HALTED });
    expect(refused?.field).toBe('action');
    expect(refused?.message).toBe(
      'The readiness gate says HALTED: Payments 2.4.0 is HALTED. Security halted by Amara Okafor at 2026-12-04T10:00:00Z: CVE open. Go is blocked: decide no-go, or a release coordinator overrides the gate with a reason.',
    );
    expect(problem(reached, 'gate', 'go', { gate: { decision: 'pending', lines: ['PENDING'] } })?.field).toBe('action');
    expect(problem(reached, 'gate', 'go', { gate: GATE_GO })).toBeNull();
    expect(problem(reached, 'gate', 'no-go', { gate: GATE_HALTED, reason: 'Security halt' })).toBeNull();
  });

  it('an override needs a reason and the release coordinator, and is a go', () => {
    expect(problem(reached, 'gate', 'override', { gate: GATE_HALTED, reason: 'CVE not reachable' })).toMatchObject({ field: 'asPersonId' });
    expect(problem(reached, 'gate', 'override', { gate: GATE_HALTED, roles: ['release-coordinator'] })).toMatchObject({ field: 'reason' });
    expect(problem(reached, 'gate', 'override', { gate: GATE_HALTED, roles: ['release-coordinator'], reason: 'CVE not reachable' })).toBeNull();
    expect(problem(reached, 'gate', 'override', { gate: GATE_GO, roles: ['release-coordinator'], reason: 'x' })?.message).toMatch(/gate says GO/);
    expect(problem(reached, 'pre', 'override', { roles: ['release-coordinator'], reason: 'x' })?.message).toMatch(/not a readiness gate/);
    const state = derive([...reached, rec('gate', 'override', at(-19), 'CVE not reachable')], at(-19));
    expect(state.steps[idx('gate')].status).toBe('go');
    expect(state.next).toEqual([idx('start')]);
  });
});

describe('merged records', () => {
  it('derive the same state in any order, reopen and abort included', () => {
    const all = [
      rec('pre', 'start', at(-30)),
      rec('pre', 'complete', at(-28)),
      rec('pre', 'reopen', at(-27), 'Not yet'),
      rec('pre', 'complete', at(-20)),
      rec('gate', 'override', at(-19), 'Waived'),
      rec('start', 'abort', at(-10), 'Outage'),
      rec('start', 'go', at(-10)),
      rec('deploy', 'start', at(-5)),
    ];
    const sorted = (list: ExecutionFact[]) => [...list].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    fc.assert(
      fc.property(fc.subarray(all), fc.infiniteStream(fc.integer()), (subset, keys) => {
        const shuffled = subset.map((r) => ({ r, k: keys.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.r);
        expect(derive(shuffled, at(0))).toEqual(derive(sorted(subset), at(0)));
      }),
      { numRuns: 200 },
    );
  });
});
