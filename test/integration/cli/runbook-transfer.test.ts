import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { releaseInput, seedBasics, tempDir, valueOf } from '../../helpers/temp-workspace';
import { cli, expectOneLineError } from '../../helpers/cli-process';
import { cutoverWeekendWorkbook } from '../../fixtures/runbooks/cutover-weekend-workbook';

const FIXTURES = path.resolve(__dirname, '../../fixtures/runbooks');
const fixture = (name: string) => path.join(FIXTURES, name);

async function runbooksOf(db: string, releaseId: string) {
  const session = WorkspaceSession.open(db);
  try {
    return valueOf(await session.client()['runbooks.list']({ releaseId }));
  } finally {
    session.close();
  }
}

describe('release-desk import runbook / export runbook', { timeout: 120_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let db = '';
  let releaseId = '';
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    db = path.join(dir, 'runbooks.releasedesk');
    const session = WorkspaceSession.open(db);
    const basics = await seedBasics(session);
    valueOf(await session.client()['people.create']({ name: 'Ana Díaz', roles: ['security-architect'] }));
    releaseId = (valueOf(await session.client()['releases.create'](releaseInput(basics)))).id;
    session.close();
  });
  afterAll(() => cleanup());

  it('refuses a broken plan with its errors per row, exit code 2, and creates nothing', async () => {
    const cycle = cli('import', 'runbook', '--db', db, '--release', 'Payments@2.4.0', '--file', fixture('cycle.csv'));
    expectOneLineError(cycle, 2, /cycle\.csv has 1 error \(listed above\); nothing was imported/);
    expect(cycle.stdout).toMatch(/^File: Rows 2, 4 and 3 wait for each other through Predecessors/m);

    const durations = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', fixture('bad-duration.csv'));
    expectOneLineError(durations, 2, /bad-duration\.csv has 2 errors/);
    expect(durations.stdout.trimEnd().split('\n')).toEqual([
      'Columns: ID ← "ID", Title ← "Task", Duration ← "Duration", Predecessors ← "Predecessors"',
      'Row 3, Duration: "about an hour" is not a duration: write minutes ("90"), "1h 30m", "1.5h" or "01:30".',
      'Row 4, Duration: "1.5" is not whole minutes: write minutes ("90"), hours ("1.5h") or a clock time ("01:30").',
    ]);
    expectOneLineError(cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', fixture('not-a-spreadsheet.csv')), 2, /nothing was imported/);
    expectOneLineError(cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', path.join(dir, 'missing.csv')), 2, /cannot read .*missing\.csv/);
    expect(await runbooksOf(db, releaseId)).toEqual([]);
  });

  it('previews with --dry-run, then imports into a new runbook for the release', async () => {
    const dry = cli('import', 'runbook', '--db', db, '--release', 'Payments@2.4.0', '--file', fixture('cutover-plan-messy.csv'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Columns: ID ← "#", Title ← "Task", Owner ← "Owner", Start ← "Planned start"/);
    expect(dry.stdout).toContain('Unmatched column K "Status" (2 rows filled): kept in the notes (drop it with --drop-column)');
    expect(dry.stdout).toContain('Recognised: Phase “Back-out” (rows 14–15) → rollback section: its steps run only after a no-go (keep it as written with --as-written "Back-out")');
    expect(dry.stdout).toContain('Not imported: row 1, above the header row: Payments 2.4.0 – cutover plan v7 (DRAFT, do not forward)');
    expect(dry.stdout).toMatch(/\n4 +1 +Freeze merges, announce start in #release +Priya Natarajan +Pre-checks +communication +21:30 → Sat 5 Dec 2026 21:30 +15m/);
    expect(dry.stdout.trimEnd().split('\n').pop()).toBe('Would import 10 steps from cutover-plan-messy.csv into runbook "Payments 2.4.0 runbook".');
    expect(await runbooksOf(db, releaseId)).toEqual([]);

    const done = cli('import', 'runbook', '--db', db, '--release', 'Payments@2.4.0', '--file', fixture('cutover-plan-messy.csv'));
    expect(done.code).toBe(0);
    expect(done.stdout.trimEnd().split('\n').pop()).toBe('Imported 10 steps from cutover-plan-messy.csv into a new runbook "Payments 2.4.0 runbook".');
    expect((await runbooksOf(db, releaseId)).map((r) => [r.name, r.stepCount])).toEqual([['Payments 2.4.0 runbook', 10]]);
  });

  it('reads a workbook: the plan sheet by default, --sheet, --drop-column and --as-written; says what it did with each', async () => {
    const file = path.join(dir, 'cutover-weekend.xlsx');
    fs.writeFileSync(file, await cutoverWeekendWorkbook());
    const other = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', file, '--dry-run', '--sheet', 'Contacts');
    expect(other.stdout).toMatch(/^Sheet: "Contacts" \(others: "Cover", "Cutover plan"; choose with --sheet NAME\)\n/);
    expectOneLineError(cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', file, '--sheet', 'Nope'), 2, /nothing was imported/);

    const dry = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', file, '--dry-run', '--drop-column', 'Status', '--as-written', '12');
    expect(dry.code).toBe(0);
    const lines = dry.stdout.split('\n');
    expect(lines[0]).toBe('Sheet: "Cutover plan" (others: "Cover", "Contacts"; choose with --sheet NAME)');
    expect(lines[1]).toContain('Start ← "Start (CET)" (times in CET), Duration ← "Duration [h]" (bare numbers in hours)');
    expect(dry.stdout).toContain('Unmatched column I "Status" (3 rows filled): dropped (keep it with --keep-column)');
    expect(dry.stdout).toContain('Unmatched column J "Column J" (1 row filled): kept in the notes (drop it with --drop-column)');
    expect(dry.stdout).toContain('Recognised: Row 6 “GO / NO-GO: start deploy” → go/no-go checkpoint (keep it as written with --as-written "6")');
    expect(dry.stdout).toContain('Recognised: Row 12 “Checkpoint: release complete” → go/no-go checkpoint — declined, read as written');
    expect(dry.stdout).toMatch(/\n11 +8 +Reopen traffic +Ops, EU shift +Verify +task +D\+1 01:30 → Sun 6 Dec 2026 01:30 +15m +7/);
    expect(dry.stdout).toMatch(/\n13 +10 +ROLLBACK: restore DB snapshot +DBA team +Rollback +rollback +120m +3/);
  });

  it('exports the runbook as PDF, CSV and Markdown', () => {
    const pdf = path.join(dir, 'runbook.pdf');
    const run = cli('export', 'runbook', '--db', db, '--release', 'Payments@2.4.0', '--format', 'pdf', '--out', pdf);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Exported runbook "Payments 2\.4\.0 runbook" \(10 steps, PDF, \d+ bytes\) to .*runbook\.pdf\.\n$/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const title of ['Verify backups', 'Migrate DB schema (v41 → v42)', 'Reopen traffic', 'Redeploy 2.3.9']) expect(text).toContain(title);
    expect(text).toMatch(/Page 1 of \d/);

    const csv = path.join(dir, 'runbook.csv');
    expect(cli('export', 'runbook', '--db', db, '--release', releaseId, '--format', 'csv', '--out', csv).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^\uFEFFID,Section,Kind,Task,Owner,Start/);
    const md = path.join(dir, 'runbook.md');
    const json = cli('export', 'runbook', '--db', db, '--release', releaseId, '--format', 'md', '--out', md, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'md', steps: 10 });
    expect(fs.readFileSync(md, 'utf8')).toContain('## Rollback — only after a no-go');
  });

  it('replaces the steps with --replace, and asks for --runbook when the release has several', async () => {
    const replaced = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', fixture('cutover-plan-semicolon.csv'), '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout.trim()).toBe('Imported 3 steps from cutover-plan-semicolon.csv into runbook "Payments 2.4.0 runbook", replacing its steps.');
    expect((await runbooksOf(db, releaseId))[0].stepCount).toBe(3);

    const session = WorkspaceSession.open(db);
    valueOf(await session.client()['runbooks.create']({ releaseId, name: 'Database track' }));
    session.close();
    const out = path.join(dir, 'two.csv');
    expectOneLineError(cli('export', 'runbook', '--db', db, '--release', releaseId, '--format', 'csv', '--out', out), 2, /the release has 2 runbooks: add --runbook ID, one of .*\("Database track"\)/);
    expect(cli('export', 'runbook', '--db', db, '--release', releaseId, '--runbook', 'database track', '--format', 'csv', '--out', out).code).toBe(0);
    expectOneLineError(cli('export', 'runbook', '--db', db, '--release', releaseId, '--runbook', 'Nope', '--format', 'csv', '--out', out), 2, /the release has no runbook "Nope"/);
    expectOneLineError(cli('export', 'runbook', '--db', db, '--release', releaseId, '--format', 'docx', '--out', out), 2, /--format must be pdf, csv or md/);
  });
});
