import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChecklistItemView, ReadinessState, SignoffRecord } from '../../../../electron/contract/readiness-entities';
import {
  auditCsv,
  deadlinePolicy,
  deriveChecklist,
  deriveReadiness,
  effectiveSignoff,
  personNames,
  withdrawTarget,
  type PersonFacts,
} from '../../../../electron/core/domain/readiness';

const people: PersonFacts[] = [
  { id: 'po', name: 'Paula Owens', roles: ['product-owner'] },
  { id: 'rc', name: 'Rita Cole', roles: ['release-coordinator'] },
  { id: 'sa', name: 'Sam Achebe', roles: ['security-architect'] },
  { id: 'oc', name: 'Omar Cruz', roles: ['operations-coordinator'] },
];
const owner: Record<ReadinessState, string> = { product: 'po', organization: 'rc', security: 'sa', operation: 'oc' };

let clock = 0;
/** A sign-off stamped one second after the previous one (clock order = creation order in these tests). */
function record(state: ReadinessState, action: SignoffRecord['action'], extra: Partial<SignoffRecord> = {}): SignoffRecord {
  clock++;
  const at = new Date(Date.UTC(2026, 11, 1, 9, 0, clock)).toISOString();
  return {
    id: `r${clock}`,
    releaseId: 'rel',
    state,
    action,
    personId: owner[state],
    comment: action === 'halt' ? 'Pen test found an open redirect' : '',
    waivedIssues: [],
    withdrawsId: null,
    deviceId: 'dev1',
    at,
    hlc: `${at}-0000-dev1`,
    ...extra,
  };
}

const release = {
  id: 'rel',
  name: 'Payments',
  version: '2.4.0',
  status: 'in-readiness' as const,
  windowStart: '2026-12-05T21:00:00.000Z',
  windowEnd: '2026-12-06T01:00:00.000Z',
  timeZone: 'Europe/Berlin',
};

type Policy = 'presumptive' | 'explicit';

function derive(signoffs: SignoffRecord[], checklist: ChecklistItemView[] = [], now = '2026-12-01T00:00:00.000Z', policy: Policy = 'explicit', requireAll = false) {
  return deriveReadiness({ release, signoffs, checklist, people, deadline: deadlinePolicy(null, null), policy, requireAll, now });
}

const assertAll = () => (['product', 'organization', 'security', 'operation'] as const).map((s) => record(s, 'assert'));

describe('readiness derivation under the explicit-assertion policy', () => {
  it('is pending with nothing signed, naming each state and the role that must act', () => {
    const view = derive([]);
    expect(view.states.map((s) => s.status)).toEqual(['unasserted', 'unasserted', 'unasserted', 'unasserted']);
    expect(view.states.map((s) => s.word)).toEqual(['Pending', 'Pending', 'Pending', 'Pending']);
    expect(view.gate.decision).toBe('pending');
    expect(view.gate.unasserted.map((m) => m.roleLabel)).toEqual([
      'Product owner',
      'Release coordinator',
      'Security architect',
      'Operations coordinator',
    ]);
    expect(view.states[2].empowered).toEqual([{ personId: 'sa', name: 'Sam Achebe' }]);
  });

  it('goes once all four states are asserted, keeping comment and waived issues', () => {
    const signoffs = assertAll();
    signoffs[0] = { ...signoffs[0], comment: 'UAT passed', waivedIssues: ['PAY-12 rounding in a report'] };
    const view = derive(signoffs);
    expect(view.gate).toMatchObject({ decision: 'go', summary: 'Go: all four readiness states asserted.' });
    expect(view.states[0]).toMatchObject({ status: 'asserted', by: { name: 'Paula Owens' }, comment: 'UAT passed', waivedIssues: ['PAY-12 rounding in a report'] });
  });

  it('is halted when any one state is halted, saying who and why, even with the others asserted', () => {
    const view = derive([...assertAll(), record('security', 'halt')]);
    expect(view.states[2].status).toBe('halted');
    expect(view.gate.decision).toBe('halted');
    expect(view.gate.halts).toEqual([
      expect.objectContaining({ state: 'security', by: { personId: 'sa', name: 'Sam Achebe' }, reason: 'Pen test found an open redirect' }),
    ]);
    expect(view.gate.summary).toBe('Halted (Security by Sam Achebe: Pen test found an open redirect).');
  });

  it('a later assertion supersedes a halt; withdrawing it brings the halt back', () => {
    const halt = record('security', 'halt');
    const assert = record('security', 'assert');
    expect(effectiveSignoff([halt, assert], 'security')?.id).toBe(assert.id);
    const withdraw = record('security', 'withdraw', { withdrawsId: assert.id });
    expect(effectiveSignoff([halt, assert, withdraw], 'security')?.id).toBe(halt.id);
  });

  it('withdrawing the only sign-off leaves the state pending', () => {
    const assert = record('product', 'assert');
    const withdraw = record('product', 'withdraw', { withdrawsId: assert.id });
    expect(derive([assert, withdraw]).states[0].status).toBe('unasserted');
  });

  it('a withdrawal naming a record of another state withdraws nothing', () => {
    const assert = record('product', 'assert');
    const stray = record('security', 'withdraw', { withdrawsId: assert.id });
    expect(effectiveSignoff([assert, stray], 'product')?.id).toBe(assert.id);
  });

  it('chooses what a withdrawal withdraws, and refuses what cannot be withdrawn', () => {
    const assert = record('operation', 'assert');
    const halt = record('operation', 'halt');
    expect(withdrawTarget([assert, halt], 'operation')).toMatchObject({ ok: true, record: { id: halt.id } });
    expect(withdrawTarget([assert, halt], 'operation', assert.id)).toMatchObject({ ok: true, record: { id: assert.id } });
    expect(withdrawTarget([], 'operation')).toEqual({ ok: false, message: 'There is no assertion or halt of Operation readiness to withdraw.' });
    expect(withdrawTarget([assert], 'product', assert.id)).toMatchObject({ ok: false });
    const withdraw = record('operation', 'withdraw', { withdrawsId: halt.id });
    expect(withdrawTarget([assert, halt, withdraw], 'operation', halt.id)).toEqual({ ok: false, message: 'That halt was already withdrawn.' });
    expect(withdrawTarget([assert, halt, withdraw], 'operation', withdraw.id)).toMatchObject({ ok: false });
  });

  it('does not depend on the order the records are listed in (sync delivers them in any order)', () => {
    const states = ['product', 'organization', 'security', 'operation'] as const;
    const step = fc.record({ state: fc.constantFrom(...states), action: fc.constantFrom('assert', 'halt', 'withdraw' as const), pick: fc.nat() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.nat(), (steps, seed) => {
        const records: SignoffRecord[] = [];
        for (const s of steps) {
          const earlier = records.filter((r) => r.state === s.state && r.action !== 'withdraw');
          const withdrawsId = s.action === 'withdraw' ? (earlier[s.pick % Math.max(1, earlier.length)]?.id ?? null) : null;
          records.push(record(s.state, s.action, { withdrawsId }));
        }
        const shuffled = shuffle(records, seed);
        const a = derive(records);
        const b = derive(shuffled);
        expect(b.states).toEqual(a.states);
        expect(b.gate).toEqual(a.gate);
        expect(b.signoffs).toEqual(a.signoffs);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checklists', () => {
  const item = (id: string, required: boolean, state: ReadinessState = 'organization') => ({
    id,
    releaseId: 'rel',
    templateId: 't',
    state,
    title: `Item ${id}`,
    required,
    position: Number(id.slice(1)),
  });
  const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s)).toISOString();
  const tick = (id: string, itemId: string, ticked: boolean, s: number) => ({ id, itemId, ticked, personId: 'rc', evidence: ticked ? 'https://ci/1' : '', at: at(s), hlc: `${at(s)}-0000-d` });
  const waiver = (id: string, itemId: string, waived: boolean, s: number) => ({ id, itemId, waived, personId: 'rc', reason: 'Not this time', at: at(s), hlc: `${at(s)}-0000-d` });
  const names = personNames(people);

  it('blocks only required items neither ticked nor waived, by the newest tick and waiver records', () => {
    const items = [item('i1', true), item('i2', true), item('i3', false), item('i4', true)];
    const ticks = [tick('t1', 'i1', true, 1), tick('t2', 'i2', true, 2), tick('t3', 'i2', false, 3)];
    const waivers = [waiver('w1', 'i4', true, 4), waiver('w2', 'i4', false, 5), waiver('w3', 'i4', true, 6)];
    const list = deriveChecklist(items, [...ticks].reverse(), waivers, names);
    expect(list.map((i) => [i.id, i.ticked, i.waived, i.blocking])).toEqual([
      ['i1', true, false, false],
      ['i2', false, false, true],
      ['i3', false, false, false],
      ['i4', false, true, false],
    ]);
    expect(list[0]).toMatchObject({ tickedBy: { name: 'Rita Cole' }, evidence: 'https://ci/1' });
    expect(list[3].waiverReason).toBe('Not this time');
    const view = derive(assertAll(), list);
    expect(view.states[1].checklist).toEqual({ total: 4, done: 1, waived: 1, blocking: ['Item i2'] });
  });
});

describe('readiness deadline', () => {
  it('flags the states nobody asserted or halted once the deadline (hours before the window start) has passed', () => {
    const signoffs = [record('product', 'assert'), record('security', 'halt')];
    const before = derive(signoffs, [], '2026-12-03T20:59:59.000Z');
    expect(before.deadline).toMatchObject({ hours: 48, source: 'built-in', at: '2026-12-03T21:00:00.000Z', passed: false, overdueStates: [] });
    const after = derive(signoffs, [], '2026-12-03T21:00:00.000Z');
    expect(after.deadline.overdueStates).toEqual(['organization', 'operation']);
    expect(after.states.map((s) => s.overdue)).toEqual([false, true, false, true]);
    expect(after.states.map((s) => s.word)).toEqual(['Asserted', 'Overdue', 'Halted', 'Overdue']);
  });

  it('takes the release setting over the workspace default over the built-in one', () => {
    expect(deadlinePolicy(4, 24)).toEqual({ hours: 4, source: 'release' });
    expect(deadlinePolicy(null, 24)).toEqual({ hours: 24, source: 'workspace' });
    expect(deadlinePolicy(0, null)).toEqual({ hours: 0, source: 'release' });
  });
});

describe('pipeline gate under the explicit-assertion policy', () => {
  it('exits 0 on go, 3 on halted with who and why, 4 on pending with what is missing; says the policy first', () => {
    expect(derive(assertAll()).gate).toMatchObject({ decision: 'go', exitCode: 0 });
    const halted = derive([...assertAll(), record('operation', 'halt')]).gate;
    expect(halted).toMatchObject({ decision: 'halted', exitCode: 3 });
    expect(halted.lines.join('\n')).toMatch(/Operation halted by Omar Cruz at .*: Pen test found an open redirect/);
    const pending = derive([record('product', 'assert')]).gate;
    expect(pending).toMatchObject({ policy: 'explicit', decision: 'pending', exitCode: 4 });
    expect(pending.lines[0]).toBe('Readiness policy: explicit assertion (a release goes only once all four readiness states are asserted).');
    expect(pending.lines).toContain('  Security: waiting for the Security architect to assert it (due Thu 3 Dec 2026 22:00 Europe/Berlin).');
  });

  it('never lets a cancelled release go', () => {
    const cancelled = deriveReadiness({ release: { ...release, status: 'cancelled' }, signoffs: assertAll(), checklist: [], people, deadline: deadlinePolicy(null, null), policy: 'presumptive', now: '2026-12-01T00:00:00.000Z' });
    expect(cancelled.gate).toMatchObject({ decision: 'halted', exitCode: 3, summary: 'Halted: the release is Cancelled.' });
  });
});

describe('presumptive release (seeds: "DevSecOps and Release Coordination")', () => {
  const beforeDeadline = '2026-12-01T00:00:00.000Z';
  const afterDeadline = '2026-12-04T08:00:00.000Z';

  it('goes with nothing asserted: each state is "not asserted: presumed ready", a calm reminder to its role', () => {
    const view = derive([], [], beforeDeadline, 'presumptive');
    expect(view.gate).toMatchObject({ policy: 'presumptive', decision: 'go', exitCode: 0 });
    expect(view.states.map((s) => [s.status, s.word, s.attention])).toEqual(
      Array(4).fill(['unasserted', 'Presumed ready', 'reminder']),
    );
    expect(view.states[2].note).toBe('Not asserted: presumed ready. The Security architect may assert or halt it until Thu 3 Dec 2026 22:00 Europe/Berlin.');
    expect(view.gate.lines[0]).toBe(
      'Readiness policy: presumptive release (a release goes unless an empowered role halts it; a state nobody has asserted is presumed ready).',
    );
    expect(view.gate.lines[1]).toBe('Payments 2.4.0 may GO: nothing is halted; 4 readiness state(s) not asserted: presumed ready.');
    expect(view.gate.lines).toContain('  Reminder: Security: Not asserted: presumed ready. The Security architect may assert or halt it until Thu 3 Dec 2026 22:00 Europe/Berlin.');
  });

  it('turns the reminder into an amber warning once the readiness deadline has passed, and still goes', () => {
    const view = derive([record('product', 'assert')], [], afterDeadline, 'presumptive');
    expect(view.gate).toMatchObject({ decision: 'go', exitCode: 0 });
    expect(view.states.map((s) => s.attention)).toEqual(['none', 'warning', 'warning', 'warning']);
    expect(view.states[1]).toMatchObject({ word: 'Presumed ready', overdue: true });
    expect(view.gate.summary).toBe(
      'Go: nothing is halted; not asserted, presumed ready: Organization (Release coordinator), Security (Security architect), Operation (Operations coordinator); 3 past the readiness deadline.',
    );
    expect(view.gate.lines.filter((l) => l.startsWith('  Warning: '))).toHaveLength(3);
    expect(view.gate.unasserted[0].note).toBe(
      'Not asserted: presumed ready. The readiness deadline (Thu 3 Dec 2026 22:00 Europe/Berlin) passed without word from the Release coordinator.',
    );
  });

  it('is halted by any one halt, as under the explicit policy', () => {
    const view = derive([record('security', 'halt')], [], beforeDeadline, 'presumptive');
    expect(view.gate).toMatchObject({ decision: 'halted', exitCode: 3 });
    expect(view.states[2].word).toBe('Halted');
  });

  it('with requireAll, is pending (exit 4) while any state is unasserted, and goes once all four are', () => {
    const pending = derive([record('product', 'assert')], [], beforeDeadline, 'presumptive', true);
    expect(pending.gate).toMatchObject({ policy: 'presumptive', requireAll: true, decision: 'pending', exitCode: 4 });
    expect(pending.gate.lines[0]).toMatch(/^Readiness policy: presumptive release \(.*\); this gate requires all four assertions\.$/);
    expect(pending.gate.lines[1]).toBe('Payments 2.4.0 is PENDING: 3 readiness state(s) not yet asserted, and this gate requires all four.');
    expect(derive(assertAll(), [], beforeDeadline, 'presumptive', true).gate).toMatchObject({ decision: 'go', exitCode: 0 });
  });

  it('answers the same whatever order the sign-offs arrive in, under either policy', () => {
    const records = [record('product', 'assert'), record('security', 'halt'), record('operation', 'assert')];
    const withdraw = record('security', 'withdraw', { withdrawsId: records[1].id });
    for (const policy of ['presumptive', 'explicit'] as const) {
      const a = derive([...records, withdraw], [], afterDeadline, policy);
      const b = derive(shuffle([...records, withdraw], 7), [], afterDeadline, policy);
      expect(b.gate).toEqual(a.gate);
      expect(a.gate.decision).toBe(policy === 'presumptive' ? 'go' : 'pending');
    }
  });
});

describe('audit CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const csv = auditCsv([
      {
        at: '2026-12-01T09:00:00.000Z',
        hlc: 'h',
        kind: 'halt',
        state: 'security',
        personId: 'sa',
        who: 'Sam Achebe',
        deviceId: 'd1',
        member: 'Sam',
        verification: { status: 'unverified', reason: 'signed by no enrolled key of Sam Achebe' },
        what: 'Halted Security readiness.',
        comment: '=HYPERLINK("x"), and "more"\nline two',
        evidence: '',
        waivedIssues: ['A', 'B'],
      },
    ]);
    expect(csv.split('\r\n')[0]).toBe('at,who,deviceId,member,kind,state,what,comment,evidence,waivedIssues,verification');
    expect(csv).toContain(`"'=HYPERLINK(""x""), and ""more""\nline two",,A; B,unverified: signed by no enrolled key of Sam Achebe`);
  });
});

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
