import { afterEach, describe, expect, it } from 'vitest';
import { EMPOWERED_ROLES, Environment, Person, Release, System, WorkspaceSettings } from '../../../../electron/contract/entities';
import type { WorkspaceSession } from '../../../../electron/core';
import { tempSessions } from '../backup/temp-sessions';
import { createDemoWorkspace } from '../../../../electron/core/demo/demo-workspace';
import { changeLogCount, valueOf } from '../../../helpers/temp-workspace';

describe('demo workspace', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function sessions(...names: string[]) {
    const opened = tempSessions(...names);
    cleanup = opened.cleanup;
    return opened.sessions;
  }

  async function contents(session: WorkspaceSession) {
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
    return {
      info: (valueOf(await session.client()['workspace.info']({}))).settings,
      people: strip(valueOf(await session.client()['people.list']({}))),
      systems: strip(valueOf(await session.client()['systems.list']({}))),
      environments: strip(valueOf(await session.client()['environments.list']({}))),
      releases: strip(valueOf(await session.client()['releases.list']({}))),
    };
  }

  it('is the same for the same seed and day, and different for another seed', async () => {
    const [a, b, c] = sessions('a', 'b', 'c');
    createDemoWorkspace(a.store, { seed: 7, today: '2026-11-23' });
    createDemoWorkspace(b.store, { seed: 7, today: '2026-11-23' });
    createDemoWorkspace(c.store, { seed: 8, today: '2026-11-23' });
    expect(await contents(a)).toEqual(await contents(b));
    expect((await contents(c)).releases).not.toEqual((await contents(a)).releases);
  });

  it('passes the contract schemas and the rules the API enforces', async () => {
    const [a] = sessions('a');
    const summary = createDemoWorkspace(a.store, { today: '2026-11-23' });
    const info = valueOf(await a.client()['workspace.info']({}));
    expect(WorkspaceSettings.parse(info.settings)).toEqual({ name: expect.any(String), defaultTimeZone: 'Europe/Berlin', readinessPolicy: 'presumptive' });
    const people = Person.array().parse(valueOf(await a.client()['people.list']({})));
    const systems = System.array().parse(valueOf(await a.client()['systems.list']({})));
    const environments = Environment.array().parse(valueOf(await a.client()['environments.list']({})));
    const releases = Release.array().parse(valueOf(await a.client()['releases.list']({})));
    expect(releases).toHaveLength(summary.releases);
    for (const role of EMPOWERED_ROLES) expect(people.some((p) => p.roles.includes(role))).toBe(true);
    expect(environments.map((e) => e.name)).toEqual(['dev', 'test', 'UAT', 'staging', 'production']);
    expect(environments.at(-1)).toMatchObject({ isProduction: true, requiresMaintenanceWindow: true });
    expect(systems.some((s) => s.dependsOn.length > 0)).toBe(true);

    const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
    const [personIds, systemIds, environmentIds] = [ids(people), ids(systems), ids(environments)];
    const now = Date.parse('2026-11-23T12:00:00Z');
    for (const r of releases) {
      expect(Date.parse(r.windowEnd)).toBeGreaterThan(Date.parse(r.windowStart));
      expect(r.systemIds.every((id) => systemIds.has(id)) && r.environmentIds.every((id) => environmentIds.has(id))).toBe(true);
      expect(r.ownerId !== null && personIds.has(r.ownerId)).toBe(true);
      if (Date.parse(r.windowEnd) <= now) expect(['released', 'rolled-back', 'cancelled']).toContain(r.status);
      if (Date.parse(r.windowStart) > now) expect(['planned', 'in-readiness', 'go', 'cancelled']).toContain(r.status);
    }
    expect(new Set(releases.map((r) => `${r.name} ${r.version}`.toLowerCase())).size).toBe(releases.length);
    expect(new Set(releases.map((r) => r.timeZone)).size).toBeGreaterThan(2);
    // A release the API refuses (e.g. a duplicate name and version) would show here as a failed update.
    valueOf(await a.client()['releases.update']({ id: releases[0].id, changes: { description: 'Checked through the API.' } }));
  });

  it('refuses a workspace that is not empty and writes nothing', async () => {
    const [a] = sessions('a');
    valueOf(await a.client()['people.create']({ name: 'Already Here' }));
    const before = changeLogCount(a);
    expect(() => createDemoWorkspace(a.store, {})).toThrow(/not empty/);
    expect(changeLogCount(a)).toBe(before);
  });

  // How long it takes is the bench's business (cold open builds the same workspace), not a timed test's.
  it('writes 10,000 releases in one transaction', () => {
    const [a] = sessions('a');
    expect(createDemoWorkspace(a.store, { releases: 10_000, today: '2026-11-23' }).releases).toBe(10_000);
    expect(a.store.reader.count('release')).toBe(10_000);
  }, 120_000);
});
