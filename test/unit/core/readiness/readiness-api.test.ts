import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import type { ChecklistItemView, ChecklistTemplate, ReadinessView, ReleaseAuditEntry } from '../../../../electron/contract/readiness-entities';
import { changeLogCount, changesOf, enrolHere, releaseInput, seedBasics, teammateSession, tempSession, valueOf } from '../../../helpers/temp-workspace';

type Ids = { release: string; po: string; rc: string; sa: string; oc: string; engineer: string };

async function seedReadiness(session: WorkspaceSession): Promise<Ids> {
  const basics = await seedBasics(session); // Priya Natarajan: release coordinator
  const person = async (name: string, roles: string[], email = '') =>
    (valueOf(await session.dispatch('people.create', { name, roles, email })) as { id: string }).id;
  const release = valueOf(await session.client()['releases.create'](releaseInput(basics, { status: 'planned' })));
  const ids = {
    release: release.id,
    rc: basics.personId,
    po: await person('Paula Owens', ['product-owner'], 'paula@example.com'),
    sa: await person('Sam Achebe', ['security-architect']),
    oc: await person('Omar Cruz', ['operations-coordinator', 'engineer']),
    engineer: await person('Eli Novak', ['engineer']),
  };
  // Everyone signs on this device in these tests: it holds an enrolled key of each of them.
  await enrolHere(session, [ids.rc, ids.po, ids.sa, ids.oc, ids.engineer]);
  return ids;
}

describe('readiness through the API', () => {
  let session: WorkspaceSession;
  let cleanup: () => void;
  let ids: Ids;
  beforeEach(async () => {
    ({ session, cleanup } = tempSession());
    ids = await seedReadiness(session);
  });
  afterEach(() => cleanup());

  const signoff = (input: Record<string, unknown>) => session.dispatch('readiness.signoff', { releaseId: ids.release, ...input });
  const readiness = async () => valueOf(await session.client()['readiness.get']({ releaseId: ids.release }));

  it('each empowered person asserts their state; the release goes', async () => {
    const owners = { product: ids.po, organization: ids.rc, security: ids.sa, operation: ids.oc };
    for (const [state, person] of Object.entries(owners)) {
      valueOf(await signoff({ state, action: 'assert', comment: `${state} ready`, asPersonId: person }));
    }
    const view = await readiness();
    expect(view.gate.decision).toBe('go');
    expect(view.states.map((s) => s.by?.name)).toEqual(['Paula Owens', 'Priya Natarajan', 'Sam Achebe', 'Omar Cruz']);
    expect(view.signoffs).toHaveLength(4);
    expect(view.signoffs[0]).toMatchObject({ deviceId: session.store.deviceId, action: 'assert', personId: ids.po });
    expect(valueOf(await session.client()['readiness.gate']({ releaseId: ids.release }))).toMatchObject({ exitCode: 0, decision: 'go' });
  });

  it('the workspace readiness policy is a setting: presumptive by default, explicit on request, audited and synced', async () => {
    valueOf(await signoff({ state: 'product', action: 'assert', asPersonId: ids.po }));
    expect((valueOf(await session.client()['workspace.info']({}))).settings.readinessPolicy).toBe('presumptive');
    const gate = async (requireAll = false) =>
      valueOf(await session.client()['readiness.gate']({ releaseId: ids.release, requireAll }));
    const presumed = await gate();
    expect(presumed).toMatchObject({ policy: 'presumptive', exitCode: 0 });
    expect(presumed.states.map((s) => [s.state, s.status, s.word])).toEqual([
      ['product', 'asserted', 'Asserted'],
      ['organization', 'unasserted', 'Presumed ready'],
      ['security', 'unasserted', 'Presumed ready'],
      ['operation', 'unasserted', 'Presumed ready'],
    ]);
    expect(presumed.states[0].recordId).not.toBeNull();
    expect((await gate(true)).exitCode).toBe(4);

    valueOf(await session.client()['settings.update']({ readinessPolicy: 'explicit' }));
    const explicit = await gate();
    expect(explicit).toMatchObject({ policy: 'explicit', exitCode: 4 });
    expect(explicit.lines[0]).toMatch(/^Readiness policy: explicit assertion/);
    expect((await readiness()).states[1].word).toBe('Pending');
    expect(await session.dispatch('settings.update', { readinessPolicy: 'whenever' })).toMatchObject({ ok: false, error: { field: 'readinessPolicy' } });

    const history = valueOf(await session.client()['audit.history']({ entity: 'settings', id: 'workspace' }));
    expect(history.find((h) => h.field === 'readinessPolicy')).toMatchObject({ newValue: 'explicit' });

    const { session: other, cleanup: cleanupOther } = tempSession();
    try {
      other.store.receive(changesOf(session));
      expect(valueOf(await other.client()['readiness.gate']({ releaseId: ids.release }))).toMatchObject({ policy: 'explicit', exitCode: 4 });
      // A value this version does not know (a newer version's, written by the admin's device) reads as the stricter policy.
      session.store.mutate('device:newer', (w) => w.update('settings', 'workspace', { readinessPolicy: 'anything-goes' }));
      other.store.receive(changesOf(session));
      expect(valueOf(await other.client()['readiness.gate']({ releaseId: ids.release }))).toMatchObject({ policy: 'explicit', exitCode: 4 });
    } finally {
      cleanupOther();
    }
  });

  it('refuses a person without the empowered role, naming them, the state and the role, and writes nothing', async () => {
    const before = changeLogCount(session);
    const result = await signoff({ state: 'security', action: 'assert', asPersonId: ids.engineer });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Eli Novak may not assert Security readiness: only a person holding the Security architect role may, and Eli Novak does not.',
      },
    });
    expect(changeLogCount(session)).toBe(before);
  });

  it('uses the person chosen on this device when no asPersonId is given, and refuses when none is chosen', async () => {
    const none = await signoff({ state: 'product', action: 'assert' });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'asPersonId' } });
    valueOf(await session.client()['workspace.setCurrentPerson']({ personId: ids.po }));
    valueOf(await signoff({ state: 'product', action: 'assert' }));
    const history = session.store.reader.changeLog().filter((c) => c.entity === 'signoff');
    expect(new Set(history.map((c) => c.author))).toEqual(new Set([ids.po]));
  });

  it('names the field at fault for bad input and writes nothing', async () => {
    const before = changeLogCount(session);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ state: 'security', action: 'halt', comment: '  ', asPersonId: ids.sa }, 'comment'],
      [{ state: 'safety', action: 'assert', asPersonId: ids.sa }, 'state'],
      [{ state: 'security', action: 'halt', comment: 'x', waivedIssues: ['A'], asPersonId: ids.sa }, 'waivedIssues'],
      [{ state: 'security', action: 'assert', asPersonId: 'ghost' }, 'asPersonId'],
      [{ state: 'security', action: 'withdraw', asPersonId: ids.sa }, 'withdrawsId'],
      [{ state: 'security', action: 'assert', asPersonId: ids.sa, releaseId: 'nope' }, 'releaseId'],
      [{ state: 'security', action: 'assert', asPersonId: ids.sa, sneaky: 1 }, 'sneaky'],
    ];
    for (const [input, field] of cases) {
      const result = await signoff(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.field).toBe(field);
    }
    const halt = await signoff({ state: 'security', action: 'halt', asPersonId: ids.sa });
    expect(halt).toMatchObject({ ok: false, error: { message: 'Comment is required for a halt: give the reason the release must stop.' } });
    expect(changeLogCount(session)).toBe(before);
  });

  it('a halt turns the release and the gate to halted; withdrawing it returns to the assertion before', async () => {
    valueOf(await signoff({ state: 'security', action: 'assert', asPersonId: ids.sa }));
    const halted = valueOf(await signoff({ state: 'security', action: 'halt', comment: 'CVE-2026-1234 unpatched', asPersonId: ids.sa })) as ReadinessView;
    expect(halted.gate).toMatchObject({ decision: 'halted', halts: [{ by: { name: 'Sam Achebe' }, reason: 'CVE-2026-1234 unpatched' }] });
    const gate = valueOf(await session.client()['readiness.gate']({ releaseId: ids.release }));
    expect(gate.exitCode).toBe(3);
    expect(gate.lines.join('\n')).toContain('Security halted by Sam Achebe');
    const withdrawn = valueOf(await signoff({ state: 'security', action: 'withdraw', comment: 'patched', asPersonId: ids.sa })) as ReadinessView;
    expect(withdrawn.states[2].status).toBe('asserted');
    expect(withdrawn.signoffs.at(-1)).toMatchObject({ action: 'withdraw', withdrawsId: halted.states[2].recordId });
    expect(await signoff({ state: 'security', action: 'withdraw', withdrawsId: halted.states[2].recordId, asPersonId: ids.sa })).toMatchObject({
      ok: false,
      error: { field: 'withdrawsId', message: 'That halt was already withdrawn.' },
    });
  });

  it('sign-off records are append-only: the store refuses to change or delete them', async () => {
    const view = valueOf(await signoff({ state: 'product', action: 'assert', asPersonId: ids.po })) as ReadinessView;
    const id = view.states[0].recordId!;
    expect(() => session.store.mutate('x', (w) => w.update('signoff', id, { comment: 'rewritten' }))).toThrow(/append-only/);
    expect(() => session.store.mutate('x', (w) => w.delete('signoff', id))).toThrow(/append-only/);
  });

  it('required checklist items block the assertion of their state until ticked or waived', async () => {
    const templates = valueOf(await session.client()['checklists.templates.seedDefaults']({}));
    expect(templates.map((t) => t.state)).toEqual(['product', 'organization', 'security', 'operation']);
    const before = changeLogCount(session);
    expect(valueOf(await session.client()['checklists.templates.seedDefaults']({}))).toEqual(templates);
    expect(changeLogCount(session)).toBe(before);

    const security = templates.find((t) => t.state === 'security')!;
    const items = valueOf(await session.client()['checklists.instantiate']({ releaseId: ids.release, templateId: security.id }));
    expect(items.map((i) => i.title)).toEqual(security.items.map((i) => i.title));
    expect(await session.client()['checklists.instantiate']({ releaseId: ids.release, templateId: security.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const blocked = await signoff({ state: 'security', action: 'assert', asPersonId: ids.sa });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!blocked.ok) expect(blocked.error.message).toContain('Security scan reviewed');

    const required = items.filter((i) => i.required);
    const [first, ...rest] = required;
    const forbiddenWaive = await session.client()['checklists.waive']({ itemId: first.id, reason: 'later', asPersonId: ids.engineer });
    expect(forbiddenWaive).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await session.client()['checklists.waive']({ itemId: first.id, asPersonId: ids.sa })).toMatchObject({ ok: false, error: { field: 'reason' } });
    const waived = valueOf(await session.client()['checklists.waive']({ itemId: first.id, reason: 'Scanner down; manual review done', asPersonId: ids.sa }));
    expect(waived).toMatchObject({ waived: true, blocking: false, waivedBy: { name: 'Sam Achebe' } });
    expect(await session.client()['checklists.tick']({ itemId: rest[0].id, evidence: 'not a link', asPersonId: ids.engineer })).toMatchObject({
      ok: false,
      error: { field: 'evidence' },
    });
    for (const item of rest) {
      valueOf(await session.client()['checklists.tick']({ itemId: item.id, evidence: 'https://ci.example.com/run/7', asPersonId: ids.engineer }));
    }
    const untick = valueOf(await session.client()['checklists.tick']({ itemId: rest[0].id, ticked: false, asPersonId: ids.engineer }));
    expect(untick).toMatchObject({ ticked: false, blocking: true });
    expect((await signoff({ state: 'security', action: 'assert', asPersonId: ids.sa })).ok).toBe(false);
    valueOf(await session.client()['checklists.tick']({ itemId: rest[0].id, asPersonId: ids.engineer }));
    const view = valueOf(await signoff({ state: 'security', action: 'assert', waivedIssues: ['SEC-9 low-risk header'], asPersonId: ids.sa })) as ReadinessView;
    expect(view.states[2]).toMatchObject({ status: 'asserted', waivedIssues: ['SEC-9 low-risk header'], checklist: { blocking: [] } });
  });

  it('the board lists releases in range against the four states, and the deadline can be set', async () => {
    valueOf(await signoff({ state: 'operation', action: 'halt', comment: 'Runbook missing', asPersonId: ids.oc }));
    const board = valueOf(await session.client()['readiness.board']({ from: '2026-12-01T00:00:00Z', to: '2026-12-31T00:00:00Z' }));
    expect(board).toHaveLength(1);
    expect(board[0].states.map((s) => s.status)).toEqual(['unasserted', 'unasserted', 'unasserted', 'halted']);
    expect(board[0].gate.decision).toBe('halted');
    expect(valueOf(await session.client()['readiness.board']({ from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' }))).toEqual([]);
    expect(await session.client()['readiness.board']({ from: '2027-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toMatchObject({ ok: false, error: { field: 'to' } });

    expect(valueOf(await session.client()['readiness.setDeadline']({ releaseId: null, hours: 24 }))).toEqual({ hours: 24, source: 'workspace' });
    expect(valueOf(await session.client()['readiness.setDeadline']({ releaseId: ids.release, hours: 6 }))).toEqual({ hours: 6, source: 'release' });
    expect((await readiness()).deadline).toMatchObject({ hours: 6, at: '2026-12-05T15:00:00.000Z' });
    expect(valueOf(await session.client()['readiness.setDeadline']({ releaseId: ids.release, hours: null }))).toEqual({ hours: 24, source: 'workspace' });
    expect(valueOf(await session.client()['readiness.setDeadline']({ releaseId: ids.release, hours: 12 }))).toEqual({ hours: 12, source: 'release' });
    expect(await session.client()['readiness.setDeadline']({ releaseId: null, hours: -1 })).toMatchObject({ ok: false, error: { field: 'hours' } });
  });

  it('a release whose status says Go while the gate says halted is listed with the mismatch in words, on the board too', async () => {
    for (const status of ['in-readiness', 'go']) valueOf(await session.dispatch('releases.update', { id: ids.release, changes: { status } }));
    const checks = async (input = {}) => valueOf(await session.client()['releases.statusChecks'](input));
    expect((await checks()).map((c) => [c.releaseId, c.gate.decision, c.mismatches])).toEqual([[ids.release, 'go', []]]);
    valueOf(await signoff({ state: 'security', action: 'halt', comment: 'Open CVE', asPersonId: ids.sa }));
    const [check] = await checks();
    expect(check.mismatches).toEqual(['The status says Go, but the readiness gate says Halted (Security by Sam Achebe: Open CVE).']);
    const release = valueOf(await session.client()['releases.get']({ id: ids.release }));
    const [row] = valueOf(await session.client()['readiness.board']({ from: release.windowStart, to: release.windowEnd }));
    expect(row.mismatches).toEqual(check.mismatches);
    // Asked by id, any release answers, whatever its status.
    valueOf(await session.client()['releases.update']({ id: ids.release, changes: { status: 'in-readiness' } }));
    expect(await checks()).toEqual([]);
    expect((await checks({ releaseIds: [ids.release] }))[0]).toMatchObject({ status: 'in-readiness', gate: { decision: 'halted' }, mismatches: [] });
  });

  it('the audit writes dates, people and environments as a reader in New York reads them, not ISO stamps and ids', async () => {
    valueOf(await session.client()['workspace.setViewerTimeZone']({ timeZone: 'America/New_York' }));
    const staging = valueOf(await session.client()['environments.create']({ name: 'Staging' }));
    const release = valueOf(await session.client()['releases.get']({ id: ids.release }));
    valueOf(
      await session.client()['releases.update']({
        id: ids.release,
        changes: { windowStart: '2026-12-12T22:00:00+01:00', windowEnd: '2026-12-13T02:00:00+01:00', ownerId: ids.po, environmentIds: [...release.environmentIds, staging.id] },
      }),
    );
    valueOf(await signoff({ state: 'product', action: 'assert', comment: 'UAT green', asPersonId: ids.po }));
    valueOf(await signoff({ state: 'product', action: 'withdraw', comment: 'Found a bug', asPersonId: ids.po }));
    const audit = valueOf(await session.client()['audit.release']({ releaseId: ids.release }));
    const change = audit.find((e) => e.kind === 'release-change' && e.what.startsWith('Changed'))!.what;
    expect(change).toContain('Window start from Sat 5 Dec 2026 16:00 (America/New_York) to Sat 12 Dec 2026 16:00 (America/New_York)');
    expect(change).toContain('Owner from (none) to Paula Owens');
    expect(change).toContain('Environments from Production to Production, Staging');
    expect(change).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(audit[0].what).toMatch(/^Withdrew the assertion of \w{3} \d+ \w{3} 2026 \d\d:\d\d \(America\/New_York\) by Paula Owens of Product readiness\.$/);
  });

  it('the back-trace audit shows every sign-off, waiver, tick and release change, newest first, and exports', async () => {
    valueOf(await session.client()['releases.update']({ id: ids.release, changes: { status: 'in-readiness' } }));
    const [template] = (valueOf(await session.client()['checklists.templates.seedDefaults']({}))).filter((t) => t.state === 'product');
    const items = valueOf(await session.client()['checklists.instantiate']({ releaseId: ids.release, templateId: template.id }));
    valueOf(await session.client()['checklists.tick']({ itemId: items[0].id, evidence: 'https://ci.example.com/1', asPersonId: ids.po }));
    for (const item of items.slice(1).filter((i) => i.required)) {
      valueOf(await session.client()['checklists.waive']({ itemId: item.id, reason: 'Accepted risk', asPersonId: ids.po }));
    }
    valueOf(await signoff({ state: 'product', action: 'assert', comment: 'UAT green', waivedIssues: ['PAY-1'], asPersonId: ids.po }));
    valueOf(await signoff({ state: 'security', action: 'halt', comment: 'Open CVE', asPersonId: ids.sa }));

    const audit = valueOf(await session.client()['audit.release']({ releaseId: ids.release }));
    expect(audit[0]).toMatchObject({ kind: 'halt', who: 'Sam Achebe', comment: 'Open CVE', deviceId: session.store.deviceId, state: 'security' });
    expect(audit[1]).toMatchObject({ kind: 'assert', who: 'Paula Owens', waivedIssues: ['PAY-1'] });
    expect(audit.filter((e) => e.kind === 'waiver')).toHaveLength(items.slice(1).filter((i) => i.required).length);
    expect(audit.find((e) => e.kind === 'tick')).toMatchObject({ evidence: 'https://ci.example.com/1', who: 'Paula Owens' });
    expect(audit.find((e) => e.kind === 'release-change' && e.what.startsWith('Changed'))?.what).toBe('Changed Status from Planned to In readiness.');
    expect(audit.at(-1)).toMatchObject({ kind: 'release-change', what: 'Planned the release Payments 2.4.0.' });
    const hlcs = audit.map((e) => e.hlc);
    expect(hlcs).toEqual([...hlcs].sort().reverse());

    const csv = valueOf(await session.client()['audit.releaseExport']({ releaseId: ids.release, format: 'csv' }));
    expect(csv.fileName).toBe('Payments-2.4.0-audit.csv');
    expect(csv.content.split('\r\n')[1]).toContain('Sam Achebe');
    const json = valueOf(await session.client()['audit.releaseExport']({ releaseId: ids.release, format: 'json' }));
    expect(JSON.parse(json.content).entries).toEqual(audit);

    // The audit of a deleted release stays readable.
    valueOf(await session.client()['releases.delete']({ id: ids.release }));
    const afterDelete = valueOf(await session.client()['audit.release']({ releaseId: ids.release }));
    expect(afterDelete[0].what).toBe('Deleted the release.');
  });

  it('sign-offs merge from another device: a halt made offline elsewhere halts the release here', async () => {
    const { session: other, cleanup: cleanupOther } = await teammateSession(session, [ids.sa]);
    try {
      valueOf(await other.client()['readiness.signoff']({ releaseId: ids.release, state: 'security', action: 'halt', comment: 'From the other laptop', asPersonId: ids.sa }));
      valueOf(await signoff({ state: 'product', action: 'assert', asPersonId: ids.po }));
      session.store.receive(changesOf(other));
      other.store.receive(changesOf(session));
      const here = await readiness();
      const there = valueOf(await other.client()['readiness.get']({ releaseId: ids.release }));
      expect(here.gate.decision).toBe('halted');
      expect(there.states).toEqual(here.states);
      expect(here.signoffs.find((s) => s.action === 'halt')?.deviceId).toBe(other.store.deviceId);

      // A third device receiving everything backwards, the sign-off's fields one at a time, ends up the same.
      const { session: third, cleanup: cleanupThird } = tempSession();
      try {
        const log = changesOf(session);
        const haltId = log.find((c) => c.entity === 'signoff' && c.field === 'action' && c.value === 'halt')!.rowId;
        third.store.receive(log.filter((c) => c.entity !== 'signoff'));
        // Release, state and action have arrived, the person and the signature have not: a record stands whole or waits.
        third.store.receive(log.filter((c) => c.rowId === haltId && ['releaseId', 'state', 'action'].includes(c.field)));
        const partial = valueOf(await third.client()['readiness.get']({ releaseId: ids.release }));
        expect(partial.signoffs).toEqual([]);
        third.store.receive([...log].reverse());
        const full = valueOf(await third.client()['readiness.get']({ releaseId: ids.release }));
        expect(full.states).toEqual(here.states);
      } finally {
        cleanupThird();
      }
    } finally {
      cleanupOther();
    }
  });

  it('refuses sign-offs on a finished release', async () => {
    valueOf(await session.client()['releases.update']({ id: ids.release, changes: { status: 'cancelled' } }));
    expect(await signoff({ state: 'product', action: 'assert', asPersonId: ids.po })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
