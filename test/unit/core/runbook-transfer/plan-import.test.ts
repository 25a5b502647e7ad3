import fs from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { planImport, type ImportTarget } from '../../../../electron/core/runbooks/import/plan-rows';
import { ImportFileError, readSheet } from '../../../../electron/core/runbooks/import/sheet-file';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/runbooks');
const target: ImportTarget = {
  anchorMs: Date.parse('2026-12-05T21:00:00Z'), // Sat 5 Dec 2026 22:00 in Berlin
  zone: 'Europe/Berlin',
  people: [
    { id: 'priya', name: 'Priya Natarajan', email: 'priya@example.com' },
    { id: 'ana', name: 'Ana Díaz', email: '' },
  ],
};

async function plan(fileName: string, bytes: Uint8Array = fs.readFileSync(path.join(FIXTURES, fileName))) {
  try {
    return planImport(fileName, await readSheet(fileName, bytes), target);
  } catch (error) {
    if (error instanceof ImportFileError) return { fileErrors: [error.message], rows: [], drafts: [], columns: [], valid: 0, invalid: 0 };
    throw error;
  }
}

describe('importing a messy real-world cutover plan', () => {
  it('reads a CSV with a BOM, a title row, quoted commas, multi-line notes and mixed duration formats', async () => {
    const result = await plan('cutover-plan-messy.csv');
    expect(result.fileErrors).toEqual([]);
    expect(result.invalid).toBe(0);
    expect(result.columns.map((c) => `${c.field}=${c.header}`)).toEqual([
      'ID=#', 'Title=Task', 'Owner=Owner', 'Start=Planned start', 'Duration=Dur.', 'Predecessors=Depends on', 'Notes=Notes', 'Section=Phase', 'Command=Command', 'Kind=Type',
    ]);
    const d = result.drafts;
    expect(d.map((s) => s.externalRef)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // Rows as a spreadsheet numbers them: a title row, a blank row, the header on row 3, blank rows kept in count.
    expect(d.map((s) => s.row)).toEqual([4, 5, 6, 8, 9, 10, 12, 13, 14, 15]);
    expect(d.map((s) => s.durationMinutes)).toEqual([15, 90, 0, 20, 90, 45, 30, 15, 120, 90]);
    expect(d[0]).toMatchObject({ title: 'Freeze merges, announce start in #release', ownerPersonId: 'priya', ownerTeam: '', kind: 'communication', section: 'Pre-checks', fixedStartOffsetMinutes: -30 });
    expect(d[1].description).toBe("Check last night's full backup\nand today's WAL archive.\nCall Olaf if either is older than 24h.");
    expect(d[1]).toMatchObject({ section: 'Pre-checks', ownerTeam: 'DBA team', predecessors: ['1'], fixedStartOffsetMinutes: null });
    expect(d[2]).toMatchObject({ kind: 'checkpoint', ownerPersonId: 'priya' });
    expect(d[3]).toMatchObject({ ownerTeam: 'Ops, EU shift', section: 'Deploy', fixedStartOffsetMinutes: 0, description: 'Drain queues first; "stop" means scale to 0.' });
    expect(d[4]).toMatchObject({ predecessors: ['3', '4'], command: 'psql -v ON_ERROR_STOP=1 -f "migrations/042_ledger.sql"' });
    expect(d[5]).toMatchObject({ ownerPersonId: 'ana', command: 'helm upgrade payments-api charts/payments-api \\\n  --version 2.4.0 --wait' });
    // 00:15 after a 22:00 row is the next day: 2 h 15 min after the window opens.
    expect(d[7]).toMatchObject({ title: 'Reopen traffic', fixedStartOffsetMinutes: 135 });
    expect(d.slice(8).map((s) => [s.section, s.kind])).toEqual([['Rollback', 'rollback'], ['Rollback', 'rollback']]);
    expect(result.rows[0]).toMatchObject({ row: 4, ok: true, owner: 'Priya Natarajan', start: 'Sat 5 Dec 2026 21:30' });
  });

  it('reads a semicolon CSV saved by a European Excel (Windows-1252, decimal commas, dd.mm.yyyy dates)', async () => {
    const result = await plan('cutover-plan-semicolon.csv');
    expect(result.fileErrors).toEqual([]);
    expect(result.drafts.map((d) => [d.title, d.ownerTeam, d.durationMinutes, d.fixedStartOffsetMinutes, d.predecessors])).toEqual([
      ['Backup prüfen', 'Jürgen Müller', 90, -15, []],
      ['Deploy API', 'Ops', 45, null, ['1']],
      ['Smoke test', 'QA', 30, 150, ['1', '2']],
    ]);
    expect(result.drafts[1].description).toBe('Version 2,4');
  });

  it('reads an XLSX workbook, with real date cells and time cells', async () => {
    const bytes = await writeXlsxFile([
      ['Step', 'Activity', 'Assignee', 'Begin', 'Minutes', 'Dependencies', 'Section'].map((value) => ({ value, fontWeight: 'bold' as const })),
      [{ value: 1 }, { value: 'Stop workers' }, { value: 'ana díaz' }, { value: new Date(Date.UTC(2026, 11, 5, 22, 15)), type: Date, format: 'yyyy-mm-dd hh:mm' }, { value: 20 }, null, { value: 'Deploy' }],
      [{ value: 2 }, { value: 'Migrate, then verify' }, { value: 'DBA team' }, null, { value: '1h 30m' }, { value: 1 }, null],
      [{ value: 3 }, { value: 'Smoke tests' }, { value: 'QA' }, null, { value: new Date(Date.UTC(1899, 11, 30, 0, 45)), type: Date, format: 'hh:mm' }, { value: '1, 2' }, { value: 'Verify' }],
    ]).toBuffer();
    const result = await plan('cutover.xlsx', bytes);
    expect(result.fileErrors).toEqual([]);
    expect(result.drafts.map((d) => [d.externalRef, d.title, d.ownerPersonId ?? d.ownerTeam, d.durationMinutes, d.fixedStartOffsetMinutes, d.predecessors, d.section])).toEqual([
      ['1', 'Stop workers', 'ana', 20, 15, [], 'Deploy'],
      ['2', 'Migrate, then verify', 'DBA team', 90, null, ['1'], 'Deploy'],
      ['3', 'Smoke tests', 'QA', 45, null, ['1', '2'], 'Verify'],
    ]);
  });
});

describe('a broken plan imports nothing and says why', () => {
  it('names the title column it could not find', async () => {
    const result = await plan('no-title-column.csv');
    expect(result.fileErrors).toEqual([
      'no-title-column.csv has no column for the step titles: name one "Task", "Title", "Activity" or "Description". Its first row has: "ID", "Owner", "Duration", "Depends on".',
    ]);
    expect(result.drafts).toEqual([]);
  });

  it('marks the row whose predecessor does not exist', async () => {
    const result = await plan('unknown-predecessor.csv');
    expect(result.invalid).toBe(1);
    expect(result.rows.find((r) => !r.ok)).toMatchObject({ row: 4, errors: [{ column: 'Predecessors', message: 'No row has ID 7.' }] });
  });

  it('names the rows of a cycle through Predecessors', async () => {
    const result = await plan('cycle.csv');
    expect(result.fileErrors).toHaveLength(1);
    expect(result.fileErrors[0]).toMatch(/^Rows 2, 4 and 3 wait for each other through Predecessors \(IDs 1 → 3 → 2 → 1\): "Stop workers" waits for "Deploy"/);
  });

  it('marks bad durations per row', async () => {
    const result = await plan('bad-duration.csv');
    expect(result.rows.map((r) => [r.row, r.ok, r.errors.map((e) => e.column)])).toEqual([
      [2, true, []],
      [3, false, ['Duration']],
      [4, false, ['Duration']],
    ]);
  });

  it('refuses a file that is not a spreadsheet, an old .xls, and a truncated workbook', async () => {
    expect((await plan('not-a-spreadsheet.csv')).fileErrors).toEqual(['not-a-spreadsheet.csv is not a spreadsheet: it holds binary data, not CSV text.']);
    expect((await plan('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).fileErrors[0]).toMatch(/old binary Excel file \(\.xls\): save it as \.xlsx or CSV/);
    expect((await plan('plan.xlsx', Buffer.from('ID,Task\n1,Deploy\n'))).fileErrors[0]).toMatch(/not an Excel workbook/);
    const whole = await writeXlsxFile([[{ value: 'Task' }], [{ value: 'Deploy' }]]).toBuffer();
    expect((await plan('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))).fileErrors[0]).toMatch(/^cut\.xlsx is not a readable Excel workbook \(it may be damaged or cut short\)/);
  });

  it('marks duplicate IDs, empty titles, unknown kinds and self-dependencies on their rows', async () => {
    const csv = 'ID,Task,Type,Predecessors\n1,Stop,,\n1,Start,,\n2,,,\n3,Check,coffee,3\n';
    const result = await plan('bad.csv', Buffer.from(csv));
    expect(result.rows.map((r) => r.errors.map((e) => `${e.column}: ${e.message}`))).toEqual([
      [],
      ['ID: ID 1 is already used on row 2.'],
      ['Task: The step has no title.'],
      ['Type: "coffee" is not a step kind: use task, go/no-go checkpoint, readiness gate, communication or rollback.', 'Predecessors: A step cannot depend on itself.'],
    ]);
  });

  it('numbers steps as listed when the file has no ID column, and takes section-only rows as headings', async () => {
    const csv = 'Phase,Task,Duration,Predecessors\nPre-checks,,,\n,Check backups,30,\n,Announce,5,1\nDeploy,,,\n,Deploy,1h,2\n';
    const result = await plan('plan.csv', Buffer.from(csv));
    expect(result.drafts.map((d) => [d.externalRef, d.section, d.title, d.predecessors])).toEqual([
      ['1', 'Pre-checks', 'Check backups', []],
      ['2', 'Pre-checks', 'Announce', ['1']],
      ['3', 'Deploy', 'Deploy', ['2']],
    ]);
  });
});
