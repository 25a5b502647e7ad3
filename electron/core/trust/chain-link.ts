import { hash } from 'node:crypto';
import type { Change } from '../changes/change';
import { canonicalJson } from './canonical';

/** The link before a device's first change. */
export const GENESIS_LINK = '0'.repeat(64);

type Linked = Omit<Change, 'link' | 'member'>;

/**
 * Each device's changes form a hash chain: a change's link hashes its place in the chain, the link before it and
 * everything it says (docs/sync.md, "Signed records"). Removing, reordering or editing one breaks every link after
 * it, and the device signs the chain's head each time it publishes (a `chainSeal` record), so nobody without its key
 * can rebuild a broken chain. `member` is left out: the team server stamps it after the device wrote the change.
 */
export function linkOf(prevLink: string, c: Linked): string {
  const head = JSON.stringify([c.deviceId, c.chainSeq, prevLink, c.hlc, c.author, c.entity, c.rowId, c.field, c.prevHlc ?? null]);
  return hash('sha256', `release-desk/change/v1\n${head.slice(0, -1)},${canonicalJson(c.value)},${canonicalJson(c.oldValue)}]`, 'hex');
}
