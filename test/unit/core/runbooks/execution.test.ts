import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExecutionAction } from '../../../../electron/contract/runbook-entities';
import { buildGraph, deriveExecution, recordProblem, scheduleRunbook, type ExecutionFact } from '../../../../electron/core/domain/runbooks';
import { fact, plan, step } from './plan';

const ANCHOR = Date.parse('2026-12-05T21:00:00Z');
const at = (minutes: number) => ANCHOR + minutes * 60_000;

const steps = plan(
  step('freeze', 10),
  step('deploy', 30, ['freeze']),
  step('verify', 20, ['deploy']),
  step('gate', 0, ['verify'], { kind: 'checkpoint' }),
  step('open', 5, ['gate']),
  step('undo', 30, ['gate'], { kind: 'rollback', section: 'Rollback' }),
  step('check', 10, ['undo'], { section: 'Rollback' }),
);
const schedule = scheduleRunbook(steps, 240);
const idx = (id: string) => steps.findIndex((s) => s.id === id);

const rec = (stepId: string, action: ExecutionAction, minutes: number, reason = ''): ExecutionFact => fact(stepId, action, at(minutes), reason);
/** Freeze, deploy and verify done: the checkpoint is next. */
const doneUpToTheGate = () => [
  rec('freeze', 'start', 0),
  rec('freeze', 'complete', 10),
  rec('deploy', 'start', 10),
  rec('deploy', 'complete', 40),
  rec('verify', 'start', 40),
  rec('verify', 'complete', 60),
];
const derive = (records: ExecutionFact[], nowMinutes: number) => deriveExecution(steps, schedule, records, ANCHOR, at(nowMinutes));

describe('runbook execution state', () => {
  it('before any record: not started, projected times equal the plan, the first steps are next', () => {
    const state = derive([], 30);
    expect(state.phase).toBe('not-started');
    expect(state.steps.map((s) => s.projectedFinish)).toEqual(schedule.steps.map((s) => at(s.finish)));
    expect(state.next).toEqual([idx('freeze')]);
    expect(state.projectedEnd).toBe(at(65));
    expect(state.lateMinutes).toBe(0);
  });

  it('records actual times, and projects the rest from them and from now: late steps and a later end', () => {
    const records = [rec('freeze', 'start', 0), rec('freeze', 'complete', 20), rec('deploy', 'start', 22)];
    const state = derive(records, 40);
    expect(state.phase).toBe('running');
    expect(state.steps[idx('freeze')]).toMatchObject({ status: 'done', actualStart: at(0), actualFinish: at(20), lateMinutes: 10 });
    expect(state.steps[idx('deploy')]).toMatchObject({ status: 'running', projectedFinish: at(52), lateMinutes: 12 });
    expect(state.steps[idx('verify')]).toMatchObject({ projectedStart: at(52), projectedFinish: at(72) });
    expect(state.running).toEqual([idx('deploy')]);
    expect(state.projectedEnd).toBe(at(77));
    expect(state.lateMinutes).toBe(12);
    // An hour later the deploy is still running: everything after it moves with now.
    expect(derive(records, 100).steps[idx('verify')].projectedStart).toBe(at(100));
  });

  it('a step finished early pulls its dependents earlier', () => {
    const state = derive([rec('freeze', 'start', 0), rec('freeze', 'complete', 4)], 4);
    expect(state.steps[idx('deploy')]).toMatchObject({ projectedStart: at(4), lateMinutes: -6 });
    expect(state.next).toEqual([idx('deploy')]);
  });

  it('a no-go moves execution to the rollback section, and it ends rolled back', () => {
    const noGo = rec('gate', 'no-go', 62, 'Error rate 4 %');
    let state = derive([...doneUpToTheGate(), noGo], 63);
    expect(state.phase).toBe('rolling-back');
    expect(state.noGo).toEqual(noGo);
    expect(state.next).toEqual([idx('undo')]);
    expect(state.steps[idx('undo')].projectedStart).toBe(at(63));
    expect(state.steps[idx('open')].status).toBe('pending');
    state = derive([...doneUpToTheGate(), noGo, rec('undo', 'start', 63), rec('undo', 'complete', 90), rec('check', 'start', 90), rec('check', 'complete', 99)], 100);
    expect(state.phase).toBe('rolled-back');
    expect(state.projectedEnd).toBe(at(99));
    expect(state.next).toEqual([]);
  });

  it('finishes when every forward step is done, skipped or a go', () => {
    const records = [
      rec('freeze', 'skip', 0, 'Frozen already'),
      rec('deploy', 'start', 1),
      rec('deploy', 'complete', 30),
      rec('verify', 'start', 30),
      rec('verify', 'complete', 50),
      rec('gate', 'go', 51),
      rec('open', 'start', 51),
      rec('open', 'complete', 55),
    ];
    const state = derive(records, 56);
    expect(state.phase).toBe('finished');
    expect(state.projectedEnd).toBe(at(55));
    expect(state.lateMinutes).toBe(-10);
  });

  it('derives the same state from the same records in any order (sync delivers them so)', () => {
    const all = [
      rec('freeze', 'start', 0),
      rec('freeze', 'start', 1),
      rec('freeze', 'complete', 9),
      rec('deploy', 'start', 10),
      rec('deploy', 'fail', 20, 'Timeout'),
      rec('deploy', 'start', 21),
      rec('deploy', 'complete', 45),
      rec('verify', 'start', 45),
      rec('verify', 'skip', 46, 'Covered by canary'),
      rec('gate', 'no-go', 47, 'Alerts'),
      rec('gate', 'go', 47),
      rec('undo', 'start', 48),
    ];
    const expected = derive(all, 50);
    fc.assert(
      fc.property(fc.subarray(all, { minLength: 0 }), fc.infiniteStream(fc.integer()), (subset, keys) => {
        const shuffled = subset.map((r) => ({ r, k: keys.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const sorted = [...subset].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
        expect(derive(shuffled, 50)).toEqual(derive(sorted, 50));
      }),
      { numRuns: 200 },
    );
    expect(derive([...all].reverse(), 50)).toEqual(expected);
  });
});

describe('rules for recording an action', () => {
  const graph = buildGraph(steps);
  const problem = (records: ExecutionFact[], stepId: string, action: ExecutionAction, reason = '', minutes = 70) =>
    recordProblem(steps, derive(records, 70), graph.deps, idx(stepId), { action, reason, at: at(minutes), now: at(70), roles: [], window: null, gate: null });
  const upToGate = doneUpToTheGate();

  it('go and no-go only on checkpoints; start, complete, fail, skip only on other steps', () => {
    expect(problem([], 'freeze', 'go')?.message).toBe('"FREEZE" is not a go/no-go checkpoint: only a checkpoint is decided go or no-go (or a failed step, no-go).');
    expect(problem(upToGate, 'gate', 'start')?.field).toBe('action');
    expect(problem(upToGate, 'gate', 'go')).toBeNull();
  });

  it('fail, skip and no-go need a reason', () => {
    expect(problem(upToGate, 'gate', 'no-go')).toMatchObject({ field: 'reason' });
    expect(problem([rec('freeze', 'start', 0)], 'freeze', 'fail', '  ')).toMatchObject({ field: 'reason' });
    expect(problem([], 'freeze', 'skip', 'Not needed')).toBeNull();
  });

  it('completing needs a running step, and may not end before it started', () => {
    expect(problem([], 'freeze', 'complete')?.message).toMatch(/is not started, so it cannot be completed\. Start it first/);
    expect(problem([rec('freeze', 'start', 5)], 'freeze', 'complete', '', 3)).toMatchObject({ field: 'at' });
  });

  it('a step waits for its dependencies', () => {
    expect(problem([], 'deploy', 'start')?.message).toBe('"DEPLOY" waits for "FREEZE": finish or skip it first.');
  });

  it('rollback runs only after a no-go (or a failure), and then only rollback runs', () => {
    expect(problem(upToGate, 'undo', 'start')?.message).toMatch(/rollback step: rollback runs only after a no-go/);
    const noGo = [...upToGate, rec('gate', 'no-go', 62, 'Alerts')];
    expect(problem(noGo, 'undo', 'start')).toBeNull();
    expect(problem(noGo, 'open', 'start')?.message).toBe('Execution is rolling back after the no-go: only rollback steps run now.');
    const failed = [rec('freeze', 'start', 0), rec('freeze', 'fail', 5, 'Branch protection API down')];
    expect(problem(failed, 'undo', 'start')).toBeNull();
  });

  it('refuses records in the future and after the execution ended', () => {
    expect(problem([], 'freeze', 'start', '', 90)).toMatchObject({ field: 'at' });
    const rolledBack = [...upToGate, rec('gate', 'no-go', 61, 'Alerts'), rec('undo', 'skip', 62, 'Nothing to undo'), rec('check', 'skip', 62, 'Nothing to check')];
    expect(problem(rolledBack, 'open', 'start')?.message).toBe("This runbook's execution has been rolled back: nothing more is recorded.");
  });
});
