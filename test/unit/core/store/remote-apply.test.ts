import { afterEach, describe, expect, it } from 'vitest';
import { deliver, devices, logOf } from '../sync/sync-devices';

describe('applying remote changes', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function three() {
    const world = devices([0, 0, 0], { people: [{ id: 'ana', name: 'Ana', roles: [] }, { id: 'ben', name: 'Ben', roles: [] }] });
    cleanup = world.cleanup;
    return { stores: world.stores, now: world.time.now };
  }

  it('converges whatever the order and duplication of delivery, keeping the losing value in the log', () => {
    const { stores: [a, b, c], now } = three();
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: 'from A', dependsOn: [] }));
    deliver(b, logOf(a), now);
    // Both edit the same field without having seen each other's edit.
    a.mutate('ana', (w) => w.update('system', 's1', { description: 'edited on A' }));
    b.mutate('ben', (w) => w.update('system', 's1', { description: 'edited on B' }));

    const fromA = logOf(a);
    const fromB = logOf(b);
    deliver(a, fromB, now);
    deliver(b, fromA, now);
    deliver(c, [...fromB].reverse(), now);
    deliver(c, fromA, now);
    const again = deliver(c, fromB, now);

    expect(again.duplicates).toBe(fromB.length);
    const rows = [a, b, c].map((s) => s.reader.get('system', 's1'));
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[1]).toEqual(rows[2]);
    const descriptions = c.history('system', 's1').filter((x) => x.field === 'description').map((x) => x.value);
    expect(descriptions).toEqual(expect.arrayContaining(['edited on A', 'edited on B', 'from A']));
  });

  it('creates a row from a change that arrives before the rest of its record', () => {
    const { stores: [a, b], now } = three();
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: 'Invoices and payments', dependsOn: [] }));
    const descriptionOnly = logOf(a).filter((c) => c.entity === 'system' && c.field === 'description');
    deliver(b, descriptionOnly, now);
    expect(b.reader.get('system', 's1')).toMatchObject({ description: 'Invoices and payments', name: '' });
    deliver(b, logOf(a), now);
    expect(b.reader.get('system', 's1')).toEqual(a.reader.get('system', 's1'));
  });

  it('a signed record stands or falls whole: a part of a person write waits for the rest', () => {
    const { stores: [a, b], now } = three();
    a.mutate('setup', (w) => w.insert('person', 'p9', { name: 'Cleo', email: 'cleo@example.com', roles: [] }));
    const emailOnly = logOf(a).filter((c) => c.entity === 'person' && c.rowId === 'p9' && c.field !== 'name');
    expect(deliver(b, emailOnly, now).held).toBe(emailOnly.length);
    expect(b.reader.get('person', 'p9')).toBeUndefined();
    deliver(b, logOf(a), now);
    expect(b.reader.get('person', 'p9')).toEqual(a.reader.get('person', 'p9'));
  });

  it('applies a remote tombstone', () => {
    const { stores: [a, b], now } = three();
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] }));
    a.mutate('ana', (w) => w.delete('system', 's1'));
    deliver(b, logOf(a), now);
    expect(b.reader.list('system')).toEqual([]);
    expect(b.history('system', 's1')).toHaveLength(4);
  });
});
