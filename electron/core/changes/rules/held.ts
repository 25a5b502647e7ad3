import type { HeldKind } from '../../../contract/sync-entities';
import type { Change } from '../change';

/**
 * Why a change is held back rather than merged, never dropped (docs/sync.md, "Held changes"):
 * - `invalid`: it is not a well-formed change of this entity (a value that does not fit its field, a record that
 *   arrived without its fields); it can never be merged.
 * - `unknown`: an entity or field this version does not know; a newer Release Desk may merge it.
 * - `forged`: its signature does not hold; it can never be merged.
 * - `refused`: it breaks a rule that no later record can mend (a second write of a sign-off, another device's
 *   stamp, a different change under an identity already here, another workspace's root).
 * - `unverified`: it is signed, but nothing here yet says the signer may sign it (the key's enrolment, the role,
 *   the workspace's root may still be on their way); tried again whenever such records arrive.
 * - `future`: stamped too far ahead of this device's clock; merged once the clock reaches it.
 * - `server`: the team server refused it (this device's own change); it does not count anywhere.
 */
export type HoldKind = HeldKind;

export interface Verdict {
  kind: HoldKind;
  /** In words, finishing "Held: …" — e.g. "Amara Okafor did not hold the Security architect role". */
  reason: string;
}

export interface HeldChange extends Verdict {
  change: Change;
}

/** Kinds that later records or a later clock can mend: these are tried again. */
export const RETRIED_KINDS: readonly HoldKind[] = ['unverified', 'future', 'unknown'];
