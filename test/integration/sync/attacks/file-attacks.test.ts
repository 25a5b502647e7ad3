import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { READINESS_STATES } from '../../../../electron/contract/readiness-entities';
import { Forger, logBehindTheStore } from '../../../helpers/forge';
import { tempDir } from '../../../helpers/temp-workspace';
import { expectOneLineError, runCli } from '../processes';
import { call, openWorkspace } from '../sync-scenario';
import { EMPOWERED, auditOf, gateOf, seedTeam } from './attack-team';
import type { Cleanups } from './attack-server';

interface VerifyReport {
  ok: boolean;
  problems: Array<{ kind: string; entity: string | null; rowId: string | null; repairable: boolean; message: string }>;
}

/**
 * Whoever can open the workspace file (a copy, a backup, the disk) plays against it here (docs/sync.md, "Threat
 * model"): rows written behind Release Desk's back never count, `verify` names them, `workspace.repair` restores the
 * rows from the signed change log, and a rewritten root is reported.
 */
describe('attacks on the workspace file', () => {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function haltedWorkspace() {
    const t = tempDir('release-desk-file-attacks-');
    cleanups.push(t.cleanup);
    let a = openWorkspace(t.dir, 'a');
    cleanups.push(() => a.close());
    const ids = await seedTeam(a);
    await call(a, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'UAT defect PAY-12 open', asPersonId: ids.priya });
    const haltId = a.store.reader.list('signoff').find((s) => s.action === 'halt')!.id;
    const file = a.path;
    return {
      dir: t.dir,
      file,
      ids,
      haltId,
      a: () => a,
      close: () => a.close(),
      reopen: () => (a = openWorkspace(t.dir, 'a')),
    };
  }

  it('a script inserts four sign-offs and edits a halt: the gate does not change, verify names them, the audit marks them, repair restores the rows', async () => {
    const w = await haltedWorkspace();
    w.close();
    const gateBefore = runCli(['gate', '--db', w.file, '--release', 'Payments@2.4.0']);
    expect(gateBefore.code).toBe(3);

    // The attacker's script: better-sqlite3 and the table names, nothing else.
    const script = path.join(w.dir, 'tamper.cjs');
    fs.writeFileSync(
      script,
      `const Database = require(process.env.SQLITE_MODULE);
const db = new Database(process.env.WORKSPACE);
const { releaseId, people } = JSON.parse(process.env.FACTS);
const insert = db.prepare("INSERT INTO signoffs (id, release_id, state, action, person_id, comment, device_id, created_at, updated_at) VALUES (?, ?, ?, 'assert', ?, 'all good', 'laptop', ?, ?)");
const now = new Date().toISOString();
for (const [state, personId] of Object.entries(people)) insert.run('forged-' + state, releaseId, state, personId, now, now);
db.prepare("UPDATE signoffs SET comment = 'PAY-12 fixed, go ahead' WHERE action = 'halt'").run();
db.close();
`,
    );
    const people = Object.fromEntries(READINESS_STATES.map((state) => [state, w.ids[EMPOWERED[state]]]));
    const run = spawnSync(process.execPath, [script], {
      env: { ...process.env, SQLITE_MODULE: createRequire(__filename).resolve('better-sqlite3'), WORKSPACE: w.file, FACTS: JSON.stringify({ releaseId: w.ids.releaseId, people }) },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');

    // The pipeline's gate: still halted, for the reason Priya gave, and it names what it did not count.
    const gate = runCli(['gate', '--db', w.file, '--release', 'Payments@2.4.0', '--json']);
    expect(gate.code).toBe(3);
    const answer = JSON.parse(gate.stdout) as { halts: Array<{ reason: string }>; signoffs: Array<{ action: string; verified: boolean; reason: string | null }> };
    expect(answer.halts).toEqual([expect.objectContaining({ reason: 'UAT defect PAY-12 open' })]);
    expect(answer.signoffs.filter((s) => s.action === 'assert')).toEqual(
      READINESS_STATES.map(() => expect.objectContaining({ verified: false, reason: "it is not in the change log: it was written into the workspace file behind Release Desk's back" })),
    );

    w.reopen();
    const report = await call<VerifyReport>(w.a(), 'workspace.verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.rowId).sort()).toEqual([...READINESS_STATES.map((s) => `forged-${s}`), w.haltId].sort());
    expect(report.problems.find((p) => p.rowId === w.haltId)?.message).toMatch(/its comment is not what its change log says: it was edited behind Release Desk's back/);
    expect(report.problems.every((p) => p.repairable)).toBe(true);
    const audit = await auditOf(w.a(), w.ids.releaseId);
    expect(audit.filter((e) => e.kind === 'assert').map((e) => e.verification.status)).toEqual(['unverified', 'unverified', 'unverified', 'unverified']);
    expect(audit.find((e) => e.kind === 'halt')).toMatchObject({ comment: 'UAT defect PAY-12 open' });

    const repaired = await call<VerifyReport>(w.a(), 'workspace.repair', {});
    expect(repaired).toMatchObject({ ok: true, problems: [] });
    expect(w.a().store.reader.list('signoff').map((s) => s.comment)).toEqual(['UAT defect PAY-12 open']);
    expect((await gateOf(w.a(), w.ids.releaseId)).decision).toBe('halted');
  });

  it('a halt deleted from the file is reported by verify and put back by repair, from its signed history', async () => {
    const w = await haltedWorkspace();
    w.close();
    const db = new Database(w.file);
    db.prepare('DELETE FROM signoffs WHERE id = ?').run(w.haltId);
    db.close();
    w.reopen();
    const report = await call<VerifyReport>(w.a(), 'workspace.verify', {});
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'missing-row', rowId: w.haltId, repairable: true, message: `signoff ${w.haltId} has a change log but no row: it was deleted from the file behind Release Desk's back.` }),
    ]);
    expect(await call<VerifyReport>(w.a(), 'workspace.repair', {})).toMatchObject({ ok: true });
    const gate = await gateOf(w.a(), w.ids.releaseId);
    expect(gate).toMatchObject({ decision: 'halted', signoffs: [expect.objectContaining({ action: 'halt', verified: true })] });
  });

  it('a rewritten root is reported: the file names another root than the one this device pinned', async () => {
    const w = await haltedWorkspace();
    const originalRoot = w.a().store.workspaceId!;
    w.close();
    // The attacker swaps the root record for one of their own key, and the root this file says it pinned.
    const attacker = new Forger('ignored');
    const root = attacker.write(
      'deviceKey',
      { action: 'root', keyDeviceId: attacker.deviceId, publicKey: attacker.key.publicKey, personId: '', label: 'attacker', throughSeq: 0, reason: '' },
      { author: `device:${attacker.deviceId}`, workspaceId: attacker.deviceId },
    );
    const db = new Database(w.file);
    const rootRow = db.prepare("SELECT row_id FROM change_log WHERE entity = 'deviceKey' AND field = 'action' AND value = '\"root\"'").pluck().get() as string;
    db.prepare('DELETE FROM change_log WHERE row_id = ?').run(rootRow);
    db.prepare('DELETE FROM device_keys WHERE id = ?').run(rootRow);
    logBehindTheStore(db, root);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'root'").run(attacker.deviceId);
    db.close();

    w.reopen();
    const keys = await call<{ rootChanged: { pinned: string; found: string | null } | null }>(w.a(), 'keys.list', {});
    expect(keys.rootChanged).toEqual({ pinned: originalRoot, found: attacker.deviceId });
    const report = await call<VerifyReport>(w.a(), 'workspace.verify', {});
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'root', message: `This workspace's root key is ${attacker.deviceId}, but this device first knew it as ${originalRoot}: the workspace file was rewritten.` }),
    );
    // Under the attacker's root no record the team signed verifies, Priya's halt included: the pipeline's gate refuses
    // to answer rather than say go.
    w.close();
    expectOneLineError(runCli(['gate', '--db', w.file, '--release', 'Payments@2.4.0']), 1, /The gate does not answer for this workspace: its root key is \S+, but this device first knew it as \S+, so the workspace file was rewritten/);
  });
});
