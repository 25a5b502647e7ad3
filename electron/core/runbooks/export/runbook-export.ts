import type { RunbookExport, RunbookView } from '../../../contract/runbook-entities';
import { runbookCsv } from './runbook-csv';
import { runbookMarkdown } from './runbook-markdown';
import { runbookPdf } from './runbook-pdf';
import { exportFileBase } from './step-labels';

/** One runbook as a file (runbooks.export): PDF for the wall, CSV that imports back, Markdown for a wiki or ticket. */
export async function exportRunbook(view: RunbookView, format: 'pdf' | 'csv' | 'md', exportedAt: string): Promise<RunbookExport> {
  const base = exportFileBase(view);
  if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', encoding: 'utf8', content: runbookCsv(view) };
  if (format === 'md') return { fileName: `${base}.md`, mimeType: 'text/markdown', encoding: 'utf8', content: runbookMarkdown(view, exportedAt) };
  const pdf = await runbookPdf(view, exportedAt);
  return { fileName: `${base}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') };
}
