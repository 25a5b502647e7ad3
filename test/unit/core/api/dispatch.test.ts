import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import { changeLogCount, releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

describe('API dispatch: every call validated, bad input writes nothing', () => {
  let session: WorkspaceSession;
  let cleanup: () => void;
  beforeEach(() => ({ session, cleanup } = tempSession()));
  afterEach(() => cleanup());

  it('names an unknown method', async () => {
    const result = await session.dispatch('releases.explode', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no API method called releases.explode.' } });
  });

  it('names every field at fault and writes nothing', async () => {
    const basics = await seedBasics(session);
    const before = changeLogCount(session);
    const result = await session.dispatch(
      'releases.create',
      releaseInput(basics, { name: '  ', windowStart: 'next friday', timeZone: 'Mars/Olympus', extra: true }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.field).toBe('name');
    expect(result.error.message).toBe('Name is required');
    expect(result.error.issues?.map((i) => i.field)).toEqual(['name', 'windowStart', 'timeZone', 'extra']);
    expect(result.error.issues?.find((i) => i.field === 'timeZone')?.message).toBe(
      'Time zone must be an IANA time zone such as Europe/Berlin or UTC',
    );
    expect(changeLogCount(session)).toBe(before);
    expect(valueOf(await session.client()['releases.list']({}))).toEqual([]);
  });

  it('refuses a window that ends before it starts, on create and on update', async () => {
    const basics = await seedBasics(session);
    const bad = await session.client()['releases.create'](releaseInput(basics, { windowEnd: '2026-12-05T20:00:00Z' }));
    expect(bad).toMatchObject({ ok: false, error: { field: 'windowEnd', message: 'Window end must be after the window start.' } });
    const release = valueOf(await session.client()['releases.create'](releaseInput(basics)));
    const before = changeLogCount(session);
    const badUpdate = await session.client()['releases.update']({ id: release.id, changes: { windowStart: '2026-12-07T00:00:00Z' } });
    expect(badUpdate).toMatchObject({ ok: false, error: { field: 'windowEnd' } });
    expect(changeLogCount(session)).toBe(before);
  });

  it('stores the window as UTC instants plus the IANA zone it was planned in', async () => {
    const basics = await seedBasics(session);
    const release = valueOf(await session.client()['releases.create'](releaseInput(basics)));
    expect(release).toMatchObject({ windowStart: '2026-12-05T21:00:00.000Z', windowEnd: '2026-12-06T01:00:00.000Z', timeZone: 'Europe/Berlin' });
  });

  it('refuses references to systems, environments or owners that do not exist', async () => {
    const basics = await seedBasics(session);
    const result = await session.client()['releases.create'](releaseInput(basics, { environmentIds: [basics.environmentId, 'nope'] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'environmentIds.1', message: 'There is no environment with id nope.' } });
    const owner = await session.client()['releases.create'](releaseInput(basics, { ownerId: 'ghost' }));
    expect(owner).toMatchObject({ ok: false, error: { field: 'ownerId' } });
  });

  it('follows the release lifecycle and says which moves are possible', async () => {
    const basics = await seedBasics(session);
    const release = valueOf(await session.client()['releases.create'](releaseInput(basics)));
    const jump = await session.client()['releases.update']({ id: release.id, changes: { status: 'released' } });
    expect(jump).toMatchObject({
      ok: false,
      error: { field: 'status', message: 'A release that is Planned cannot move to Released; it can move to In readiness, Cancelled.' },
    });
    for (const status of ['in-readiness', 'go', 'in-progress', 'released']) {
      expect((await session.dispatch('releases.update', { id: release.id, changes: { status } })).ok).toBe(true);
    }
  });

  it('refuses a duplicate release name and version, and a duplicate system name', async () => {
    const basics = await seedBasics(session);
    valueOf(await session.client()['releases.create'](releaseInput(basics)));
    const dup = await session.client()['releases.create'](releaseInput(basics, { name: 'payments' }));
    expect(dup).toMatchObject({ ok: false, error: { field: 'version' } });
    const sys = await session.client()['systems.create']({ name: 'PAYMENTS API' });
    expect(sys).toMatchObject({ ok: false, error: { field: 'name', message: 'A system named "PAYMENTS API" already exists.' } });
  });

  it('refuses a system dependency cycle and names the systems in it', async () => {
    const a = valueOf(await session.client()['systems.create']({ name: 'Web Shop' }));
    const b = valueOf(await session.client()['systems.create']({ name: 'Payments API', dependsOn: [a.id] }));
    const c = valueOf(await session.client()['systems.create']({ name: 'Customer DB', dependsOn: [b.id] }));
    const result = await session.client()['systems.update']({ id: a.id, changes: { dependsOn: [c.id] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('dependsOn');
    expect(result.error.message).toMatch(/cycle/);
    for (const name of ['Web Shop', 'Payments API', 'Customer DB']) expect(result.error.message).toContain(name);
  });

  it('will not delete a system or environment a release still uses, and says which release', async () => {
    const basics = await seedBasics(session);
    valueOf(await session.client()['releases.create'](releaseInput(basics)));
    const sys = await session.client()['systems.delete']({ id: basics.systemId });
    expect(sys).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!sys.ok) expect(sys.error.message).toContain('Payments 2.4.0');
    const env = await session.client()['environments.delete']({ id: basics.environmentId });
    expect(env).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('records the chosen person as the author in the audit history', async () => {
    const basics = await seedBasics(session);
    valueOf(await session.client()['workspace.setCurrentPerson']({ personId: basics.personId }));
    const release = valueOf(await session.client()['releases.create'](releaseInput(basics)));
    valueOf(await session.client()['releases.update']({ id: release.id, changes: { version: '2.4.1' } }));
    const history = valueOf(await session.client()['audit.history']({ entity: 'release', id: release.id }));
    expect(history[0]).toMatchObject({ field: 'version', oldValue: '2.4.0', newValue: '2.4.1', authorName: 'Priya Natarajan' });
  });

  it('numbers new environments after the last one', async () => {
    valueOf(await session.client()['environments.create']({ name: 'Dev' }));
    valueOf(await session.client()['environments.create']({ name: 'Test' }));
    const list = valueOf(await session.client()['environments.list']({}));
    expect(list.map((e) => [e.name, e.position])).toEqual([
      ['Dev', 0],
      ['Test', 1],
    ]);
  });
});

describe('undoing a release delete', () => {
  it('brings the release back with its history, and the undo is itself in the history', async () => {
    const { session, cleanup } = tempSession();
    try {
      const basics = await seedBasics(session);
      const release = valueOf(await session.client()['releases.create'](releaseInput(basics)));
      valueOf(await session.client()['releases.delete']({ id: release.id }));
      expect(valueOf(await session.client()['releases.list']({}))).toEqual([]);
      const restored = valueOf(await session.client()['releases.restore']({ id: release.id }));
      expect(restored).toMatchObject({ id: release.id, name: 'Payments', version: '2.4.0' });
      const history = valueOf(await session.client()['audit.history']({ entity: 'release', id: release.id }));
      expect(history.slice(0, 2).map((h) => [h.field, h.newValue])).toEqual([
        ['_deleted', false],
        ['_deleted', true],
      ]);
      expect((await session.client()['releases.restore']({ id: release.id })).ok).toBe(false);
    } finally {
      cleanup();
    }
  });
});
