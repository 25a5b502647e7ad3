import {
  EMPOWERED_ROLE_FOR,
  READINESS_STATE_LABELS,
  type ReadinessState,
  type SignoffAction,
  type SignoffRecord,
} from '../../../contract/readiness-entities';
import { ROLE_LABELS, type PersonRole } from '../../../contract/entities';
import { newest } from './clock-order';

/**
 * Sign-off rules, as pure functions over the append-only records of one release:
 * - the record in effect for a state is the newest assertion or halt (by hybrid logical clock) that no withdrawal
 *   names; so withdrawing a halt brings back the assertion before it, if that one was not withdrawn;
 * - a withdrawal names the record it withdraws (`withdrawsId`); a withdrawal that names a record of another state
 *   or release withdraws nothing.
 * Records may be listed in any order (sync delivers them so): the result depends only on the set.
 */
export function effectiveSignoff(records: readonly SignoffRecord[], state: ReadinessState): SignoffRecord | null {
  const own = records.filter((r) => r.state === state);
  const withdrawn = new Set(own.filter((r) => r.action === 'withdraw' && r.withdrawsId).map((r) => r.withdrawsId));
  return newest(own.filter((r) => (r.action === 'assert' || r.action === 'halt') && !withdrawn.has(r.id))) ?? null;
}

export type TargetResult = { ok: true; record: SignoffRecord } | { ok: false; message: string };

/**
 * What a withdrawal withdraws: the record it names, which must be an assertion or halt of this state not already
 * withdrawn; or, when it names none, the record in effect for the state.
 */
export function withdrawTarget(records: readonly SignoffRecord[], state: ReadinessState, withdrawsId?: string): TargetResult {
  const label = READINESS_STATE_LABELS[state];
  if (withdrawsId === undefined) {
    const current = effectiveSignoff(records, state);
    return current ? { ok: true, record: current } : { ok: false, message: `There is no assertion or halt of ${label} readiness to withdraw.` };
  }
  const record = records.find((r) => r.id === withdrawsId);
  if (!record || record.state !== state) {
    return { ok: false, message: `Withdraws id ${withdrawsId} is not a sign-off of ${label} readiness of this release.` };
  }
  if (record.action === 'withdraw') return { ok: false, message: 'A withdrawal cannot itself be withdrawn; assert or halt again instead.' };
  if (records.some((r) => r.action === 'withdraw' && r.withdrawsId === record.id)) {
    return { ok: false, message: `That ${record.action === 'assert' ? 'assertion' : 'halt'} was already withdrawn.` };
  }
  return { ok: true, record };
}

export function mayActOn(roles: readonly PersonRole[], state: ReadinessState): boolean {
  return roles.includes(EMPOWERED_ROLE_FOR[state]);
}

const VERBS: Record<SignoffAction, string> = { assert: 'assert', halt: 'halt', withdraw: 'withdraw a sign-off of' };

/** The sentence of a 'forbidden' error: names the person, the state and the role needed. */
export function forbiddenMessage(personName: string, state: ReadinessState, action: SignoffAction | 'waive'): string {
  const role = ROLE_LABELS[EMPOWERED_ROLE_FOR[state]];
  const verb = action === 'waive' ? 'waive checklist items of' : VERBS[action];
  return `${personName} may not ${verb} ${READINESS_STATE_LABELS[state]} readiness: only a person holding the ${role} role may, and ${personName} does not.`;
}
