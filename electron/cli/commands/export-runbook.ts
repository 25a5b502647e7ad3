import { z } from 'zod';
import { RUNBOOK_EXPORT_FORMATS, type RunbookSummary } from '../../contract/runbook-entities';
import type { WorkspaceSession } from '../../core';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine, writeFileAtomically } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { releaseIdFor } from './gate';

/**
 * The runbook `--release` (and `--runbook`, when the release has several) names: by id or by name. Null when the
 * release has none. Shared with `import runbook`.
 */
export async function releaseRunbook(session: WorkspaceSession, releaseId: string, runbookRef: string | undefined): Promise<RunbookSummary | null> {
  const runbooks = await call(session, 'runbooks.list', { releaseId });
  const list = runbooks.map((r) => `${r.id} ("${r.name}")`).join(', ');
  if (runbookRef !== undefined) {
    const wanted = runbookRef.toLowerCase();
    const found = runbooks.find((r) => r.id === runbookRef) ?? runbooks.find((r) => r.name.toLowerCase() === wanted);
    if (!found) throw usageError(`the release has no runbook "${runbookRef}"${runbooks.length > 0 ? `; its runbooks: ${list}` : ''}`);
    return found;
  }
  if (runbooks.length > 1) throw usageError(`the release has ${runbooks.length} runbooks: add --runbook ID, one of ${list}`);
  return runbooks[0] ?? null;
}

const FORMAT_NAMES = { pdf: 'PDF', csv: 'CSV', md: 'Markdown' } as const;

export const exportRunbookCommand = defineCommand({
  path: ['export', 'runbook'],
  description: "Write a release's runbook as PDF (for the war-room wall, or a change ticket), CSV (re-importable) or Markdown.",
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--release <id|NAME@VERSION>', 'the release: its id or NAME@VERSION')
      .option('--runbook <id|name>', 'which runbook, when the release has several')
      .requiredOption('--format <format>', 'file format: pdf, csv or md')
      .requiredOption('--out <file>', 'file to write (replaced if it exists)')
      .option('--json', 'print a JSON summary'),
  options: z.object({
    db: DbOption,
    release: z.string().trim().min(1, 'must name a release'),
    runbook: z.string().trim().min(1, 'must name a runbook').optional(),
    format: z.enum(RUNBOOK_EXPORT_FORMATS, { message: 'must be pdf, csv or md' }),
    out: z.string().min(1, 'must name a file'),
    json: z.boolean().default(false),
  }),
  run: async ({ db, release, runbook, format, out, json }) => {
    const { file, summary } = await withWorkspace(db, 'existing', async (session) => {
      const found = await releaseRunbook(session, await releaseIdFor(session, release), runbook);
      if (!found) throw usageError(`release ${release} has no runbook yet: create one in the app, or import a plan with "release-desk import runbook"`);
      return { file: await call(session, 'runbooks.export', { runbookId: found.id, format }), summary: found };
    });
    const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
    writeFileAtomically(out, bytes);
    if (json) return printJson({ file: out, format, bytes: bytes.length, runbookId: summary.id, steps: summary.stepCount });
    printLine(`Exported runbook "${summary.name}" (${summary.stepCount} steps, ${FORMAT_NAMES[format]}, ${bytes.length} bytes) to ${out}.`);
  },
});
