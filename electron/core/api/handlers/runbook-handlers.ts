import type { Runbook } from '../../../contract/runbook-entities';
import { recordExecution } from '../../runbooks/runbook-execution';
import { getRunbook, toRunbook } from '../../runbooks/runbook-records';
import { createStep, deleteSteps, moveSteps, restoreSteps, updateStep } from '../../runbooks/runbook-steps';
import { readRunbookView, runbookSummary } from '../../runbooks/runbook-view';
import { createRunbook, deleteRunbook, restoreRunbook, saveAsTemplate } from '../../runbooks/runbook-writes';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { requireExisting } from './references';

/** Runbooks API (issue 4, docs/runbooks.md). The rules live in core/runbooks and core/domain/runbooks. */

function listRunbooks(ctx: HandlerContext, input: { releaseId?: string; templates?: boolean }): Runbook[] {
  if (input.releaseId) requireExisting(ctx, 'release', [input.releaseId], 'releaseId');
  // A deleted release's runbooks are hidden with it (and back when it is restored), not shown as templates.
  let rows = ctx.store.reader
    .list('runbook', [{ by: 'name', nocase: true }])
    .map(toRunbook)
    .filter((r) => r.releaseId === null || ctx.store.reader.get('release', r.releaseId) !== undefined);
  if (input.releaseId) rows = rows.filter((r) => r.releaseId === input.releaseId);
  if (input.templates === true) rows = rows.filter((r) => r.releaseId === null);
  if (input.templates === false) rows = rows.filter((r) => r.releaseId !== null);
  return rows;
}

export const runbookHandlers = {
  'runbooks.list': (ctx, input) =>
    listRunbooks(ctx, input)
      .map((r) => runbookSummary(ctx, r))
      // By window start; templates (no window) after the releases' runbooks, by name.
      .sort((a, b) => (a.windowStart ?? '\uffff').localeCompare(b.windowStart ?? '\uffff') || a.name.localeCompare(b.name)),
  'runbooks.get': (ctx, { id }) => readRunbookView(ctx, id),
  'runbooks.create': (ctx, input) => createRunbook(ctx, input),
  'runbooks.update': (ctx, { id, changes }) => {
    getRunbook(ctx, id);
    ctx.store.mutate(ctx.author(), (w) => w.update('runbook', id, changes));
    return getRunbook(ctx, id);
  },
  'runbooks.delete': (ctx, { id }) => {
    deleteRunbook(ctx, id);
    return { id };
  },
  'runbooks.restore': (ctx, { id }) => restoreRunbook(ctx, id),
  'runbooks.saveAsTemplate': (ctx, { id, name }) => saveAsTemplate(ctx, id, name),
  'runbookSteps.create': (ctx, input) => createStep(ctx, input),
  'runbookSteps.update': (ctx, { id, changes }) => updateStep(ctx, id, changes),
  'runbookSteps.delete': (ctx, { ids }) => ({ ids: deleteSteps(ctx, ids) }),
  'runbookSteps.restore': (ctx, { ids }) => restoreSteps(ctx, ids),
  'runbookSteps.move': (ctx, input) => moveSteps(ctx, input),
  'runbookExecution.record': (ctx, input) => recordExecution(ctx, input),
} satisfies HandlerMap<
  | 'runbooks.list'
  | 'runbooks.get'
  | 'runbooks.create'
  | 'runbooks.update'
  | 'runbooks.delete'
  | 'runbooks.restore'
  | 'runbooks.saveAsTemplate'
  | 'runbookSteps.create'
  | 'runbookSteps.update'
  | 'runbookSteps.delete'
  | 'runbookSteps.restore'
  | 'runbookSteps.move'
  | 'runbookExecution.record'
>;
