import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { GateView } from '../../../electron/contract/readiness-entities';
import { changeLogCount, enrolHere, releaseInput, seedBasics, tempDir, valueOf } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/cli-process';


describe('release-desk gate and signoff', { timeout: 120_000 }, () => {
  let cleanup = () => {};
  let db = '';
  let releaseId = '';
  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    db = path.join(t.dir, 'gate.releasedesk');
    const session = WorkspaceSession.open(db);
    const basics = await seedBasics(session); // Priya Natarajan, release coordinator
    const person = async (name: string, email: string, role: string) => (valueOf(await session.dispatch('people.create', { name, email, roles: [role] })) as { id: string }).id;
    // Everyone but Nadia has a key enrolled on this machine; Nadia's laptop is elsewhere.
    await enrolHere(session, [
      await person('Paula Owens', 'paula@example.com', 'product-owner'),
      await person('Sam Achebe', 'sam@example.com', 'security-architect'),
      await person('Omar Cruz', 'omar@example.com', 'operations-coordinator'),
      await person('Eli Novak', 'eli@example.com', 'engineer'),
    ]);
    await person('Nadia Haddad', 'nadia@example.com', 'security-architect');
    releaseId = (valueOf(await session.client()['releases.create'](releaseInput(basics, { status: 'planned' })))).id;
    session.close();
  });
  afterAll(() => cleanup());

  const signoff = (...args: string[]) => cli('signoff', '--db', db, '--release', 'Payments@2.4.0', ...args);

  it('under the presumptive policy (the default) goes before anyone asserts, printing a note per unasserted state', () => {
    const gate = cli('gate', '--db', db, '--release', releaseId);
    expect(gate.code).toBe(0);
    const lines = gate.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Readiness policy: presumptive release \(a release goes unless an empowered role halts it/);
    expect(lines[1]).toBe('Payments 2.4.0 may GO: nothing is halted; 4 readiness state(s) not asserted: presumed ready.');
    // A reminder before the readiness deadline, a warning after it: which one depends on today's date.
    expect(gate.stdout).toMatch(/^ {2}(Reminder|Warning): Security: Not asserted: presumed ready/m);
    expect(gate.stderr).toBe('');
  });

  it('--require-all is pending (exit 4) while any state is unasserted, and prints what is missing', () => {
    const gate = cli('gate', '--db', db, '--release', releaseId, '--require-all');
    expect(gate.code).toBe(4);
    expect(gate.stdout).toContain('Payments 2.4.0 is PENDING: 4 readiness state(s) not yet asserted, and this gate requires all four.');
    expect(gate.stdout).toMatch(/Security: waiting for the Security architect to assert it \(due .+\)\./);
    const json = GateView.parse(JSON.parse(cli('gate', '--db', db, '--release', releaseId, '--require-all', '--json').stdout));
    expect(json).toMatchObject({ policy: 'presumptive', requireAll: true, decision: 'pending', exitCode: 4 });
    expect(json.states.map((s) => [s.state, s.status, s.recordId])).toEqual([
      ['product', 'unasserted', null],
      ['organization', 'unasserted', null],
      ['security', 'unasserted', null],
      ['operation', 'unasserted', null],
    ]);
  });

  it('under the explicit-assertion policy is pending (exit 4) and says the policy on its first line', async () => {
    const session = WorkspaceSession.open(db);
    valueOf(await session.client()['settings.update']({ readinessPolicy: 'explicit' }));
    session.close();
    const gate = cli('gate', '--db', db, '--release', releaseId);
    expect(gate.code).toBe(4);
    expect(gate.stdout.split('\n')[0]).toBe('Readiness policy: explicit assertion (a release goes only once all four readiness states are asserted).');
    expect(gate.stdout).toContain('Payments 2.4.0 is PENDING: 4 readiness state(s) not yet asserted, and the explicit-assertion policy requires all four.');
  });

  it('refuses a person without the empowered role, and a halt without a reason, writing nothing', () => {
    const forbidden = signoff('--state', 'security', '--as', 'Eli Novak', '--assert');
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr.trim()).toBe(
      'release-desk: Eli Novak may not assert Security readiness: only a person holding the Security architect role may, and Eli Novak does not.',
    );
    const noReason = signoff('--state', 'security', '--as', 'sam@example.com', '--halt');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/Comment is required for a halt/);
    expect(signoff('--state', 'security', '--as', 'sam@example.com', '--assert', '--halt').stderr).toMatch(/exactly one of --assert, --halt, --withdraw/);
    expect(signoff('--state', 'security', '--as', 'nobody', '--assert').stderr).toMatch(/no person "nobody"/);
    // Nadia holds the role, but no key of hers is on this machine: the CLI cannot sign for her, and says how to get one.
    const keyless = signoff('--state', 'security', '--as', 'Nadia Haddad', '--assert');
    expect(keyless.code).toBe(1);
    expect(keyless.stderr.trim()).toMatch(/^release-desk: This device holds no enrolled key of Nadia Haddad, so it cannot sign for them\. .*keys enrol/);
    const session = WorkspaceSession.open(db);
    expect(session.store.reader.count('signoff')).toBe(0);
    expect(changeLogCount(session)).toBeGreaterThan(0);
    session.close();
  });

  it('goes (exit 0) once each empowered person asserts; a halt makes it exit 3 with who and why', () => {
    expect(signoff('--state', 'product', '--as', 'paula@example.com', '--assert', '--comment', 'UAT green', '--waive', 'PAY-12').code).toBe(0);
    expect(signoff('--state', 'organization', '--as', 'Priya Natarajan', '--assert').code).toBe(0);
    expect(signoff('--state', 'operation', '--as', 'Omar Cruz', '--assert').code).toBe(0);
    const security = signoff('--state', 'security', '--as', 'Sam Achebe', '--assert');
    expect(security.code).toBe(0);
    expect(security.stdout).toContain('Sam Achebe asserted Security readiness of Payments 2.4.0; Security is now asserted.');
    expect(security.stdout).toContain('Go: all four readiness states asserted.');

    const go = cli('gate', '--db', db, '--release', 'payments@2.4.0', '--json');
    expect(go.code).toBe(0);
    const answer = GateView.parse(JSON.parse(go.stdout));
    expect(answer).toMatchObject({ policy: 'explicit', decision: 'go', exitCode: 0 });
    expect(answer.states.find((s) => s.state === 'product')).toMatchObject({ status: 'asserted', by: { name: 'Paula Owens' }, comment: 'UAT green', waivedIssues: ['PAY-12'] });

    expect(signoff('--state', 'operation', '--as', 'Omar Cruz', '--halt', '--comment', 'Rollback plan untested').code).toBe(0);
    const halted = cli('gate', '--db', db, '--release', releaseId);
    expect(halted.code).toBe(3);
    expect(halted.stdout).toMatch(/Payments 2\.4\.0 is HALTED\.\n {2}Operation halted by Omar Cruz at \w{3} \d+ \w{3} \d{4} \d\d:\d\d [\w/]+: Rollback plan untested/);

    expect(signoff('--state', 'operation', '--as', 'Omar Cruz', '--withdraw', '--comment', 'Tested').code).toBe(0);
    expect(cli('gate', '--db', db, '--release', releaseId).code).toBe(0);
  });

  it('says so, as a usage error, when the release does not exist', () => {
    const result = cli('gate', '--db', db, '--release', 'Payments@9.9.9');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no release "Payments@9.9.9"/);
  });
});
