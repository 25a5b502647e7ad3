import { exportRunbook } from '../../runbooks/export/runbook-export';
import { importSteps } from '../../runbooks/import/import-steps';
import { readRunbookView } from '../../runbooks/runbook-view';
import type { HandlerMap } from '../handler-context';

/** Runbook import (CSV/XLSX, with a preview) and export (PDF, CSV, Markdown): issue 4, docs/runbooks.md. */
export const runbookTransferHandlers = {
  'runbooks.importSteps': (ctx, input) => importSteps(ctx, input),
  'runbooks.export': async (ctx, { runbookId, format }) => {
    // Coarse steps: the layout is one call into pdfmake.
    ctx.progress(0, 2);
    const view = readRunbookView(ctx, runbookId);
    ctx.progress(1, 2);
    const exported = await exportRunbook(view, format, new Date(ctx.store.now()).toISOString());
    ctx.progress(2, 2);
    return exported;
  },
} satisfies HandlerMap<'runbooks.importSteps' | 'runbooks.export'>;
