import { ApiFailure } from '../../contract/api-result';
import type { WorkspaceStore } from '../store/workspace-store';

/**
 * Restores and demo data only go into a workspace nothing was ever written to: merging them into existing work
 * would mix two histories, which is what sync is for. An empty change log means no row, live or deleted, exists.
 */
export function requireEmptyWorkspace(store: WorkspaceStore, action: string): void {
  const changes = store.changeCount();
  if (changes > 0) {
    throw new ApiFailure('conflict', `${store.path} is not empty (${changes} changes in its history); ${action} only into a new or empty workspace file.`);
  }
}
