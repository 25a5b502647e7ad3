import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import { readSignedRows } from '../../../../electron/core/store/signed-records';
import { modifiedClient } from '../../../helpers/forge';
import { changesOf, enrolHere, releaseInput, seedBasics, teammateSession, tempSession, valueOf } from '../../../helpers/temp-workspace';

/**
 * A stolen laptop (docs/sync.md, "Threat model"): its key signs as the people it is enrolled for until an admin
 * revokes it. After the revocation nothing it signs counts, however its stamps are set; what it signed before still
 * does — on every device, whichever arrived first.
 */
describe('revoking a key', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

  async function team() {
    const admin = tempSession();
    cleanups.push(admin.cleanup);
    const basics = await seedBasics(admin.session);
    const sam = valueOf(await admin.session.client()['people.create']({ name: 'Sam Okafor', roles: ['security-architect'] }));
    const release = valueOf(await admin.session.client()['releases.create'](releaseInput(basics)));
    await enrolHere(admin.session, [sam.id]);
    const laptop = await teammateSession(admin.session, [sam.id]);
    cleanups.push(laptop.cleanup);
    return { admin: admin.session, laptop: laptop.session, samId: sam.id, releaseId: release.id };
  }

  const exchange = (from: WorkspaceSession, to: WorkspaceSession) => to.store.receive(changesOf(from));

  function signoffsOf(s: WorkspaceSession, releaseId: string) {
    return readSignedRows(s.store, 'signoff', s.store.reader.findEqual('signoff', 'releaseId', releaseId)).map((r) => ({ action: r.row.action, comment: r.row.comment, verified: r.trust.verified, reason: r.trust.reason }));
  }

  it('records signed before the revocation still count; a back-dated one after it does not', async () => {
    const { admin, laptop, samId, releaseId } = await team();
    valueOf(await laptop.client()['readiness.signoff']({ releaseId, state: 'security', action: 'halt', comment: 'CVE open', asPersonId: samId }));
    exchange(laptop, admin);
    valueOf(await admin.client()['keys.revoke']({ deviceId: laptop.store.deviceId, reason: 'laptop stolen' }));
    // The thief, who never lets the laptop sync the revocation, lifts the halt "yesterday".
    const halt = signoffsOf(laptop, releaseId);
    expect(halt).toEqual([expect.objectContaining({ action: 'halt', verified: true })]);
    const haltId = laptop.store.reader.list('signoff').find((s) => s.action === 'halt')!.id;
    const lift = modifiedClient(laptop.store).write(
      'signoff',
      { releaseId, state: 'security', action: 'withdraw', personId: samId, comment: 'fixed', waivedIssues: [], withdrawsId: haltId, deviceId: laptop.store.deviceId },
      { author: samId, at: new Date(Date.now() - 24 * 3600_000).toISOString() },
    );
    expect(admin.store.receive(lift).held).toBe(lift.length);
    expect(admin.store.held.list(100, 'signoff').map((h) => h.reason)).toContainEqual(expect.stringMatching(/^its key was revoked on \d{4}-\d{2}-\d{2} \(laptop stolen\)$/));
    expect(signoffsOf(admin, releaseId)).toEqual([expect.objectContaining({ action: 'halt', comment: 'CVE open', verified: true })]);
    const gate = valueOf(await admin.client()['readiness.gate']({ releaseId }));
    expect(gate.decision).toBe('halted');
  });

  it('a record written before the revocation that the admin had not yet seen does not count', async () => {
    const { admin, laptop, samId, releaseId } = await team();
    // Sam halts on the laptop while it is offline; the admin revokes the key before that halt ever arrives.
    valueOf(await laptop.client()['readiness.signoff']({ releaseId, state: 'security', action: 'halt', comment: 'Written offline', asPersonId: samId }));
    valueOf(await admin.client()['keys.revoke']({ deviceId: laptop.store.deviceId, reason: 'laptop stolen' }));
    exchange(laptop, admin);
    expect(signoffsOf(admin, releaseId)).toEqual([]);
    expect(admin.store.held.list(100, 'signoff')[0]).toMatchObject({ kind: 'unverified', reason: expect.stringMatching(/its key was revoked/) });
  });

  it('a revocation that arrives after the records it cuts off: a third device reads them as unverified from then on', async () => {
    const { admin, laptop, samId, releaseId } = await team();
    const third = await teammateSession(admin, []);
    cleanups.push(third.cleanup);
    valueOf(await admin.client()['keys.revoke']({ deviceId: laptop.store.deviceId, reason: 'laptop stolen' }));
    // The laptop, not yet told, signs; the third device hears from the laptop first, then from the admin.
    valueOf(await laptop.client()['readiness.signoff']({ releaseId, state: 'security', action: 'assert', comment: 'Looks fine', asPersonId: samId }));
    exchange(laptop, third.session);
    expect(signoffsOf(third.session, releaseId)).toEqual([expect.objectContaining({ action: 'assert', verified: true })]);
    exchange(admin, third.session);
    expect(signoffsOf(third.session, releaseId)).toEqual([expect.objectContaining({ action: 'assert', verified: false, reason: expect.stringMatching(/its key was revoked on \d{4}-\d{2}-\d{2} \(laptop stolen\)/) })]);
    // Once the laptop hears of its revocation, the app there refuses to sign at all.
    exchange(admin, laptop);
    const refused = await laptop.client()['readiness.signoff']({ releaseId, state: 'security', action: 'halt', comment: 'again', asPersonId: samId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
