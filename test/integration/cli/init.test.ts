import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { tempDir, valueOf } from '../../helpers/temp-workspace';
import { cli, expectOneLineError } from '../../helpers/cli-process';

describe('release-desk init', { timeout: 120_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  beforeAll(() => ({ dir, cleanup } = tempDir('release-desk-cli-init-')));
  afterAll(() => cleanup());

  it('creates an empty workspace, named when asked, and refuses a file that exists', async () => {
    const db = path.join(dir, 'team.releasedesk');
    const made = cli('init', '--db', db, '--name', 'Northwind releases');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout.split('\n')[0]).toBe(`Created an empty workspace "Northwind releases" in ${db}.`);
    const session = WorkspaceSession.open(db);
    const info = valueOf(await session.client()['workspace.info']({}));
    session.close();
    expect(info.settings).toMatchObject({ name: 'Northwind releases', readinessPolicy: 'presumptive' });
    expect(info.counts).toEqual({ releases: 0, people: 0, systems: 0, environments: 0 });

    const before = fs.statSync(db).mtimeMs;
    expectOneLineError(cli('init', '--db', db), 2, /team\.releasedesk already exists: init only creates a new workspace/);
    expect(fs.statSync(db).mtimeMs).toBe(before);
    expectOneLineError(cli('init', '--db', path.join(dir, 'x.releasedesk'), '--name', ' '), 2, /--name must not be empty/);
    expect(fs.existsSync(path.join(dir, 'x.releasedesk'))).toBe(false);
  });

  it('lets a teammate join through a shared folder: sync into a missing file says to run init; after init it converges', async () => {
    const team = path.join(dir, 'lead.releasedesk');
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    expect(cli('init', '--db', team, '--name', 'Payments team').code).toBe(0);
    const lead = WorkspaceSession.open(team);
    valueOf(await lead.client()['systems.create']({ name: 'Payments API' }));
    lead.close();
    expect(cli('sync', '--db', team, '--folder', folder).code).toBe(0);

    const mine = path.join(dir, 'mine.releasedesk');
    expectOneLineError(cli('sync', '--db', mine, '--folder', folder), 2, /there is no workspace at .*mine\.releasedesk: create an empty one with "release-desk init --db .*mine\.releasedesk", then sync into it/);
    expect(fs.existsSync(mine)).toBe(false);
    const joined = cli('init', '--db', mine);
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout).toContain('Created an empty workspace "Release Desk workspace"');
    expect(cli('sync', '--db', mine, '--folder', folder).code).toBe(0);
    const session = WorkspaceSession.open(mine);
    const info = valueOf(await session.client()['workspace.info']({}));
    session.close();
    // The joining device wrote no settings of its own, so the team's name is the one it has now.
    expect(info.settings.name).toBe('Payments team');
    expect(info.counts.systems).toBe(1);
  });
});
