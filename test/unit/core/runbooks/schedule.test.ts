import { describe, expect, it } from 'vitest';
import { scheduleRunbook, tableOrder } from '../../../../electron/core/domain/runbooks';
import { plan, step } from './plan';

const times = (steps: ReturnType<typeof plan>, windowMinutes: number | null = null) => {
  const s = scheduleRunbook(steps, windowMinutes);
  return { ...s, byId: Object.fromEntries(steps.map((x, i) => [x.id, s.steps[i]])), path: s.criticalPath.map((i) => steps[i].id) };
};

describe('runbook schedule', () => {
  it('starts a step when its last dependency finishes, and a step without any at the window start', () => {
    const s = times(plan(step('a', 30), step('b', 45), step('c', 15, ['a', 'b'])));
    expect(s.byId.a).toMatchObject({ start: 0, finish: 30 });
    expect(s.byId.b).toMatchObject({ start: 0, finish: 45 });
    expect(s.byId.c).toMatchObject({ start: 45, finish: 60 });
    expect(s.end).toBe(60);
  });

  it('honours fixed starts before the window, and lets a late dependency push a fixed start', () => {
    const s = times(
      plan(
        step('announce', 10, [], { fixedStartOffsetMinutes: -120 }),
        step('backup', 90, [], { fixedStartOffsetMinutes: -60 }),
        step('comms', 5, ['backup'], { fixedStartOffsetMinutes: 15 }),
        step('deploy', 20, ['announce']),
      ),
    );
    expect(s.byId.announce).toMatchObject({ start: -120, finish: -110 });
    // Not before the window opens, even though its dependency finished long before.
    expect(s.byId.deploy).toMatchObject({ start: 0, finish: 20 });
    // Fixed at +15, but the backup only finishes at +30.
    expect(s.byId.comms).toMatchObject({ start: 30, finish: 35 });
    expect(s.start).toBe(-120);
  });

  it('finds the critical path, the slack of the others, and leaves rollback steps out of both', () => {
    const s = times(
      plan(
        step('drain', 10),
        step('migrate', 40, ['drain']),
        step('config', 15, ['drain']),
        step('deploy', 25, ['migrate']),
        step('verify', 20, ['deploy', 'config']),
        step('gate', 0, ['verify'], { kind: 'checkpoint' }),
        step('undo', 240, ['gate'], { kind: 'rollback', section: 'Rollback' }),
      ),
    );
    expect(s.path).toEqual(['drain', 'migrate', 'deploy', 'verify', 'gate']);
    expect(s.byId.config).toMatchObject({ slack: 50, critical: false });
    expect(s.byId.migrate).toMatchObject({ slack: 0, critical: true });
    expect(s.byId.undo).toMatchObject({ start: 95, finish: 335, critical: false });
    expect(s.end).toBe(95);
  });

  it('says by how much the plan overruns the window, and 0 when it fits', () => {
    const steps = plan(step('a', 200), step('b', 100, ['a']));
    expect(scheduleRunbook(steps, 240).overrun).toBe(60);
    expect(scheduleRunbook(steps, 300).overrun).toBe(0);
    expect(scheduleRunbook(steps, null).overrun).toBe(0);
  });

  it('has no end for an empty runbook, and ignores dependencies on steps that are not there', () => {
    expect(scheduleRunbook([])).toMatchObject({ start: null, end: null, criticalPath: [] });
    expect(times(plan(step('a', 10, ['deleted']))).byId.a).toMatchObject({ start: 0, finish: 10 });
  });

  it('still plans every step of a cycle that sync merged in (edits refuse cycles; merges cannot)', () => {
    const s = times(plan(step('a', 10, ['b']), step('b', 10, ['a']), step('c', 5)));
    expect(Object.values(s.byId).every((x) => Number.isFinite(x.start))).toBe(true);
    expect(s.graph.cyclic.size).toBe(2);
  });

  it('orders the table by section of first appearance, the rollback section last', () => {
    const steps = plan(
      step('r', 5, [], { section: 'Rollback' }),
      step('p', 5, [], { section: 'Pre-checks' }),
      step('d1', 5, [], { section: 'Deploy' }),
      step('k', 5, [], { kind: 'rollback', section: 'Deploy' }),
      step('p2', 5, [], { section: 'Pre-checks' }),
      step('d2', 5),
    );
    expect(tableOrder(steps).map((s) => s.id)).toEqual(['p', 'p2', 'd1', 'd2', 'r', 'k']);
  });
});
