import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import { tempSessions } from './temp-sessions';
import { exportWorkspace } from '../../../../electron/core/backup/export-workspace';
import { parseBackup, restoreBackup } from '../../../../electron/core/backup/import-workspace';
import { createDemoWorkspace } from '../../../../electron/core/demo/demo-workspace';
import { changesOf, releaseInput, seedBasics, valueOf } from '../../../helpers/temp-workspace';

describe('workspace backup', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function sessions(...names: string[]) {
    const opened = tempSessions(...names);
    cleanup = opened.cleanup;
    return opened.sessions;
  }

  /** Deletes, restores, updates and a sync loser: the history shapes a plain replay would not reproduce. */
  async function busyWorkspace(a: WorkspaceSession, other: WorkspaceSession) {
    const basics = await seedBasics(a);
    const release = valueOf(await a.client()['releases.create'](releaseInput(basics, { ownerId: basics.personId })));
    valueOf(await a.client()['releases.update']({ id: release.id, changes: { status: 'in-readiness', description: 'Card vault rotation.' } }));
    valueOf(await a.client()['releases.delete']({ id: release.id }));
    valueOf(await a.client()['releases.restore']({ id: release.id }));
    const temp = valueOf(await a.client()['people.create']({ name: 'Temp Person' }));
    valueOf(await a.client()['people.delete']({ id: temp.id }));
    valueOf(await a.client()['settings.update']({ name: 'Payments team', defaultTimeZone: 'Europe/Berlin' }));
    // Another device edits the same field later; A then receives an older edit that loses.
    other.store.receive(changesOf(a));
    valueOf(await other.client()['releases.update']({ id: release.id, changes: { description: 'Edited on B first.' } }));
    valueOf(await a.client()['releases.update']({ id: release.id, changes: { description: 'Edited on A later.' } }));
    a.store.receive(changesOf(other));
  }

  it('round-trips exactly: export A, import into empty B, export B differ only in exportedAt', async () => {
    const [a, b, c] = sessions('a', 'b', 'c');
    await busyWorkspace(a, c);
    const fromA = exportWorkspace(a.store, new Date('2026-11-01T00:00:00Z'));
    const json = JSON.parse(JSON.stringify(fromA));
    restoreBackup(b.store, parseBackup(json));
    const fromB = exportWorkspace(b.store, new Date('2026-11-01T00:00:00Z'));
    expect(JSON.stringify(fromB)).toBe(JSON.stringify(fromA));
    expect(fromA.changeLog.some((c) => c.field === '_deleted' && c.value === true && c.oldValue === false)).toBe(true);
    expect(b.store.history('release', fromA.workspace.releases[0].id)).toEqual(
      a.store.history('release', fromA.workspace.releases[0].id).map((change) => ({ ...change, seq: expect.any(Number) })),
    );
  }, 60_000);

  it('round-trips a demo workspace', () => {
    const [a, b] = sessions('a', 'b');
    createDemoWorkspace(a.store, { releases: 200, today: '2026-11-23' });
    const fromA = exportWorkspace(a.store, new Date(0));
    restoreBackup(b.store, parseBackup(JSON.parse(JSON.stringify(fromA))));
    expect(exportWorkspace(b.store, new Date(0))).toEqual(fromA);
  });
});
