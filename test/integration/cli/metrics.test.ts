import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { MetricsView } from '../../../electron/contract/outcomes-entities';
import { changeLogCount, releaseInput, seedBasics, tempDir, valueOf } from '../../helpers/temp-workspace';
import { cli } from '../../helpers/cli-process';


/** A real repository: three commits with fixed commit times, tagged v1 after the first and v2 after the third. */
function makeRepo(dir: string): void {
  fs.mkdirSync(dir);
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 'Rahul Mehta', GIT_AUTHOR_EMAIL: 'rahul@example.com', GIT_COMMITTER_NAME: 'Rahul Mehta', GIT_COMMITTER_EMAIL: 'rahul@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  git(['init', '-q']);
  const commit = (file: string, subject: string, date: string) => {
    fs.writeFileSync(path.join(dir, file), subject);
    git(['add', file]);
    git(['commit', '-q', '-m', subject], date);
  };
  commit('a.txt', 'Initial payments client', '2026-12-01T10:00:00+00:00');
  git(['tag', 'v1']);
  commit('b.txt', 'Add retry to provider client', '2026-12-03T22:00:00+00:00');
  commit('c.txt', 'Fix rounding in totals', '2026-12-04T22:00:00+00:00');
  git(['tag', 'v2']);
}

describe('release-desk record deployment, import git, metrics', { timeout: 120_000 }, () => {
  let cleanup = () => {};
  let db = '';
  let repo = '';
  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    db = path.join(t.dir, 'metrics.releasedesk');
    repo = path.join(t.dir, 'repo');
    makeRepo(repo);
    const session = WorkspaceSession.open(db);
    const basics = await seedBasics(session); // environment "Production", system "Payments API"
    valueOf(await session.client()['releases.create'](releaseInput(basics)));
    session.close();
  });
  afterAll(() => cleanup());

  const count = () => {
    const session = WorkspaceSession.open(db);
    try {
      return changeLogCount(session);
    } finally {
      session.close();
    }
  };

  it('imports the commits between two tags from a real git repository, once', () => {
    const run = cli('import', 'git', '--db', db, '--repo', repo, '--release', 'Payments@2.4.0', '--from-tag', 'v1', '--to-tag', 'v2', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.commits.map((c: { subject: string; author: string }) => [c.subject, c.author])).toEqual([
      ['Add retry to provider client', 'Rahul Mehta'],
      ['Fix rounding in totals', 'Rahul Mehta'],
    ]);
    expect(result.commits[0].committedAt).toBe('2026-12-03T22:00:00+00:00');
    expect(result).toMatchObject({ added: 2, skipped: 0, total: 2 });
    const again = cli('import', 'git', '--db', db, '--repo', repo, '--release', 'Payments@2.4.0', '--from-tag', 'v1', '--to-tag', 'v2');
    expect(again.stdout).toMatch(/Added 0 commit\(s\) from v1..v2; 2 already carried/);
  });

  it('refuses a missing tag or a folder that is not a repository, writing nothing', () => {
    const before = count();
    const noTag = cli('import', 'git', '--db', db, '--repo', repo, '--release', 'Payments@2.4.0', '--from-tag', 'v1', '--to-tag', 'v9');
    expect(noTag.code).toBe(2);
    expect(noTag.stderr).toMatch(/^release-desk: --to-tag: there is no tag "v9" in .*\n$/);
    const notRepo = cli('import', 'git', '--db', db, '--repo', path.dirname(db) + '/nowhere', '--release', 'Payments@2.4.0', '--from-tag', 'v1', '--to-tag', 'v2');
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/^release-desk: cannot read .*nowhere/);
    expect(count()).toBe(before);
  });

  it('records a deployment from a pipeline and refuses a bad result naming the flag', () => {
    const before = count();
    const bad = cli('record', 'deployment', '--db', db, '--release', 'Payments@2.4.0', '--environment', 'Production', '--result', 'exploded', '--at', '2026-12-05T22:00:00Z');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^release-desk: --result must be one of succeeded, failed, rolled-back, fixed-forward/);
    const badTime = cli('record', 'deployment', '--db', db, '--release', 'Payments@2.4.0', '--environment', 'Production', '--result', 'failed', '--at', 'tonight');
    expect(badTime.stderr).toMatch(/^release-desk: --at must be an ISO-8601 date-time/);
    expect(count()).toBe(before);
    const ok = cli('record', 'deployment', '--db', db, '--release', 'Payments@2.4.0', '--environment', 'production', '--result', 'succeeded', '--at', '2026-12-05T22:00:00Z');
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('Recorded Payments 2.4.0 on production at 2026-12-05T22:00:00.000Z: succeeded.\n');
    const rework = cli('record', 'deployment', '--db', db, '--release', 'Payments@2.4.0', '--environment', 'production', '--result', 'succeeded', '--at', '2026-12-06T09:00:00Z', '--rework', '--json');
    expect(rework.stderr).toBe('');
    expect(JSON.parse(rework.stdout)).toMatchObject({ rework: true, source: 'pipeline' });
  });

  it('prints the metrics as JSON: commits at 22:00 on 3 and 4 Dec, deployed 22:00 on 5 Dec → median lead time 36 h', () => {
    const run = cli('metrics', '--db', db, '--from', '2026-12-01', '--to', '2026-12-07', '--system', 'Payments API', '--json');
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    const view = MetricsView.parse(json);
    expect(view).toMatchObject({ reportYear: 2024, thresholds: 'DORA, Accelerate State of DevOps 2024' });
    // Two deployments reached production in the week (one of them rework, a fix made the next morning).
    expect(view.summary.deploymentFrequency).toEqual({ deployments: 2, perWeek: 2, band: 'high' });
    expect(view.summary.leadTime).toEqual({ medianHours: 36, changes: 2, band: 'high' });
    expect(view.summary.changeFailureRate).toMatchObject({ rate: 0, band: 'elite' });
    expect(view.summary.reworkRate).toEqual({ rate: 0.5, rework: 1, deployments: 2 });
    // The fourth key under its pre-2023 name too, for scripts written against it.
    expect(json.summary.timeToRestore).toEqual(json.summary.failedDeploymentRecoveryTime);
    expect(json.trend[0].summary.timeToRestore).toEqual(json.trend[0].summary.failedDeploymentRecoveryTime);
    const table = cli('metrics', '--db', db, '--from', '2026-12-01', '--to', '2026-12-07', '--dora-year', '2021');
    expect(table.stdout).toMatch(/^Failed deployment recovery time +— median \(0 restored, 0 open\) +—$/m);
    expect(table.stdout).toMatch(/^Rework rate +50 % \(1 of 2\) +no bands$/m);
    expect(table.stdout).toContain('Bands: DORA, Accelerate State of DevOps 2021.');
    expect(cli('metrics', '--db', db, '--from', '2026-12-01', '--to', '2026-12-07', '--dora-year', '2022').stderr).toMatch(/^release-desk: --dora-year must be 2021, 2023 or 2024/);
    const empty = JSON.parse(cli('metrics', '--db', db, '--from', '2027-01-01', '--to', '2027-01-31', '--json').stdout);
    expect(empty.summary.deploymentFrequency.deployments).toBe(0);
    const backwards = cli('metrics', '--db', db, '--from', '2026-12-07', '--to', '2026-12-01');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/^release-desk: To must be on or after from\./);
  });
});
