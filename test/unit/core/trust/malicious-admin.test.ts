import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import type { Change } from '../../../../electron/core/changes/change';
import { readSignedRows } from '../../../../electron/core/store/signed-records';
import { modifiedClient } from '../../../helpers/forge';
import { changesOf, enrolHere, releaseInput, seedBasics, teammateSession, tempSession, valueOf } from '../../../helpers/temp-workspace';

/**
 * A malicious workspace admin (docs/sync.md, "Threat model"). Mallory may enrol keys, grant and remove roles, revoke
 * keys and rename people — and every such act is a signed record everyone sees. She cannot rewrite or delete a record
 * already written, sign as someone without enrolling a key for them, or replace the workspace's root.
 */
describe('a malicious admin', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

  async function team() {
    const root = tempSession();
    cleanups.push(root.cleanup);
    const a = root.session;
    const basics = await seedBasics(a);
    const person = async (name: string, roles: string[]) => (valueOf(await a.dispatch('people.create', { name, roles })) as { id: string }).id;
    const ids = { priya: basics.personId, mallory: await person('Mallory Quinn', ['admin', 'release-coordinator']), sam: await person('Sam Okafor', ['security-architect']) };
    const releaseId = (valueOf(await a.client()['releases.create'](releaseInput(basics)))).id;
    await enrolHere(a, [ids.priya]);
    const laptop = await teammateSession(a, [ids.sam]);
    const tablet = await teammateSession(a, [ids.mallory]);
    cleanups.push(laptop.cleanup, tablet.cleanup);
    const all = [a, laptop.session, tablet.session];
    const syncAll = () => {
      for (let round = 0; round < 2; round++) for (const from of all) for (const to of all) if (from !== to) to.store.receive(changesOf(from));
    };
    syncAll();
    return { a, sam: laptop.session, mallory: tablet.session, ids, releaseId, syncAll };
  }

  const signoffs = (s: WorkspaceSession, releaseId: string) =>
    readSignedRows(s.store, 'signoff', s.store.reader.findEqual('signoff', 'releaseId', releaseId)).map((r) => ({ id: r.row.id, state: r.row.state, action: r.row.action, comment: r.row.comment, deviceId: r.written.deviceId, verified: r.trust.verified, reason: r.trust.reason }));

  it('can enrol her own tablet for Sam and sign as him — and everyone sees that it was her tablet, enrolled by her', async () => {
    const t = await team();
    valueOf(await t.mallory.client()['keys.enrol']({ deviceId: t.mallory.store.deviceId, personId: t.ids.sam, asPersonId: t.ids.mallory }));
    valueOf(await t.mallory.client()['readiness.signoff']({ releaseId: t.releaseId, state: 'security', action: 'assert', comment: 'Pen test clean', asPersonId: t.ids.sam }));
    t.syncAll();
    for (const s of [t.a, t.sam]) {
      expect(signoffs(s, t.releaseId)).toEqual([expect.objectContaining({ action: 'assert', deviceId: t.mallory.store.deviceId, verified: true })]);
      const keys = valueOf(await s.client()['keys.list']({}));
      expect(keys.keys).toContainEqual(expect.objectContaining({ deviceId: t.mallory.store.deviceId, personName: 'Sam Okafor', status: 'enrolled', byName: 'Mallory Quinn' }));
    }
  });

  it("can take Sam's role away and revoke his key; his records from before still count, later ones do not", async () => {
    const t = await team();
    valueOf(await t.sam.client()['readiness.signoff']({ releaseId: t.releaseId, state: 'security', action: 'halt', comment: 'CVE open', asPersonId: t.ids.sam }));
    t.syncAll();
    valueOf(await t.mallory.client()['people.update']({ id: t.ids.sam, changes: { roles: [] } }));
    valueOf(await t.mallory.client()['keys.revoke']({ deviceId: t.sam.store.deviceId, reason: 'left the team', asPersonId: t.ids.mallory }));
    t.syncAll();
    // Sam's laptop, past both, writes anyway (a modified client): it counts nowhere.
    const late = modifiedClient(t.sam.store).write(
      'signoff',
      { releaseId: t.releaseId, state: 'security', action: 'assert', personId: t.ids.sam, comment: 'fixed', waivedIssues: [], withdrawsId: null, deviceId: t.sam.store.deviceId },
      { author: t.ids.sam },
    );
    expect(t.a.store.receive(late).held).toBe(late.length);
    expect(signoffs(t.a, t.releaseId)).toEqual([expect.objectContaining({ action: 'halt', comment: 'CVE open', verified: true })]);
    expect((valueOf(await t.a.client()['readiness.gate']({ releaseId: t.releaseId }))).decision).toBe('halted');
  });

  it("cannot rewrite, delete or re-sign Sam's halt", async () => {
    const t = await team();
    valueOf(await t.sam.client()['readiness.signoff']({ releaseId: t.releaseId, state: 'security', action: 'halt', comment: 'CVE open', asPersonId: t.ids.sam }));
    t.syncAll();
    const [halt] = signoffs(t.a, t.releaseId);
    const original = changesOf(t.sam).filter((c) => c.rowId === halt.id);
    const mallory = modifiedClient(t.mallory.store);
    const at = new Date().toISOString();
    const attempts: Array<[string, Change[], RegExp]> = [
      ['a second write', [mallory.change({ hlc: mallory.stamp(at), author: t.ids.mallory, entity: 'signoff', rowId: halt.id, field: 'action', value: 'assert' })], /append-only: record \S+ is not the one written at this stamp/],
      ['a tombstone', [mallory.change({ hlc: original[0].hlc, author: t.ids.mallory, entity: 'signoff', rowId: halt.id, field: '_deleted', value: true, deviceId: original[0].deviceId })], /append-only: they are never deleted/],
      [
        'the same record signed again by her key, with another comment',
        mallory.write('signoff', Object.fromEntries(original.filter((c) => c.field !== '_sig').map((c) => [c.field, c.field === 'comment' ? 'CVE fixed' : c.value])), {
          author: t.ids.sam,
          hlc: original[0].hlc,
          rowId: halt.id,
          deviceId: original[0].deviceId,
        }),
        /signed with a key that is not device/,
      ],
    ];
    for (const [what, changes, reason] of attempts) {
      const fresh = tempSession();
      cleanups.push(fresh.cleanup);
      // A device that has not seen the halt yet judges the attempt on its own, then receives the real halt.
      fresh.session.store.receive(changesOf(t.a).filter((c) => c.rowId !== halt.id));
      fresh.session.store.receive(changes);
      expect(fresh.session.store.held.list(100, 'signoff').map((h) => h.reason).join(' | '), what).toMatch(reason);
      fresh.session.store.receive(original);
      expect(signoffs(fresh.session, t.releaseId), what).toEqual([expect.objectContaining({ action: 'halt', comment: 'CVE open', verified: true })]);
      // And a device that has it keeps it as it was.
      t.a.store.receive(changes);
      expect(signoffs(t.a, t.releaseId), what).toEqual([expect.objectContaining({ action: 'halt', comment: 'CVE open', verified: true })]);
    }
  });

  it('cannot sign as Priya without enrolling a key for her, nor declare another root', async () => {
    const t = await team();
    const refused = await t.mallory.client()['readiness.signoff']({ releaseId: t.releaseId, state: 'product', action: 'halt', comment: 'Stop', asPersonId: t.ids.priya });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/holds no enrolled key of Priya Natarajan/) } });
    const mallory = modifiedClient(t.mallory.store);
    const asPriya = mallory.write(
      'signoff',
      { releaseId: t.releaseId, state: 'product', action: 'halt', personId: t.ids.priya, comment: 'Stop', waivedIssues: [], withdrawsId: null, deviceId: t.mallory.store.deviceId },
      { author: t.ids.priya },
    );
    const root = mallory.write(
      'deviceKey',
      { action: 'root', keyDeviceId: t.mallory.store.deviceId, publicKey: t.mallory.store.deviceKey.publicKey, personId: t.ids.mallory, label: 'Mallory tablet', throughSeq: 0, reason: '' },
      { author: t.ids.mallory, workspaceId: t.mallory.store.deviceId },
    );
    t.a.store.receive([...asPriya, ...root]);
    const held = t.a.store.held.list(100);
    expect(held.filter((h) => h.change.entity === 'signoff').map((h) => h.reason)).toContain('it is signed by no enrolled key of Priya Natarajan');
    expect(held.filter((h) => h.change.entity === 'deviceKey').map((h) => h.reason)).toContain(
      `it declares another workspace root (${t.mallory.store.deviceId}); this workspace's root is ${t.a.store.deviceId}`,
    );
    expect(t.a.store.workspaceId).toBe(t.a.store.deviceId);
    expect(signoffs(t.a, t.releaseId)).toEqual([]);
  });
});
