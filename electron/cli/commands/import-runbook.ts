import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RunbookImportResult } from '../../contract/runbook-entities';
import type { WorkspaceSession } from '../../core';
import { createHandlerContext } from '../../core/api/handler-context';
import { previewImport } from '../../core/runbooks/import/import-steps';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { CliError, EXIT_USAGE, usageError } from '../cli-errors';
import { formatTable, printJson, printLine, printLines } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { releaseRunbook } from './export-runbook';
import { releaseIdFor } from './gate';

type Outcome = RunbookImportResult & { runbookName: string; created: boolean };
type Choices = { sheet?: string; dropColumns: string[]; keepColumns: string[]; asWritten: string[] };

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Checks the plan, then imports it through the API (runbooks.importSteps), all rows or none. A release without a
 * runbook gets one, but only once the plan has checked out: a bad file leaves the workspace exactly as it was.
 */
async function importPlan(
  session: WorkspaceSession,
  o: { release: string; runbook?: string; fileName: string; bytes: Buffer; dryRun: boolean; replace: boolean; choices: Choices },
): Promise<Outcome> {
  const releaseId = await releaseIdFor(session, o.release);
  const content = o.bytes.toString('base64');
  const file = { fileName: o.fileName, encoding: 'base64' as const, content, ...o.choices };
  const target = await releaseRunbook(session, releaseId, o.runbook);
  if (target) {
    const result = await call(session, 'runbooks.importSteps', { runbookId: target.id, ...file, dryRun: o.dryRun, replace: o.replace });
    return { ...result, runbookName: target.name, created: false };
  }
  // The preview is read-only; the runbook and its steps are then written through the API like any other change.
  const { drafts: _drafts, ...plan } = await previewImport(createHandlerContext(session.store), releaseId, o.fileName, o.bytes, o.choices);
  const release = await call(session, 'releases.get', { id: releaseId });
  const name = `${release.name} ${release.version} runbook`;
  if (o.dryRun || plan.fileErrors.length > 0 || plan.invalid > 0) return { ...plan, imported: 0, runbookName: name, created: false };
  const runbook = await call(session, 'runbooks.create', { releaseId, name, description: `Imported from ${o.fileName}.` });
  const result = await call(session, 'runbooks.importSteps', { runbookId: runbook.id, ...file, dryRun: false, replace: false });
  return { ...result, runbookName: name, created: true };
}

function printErrors(result: RunbookImportResult): void {
  for (const e of result.fileErrors) printLine(`File: ${e}`);
  for (const row of result.rows) for (const e of row.errors) printLine(`Row ${row.row}, ${e.column}: ${e.message}`);
}

/**
 * What the file holds besides the steps, said before anything else: the sheet read, columns kept in the notes or
 * dropped, what was recognised, rows that are not steps. Nothing a file holds goes unmentioned.
 */
function printAccount(result: RunbookImportResult, withColumns: boolean): void {
  if (result.sheet !== null) {
    const others = result.sheets.filter((s) => s.name !== result.sheet).map((s) => `"${s.name}"`);
    printLine(`Sheet: "${result.sheet}"${others.length > 0 ? ` (others: ${others.join(', ')}; choose with --sheet NAME)` : ''}`);
  }
  if (withColumns && result.columns.length > 0) printLine(`Columns: ${result.columns.map((c) => `${c.field} ← "${c.header}"${c.note ? ` (${c.note})` : ''}`).join(', ')}`);
  for (const u of result.unmatched) {
    const what = u.action === 'keep' ? 'kept in the notes (drop it with --drop-column)' : 'dropped (keep it with --keep-column)';
    printLine(`Unmatched column ${u.column} "${u.header}" (${u.filled} row${u.filled === 1 ? '' : 's'} filled): ${what}`);
  }
  for (const r of result.recognitions) {
    printLine(`Recognised: ${r.sentence}${r.applied ? ` (keep it as written with --as-written "${r.key}")` : ' — declined, read as written'}`);
  }
  for (const n of result.notImported) printLine(`Not imported: row ${n.row}, ${n.why}: ${n.text}`);
}

function printPreview(result: RunbookImportResult): void {
  const start = (r: RunbookImportResult['rows'][number]) => (r.startWritten && r.start && r.startWritten !== r.start ? `${r.startWritten} → ${r.start}` : r.start || r.startWritten);
  const rows = result.rows.map((r) => [String(r.row), r.externalRef, r.title.slice(0, 60), r.owner, r.section, r.kind, start(r), r.durationMinutes === null ? '?' : `${r.durationMinutes}m`, r.predecessors.join(', ')]);
  if (rows.length > 0) printLines(formatTable(['Row', 'ID', 'Title', 'Owner', 'Section', 'Kind', 'Start', 'Duration', 'After'], rows));
}

export const importRunbookCommand = defineCommand({
  path: ['import', 'runbook'],
  description: "Import a cutover plan (CSV or XLSX) into a release's runbook, creating the runbook if it has none; a plan with any error imports nothing.",
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .option('--runbook <id|name>', 'which runbook, when the release has several')
      .requiredOption('--file <file>', 'the plan: .csv (comma or semicolon) or .xlsx')
      .option('--dry-run', 'check the plan and show what would be imported, write nothing')
      .option('--replace', "replace the runbook's steps instead of adding after them")
      .option('--sheet <name>', 'the worksheet of an XLSX workbook (default: the first with a column of step titles)')
      .option('--drop-column <header|letter>', 'drop a column that matches no step field instead of keeping it in the notes (repeat for several)', collect, [])
      .option('--keep-column <header|letter>', 'keep such a column in the notes even when its header says "(computed)" (repeat for several)', collect, [])
      .option('--as-written <row|phase>', 'do not recognise this row (number) or phase as rollback or go/no-go; read it as written (repeat for several)', collect, [])
      .option('--json', 'print the preview as JSON (the API contract shape)'),
  options: z.object({
    db: DbOption,
    release: z.string().trim().min(1, 'must name a release'),
    runbook: z.string().trim().min(1, 'must name a runbook').optional(),
    file: z.string().min(1, 'must name a file'),
    dryRun: z.boolean().default(false),
    replace: z.boolean().default(false),
    sheet: z.string().trim().min(1, 'must name a sheet').optional(),
    dropColumn: z.array(z.string().trim().min(1, 'must name a column')),
    keepColumn: z.array(z.string().trim().min(1, 'must name a column')),
    asWritten: z.array(z.string().trim().min(1, 'must name a row or phase')),
    json: z.boolean().default(false),
  }),
  run: async ({ db, release, runbook, file, dryRun, replace, sheet, dropColumn, keepColumn, asWritten, json }) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw usageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const fileName = path.basename(file);
    const choices = { sheet, dropColumns: dropColumn, keepColumns: keepColumn, asWritten };
    const result = await withWorkspace(db, 'existing', (session) => importPlan(session, { release, runbook, fileName, bytes, dryRun, replace, choices }));
    const errors = result.fileErrors.length + result.rows.reduce((n, r) => n + r.errors.length, 0);
    if (json) printJson(result);
    else {
      printAccount(result, dryRun || errors > 0);
      if (errors > 0) printErrors(result);
      else if (dryRun) printPreview(result);
    }
    if (errors > 0) throw new CliError(`${fileName} has ${errors} error${errors === 1 ? '' : 's'} (listed above); nothing was imported`, EXIT_USAGE);
    if (json) return;
    const count = `${result.valid} step${result.valid === 1 ? '' : 's'}`;
    if (dryRun) return printLine(`Would import ${count} from ${fileName} into runbook "${result.runbookName}"${replace ? ', replacing its steps' : ''}.`);
    const into = result.created ? `a new runbook "${result.runbookName}"` : `runbook "${result.runbookName}"`;
    printLine(`Imported ${count} from ${fileName} into ${into}${replace ? ', replacing its steps' : ''}.`);
  },
});
