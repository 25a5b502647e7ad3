import fs from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { planImport, unreadablePlan, type ImportChoices, type ImportTarget } from '../../../../electron/core/runbooks/import/plan-rows';
import { ImportFileError, readSheets } from '../../../../electron/core/runbooks/import/sheet-file';
import { FIRST_PLAN_ROW, PLAN_HEADER, PLAN_ROWS, cutoverWeekendWorkbook } from '../../../fixtures/runbooks/cutover-weekend-workbook';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/runbooks');
const target: ImportTarget = {
  anchorMs: Date.parse('2026-12-05T21:00:00Z'), // Sat 5 Dec 2026 22:00 in Berlin
  zone: 'Europe/Berlin',
  people: [
    { id: 'priya', name: 'Priya Natarajan', email: 'priya@example.com' },
    { id: 'ana', name: 'Ana Díaz', email: '' },
  ],
};

async function plan(fileName: string, bytes: Uint8Array = fs.readFileSync(path.join(FIXTURES, fileName)), choices: ImportChoices = {}) {
  try {
    return planImport(fileName, await readSheets(fileName, bytes), target, choices);
  } catch (error) {
    if (error instanceof ImportFileError) return unreadablePlan(error.message);
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
    // The Status column is no step field: it is listed, and kept in the notes unless dropped.
    expect(result.unmatched).toEqual([{ column: 'K', header: 'Status', filled: 2, action: 'keep' }]);
    expect(result.notImported).toEqual([{ row: 1, text: 'Payments 2.4.0 – cutover plan v7 (DRAFT, do not forward)', why: 'above the header row' }]);
    expect(result.recognitions.map((r) => r.sentence)).toEqual(['Phase “Back-out” (rows 14–15) → rollback section: its steps run only after a no-go']);
    const d = result.drafts;
    expect(d.map((s) => s.externalRef)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // Rows as a spreadsheet numbers them: a title row, a blank row, the header on row 3, blank rows kept in count.
    expect(d.map((s) => s.row)).toEqual([4, 5, 6, 8, 9, 10, 12, 13, 14, 15]);
    expect(d.map((s) => s.durationMinutes)).toEqual([15, 90, 0, 20, 90, 45, 30, 15, 120, 90]);
    expect(d[0]).toMatchObject({ title: 'Freeze merges, announce start in #release', ownerPersonId: 'priya', ownerTeam: '', kind: 'communication', section: 'Pre-checks', fixedStartOffsetMinutes: -30 });
    expect(d[0].description).toBe('Post the template from the wiki, then lock main.\n\nStatus: open');
    expect(d[1].description).toBe("Check last night's full backup\nand today's WAL archive.\nCall Olaf if either is older than 24h.\n\nStatus: open");
    expect(d[1]).toMatchObject({ section: 'Pre-checks', ownerTeam: 'DBA team', predecessors: ['1'], fixedStartOffsetMinutes: null });
    expect(d[2]).toMatchObject({ kind: 'checkpoint', ownerPersonId: 'priya' });
    expect(d[3]).toMatchObject({ ownerTeam: 'Ops, EU shift', section: 'Deploy', fixedStartOffsetMinutes: 0, description: 'Drain queues first; "stop" means scale to 0.' });
    // "3FS" is the plain link; nothing about it is lost, so the notes need not repeat it.
    expect(d[4]).toMatchObject({ predecessors: ['3', '4'], command: 'psql -v ON_ERROR_STOP=1 -f "migrations/042_ledger.sql"', description: 'Long-running: ledger table rewrite.' });
    expect(d[5]).toMatchObject({ ownerPersonId: 'ana', command: 'helm upgrade payments-api charts/payments-api \\\n  --version 2.4.0 --wait' });
    // 00:15 after a 22:00 row is the next day: 2 h 15 min after the window opens.
    expect(d[7]).toMatchObject({ title: 'Reopen traffic', fixedStartOffsetMinutes: 135 });
    expect(d.slice(8).map((s) => [s.section, s.kind])).toEqual([['Rollback', 'rollback'], ['Rollback', 'rollback']]);
    expect(result.rows[0]).toMatchObject({ row: 4, ok: true, owner: 'Priya Natarajan', startWritten: '21:30', start: 'Sat 5 Dec 2026 21:30', kind: 'communication' });
    expect((await plan('cutover-plan-messy.csv', undefined, { dropColumns: ['status'] })).drafts[0].description).toBe('Post the template from the wiki, then lock main.');
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

describe('a release-weekend plan as Excel and Smartsheet export it (issue 13)', () => {
  const workbook = cutoverWeekendWorkbook();
  const rowOf = (id: number) => FIRST_PLAN_ROW + id - 1;

  it('reads the plan sheet by default, lists the other sheets, and reads another one when asked', async () => {
    const result = await plan('cutover-weekend.xlsx', await workbook);
    expect(result.sheets).toEqual([
      { name: 'Cover', hasTitleColumn: false },
      { name: 'Cutover plan', hasTitleColumn: true },
      { name: 'Contacts', hasTitleColumn: true },
    ]);
    expect(result.sheet).toBe('Cutover plan');
    const contacts = await plan('cutover-weekend.xlsx', await workbook, { sheet: 'contacts' });
    expect(contacts.sheet).toBe('Contacts');
    expect(contacts.drafts.map((d) => d.title)).toEqual(['Olaf Berg']);
    expect((await plan('cutover-weekend.xlsx', await workbook, { sheet: 'Runbook' })).fileErrors).toEqual([
      'cutover-weekend.xlsx has no sheet named "Runbook"; its sheets are: "Cover", "Cutover plan", "Contacts".',
    ]);
  });

  it('imports every cell, or shows it as dropped by choice: nothing vanishes unseen', async () => {
    const result = await plan('cutover-weekend.xlsx', await workbook);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.filter((r) => !r.ok)).toEqual([]);
    expect(result.notImported).toEqual([{ row: 1, text: 'Payments 2.4.0 – cutover plan v7 (DRAFT, do not forward)', why: 'above the header row' }]);
    expect(result.columns.map((c) => [c.field, c.header, c.note])).toEqual([
      ['ID', 'ID', ''],
      ['Title', 'Task', ''],
      ['Owner', 'Owner/Team', ''],
      ['Start', 'Start (CET)', 'times in CET'],
      ['Duration', 'Duration [h]', 'bare numbers in hours'],
      ['Predecessors', 'Pred.', ''],
      ['Notes', 'Notes / Commands', 'matched by a word of its header'],
      ['Section', 'Phase', ''],
    ]);
    expect(result.unmatched).toEqual([
      { column: 'I', header: 'Status', filled: 3, action: 'keep' },
      { column: 'J', header: 'Column J', filled: 1, action: 'keep' },
    ]);

    const d = new Map(result.drafts.map((x) => [Number(x.externalRef), x]));
    expect([...d.keys()]).toEqual(PLAN_ROWS.map((r) => r[0]));
    const columnOf = (name: (typeof PLAN_HEADER)[number]) => PLAN_HEADER.indexOf(name);
    for (const row of PLAN_ROWS) {
      const step = d.get(row[0] as number)!;
      expect(step.row).toBe(rowOf(row[0] as number));
      expect(step.title).toBe(row[columnOf('Task')]);
      const owner = row[columnOf('Owner/Team')];
      expect(step.ownerPersonId ? target.people.find((p) => p.id === step.ownerPersonId)!.name.normalize('NFD').replace(/\p{M}/gu, '') : step.ownerTeam).toBe(
        String(owner).normalize('NFD').replace(/\p{M}/gu, ''),
      );
      for (const name of ['Notes / Commands', 'Status'] as const) {
        const value = row[columnOf(name)];
        if (typeof value === 'string') expect(step.description).toContain(value);
      }
      expect(step.predecessors).toEqual(row[columnOf('Pred.')] === null ? [] : [String(row[columnOf('Pred.')])]);
    }
    expect(d.get(1)!.description).toBe('Post the template from the wiki.\nThen lock main.\n\nStatus: Done');
    expect(d.get(2)!.description).toContain('Column J: (check with Olaf)');

    // Mixed durations in a column headed in hours: 0.25, "30m", 0, an Excel time cell 00:20, 1.5, "45 min", "1:00" …
    expect(result.drafts.map((x) => x.durationMinutes)).toEqual([15, 30, 0, 20, 90, 45, 60, 15, 0, 120, 60, 15]);
    // Weekday times and D+1, read from the window's first day (Saturday 5 December, Berlin); the preview shows the date.
    expect(result.drafts.map((x) => x.fixedStartOffsetMinutes)).toEqual([-30, -15, 15, 15, null, null, 150, 210, null, null, null, null]);
    expect(result.rows.slice(0, 2).map((r) => [r.startWritten, r.start])).toEqual([
      ['Sat 21:30', 'Sat 5 Dec 2026 21:30'],
      ['Saturday 21:45', 'Sat 5 Dec 2026 21:45'],
    ]);
    expect(result.rows.find((r) => r.externalRef === '8')).toMatchObject({ startWritten: 'D+1 01:30', start: 'Sun 6 Dec 2026 01:30' });
  });

  it('puts the rollback steps in the rollback section and makes the checkpoints go/no-go, each shown and declinable', async () => {
    const result = await plan('cutover-weekend.xlsx', await workbook);
    expect(result.drafts.map((x) => [x.externalRef, x.section, x.kind])).toEqual([
      ['1', 'Pre-checks', 'task'],
      ['2', 'Pre-checks', 'task'],
      ['3', 'Pre-checks', 'checkpoint'],
      ['4', 'Deploy', 'task'],
      ['5', 'Deploy', 'task'],
      ['6', 'Deploy', 'task'],
      ['7', 'Verify', 'task'],
      ['8', 'Verify', 'task'],
      ['9', 'Verify', 'checkpoint'],
      ['10', 'Rollback', 'rollback'],
      ['11', 'Rollback', 'rollback'],
      ['12', 'Rollback', 'rollback'],
    ]);
    expect(result.recognitions.map((r) => [r.key, r.what, r.rows, r.applied])).toEqual([
      [String(rowOf(3)), 'checkpoint', [rowOf(3)], true],
      [String(rowOf(9)), 'checkpoint', [rowOf(9)], true],
      [String(rowOf(10)), 'rollback', [rowOf(10)], true],
      ['Backout', 'rollback', [rowOf(11), rowOf(12)], true],
    ]);
    expect(result.recognitions[2].sentence).toBe(`Row ${rowOf(10)} “ROLLBACK: restore DB snapshot” → rollback section`);

    const declined = await plan('cutover-weekend.xlsx', await workbook, { asWritten: [String(rowOf(9)), 'Backout'], dropColumns: ['Status', 'J'] });
    expect(declined.drafts.filter((x) => ['9', '11'].includes(x.externalRef)).map((x) => [x.section, x.kind])).toEqual([
      ['Verify', 'task'],
      ['Backout', 'task'],
    ]);
    expect(declined.recognitions.filter((r) => !r.applied).map((r) => r.key)).toEqual([String(rowOf(9)), 'Backout']);
    expect(declined.unmatched.map((u) => u.action)).toEqual(['drop', 'drop']);
    expect(declined.drafts[0].description).toBe('Post the template from the wiki.\nThen lock main.');
  });
});

describe('every bad row is named', () => {
  it('goes on after a quoted cell that is never closed, and names that row with the others', async () => {
    const csv = 'ID,Task,Duration\n1,Stop workers,20\n2,"Migrate the ledger,90\n3,Deploy,soon\n4,Smoke tests,30\n';
    const result = await plan('broken.csv', Buffer.from(csv));
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.ok, r.errors.map((e) => e.column)])).toEqual([
      [2, true, []],
      [3, false, ['Row']],
      [4, false, ['Duration']],
      [5, true, []],
    ]);
    expect(result.rows[1].errors[0].message).toMatch(/^A quoted cell in this row is never closed/);
    expect(result.drafts.map((d) => d.title)).toEqual(['Stop workers', 'Smoke tests']);
  });
});
