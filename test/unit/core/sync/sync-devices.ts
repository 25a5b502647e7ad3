import path from 'node:path';
import { exportWorkspace } from '../../../../electron/core/backup/export-workspace';
import type { Change } from '../../../../electron/core/changes/change';
import { withoutSeq } from '../../../../electron/core/changes/change-row';
import { enrolKey, requestKey } from '../../../../electron/core/keys/keys-writes';
import { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { receiveChanges } from '../../../../electron/core/sync/receive-changes';
import type { PersonRole } from '../../../../electron/contract/entities';
import { tempDir } from '../../../helpers/temp-workspace';

/**
 * Several devices of one team on this machine, each with its own workspace file and its own clock, skewed by
 * `skewsMs`. The team sets up first, on a day its clocks agree (formTeam), and drifts later. They live on a simulated
 * calendar, days away from the real one (which a folder's clock probe reads) and from each other, and follow the
 * reference clock however far ahead it is; the 24-hour bound has its own test.
 */
export function devices(skewsMs: readonly number[], options: { start?: number; people?: readonly TeamPerson[] } = {}) {
  const t = tempDir('release-desk-sync-');
  const time = { now: options.start ?? Date.parse('2026-11-20T09:00:00.000Z'), skewed: false };
  const stores = skewsMs.map((skew, i) => WorkspaceStore.open(path.join(t.dir, `device-${i}.releasedesk`), { now: () => time.now + (time.skewed ? skew : 0), maxClockFollowMs: Number.POSITIVE_INFINITY }));
  formTeam(stores, time.now, options.people ?? []);
  time.skewed = true;
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

export interface TeamPerson {
  id: string;
  name: string;
  roles: PersonRole[];
}

/**
 * One team: device 0's key becomes the workspace root (its first write), it adds the people, and every device asks
 * for and is given a key for each of them, as a team sets up through Settings → Keys. Everyone ends with the same log.
 */
export function formTeam(stores: readonly WorkspaceStore[], now: number, people: readonly TeamPerson[]): void {
  const [admin, ...others] = stores;
  admin.mutate('setup', (w) => {
    for (const p of people) w.insert('person', p.id, { name: p.name, email: '', roles: p.roles });
  });
  for (const s of others) deliver(s, logOf(admin), now);
  for (const s of others) for (const p of people) requestKey(s, p.id, p.id);
  for (const s of others) deliver(admin, logOf(s), now);
  for (const s of stores) for (const p of people) enrolKey(admin, 'setup', s.deviceId, p.id);
  for (const s of others) deliver(s, logOf(admin), now);
}

export function logOf(store: WorkspaceStore): Change[] {
  return store.reader.changeLog().map(withoutSeq);
}

/** A delivery as a transport would make it; the receiver learns the team's (true) time as from a server's Date header. */
export function deliver(to: WorkspaceStore, changes: readonly Change[], trueNow: number) {
  to.followReferenceClock(trueNow);
  to.retryHeld();
  return receiveChanges(to, changes, { transport: 'test' });
}

/** The export as a comparison sees it: everything but when it was made. */
export function comparableExport(store: WorkspaceStore) {
  const { exportedAt: _ignored, ...rest } = exportWorkspace(store);
  return rest;
}

export function conflictKeys(store: WorkspaceStore): string[] {
  return store.conflictRecords.found().map((c) => `${c.entity}/${c.rowId}/${c.field}@${c.hlc}`);
}
