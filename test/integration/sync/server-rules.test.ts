import { afterEach, describe, expect, it } from 'vitest';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';

/** The team server's authorisation rules on roles and append-only records (the sign-off rules: team-server.test.ts). */
describe('team server rules', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function world() {
    const t = tempDir('release-desk-rules-');
    const store = new SqliteServerStore(`${t.dir}/server`);
    const server = await startSyncServer({ store });
    cleanups.push(t.cleanup, () => store.close(), () => server.close());
    const token = (name: string, personId: string, admin: boolean) => {
      const secret = newToken();
      store.addMember({ id: name, name, personId, admin }, hashToken(secret));
      return secret;
    };
    const push = async (secret: string, changes: unknown[]) => {
      const response = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
        body: JSON.stringify({ deviceId: 'dev1', changes }),
      });
      return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { message: string; refused: Array<{ field: string }> } } };
    };
    const stored = () => store.pull(0, 10_000).changes.length;
    return { token, push, stored };
  }

  const change = (entity: string, rowId: string, field: string, value: unknown, second = 0) => ({
    hlc: `2026-11-20T10:00:0${second}.000Z-0000-dev1`,
    deviceId: 'dev1',
    author: 'p-x',
    entity,
    rowId,
    field,
    value,
    oldValue: null,
    prevHlc: null,
  });

  it('only an admin member may give a person roles; taking roles away or renaming is anyone’s edit', async () => {
    const w = await world();
    const admin = w.token('Priya', 'p-priya', true);
    const ben = w.token('Ben', 'p-ben', false);
    expect((await w.push(admin, [change('person', 'p-ben', 'name', 'Ben'), change('person', 'p-ben', 'roles', ['engineer'])])).status).toBe(200);

    const grant = await w.push(ben, [change('person', 'p-ben', 'roles', ['engineer', 'product-owner'], 1), change('system', 's1', 'name', 'Billing', 1)]);
    expect(grant.status).toBe(403);
    expect(grant.body.error?.message).toMatch(/Ben may not give people roles: only an admin member of the team server may\./);
    expect(grant.body.error?.refused.map((r) => r.field)).toEqual(['roles']);
    expect(w.stored()).toBe(2);

    expect((await w.push(ben, [change('person', 'p-ben', 'roles', [], 2), change('person', 'p-ben', 'name', 'Ben Okafor', 2)])).status).toBe(200);
    expect((await w.push(admin, [change('person', 'p-ben', 'roles', ['product-owner'], 3)])).status).toBe(200);
    expect(w.stored()).toBe(5);
  });

  it('an append-only record is never changed or deleted once stored, even by an admin', async () => {
    const w = await world();
    const admin = w.token('Priya', 'p-priya', true);
    const tick = (field: string, value: unknown, second: number) => change('checklistTick', 'tick-1', field, value, second);
    expect((await w.push(admin, [tick('itemId', 'item-1', 0), tick('ticked', true, 0)])).status).toBe(200);
    for (const rewrite of [tick('ticked', false, 1), tick('_deleted', true, 1)]) {
      const refused = await w.push(admin, [rewrite]);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.message).toMatch(/checklistTick records are append-only: tick-1 was already written and cannot change\./);
    }
    expect(w.stored()).toBe(2);
  });
});
