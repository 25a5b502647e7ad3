import { ApiFailure, invalidInput } from '../../contract/api-result';
import type { WorkspaceStore } from '../store/workspace-store';
import { deviceLabel } from '../trust/device-label';
import { personNames } from './keys-view';

/** A signed request, by this device's key, to be enrolled for a person: an admin sees it and enrols it. */
export function requestKey(store: WorkspaceStore, author: string, personId: string): void {
  const trust = store.trustView();
  if (trust.requests.some((r) => r.keyDeviceId === store.deviceId && r.personId === personId)) return;
  store.mutate(author, (w) =>
    w.append('deviceKey', { action: 'request', keyDeviceId: store.deviceId, publicKey: store.deviceKey.publicKey, personId, label: deviceLabel(), throughSeq: 0, reason: '' }),
  );
}

/**
 * Enrols a key for a person, signed by this device, which must hold admin authority (the rules refuse it otherwise,
 * here and on every device). This device's own key needs no request: its public key is known here.
 */
export function enrolKey(store: WorkspaceStore, author: string, deviceId: string, personId: string): void {
  const trust = store.trustView();
  const name = personNames(store)(personId);
  if (trust.enrolmentProblem(deviceId, personId, '9999', Number.MAX_SAFE_INTEGER) === null) return;
  const own = deviceId === store.deviceId;
  const request = trust.requests.find((r) => r.keyDeviceId === deviceId && r.personId === personId);
  if (!own && !request) {
    throw invalidInput('deviceId', `No key of device ${deviceId} asks to be enrolled for ${name}: on that device, run "release-desk keys create --as ${JSON.stringify(name)}" (or Settings → Keys), sync, then enrol it.`);
  }
  if (!trust.adminAt(store.deviceId, '9999', Number.MAX_SAFE_INTEGER) && trust.root) {
    throw new ApiFailure('forbidden', `This device holds no admin key: only a workspace admin's device may enrol keys. The workspace's root is device ${trust.root.deviceId} (${trust.root.label}).`);
  }
  store.mutate(author, (w) =>
    w.append('deviceKey', {
      action: 'enrol',
      keyDeviceId: deviceId,
      publicKey: own ? store.deviceKey.publicKey : request!.publicKey,
      personId,
      label: own ? deviceLabel() : request!.label,
      throughSeq: 0,
      reason: '',
    }),
  );
}

/**
 * Revokes a key: records it wrote up to the last change of it this device has seen stay valid; anything later does
 * not, whatever its stamp says.
 */
export function revokeKey(store: WorkspaceStore, author: string, deviceId: string, personId: string | null, reason: string): void {
  const trust = store.trustView();
  const known = [trust.root?.deviceId, ...trust.enrolments.map((e) => e.keyDeviceId), ...trust.requests.map((r) => r.keyDeviceId)];
  if (!known.includes(deviceId)) throw invalidInput('deviceId', `No key of device ${deviceId} is known in this workspace.`);
  const throughSeq = store.chainHeadOf(deviceId);
  const publicKey = trust.root?.deviceId === deviceId ? trust.root.publicKey : (trust.enrolments.find((e) => e.keyDeviceId === deviceId) ?? trust.requests.find((r) => r.keyDeviceId === deviceId))!.publicKey;
  store.mutate(author, (w) => w.append('deviceKey', { action: 'revoke', keyDeviceId: deviceId, publicKey, personId: personId ?? '', label: '', throughSeq, reason }));
}
