import type { Change } from '../changes/change';
import { GENESIS_LINK, linkOf } from './chain-link';

export interface ChainProblem {
  deviceId: string;
  message: string;
}

export interface ChainState {
  /** The last place of the unbroken run from the chain's start. */
  through: number;
  /** Place → link, for checking seals. */
  links: Map<number, string>;
  problems: ChainProblem[];
}

/**
 * Walks one device's chain (its changes in chain order) and says where it breaks. A gap — places not here — is not a
 * problem by itself (a folder delivers in any order, a page may still be on its way); a place sealed by the device but
 * missing here is, and the caller judges that against the seals. A change whose link does not follow from the one
 * before is: something in between was edited, inserted or removed.
 */
export function checkChain(deviceId: string, changes: readonly Change[]): ChainState {
  const sorted = [...changes].sort((a, b) => a.chainSeq - b.chainSeq);
  const links = new Map<number, string>();
  const problems: ChainProblem[] = [];
  let through = 0;
  let prev: Change | null = null;
  let broken = false;
  for (const c of sorted) {
    const known = links.get(c.chainSeq);
    if (known !== undefined) {
      if (known !== c.link) problems.push({ deviceId, message: `device ${deviceId} wrote two different changes at place ${c.chainSeq} of its chain (a copy of its workspace file that kept writing?)` });
      continue;
    }
    links.set(c.chainSeq, c.link);
    const follows = prev !== null && prev.chainSeq === c.chainSeq - 1;
    const expected = c.chainSeq === 1 ? GENESIS_LINK : follows ? prev!.link : null;
    if (expected !== null && linkOf(expected, c) !== c.link) {
      if (!broken) problems.push({ deviceId, message: `device ${deviceId}'s chain is broken at place ${c.chainSeq} (${c.entity} ${c.rowId}, ${c.field}): it does not follow from the change before it, which was edited, inserted or removed` });
      broken = true;
    }
    if (!broken && (c.chainSeq === 1 || follows) && through === c.chainSeq - 1) through = c.chainSeq;
    prev = c;
  }
  return { through, links, problems };
}
