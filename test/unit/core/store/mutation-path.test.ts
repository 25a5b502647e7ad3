import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { tempDir } from '../../../helpers/temp-workspace';

function openTemp() {
  const t = tempDir();
  const store = WorkspaceStore.open(path.join(t.dir, 'w.releasedesk'));
  return { store, cleanup: () => (store.close(), t.cleanup()) };
}

describe('the mutation path', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('logs every field it writes with clock, device, author, old and new value, in the same transaction', () => {
    const t = openTemp();
    cleanup = t.cleanup;
    const { store } = t;
    store.mutate('alice', (w) => w.insert('person', 'p1', { name: 'Ana', email: 'ana@example.com', roles: ['product-owner'] }));
    store.mutate('bob', (w) => w.update('person', 'p1', { name: 'Ana Lima', email: 'ana@example.com' }));

    // A person's identity is signed by an admin's key: each write logs its signature beside its fields.
    const all = store.history('person', 'p1');
    expect(all.filter((c) => c.field === '_sig')).toHaveLength(2);
    const history = all.filter((c) => c.field !== '_sig');
    expect(history).toHaveLength(4);
    expect(history.slice(1).map((c) => c.field).sort()).toEqual(['email', 'name', 'roles']);
    expect(history.slice(1).every((c) => c.author === 'alice' && c.oldValue === null)).toBe(true);
    // The unchanged email was not logged again; the rename was, with its old value.
    expect(history.filter((c) => c.field === 'email')).toHaveLength(1);
    expect(history[0]).toMatchObject({ field: 'name', oldValue: 'Ana', value: 'Ana Lima', author: 'bob', deviceId: store.deviceId });
    expect(history[0].hlc > history[1].hlc).toBe(true);
    expect(store.reader.get('person', 'p1')).toMatchObject({ name: 'Ana Lima', roles: ['product-owner'] });
  });

  it('writes nothing, neither rows nor log, when anything in the transaction fails', () => {
    const t = openTemp();
    cleanup = t.cleanup;
    const { store } = t;
    expect(() =>
      store.mutate('alice', (w) => {
        w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] });
        throw new Error('validation failed half-way');
      }),
    ).toThrow('validation failed half-way');
    expect(store.reader.count('system')).toBe(0);
    expect(store.reader.changeLog()).toHaveLength(0);
  });

  it('checks and writes in one transaction: a mutation that awaits, or starts inside another, writes nothing', () => {
    const t = openTemp();
    cleanup = t.cleanup;
    const { store } = t;
    expect(() =>
      store.mutate('alice', async (w, read) => {
        if (read.findByText('system', { name: 'Billing' }).length === 0) w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] });
        await Promise.resolve();
      }),
    ).toThrow('A mutation cannot await');
    expect(() =>
      store.mutate('alice', (w) => {
        w.insert('system', 's2', { name: 'Ledger', description: '', dependsOn: [] });
        store.mutate('bob', (inner) => inner.insert('system', 's3', { name: 'Clearing', description: '', dependsOn: [] }));
      }),
    ).toThrow('A mutation cannot start inside another one');
    expect(store.reader.count('system')).toBe(0);
    expect(store.reader.changeLog()).toHaveLength(0);
  });

  it('deletes by tombstone: the row disappears from lists but its history stays readable', () => {
    const t = openTemp();
    cleanup = t.cleanup;
    const { store } = t;
    store.mutate('alice', (w) => w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] }));
    store.mutate('alice', (w) => w.delete('system', 's1'));
    expect(store.reader.list('system')).toEqual([]);
    expect(store.history('system', 's1').map((c) => c.field).sort()).toEqual(['_deleted', 'dependsOn', 'description', 'name']);
    expect(store.history('system', 's1')[0]).toMatchObject({ field: '_deleted', value: true });
  });

  it('keeps its clock across reopen, so later changes still sort after earlier ones', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'w.releasedesk');
    const first = WorkspaceStore.open(file);
    first.mutate('a', (w) => w.insert('system', 's1', { name: 'A', description: '', dependsOn: [] }));
    const lastBefore = first.reader.changeLog().at(-1)!.hlc;
    first.close();
    const second = WorkspaceStore.open(file);
    second.mutate('a', (w) => w.update('system', 's1', { name: 'B' }));
    expect(second.reader.changeLog().at(-1)!.hlc > lastBefore).toBe(true);
    second.close();
  });
});
