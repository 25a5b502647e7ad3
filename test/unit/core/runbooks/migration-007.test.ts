import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/migrate';
import { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { tempDir } from '../../../helpers/temp-workspace';

describe('migration 007 (runbooks)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it.each([0, 1, 2, 3, 4, 5, 6])('brings a workspace at version %i to runbooks, keeping what it held', (from) => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, `v${from}.releasedesk`);
    const db = new Database(file);
    migrate(db, from);
    db.close();
    const store = WorkspaceStore.open(file);
    store.mutate('tester', (w) => {
      w.insert('runbook', 'rb1', { name: 'Cutover', description: '', releaseId: 'r1', templateId: null });
      w.insert('runbookStep', 's1', {
        runbookId: 'rb1', position: 1.5, title: 'Deploy', description: '', command: '', ownerPersonId: null, ownerTeam: 'DBA team',
        kind: 'task', section: 'Deploy', durationMinutes: 30, dependsOn: ['s0'], fixedStartOffsetMinutes: -90, externalRef: '3',
      });
      w.insert('stepExecution', 'x1', { runbookId: 'rb1', releaseId: 'r1', stepId: 's1', action: 'start', reason: '', personId: 'p1', at: '2026-12-05T21:00:00.000Z', deviceId: store.deviceId });
    });
    expect(store.reader.get('runbookStep', 's1')).toMatchObject({ position: 1.5, fixedStartOffsetMinutes: -90, dependsOn: ['s0'], ownerPersonId: null });
    expect(store.reader.get('runbook', 'rb1')).toMatchObject({ releaseId: 'r1', templateId: null });
    expect(() => store.mutate('tester', (w) => w.update('stepExecution', 'x1', { reason: 'edited' }))).toThrow(/append-only/);
    store.close();
  });

  it('a step whose fields arrive one by one by sync reads with defaults until the rest arrives', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = WorkspaceStore.open(path.join(t.dir, 'sync.releasedesk'));
    store.applyRemote([{ hlc: '2026-11-23T09:00:00.000Z-0000-remote', deviceId: 'remote', author: 'p1', entity: 'runbookStep', rowId: 's9', field: 'durationMinutes', value: 45 }]);
    expect(store.reader.get('runbookStep', 's9')).toMatchObject({ durationMinutes: 45, fixedStartOffsetMinutes: null, position: 0, dependsOn: [], kind: 'task' });
    store.close();
  });
});
