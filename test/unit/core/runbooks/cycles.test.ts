import { describe, expect, it } from 'vitest';
import { cycleSentence, cycleThrough, findStepCycle } from '../../../../electron/core/domain/runbooks';
import { plan, step } from './plan';

describe('runbook dependency cycles', () => {
  const steps = plan(step('freeze', 5), step('deploy', 30, ['freeze']), step('verify', 10, ['deploy']), step('notify', 5));
  const title = (id: string) => steps.find((s) => s.id === id)?.title ?? id;

  it('finds the cycle an edit would close, naming its steps in order', () => {
    const cycle = cycleThrough(steps, 'freeze', ['verify']);
    expect(cycle).toEqual(['freeze', 'verify', 'deploy']);
    expect(cycleSentence(cycle!, title)).toBe('"FREEZE" waits for "VERIFY", which waits for "DEPLOY", which waits for "FREEZE": dependencies must not form a cycle.');
  });

  it('accepts an edit that closes no cycle, and names a step that would wait for itself', () => {
    expect(cycleThrough(steps, 'notify', ['verify', 'freeze'])).toBeNull();
    expect(cycleSentence(cycleThrough(steps, 'deploy', ['deploy'])!, title)).toBe('"DEPLOY" cannot depend on itself.');
  });

  it('finds the shortest cycle through the edited step', () => {
    const wide = plan(step('a', 1, ['b']), step('b', 1, ['c']), step('c', 1, ['d']), step('d', 1), step('x', 1, ['a', 'd']));
    expect(cycleThrough(wide, 'd', ['x'])).toEqual(['d', 'x']);
  });

  it('finds a cycle in a whole plan (an import)', () => {
    expect(findStepCycle(plan(step('a', 1, ['c']), step('b', 1, ['a']), step('c', 1, ['b'])))).toHaveLength(3);
    expect(findStepCycle(steps)).toBeNull();
  });

  it('walks a 5,000-step chain without overflowing the stack', () => {
    const chain = plan(...Array.from({ length: 5000 }, (_, i) => step(`s${i}`, 1, i > 0 ? [`s${i - 1}`] : [])));
    expect(cycleThrough(chain, 's0', ['s4999'])).toHaveLength(5000);
  });
});
