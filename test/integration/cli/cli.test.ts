import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Release } from '../../../electron/contract/entities';
import { tempDir } from '../../helpers/temp-workspace';
import { cli, expectOneLineError } from '../../helpers/cli-process';


// Each case starts several CLI processes (about 2 s each on an idle machine): a loaded CI box needs the room.
describe('release-desk CLI', { timeout: 120_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let db = '';
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    db = path.join(dir, 'demo.releasedesk');
  });
  afterAll(() => cleanup());

  it('creates a demo workspace and lists its releases as contract-shaped JSON', () => {
    const demo = cli('demo', '--db', db, '--releases', '25', '--today', '2026-11-23');
    expect(demo.code).toBe(0);
    const listed = cli('list', 'releases', '--db', db, '--json');
    expect(listed.code).toBe(0);
    expect(Release.array().parse(JSON.parse(listed.stdout))).toHaveLength(25);
    const table = cli('list', 'releases', '--db', db);
    expect(table.stdout.split('\n')[0]).toMatch(/^Window \(local\)\s+Zone\s+Release\s+Status/);
  });

  it('refuses demo data in a workspace that is not empty', () => {
    expectOneLineError(cli('demo', '--db', db), 1, /not empty/);
  });

  it('exports and imports a backup that round-trips exactly', () => {
    const [a, b, copy] = ['a.json', 'b.json', 'copy.releasedesk'].map((f) => path.join(dir, f));
    expect(cli('export', 'json', '--db', db, '--out', a).code).toBe(0);
    expect(cli('import', 'json', '--db', copy, '--file', a, '--json').code).toBe(0);
    expect(cli('export', 'json', '--db', copy, '--out', b).code).toBe(0);
    const strip = (file: string) => fs.readFileSync(file, 'utf8').replace(/"exportedAt": "[^"]*"/, '');
    expect(strip(b)).toBe(strip(a));
  });

  it('imports nothing from a damaged backup, naming the problem', () => {
    const good = JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')) as { changeLog: Array<{ value: unknown }> };
    good.changeLog[4].value = 42;
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(good));
    const target = path.join(dir, 'never.releasedesk');
    expectOneLineError(cli('import', 'json', '--db', target, '--file', bad), 2, /changeLog\[4\]: .* was not imported: its value for \w+\.\w+ is invalid.*\(42\).*nothing was imported/);
    expect(fs.existsSync(target)).toBe(false);
    fs.writeFileSync(bad, '{"format": ');
    expectOneLineError(cli('import', 'json', '--db', target, '--file', bad), 2, /not JSON/);
  });

  it('fails with exit code 2 and one line for a bad --db or missing arguments', () => {
    expectOneLineError(cli('list', 'releases', '--db', path.join(dir, 'missing.releasedesk')), 2, /no workspace at/);
    expectOneLineError(cli('list', 'releases', '--db', dir), 2, /cannot open workspace/);
    expectOneLineError(cli('export', 'json', '--db', db), 2, /--out/);
    expectOneLineError(cli('demo', '--db', path.join(dir, 'x.releasedesk'), '--releases', 'many'), 2, /--releases must be a whole number/);
    expectOneLineError(cli('list'), 2, /needs a command: releases/);
  });

  it('has --help on every command and --version', () => {
    for (const args of [[], ['demo'], ['list', 'releases'], ['export', 'json'], ['import', 'json']]) {
      const help = cli(...args, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: release-desk/);
    }
    expect(cli('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
