import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { KeysOverview } from '../../../electron/contract/keys-contract';
import { GateView } from '../../../electron/contract/readiness-entities';
import { VerifyReport } from '../../../electron/contract/verify-contract';
import { releaseInput, seedBasics, tempDir, valueOf } from '../../helpers/temp-workspace';
import { expectOneLineError, runCli } from '../../helpers/cli-process';

/**
 * Two machines of one team, each with its own key folder, as two laptops have: the admin's (this process's keys, the
 * workspace's root) and Sam's, which joins through a shared folder and asks for a key there.
 */
describe('release-desk keys and verify', { timeout: 240_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let admin = '';
  let laptop = '';
  let folder = '';
  let releaseId = '';
  let samKeys = '';
  const onAdmin = (...args: string[]) => runCli(args);
  const onLaptop = (...args: string[]) => runCli(args, { RELEASE_DESK_KEY_DIR: samKeys });
  const sync = (run: typeof onAdmin, db: string) => expect(run('sync', '--db', db, '--folder', folder).code).toBe(0);

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('release-desk-cli-keys-'));
    admin = path.join(dir, 'admin.releasedesk');
    laptop = path.join(dir, 'sam.releasedesk');
    folder = path.join(dir, 'shared');
    samKeys = path.join(dir, 'sam-keys');
    fs.mkdirSync(folder);
    const session = WorkspaceSession.open(admin);
    const basics = await seedBasics(session); // Priya Natarajan, enrolled on this (the root's) device
    valueOf(await session.client()['people.create']({ name: 'Sam Achebe', email: 'sam@example.com', roles: ['security-architect'] }));
    releaseId = (valueOf(await session.client()['releases.create'](releaseInput(basics, { status: 'planned' })))).id;
    session.close();
  });
  afterAll(() => cleanup());

  it('keys list prints the root first, then this device and every key', () => {
    const list = onAdmin('keys', 'list', '--db', admin);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Root: ([0-9a-f]{4} ){7}[0-9a-f]{4} \(device [0-9a-f]{24}, .+\)\. Compare it with your team\.$/);
    expect(lines[1]).toMatch(/^This device: .* signs for Priya Natarajan; may enrol keys\. The private key is in a file readable only by you/);
    expect(lines[2]).toMatch(/^person +device +label +status +fingerprint +when$/);
    expect(list.stdout).toMatch(/Priya Natarajan +[0-9a-f]{24} \(this device\) .* enrolled /);
  });

  it('a teammate asks for a key on their laptop; the admin enrols it by fingerprint; then their sign-off counts everywhere', () => {
    sync(onAdmin, admin);
    expect(onLaptop('init', '--db', laptop).code).toBe(0);
    sync(onLaptop, laptop);

    // Without a key, Sam cannot sign on the laptop, and is told how to get one.
    const refused = onLaptop('signoff', '--db', laptop, '--release', releaseId, '--state', 'security', '--as', 'Sam Achebe', '--assert');
    expectOneLineError(refused, 1, /This device holds no enrolled key of Sam Achebe.*release-desk keys create --as "Sam Achebe"/);

    const created = onLaptop('keys', 'create', '--db', laptop, '--as', 'sam@example.com');
    expect(created.code, created.stderr).toBe(0);
    const fingerprint = /^Fingerprint: ((?:[0-9a-f]{4} ){7}[0-9a-f]{4}) \(device ([0-9a-f]{24})\)$/m.exec(created.stdout);
    expect(fingerprint, created.stdout).not.toBeNull();
    expect(created.stdout).toContain('Asked for this device\'s key to be enrolled for Sam Achebe.');
    expect(created.stdout).toMatch(/Next: sync, then a workspace admin compares the fingerprint with you and enrols it: release-desk keys enrol .* --person "Sam Achebe"/);
    sync(onLaptop, laptop);
    sync(onAdmin, admin);

    const waiting = KeysOverview.parse(JSON.parse(onAdmin('keys', 'list', '--db', admin, '--json').stdout));
    expect(waiting.keys.find((k) => k.deviceId === fingerprint![2])).toMatchObject({ status: 'requested', personName: 'Sam Achebe' });
    // The fingerprint as read out over the phone: the first three groups, with their spaces.
    const enrolled = onAdmin('keys', 'enrol', '--db', admin, '--as', 'Priya Natarajan', '--key', fingerprint![1].split(' ').slice(0, 3).join(' '));
    expect(enrolled.code, enrolled.stderr).toBe(0);
    expect(enrolled.stdout).toContain(`Enrolled the key ${fingerprint![1]} (device ${fingerprint![2]}) for Sam Achebe, as Priya Natarajan.`);
    sync(onAdmin, admin);
    sync(onLaptop, laptop);

    const signed = onLaptop('signoff', '--db', laptop, '--release', releaseId, '--state', 'security', '--as', 'Sam Achebe', '--assert', '--comment', 'Scan clean');
    expect(signed.code, signed.stderr).toBe(0);
    sync(onLaptop, laptop);
    sync(onAdmin, admin);
    const gate = onAdmin('gate', '--db', admin, '--release', releaseId, '--json');
    const view = GateView.parse(JSON.parse(gate.stdout));
    expect(view.signoffs).toEqual([expect.objectContaining({ state: 'security', action: 'assert', by: 'Sam Achebe', verified: true, reason: null })]);
    expect(view.states.find((s) => s.state === 'security')).toMatchObject({ status: 'asserted' });
  });

  it('a revoked key signs nothing more that counts; the laptop is told so', () => {
    const laptopDevice = KeysOverview.parse(JSON.parse(onLaptop('keys', 'list', '--db', laptop, '--json').stdout)).thisDevice.deviceId;
    const revoked = onAdmin('keys', 'revoke', '--db', admin, '--as', 'Priya Natarajan', '--key', laptopDevice, '--reason', 'Laptop stolen at the airport');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked the key .* for everyone it signed for, as Priya Natarajan/);
    expectOneLineError(onAdmin('keys', 'revoke', '--db', admin, '--as', 'Priya Natarajan', '--key', 'ffffffff'), 2, /--reason/);
    expectOneLineError(onAdmin('keys', 'enrol', '--db', admin, '--as', 'Priya Natarajan', '--key', 'nonsense'), 2, /--key: no key "nonsense" is known/);
    sync(onAdmin, admin);
    sync(onLaptop, laptop);
    const list = onLaptop('keys', 'list', '--db', laptop);
    expect(list.stdout).toMatch(/Sam Achebe +[0-9a-f]{24} \(this device\) .* revoked .*Laptop stolen at the airport/);
    expect(list.stdout).toMatch(/This device: .* signs for nobody yet\./);
    const refused = onLaptop('signoff', '--db', laptop, '--release', releaseId, '--state', 'security', '--as', 'Sam Achebe', '--halt', '--comment', 'x');
    expectOneLineError(refused, 1, /holds no enrolled key of Sam Achebe/);
    // Sam's assertion, signed before the revocation, still counts.
    expect(GateView.parse(JSON.parse(onAdmin('gate', '--db', admin, '--release', releaseId, '--json').stdout)).signoffs[0]).toMatchObject({ verified: true });
  });

  it('verify: exit 0 when all holds; a row edited and a row inserted behind the store\'s back exit 5, one line each, and --repair mends them', () => {
    const clean = onAdmin('verify', '--db', admin);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout.trimEnd()).toMatch(/^All holds: checked \d+ change\(s\) from 2 device\(s\), \d+ signed record\(s\) and \d+ row\(s\)\.$/);

    const db = new Database(admin);
    db.prepare("UPDATE signoffs SET comment = 'Scan skipped' WHERE state = 'security'").run();
    const sam = db.prepare("SELECT id FROM people WHERE name = 'Sam Achebe'").pluck().get() as string;
    db.prepare(
      "INSERT INTO signoffs (id, release_id, state, action, person_id, comment, device_id, created_at, updated_at) VALUES ('forged-1', ?, 'product', 'assert', ?, 'looks fine', 'x', '2026-01-01', '2026-01-01')",
    ).run(releaseId, sam);
    db.close();

    // The inserted row counts nowhere, and the gate says so; the edited one reads as its signed history says.
    const gate = onAdmin('gate', '--db', admin, '--release', releaseId);
    expect(gate.stdout).toMatch(/^ {2}Not counted: a assert of Product "by" Sam Achebe/m);
    expect(gate.stdout).not.toMatch(/Not counted: .*Security/);
    const json = GateView.parse(JSON.parse(onAdmin('gate', '--db', admin, '--release', releaseId, '--json').stdout));
    expect(json.signoffs.map((s) => [s.state, s.verified])).toEqual(expect.arrayContaining([['security', true], ['product', false]]));
    expect(JSON.stringify(json)).not.toContain('Scan skipped');
    expect(json.states.find((s) => s.state === 'security')).toMatchObject({ status: 'asserted' });
    expect(json.states.find((s) => s.state === 'product')).toMatchObject({ status: 'unasserted' });

    const broken = onAdmin('verify', '--db', admin);
    expect(broken.code).toBe(5);
    const problems = broken.stdout.trimEnd().split('\n').slice(0, -1);
    expect(problems).toHaveLength(2);
    expect(problems.every((l) => /^(row|missing-row): .*\(repairable: release-desk verify --repair\)$/.test(l))).toBe(true);
    expect(broken.stdout).toMatch(/^2 problem\(s\): checked/m);
    const report = VerifyReport.parse(JSON.parse(onAdmin('verify', '--db', admin, '--json').stdout));
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.rowId)).toContain('forged-1');

    const repaired = onAdmin('verify', '--db', admin, '--repair');
    expect(repaired.code, repaired.stdout).toBe(0);
    expect(repaired.stdout.match(/^Repaired: /gm)).toHaveLength(2);
    expect(repaired.stdout).toMatch(/^All holds: /m);
    expect(onAdmin('verify', '--db', admin).code).toBe(0);
    expect(GateView.parse(JSON.parse(onAdmin('gate', '--db', admin, '--release', releaseId, '--json').stdout)).signoffs).toEqual([
      expect.objectContaining({ state: 'security', verified: true }),
    ]);
  });
});
