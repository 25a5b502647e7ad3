import type { DeviceKeyView, KeysOverview } from '../../contract/keys-contract';
import { hlcInstant } from '../changes/change';
import { peopleNames } from '../people/people-queries';
import type { WorkspaceStore } from '../store/workspace-store';
import { fingerprintOf } from '../trust/device-key';
import { secretProtection } from '../trust/secret-protection';

/** The stamp after every stamp: "now and from now on", for asking what this device may do next. */
const LATEST = '9999';

/** The root, this device and every key record, in words people can compare and act on. */
export function keysOverview(store: WorkspaceStore): KeysOverview {
  const trust = store.trustView();
  const name = personNames(store);
  const at = (hlc: string) => hlcInstant(hlc);
  const keys: DeviceKeyView[] = [];
  const base = (deviceId: string, publicKey: string, label: string) => ({ deviceId, fingerprint: fingerprintOf(publicKey), label, thisDevice: deviceId === store.deviceId });
  if (trust.root) {
    const r = trust.root;
    keys.push({ ...base(r.deviceId, r.publicKey, r.label), personId: r.personId || null, personName: r.personId ? name(r.personId) : null, status: 'root', byName: null, at: at(r.hlc), reason: '' });
  }
  const enrolled = new Set(trust.enrolments.map((e) => `${e.keyDeviceId}/${e.personId}`));
  for (const e of trust.enrolments) {
    const revoked = trust.revocations.find((r) => r.keyDeviceId === e.keyDeviceId && (r.personId === '' || r.personId === e.personId));
    keys.push({
      ...base(e.keyDeviceId, e.publicKey, e.label),
      personId: e.personId,
      personName: name(e.personId),
      status: revoked ? 'revoked' : 'enrolled',
      byName: name(revoked ? revoked.revokedBy : e.enrolledBy),
      at: at(revoked ? revoked.hlc : e.hlc),
      reason: revoked?.reason ?? '',
    });
  }
  for (const q of trust.requests) {
    if (enrolled.has(`${q.keyDeviceId}/${q.personId}`)) continue;
    keys.push({ ...base(q.keyDeviceId, q.publicKey, q.label), personId: q.personId, personName: name(q.personId), status: 'requested', byName: name(q.personId), at: at(q.hlc), reason: '' });
  }
  keys.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    root: trust.root ? { deviceId: trust.root.deviceId, fingerprint: fingerprintOf(trust.root.publicKey), label: trust.root.label, at: at(trust.root.hlc) } : null,
    rootChanged: store.rootChanged,
    thisDevice: {
      deviceId: store.deviceId,
      fingerprint: fingerprintOf(store.deviceKey.publicKey),
      signsFor: trust.personsOf(store.deviceId).map((personId) => ({ personId, name: name(personId) })),
      isAdmin: trust.adminAt(store.deviceId, LATEST, Number.MAX_SAFE_INTEGER) || !trust.root,
      protection: `The private key is ${secretProtection().words}.`,
    },
    keys,
  };
}

/** Whether this device's key may sign for a person from now on. */
export function signsFor(store: WorkspaceStore, personId: string): boolean {
  return store.trustView().enrolmentProblem(store.deviceId, personId, LATEST, Number.MAX_SAFE_INTEGER) === null;
}

export function personNames(store: WorkspaceStore): (id: string) => string {
  const names = peopleNames(store);
  return (id: string) => (id ? names.name(id) : 'nobody');
}
