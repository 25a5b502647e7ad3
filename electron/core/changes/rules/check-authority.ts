import { EMPOWERED_ROLE_FOR, READINESS_STATE_LABELS, type ReadinessState } from '../../../contract/readiness-entities';
import { ROLE_LABELS } from '../../../contract/entities';
import { signerOf } from '../../store/entity-tables';
import { deviceIdOf } from '../../trust/device-key';
import type { TrustView } from '../../trust/trust-view';
import type { Verdict } from './held';
import type { Write } from './writes';

/** What the rules need to know beyond the records themselves. */
export interface AuthorityFacts {
  personName(id: string): string;
  /** The readiness state of a checklist item (a waiver needs the role of its state); undefined when unknown here. */
  checklistItemState(itemId: string): string | undefined;
}

/**
 * The rules that depend on other signed records — enrolments, revocations, roles — evaluated at the write's own stamp
 * and chain place, so every device holding the same records reaches the same answer whatever order they came in:
 * - a governance record (sign-off, waiver, tick, decision, step execution, conflict answer) names its author's own
 *   person, is signed by a key enrolled for that person, and a sign-off or waiver is made by the person holding the
 *   empowered role of its readiness state;
 * - people's identity and the workspace settings are written by an admin;
 * - device-key records: a root is the workspace's one root; a request is signed by the key it asks for; an enrolment
 *   or revocation by an admin (a key may also revoke itself).
 */
export function authorityProblem(w: Write, trust: TrustView, facts: AuthorityFacts): Verdict | null {
  switch (signerOf(w.entity)) {
    case 'person':
      return personProblem(w, trust, facts);
    case 'admin':
      return trust.adminAt(w.deviceId, w.hlc, w.chainSeq) ? null : { kind: 'unverified', reason: 'it changes what only a workspace admin may change, and its key holds no admin authority' };
    case 'key':
      return keyProblem(w, trust);
    default:
      return null;
  }
}

function personProblem(w: Write, trust: TrustView, facts: AuthorityFacts): Verdict | null {
  // A conflict may be answered on a device where nobody is chosen: the answer is then the device's, signed by its key.
  if (w.entity === 'conflictResolution' && w.author.startsWith('device:')) return null;
  const personId = typeof w.fields.personId === 'string' ? w.fields.personId : w.author;
  const name = facts.personName(personId);
  if (w.author !== personId) return { kind: 'refused', reason: `it was written by ${facts.personName(w.author)} in the name of ${name}` };
  const enrolment = trust.enrolmentProblem(w.deviceId, personId, w.hlc, w.chainSeq);
  if (enrolment) return { kind: 'unverified', reason: enrolment.replace('that person', name) };
  const state = w.entity === 'signoff' ? String(w.fields.state) : w.entity === 'checklistWaiver' ? facts.checklistItemState(String(w.fields.itemId)) : undefined;
  if (w.entity === 'checklistWaiver' && state === undefined) return { kind: 'unverified', reason: 'the checklist item it waives is not here yet' };
  if (state === undefined) return null;
  const role = EMPOWERED_ROLE_FOR[state as ReadinessState];
  if (!role) return { kind: 'invalid', reason: `"${state}" is not a readiness state` };
  if (trust.rolesAt(personId, w.hlc).includes(role)) return null;
  return { kind: 'unverified', reason: `${name} did not hold the ${ROLE_LABELS[role]} role for ${READINESS_STATE_LABELS[state as ReadinessState]} readiness at the time` };
}

function keyProblem(w: Write, trust: TrustView): Verdict | null {
  const keyDeviceId = String(w.fields.keyDeviceId);
  if (deviceIdOf(String(w.fields.publicKey)) !== keyDeviceId) return { kind: 'invalid', reason: 'its public key is not the key of the device it names' };
  switch (w.fields.action) {
    case 'root':
      if (w.deviceId !== keyDeviceId) return { kind: 'refused', reason: 'a root key must sign its own record' };
      return trust.root && trust.root.id !== w.rowId
        ? { kind: 'refused', reason: `it declares another workspace root (${keyDeviceId}); this workspace's root is ${trust.root.deviceId}` }
        : null;
    case 'request':
      return w.deviceId === keyDeviceId ? null : { kind: 'refused', reason: 'a key request must be signed by the key it asks for' };
    case 'revoke':
      if (w.deviceId === keyDeviceId) return null;
      return trust.adminAt(w.deviceId, w.hlc, w.chainSeq) ? null : { kind: 'unverified', reason: 'it revokes a key, and its signer holds no admin authority' };
    default:
      return trust.adminAt(w.deviceId, w.hlc, w.chainSeq) ? null : { kind: 'unverified', reason: 'it enrols a key, and its signer holds no admin authority' };
  }
}
