import { createHash } from 'node:crypto';

/**
 * The id of an append-only record (a sign-off, a tick, a step execution …) is derived from its entity and stamp.
 * Every field of such a record is written once, in one write, with one stamp: a second write can never reuse the id,
 * because it has another stamp, so "change a sign-off after it was written" cannot even be expressed (rules/).
 */
export function recordId(entity: string, hlc: string): string {
  const hex = createHash('sha256').update(`release-desk/record-id/v1\n${entity}\n${hlc}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
