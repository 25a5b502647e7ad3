import path from 'node:path';
import { exportWorkspace } from '../../../../electron/core/backup/export-workspace';
import { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { receiveChanges, releaseHeld } from '../../../../electron/core/sync/receive-changes';
import { rowToSyncChange, type ChangeLogRow, type SyncChange } from '../../../../electron/core/sync/sync-change';
import { tempDir } from '../../../helpers/temp-workspace';

/**
 * Several devices on this machine, each with its own workspace file and its own (possibly skewed) clock. They live on
 * a simulated calendar, days away from the real one (which a folder's clock probe reads) and from each other, and
 * follow the reference clock however far ahead it is; the 24-hour bound has its own test.
 */
export function devices(skewsMs: readonly number[], start = Date.parse('2026-11-20T09:00:00.000Z')) {
  const t = tempDir('release-desk-sync-');
  const time = { now: start };
  const stores = skewsMs.map((skew, i) =>
    WorkspaceStore.open(path.join(t.dir, `device-${i}.releasedesk`), { now: () => time.now + skew, maxClockFollowMs: Number.POSITIVE_INFINITY }),
  );
  return {
    dir: t.dir,
    time,
    stores,
    cleanup: () => {
      stores.forEach((s) => s.close());
      t.cleanup();
    },
  };
}

export function logOf(store: WorkspaceStore): SyncChange[] {
  return (store.db.prepare('SELECT * FROM change_log ORDER BY seq').all() as ChangeLogRow[]).map(rowToSyncChange);
}

/** A delivery as a transport would make it; the receiver learns the team's (true) time as from a server's Date header. */
export function deliver(to: WorkspaceStore, changes: readonly SyncChange[], trueNow: number) {
  to.followReferenceClock(trueNow);
  releaseHeld(to, 'test');
  return receiveChanges(to, changes, { transport: 'test' });
}

/** The export as a comparison sees it: everything but when it was made. */
export function comparableExport(store: WorkspaceStore) {
  const { exportedAt: _ignored, ...rest } = exportWorkspace(store);
  return rest;
}

export function conflictKeys(store: WorkspaceStore): string[] {
  return (store.db.prepare('SELECT entity, row_id, field, hlc FROM sync_conflicts ORDER BY 1, 2, 3, 4').all() as Record<string, string>[]).map(
    (r) => `${r.entity}/${r.row_id}/${r.field}@${r.hlc}`,
  );
}
