import type { Change } from '../changes/change';
import type { ReceiveResult, WorkspaceStore } from '../store/workspace-store';

/**
 * Merges a delivery from a transport through the store's one way in for changes made elsewhere
 * (`WorkspaceStore.receive`: the rules, the merge, the held changes, the conflicts), and moves the transport's
 * bookkeeping in the same transaction. `afterApply` advances the transport's read cursor, so a cursor never moves
 * past changes that did not commit.
 */
export function receiveChanges(store: WorkspaceStore, changes: readonly Change[], options: { transport: string; afterApply?: () => void }): ReceiveResult {
  const ledger = store.ledger;
  const maxBefore = ledger.maxSeq();
  return store.receive(changes, {
    afterApply: () => {
      // What just arrived need not be published back by this device, unless local edits wait before it.
      const publishedKey = `published:${options.transport}`;
      if (ledger.getNumber(publishedKey) >= maxBefore) ledger.set(publishedKey, String(ledger.maxSeq()));
      options.afterApply?.();
    },
  });
}
