import { describe, expect, it } from 'vitest';
import { TrustView, type TrustWrite } from '../../../../electron/core/trust/trust-view';

/**
 * Who may sign what, from the signed records alone (docs/sync.md, "Signed records"). These records are written by
 * hand: the view is pure, and every device that holds the same records must reach the same answers, whatever order
 * they arrived in.
 */
const ROOT = 'rootdevice';
const LAPTOP = 'samslaptop';
const TABLET = 'maltablet';

/** A stamp at minute `m` of a day, naming its device. */
const at = (m: number, device: string) => `2026-12-01T10:${String(m).padStart(2, '0')}:00.000Z-0000-${device}`;

let ids = 0;
function key(action: 'root' | 'request' | 'enrol' | 'revoke', by: string, minute: number, chainSeq: number, fields: Record<string, unknown>): TrustWrite {
  return { entity: 'deviceKey', rowId: `k${ids++}`, hlc: at(minute, by), deviceId: by, chainSeq, author: 'admin', fields: { action, publicKey: `pk-${String(fields.keyDeviceId)}`, label: '', throughSeq: 0, reason: '', ...fields }, signatureOk: true };
}
function roles(personId: string, list: string[], by: string, minute: number, chainSeq: number): TrustWrite {
  return { entity: 'person', rowId: personId, hlc: at(minute, by), deviceId: by, chainSeq, author: 'admin', fields: { roles: list }, signatureOk: true };
}
const root = key('root', ROOT, 0, 1, { keyDeviceId: ROOT, personId: '' });
const enrol = (device: string, personId: string, minute: number, by = ROOT, chainSeq = minute + 10) => key('enrol', by, minute, chainSeq, { keyDeviceId: device, personId });
const revoke = (device: string, throughSeq: number, minute: number, by = ROOT, personId = '') => key('revoke', by, minute, minute + 10, { keyDeviceId: device, personId, throughSeq, reason: 'laptop stolen' });

describe('the trust view', () => {
  it('a key counts for a person from its enrolment on, and for no one else', () => {
    const trust = new TrustView([root, enrol(LAPTOP, 'sam', 5)], null);
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(4, LAPTOP), 3)).toBe('it was signed before that key was enrolled');
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(6, LAPTOP), 3)).toBeNull();
    expect(trust.enrolmentProblem(LAPTOP, 'priya', at(6, LAPTOP), 3)).toBe('it is signed by no enrolled key of that person');
    expect(trust.personsOf(LAPTOP)).toEqual(['sam']);
  });

  it('the same records in any order give the same answers', () => {
    const records = [root, roles('mal', ['admin'], ROOT, 1, 2), enrol(TABLET, 'mal', 2), enrol(LAPTOP, 'sam', 3, TABLET, 1), revoke(LAPTOP, 4, 9, TABLET)];
    const answers = (list: TrustWrite[]) => {
      const t = new TrustView(list, null);
      return [t.enrolments.map((e) => e.id).sort(), t.revocations.map((r) => r.id), t.enrolmentProblem(LAPTOP, 'sam', at(8, LAPTOP), 5), t.adminAt(TABLET, at(5, TABLET), 2)];
    };
    expect(answers([...records].reverse())).toEqual(answers(records));
    expect(answers(records)[2]).toBe('its key was revoked on 2026-12-01 (laptop stolen)');
  });

  it('only an admin enrols: the root, or a key enrolled for someone who holds the admin role at the time', () => {
    // Mallory's tablet enrols Sam's laptop before she is an admin, and again after.
    const before = enrol(LAPTOP, 'sam', 3, TABLET, 1);
    const grant = roles('mal', ['admin'], ROOT, 4, 2);
    const after = enrol(LAPTOP, 'sam', 6, TABLET, 2);
    const trust = new TrustView([root, enrol(TABLET, 'mal', 2), before, grant, after], null);
    expect(trust.adminAt(ROOT, at(1, ROOT), 1)).toBe(true);
    expect(trust.adminAt(TABLET, at(3, TABLET), 1)).toBe(false);
    expect(trust.adminAt(TABLET, at(5, TABLET), 2)).toBe(true);
    expect(trust.enrolments.map((e) => e.id)).not.toContain(before.rowId);
    expect(trust.enrolments.map((e) => e.id)).toContain(after.rowId);
  });

  it('roles count only from admin-signed writes, as of the stamp asked about', () => {
    const trust = new TrustView(
      [root, roles('sam', ['security-architect'], ROOT, 1, 2), enrol(LAPTOP, 'sam', 2), roles('sam', ['security-architect', 'admin'], LAPTOP, 3, 5), roles('sam', [], ROOT, 8, 3)],
      null,
    );
    expect(trust.rolesAt('sam', at(2, ROOT))).toEqual(['security-architect']);
    // Sam's own laptop granting him admin counts nowhere.
    expect(trust.rolesAt('sam', at(5, ROOT))).toEqual(['security-architect']);
    expect(trust.rolesAt('sam', at(9, ROOT))).toEqual([]);
    expect(trust.adminAt(LAPTOP, at(5, LAPTOP), 6)).toBe(false);
  });

  it('a revocation ends a key after a place in its own chain, whatever the stamps say', () => {
    // The admin had seen the laptop's chain up to place 40 when it revoked it, at minute 30.
    const trust = new TrustView([root, enrol(LAPTOP, 'sam', 2), revoke(LAPTOP, 40, 30)], null);
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(20, LAPTOP), 40)).toBeNull();
    // A thief back-dates a record to minute 5, long before the revocation: its place is 41.
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(5, LAPTOP), 41)).toBe('its key was revoked on 2026-12-01 (laptop stolen)');
    // A record written before the revocation but after the place the admin had seen does not count either.
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(25, LAPTOP), 41)).not.toBeNull();
  });

  it('a revocation may be for one person only; a key may revoke itself; nobody else may', () => {
    const forSam = revoke(LAPTOP, 10, 30, ROOT, 'sam');
    const self = key('revoke', TABLET, 31, 50, { keyDeviceId: TABLET, personId: '', throughSeq: 49, reason: 'lost' });
    const byStranger = key('revoke', 'stranger', 32, 3, { keyDeviceId: ROOT, personId: '', throughSeq: 1, reason: 'take over' });
    const trust = new TrustView([root, enrol(LAPTOP, 'sam', 2), enrol(LAPTOP, 'olu', 3), enrol(TABLET, 'mal', 4), forSam, self, byStranger], null);
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(40, LAPTOP), 11)).toMatch(/revoked/);
    expect(trust.enrolmentProblem(LAPTOP, 'olu', at(40, LAPTOP), 11)).toBeNull();
    expect(trust.enrolmentProblem(TABLET, 'mal', at(40, TABLET), 50)).toMatch(/revoked on 2026-12-01 \(lost\)/);
    expect(trust.adminAt(ROOT, at(40, ROOT), 100)).toBe(true);
  });

  it("a revoked admin's later enrolments and revocations count nowhere", () => {
    // Mallory's tablet is revoked through place 3; at place 4 it enrols a key for Priya and revokes Sam's laptop.
    const trust = new TrustView(
      [root, roles('mal', ['admin'], ROOT, 1, 2), enrol(TABLET, 'mal', 2), enrol(LAPTOP, 'sam', 3), revoke(TABLET, 3, 10), enrol('evil', 'priya', 5, TABLET, 4), revoke(LAPTOP, 0, 6, TABLET)],
      null,
    );
    expect(trust.enrolments.map((e) => e.keyDeviceId)).not.toContain('evil');
    expect(trust.enrolmentProblem(LAPTOP, 'sam', at(20, LAPTOP), 9)).toBeNull();
  });

  it('the root: the one this device pinned, else the earliest; records whose signature failed count for nothing', () => {
    const second = key('root', 'usurper', 0, 1, { keyDeviceId: 'usurper', personId: '' });
    expect(new TrustView([second, root], ROOT).root?.deviceId).toBe(ROOT);
    expect(new TrustView([{ ...root, hlc: at(5, ROOT) }, second], null).root?.deviceId).toBe('usurper');
    const unsigned = { ...enrol(LAPTOP, 'sam', 2), signatureOk: false };
    expect(new TrustView([root, unsigned], null).enrolments).toEqual([]);
  });
});
