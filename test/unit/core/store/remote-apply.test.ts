import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import type { ChangeRecord } from '../../../../electron/core/store/change-record';
import { tempDir } from '../../../helpers/temp-workspace';

const strip = (changes: ChangeRecord[]): ChangeRecord[] =>
  changes.map(({ hlc, deviceId, author, entity, rowId, field, value }) => ({ hlc, deviceId, author, entity, rowId, field, value }));

describe('applying remote changes', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function three() {
    const t = tempDir();
    const stores = ['a', 'b', 'c'].map((n) => WorkspaceStore.open(path.join(t.dir, `${n}.releasedesk`)));
    cleanup = () => (stores.forEach((s) => s.close()), t.cleanup());
    return stores;
  }

  it('converges whatever the order and duplication of delivery, keeping the losing value in the log', () => {
    const [a, b, c] = three();
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: 'from A', dependsOn: [] }));
    b.applyRemote(strip(a.reader.changeLog()));
    // Both edit the same field without having seen each other's edit.
    a.mutate('ana', (w) => w.update('system', 's1', { description: 'edited on A' }));
    b.mutate('ben', (w) => w.update('system', 's1', { description: 'edited on B' }));

    const fromA = strip(a.reader.changeLog());
    const fromB = strip(b.reader.changeLog());
    a.applyRemote(fromB);
    b.applyRemote(fromA);
    c.applyRemote([...fromB].reverse());
    c.applyRemote(fromA);
    const again = c.applyRemote(fromB);

    expect(again.duplicates).toBe(fromB.length);
    const rows = [a, b, c].map((s) => s.reader.get('system', 's1'));
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[1]).toEqual(rows[2]);
    const descriptions = c.history('system', 's1').filter((x) => x.field === 'description').map((x) => x.value);
    expect(descriptions).toEqual(expect.arrayContaining(['edited on A', 'edited on B', 'from A']));
  });

  it('creates a row from a change that arrives before the rest of its record', () => {
    const [a, b] = three();
    a.mutate('ana', (w) => w.insert('person', 'p1', { name: 'Ana', email: 'ana@example.com', roles: [] }));
    const roleOnly = strip(a.reader.changeLog()).filter((c) => c.field === 'email');
    b.applyRemote(roleOnly);
    expect(b.reader.get('person', 'p1')).toMatchObject({ email: 'ana@example.com', name: '' });
    b.applyRemote(strip(a.reader.changeLog()));
    expect(b.reader.get('person', 'p1')).toEqual(a.reader.get('person', 'p1'));
  });

  it('applies a remote tombstone', () => {
    const [a, b] = three();
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] }));
    a.mutate('ana', (w) => w.delete('system', 's1'));
    b.applyRemote(strip(a.reader.changeLog()));
    expect(b.reader.list('system')).toEqual([]);
    expect(b.history('system', 's1')).toHaveLength(4);
  });
});
