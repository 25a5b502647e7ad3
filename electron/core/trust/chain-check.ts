import type { Change } from '../changes/change';
import { GENESIS_LINK, linkOf } from './chain-link';
import { groupBy } from '../group-by';

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

/**
 * The chains of a delivery, checked as it merges: each change whose place follows one this device holds (in the
 * delivery, or already here: `linkHere`) must link to it, and each seal must match the link at the place it names.
 * A break is reported, not held: the change is what its device sent; `verify` names exactly what was edited or removed.
 */
export function checkIncomingChains(changes: readonly Change[], linkHere: (deviceId: string, seq: number) => string | undefined): ChainProblem[] {
  const problems: ChainProblem[] = [];
  for (const [deviceId, own] of groupBy(changes, (c) => c.deviceId)) {
    const sorted = own.sort((a, b) => a.chainSeq - b.chainSeq);
    const inBatch = new Map(sorted.map((c) => [c.chainSeq, c.link]));
    const linkAt = (seq: number) => (seq === 0 ? GENESIS_LINK : (inBatch.get(seq) ?? linkHere(deviceId, seq)));
    for (const c of sorted) {
      const before = linkAt(c.chainSeq - 1);
      if (before !== undefined && linkOf(before, c) !== c.link) {
        problems.push({ deviceId, message: `device ${deviceId}'s chain does not follow at place ${c.chainSeq} (${c.entity} ${c.rowId}, ${c.field}): a change was edited or removed on the way; run verify` });
        break;
      }
    }
    for (const seal of sorted.filter((c) => c.entity === 'chainSeal' && c.field === 'throughSeq')) {
      const sealedLink = sorted.find((c) => c.rowId === seal.rowId && c.field === 'throughLink')?.value;
      const here = linkAt(Number(seal.value));
      if (here !== undefined && sealedLink !== undefined && here !== sealedLink) {
        problems.push({ deviceId, message: `device ${deviceId} sealed place ${String(seal.value)} of its chain, but the change here at that place is another: a change was edited or removed on the way; run verify` });
      }
    }
  }
  return problems;
}
