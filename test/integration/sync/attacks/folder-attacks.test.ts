import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import type { Change } from '../../../../electron/core/changes/change';
import { READINESS_STATES } from '../../../../electron/contract/readiness-entities';
import { Forger } from '../../../helpers/forge';
import { changesOf, enrolHere, releaseInput, seedBasics, tempDir, tempSession } from '../../../helpers/temp-workspace';
import { runCli } from '../processes';
import { call, giveKey, openWorkspace } from '../sync-scenario';
import { EMPOWERED, TEAM, auditOf, gateOf, recordChanges, seedTeam, signoffFields } from './attack-team';
import { heldOn, type Cleanups, type SyncReport } from './attack-server';

/**
 * Whoever can write to the shared folder (a cloud drive, a network share) plays against the team here
 * (docs/sync.md, "Threat model"): files written by hand from the documented format, poison lines and files, a record
 * cut out of another device's file, another workspace's files, replayed records. Nothing they write counts; one bad
 * line or file never stops the rest; what they remove is reported by `verify`.
 */
describe('attacks through the shared folder', () => {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** Priya (admin) on A and Sam on B, syncing through one folder, under the explicit readiness policy. */
  async function teamInFolder() {
    const t = tempDir('release-desk-folder-attacks-');
    cleanups.push(t.cleanup);
    const folder = path.join(t.dir, 'shared');
    fs.mkdirSync(folder);
    let a = openWorkspace(t.dir, 'a');
    const b = openWorkspace(t.dir, 'b');
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const ids = await seedTeam(a, { explicit: true });
    const syncOf = (s: () => WorkspaceSession) => () => call<SyncReport>(s(), 'sync.now', { target: { folder } });
    const syncA = syncOf(() => a);
    const syncB = syncOf(() => b);
    const sync = async () => {
      await syncA();
      await syncB();
    };
    await sync();
    await giveKey(a, b, ids.sam, sync);
    return {
      dir: t.dir,
      folder,
      a: () => a,
      b,
      ids,
      workspaceId: a.store.workspaceId!,
      syncA,
      syncB,
      sync,
      /** Closes A while a command-line process works on its file, and opens it again afterwards. */
      async withAClosed<T>(work: (file: string) => T): Promise<T> {
        const file = a.path;
        a.close();
        try {
          return work(file);
        } finally {
          a = openWorkspace(t.dir, 'a');
        }
      },
    };
  }

  it('the 40-line script: four assertions "by" the four empowered people, in one well-formed file; the gate does not say go', async () => {
    const t = await teamInFolder();
    // All the script knows is the documented format; it signs with a key of its own and links its chain correctly.
    const script = new Forger(t.workspaceId);
    const forged = READINESS_STATES.flatMap((state) =>
      script.write('signoff', signoffFields(t.ids, EMPOWERED[state], state, 'assert', script.deviceId, 'all good'), { author: t.ids[EMPOWERED[state]] }),
    );
    const last = forged[forged.length - 1];
    const seal = script.write('chainSeal', { throughSeq: last.chainSeq, throughLink: last.link }, { author: `device:${script.deviceId}` });
    writeFileByHand(t.folder, script.deviceId, t.workspaceId, 1, [...forged, ...seal]);

    const { sync, gate } = await t.withAClosed((file) => ({
      sync: runCli(['sync', '--db', file, '--folder', t.folder]),
      gate: runCli(['gate', '--db', file, '--release', 'Payments@2.4.0', '--json']),
    }));
    expect(sync.code).toBe(0);
    expect(gate.code).toBe(4);
    const answer = JSON.parse(gate.stdout) as { decision: string; signoffs: Array<{ by: string; verified: boolean; reason: string }> };
    expect(answer.decision).toBe('pending');
    expect(answer.signoffs.map((s) => [s.by, s.verified, s.reason]).sort()).toEqual(
      Object.values(TEAM)
        .map((p) => [p.name, false, `never merged here: it is signed by no enrolled key of ${p.name}`])
        .sort(),
    );
    const audit = await auditOf(t.a(), t.ids.releaseId);
    const asserts = audit.filter((e) => e.kind === 'assert');
    expect(asserts).toHaveLength(4);
    expect(asserts.every((e) => e.verification.status === 'unverified')).toBe(true);
    expect((await heldOn(t.a())).filter((h) => h.entity === 'signoff').every((h) => h.kind === 'unverified')).toBe(true);
    // Held back, not lost: the script's sealed chain is whole here, and nothing in A's file was tampered with.
    expect(await call(t.a(), 'workspace.verify', {})).toMatchObject({ ok: true, problems: [] });
    // Sam's laptop reads the same file and agrees.
    await t.syncB();
    expect((await gateOf(t.b, t.ids.releaseId)).decision).toBe('pending');
  });

  it('a poison line fails only itself, and a poison file only itself: the rest of the file and the folder merge', async () => {
    const t = await teamInFolder();
    const environmentId = t.a().store.reader.list('environment')[0].id;
    const writer = new Forger(t.workspaceId);
    const good = writer.write('system', { name: 'Ledger', description: 'added by a folder writer', dependsOn: [] }, { author: 'device:build-agent' });
    const poison = writer.write('environment', { position: 1.5 }, { rowId: environmentId, author: 'device:build-agent' });
    writeFileByHand(t.folder, writer.deviceId, t.workspaceId, 1, [...poison, ...good], { extraLines: ['{"this is": not json'] });
    // A second device's file is garbage from the first byte; Sam's honest halt is in his own file beside it.
    const garbage = path.join(t.folder, new Forger(t.workspaceId).deviceId);
    fs.mkdirSync(garbage);
    fs.writeFileSync(path.join(garbage, '00000001.ndjson.gz'), Buffer.from('\x1f\x8b\x08 definitely not gzip'));
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'halt', comment: 'CVE-2027-0042 open', asPersonId: t.ids.sam });
    await t.syncB();

    const report = await t.syncA();
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^Left out of ${writer.deviceId}/00000001\\.ndjson\\.gz: line \\d+ is not JSON\\.$`)),
        expect.stringMatching(/^Skipped \S+\/00000001\.ndjson\.gz: not a complete gzip file/),
      ]),
    );
    expect(report.held).toBe(1);
    expect(await heldOn(t.a())).toEqual([expect.objectContaining({ kind: 'invalid', entity: 'environment', field: 'position' })]);
    const systems = await call<Array<{ name: string }>>(t.a(), 'systems.list', {});
    expect(systems.map((s) => s.name)).toContain('Ledger');
    expect((await gateOf(t.a(), t.ids.releaseId)).decision).toBe('halted');
    // And again next time: the same warnings, nothing stuck, later changes still arrive.
    await call(t.b, 'releases.update', { id: t.ids.releaseId, changes: { description: 'CVE fix in 2.4.1' } });
    await t.syncB();
    expect((await t.syncA()).warnings.some((w) => w.startsWith('Skipped'))).toBe(true);
    expect((await call<{ description: string }>(t.a(), 'releases.get', { id: t.ids.releaseId })).description).toBe('CVE fix in 2.4.1');
  });

  it("a record cut out of another device's file does not arrive, and verify says which device's sealed changes are missing", async () => {
    const t = await teamInFolder();
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'halt', comment: 'CVE-2027-0042 open', asPersonId: t.ids.sam });
    await call(t.b, 'releases.update', { id: t.ids.releaseId, changes: { description: 'Waiting for the CVE fix' } });
    await t.syncB();
    // Someone with write access to the folder removes Sam's halt from his newest file, checksum and count made good.
    const haltId = t.b.store.reader.list('signoff').find((s) => s.action === 'halt')!.id;
    const deviceDir = path.join(t.folder, t.b.store.deviceId);
    const newest = path.join(deviceDir, fs.readdirSync(deviceDir).filter((n) => n.endsWith('.ndjson.gz')).sort().pop()!);
    const [header, ...rest] = gunzipSync(fs.readFileSync(newest)).toString('utf8').trimEnd().split('\n');
    const kept = rest.slice(0, -1).filter((line) => (JSON.parse(line) as Change).rowId !== haltId);
    expect(kept.length).toBeLessThan(rest.length - 1);
    const { file } = JSON.parse(header) as { file: number };
    fs.rmSync(newest);
    writeFileByHand(t.folder, t.b.store.deviceId, t.workspaceId, file, kept.map((line) => JSON.parse(line) as Change));

    await t.syncA();
    // Priya's laptop never saw the halt, but it is told something was removed.
    expect((await call<{ description: string }>(t.a(), 'releases.get', { id: t.ids.releaseId })).description).toBe('Waiting for the CVE fix');
    expect((await gateOf(t.a(), t.ids.releaseId)).signoffs).toEqual([]);
    const report = await call<{ ok: boolean; problems: Array<{ kind: string; deviceId: string | null; message: string }> }>(t.a(), 'workspace.verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'seal', deviceId: t.b.store.deviceId, message: expect.stringMatching(/sealed its chain through place \d+, but places \d+–\d+ are not here: changes it published were removed/) }),
    );
    expect((await call<{ ok: boolean }>(t.b, 'workspace.verify', {})).ok).toBe(true);
  });

  it("another workspace's files in the folder are skipped, both ways, and mix nothing in", async () => {
    const t = await teamInFolder();
    // Another team points its workspace at the same folder.
    const other = tempSession();
    cleanups.push(other.cleanup);
    await call(other.session, 'releases.create', releaseInput(await seedBasics(other.session), { name: 'Ledger', version: '9.9.9' }));
    const theirs = await call<SyncReport>(other.session, 'sync.now', { target: { folder: t.folder } });
    expect(theirs.warnings.filter((w) => /belongs to another workspace/.test(w)).length).toBeGreaterThanOrEqual(2);
    expect(theirs.received).toBe(0);
    const ours = await t.syncA();
    expect(ours.warnings).toContainEqual(expect.stringMatching(new RegExp(`^Skipped ${other.session.store.deviceId}/00000001\\.ndjson\\.gz: it belongs to another workspace \\(root ${other.session.store.workspaceId}\\); this workspace's root is ${t.workspaceId}\\. Is the folder shared by two teams\\?$`)));
    expect((await call<Array<{ name: string }>>(t.a(), 'releases.list', {})).map((r) => r.name)).not.toContain('Ledger');
  });

  it('a replayed record: from another workspace it is forged here; a withdrawn one sent again changes nothing', async () => {
    const t = await teamInFolder();
    // A genuine halt by "Sam" (his person id is no secret) in another team's workspace, copied into a file of ours.
    const other = tempSession();
    cleanups.push(other.cleanup);
    other.session.store.mutate('setup', (w) => w.insert('person', t.ids.sam, { name: TEAM.sam.name, email: '', roles: ['security-architect'] }));
    other.session.store.mutate('setup', (w) => w.insert('release', t.ids.releaseId, { name: 'Payments', version: '2.4.0', systemIds: [], environmentIds: [], windowStart: '2027-03-05T21:00:00.000Z', windowEnd: '2027-03-06T01:00:00.000Z', timeZone: 'UTC', status: 'planned', ownerId: null, description: '' }));
    await enrolHere(other.session, [t.ids.sam]);
    await call(other.session, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'halt', comment: 'Replayed', asPersonId: t.ids.sam });
    const replay = changesOf(other.session).filter((c) => c.entity === 'signoff');
    writeFileByHand(t.folder, other.session.store.deviceId, t.workspaceId, 1, replay);
    await t.syncA();
    const gate = await gateOf(t.a(), t.ids.releaseId);
    expect(gate.decision).toBe('pending');
    expect(gate.signoffs).toEqual([expect.objectContaining({ action: 'halt', verified: false, reason: expect.stringMatching(/written for another workspace/) })]);
    expect((await heldOn(t.a())).filter((h) => h.entity === 'signoff').every((h) => h.kind === 'forged')).toBe(true);

    // Sam asserted Security and withdrew it; a copy of his assertion in a new device folder brings nothing back.
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'assert', comment: 'Pen test clean', asPersonId: t.ids.sam });
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'withdraw', comment: 'Pen test reopened', asPersonId: t.ids.sam });
    await t.syncB();
    await t.syncA();
    const assertId = t.b.store.reader.list('signoff').find((s) => s.action === 'assert')!.id;
    writeFileByHand(t.folder, new Forger(t.workspaceId).deviceId, t.workspaceId, 1, recordChanges(t.b, assertId));
    const report = await t.syncA();
    expect(report.received).toBe(0);
    expect(report.duplicates).toBe(recordChanges(t.b, assertId).length);
    const readiness = await call<{ states: Array<{ state: string; status: string }> }>(t.a(), 'readiness.get', { releaseId: t.ids.releaseId });
    expect(readiness.states.find((x) => x.state === 'security')?.status).toBe('unasserted');
  });
});

/**
 * What the "40-line script" does: the documented folder format by hand (docs/sync.md, "Shared-folder format"): gzip of
 * a header, one JSON line per change and a footer with the count and the SHA-256 of the lines before it.
 */
function writeFileByHand(folder: string, deviceId: string, workspace: string, file: number, changes: readonly Change[], options: { extraLines?: string[] } = {}) {
  const lines = [
    JSON.stringify({ format: 'release-desk-sync', version: 1, workspace, deviceId, file, base: file - 1, count: changes.length + (options.extraLines?.length ?? 0) }),
    ...changes.map((c) => JSON.stringify(c)),
    ...(options.extraLines ?? []),
  ];
  const body = lines.join('\n');
  const footer = JSON.stringify({ end: true, count: lines.length - 1, sha256: createHash('sha256').update(body).digest('hex') });
  fs.mkdirSync(path.join(folder, deviceId), { recursive: true });
  fs.writeFileSync(path.join(folder, deviceId, `${String(file).padStart(8, '0')}.ndjson.gz`), gzipSync(`${body}\n${footer}\n`));
}
