import { exportRunbook } from '../../runbooks/export/runbook-export';
import { importSteps } from '../../runbooks/import/import-steps';
import { readRunbookView } from '../../runbooks/runbook-view';
import type { HandlerMap } from '../handler-context';

/** Runbook import (CSV/XLSX, with a preview) and export (PDF, CSV, Markdown): issue 4, docs/runbooks.md. */
export const runbookTransferHandlers = {
  'runbooks.importSteps': (ctx, input) => importSteps(ctx, input),
  'runbooks.export': (ctx, { runbookId, format }) => exportRunbook(readRunbookView(ctx, runbookId), format, new Date(ctx.store.now()).toISOString()),
} satisfies HandlerMap<'runbooks.importSteps' | 'runbooks.export'>;
