import { z } from 'zod';
import { ById, method } from './define-method';
import { Id } from './entities';
import {
  ExecutionRecord,
  ExecutionRecordInput,
  Runbook,
  RunbookCreate,
  RunbookExport,
  RunbookExportInput,
  RunbookImportInput,
  RunbookImportResult,
  RunbookListInput,
  RunbookPatch,
  RunbookStep,
  RunbookSummary,
  RunbookView,
  StepCreate,
  StepMoveInput,
  StepPatch,
} from './runbook-entities';

/**
 * Runbooks (issue 4). Spread into `apiContract`. Every plan change goes through the mutation path; execution
 * records are append-only, and the acting person is the one chosen on this device unless `asPersonId` is given.
 * `runbooks.get` returns the whole derived view (schedule, critical path, execution state), computed at call time.
 */
export const runbookMethods = {
  'runbooks.list': method(RunbookListInput, z.array(RunbookSummary), 'Runbooks (of one release, or templates), by window start.'),
  'runbooks.get': method(ById, RunbookView, 'One runbook with its steps, schedule, critical path and execution state.'),
  'runbooks.create': method(RunbookCreate, Runbook, "Create a release's runbook or a template, optionally copying another's steps."),
  'runbooks.update': method(z.object({ id: Id, changes: RunbookPatch }).strict(), Runbook, 'Rename or describe a runbook.'),
  'runbooks.delete': method(ById, z.object({ id: Id }), 'Delete a runbook and its steps (kept in history; execution records stay).'),
  'runbooks.restore': method(ById, Runbook, 'Undo the delete of a runbook.'),
  'runbooks.saveAsTemplate': method(
    z.object({ id: Id, name: z.string().trim().min(1, 'Name is required').max(160) }).strict(),
    Runbook,
    'Copy a runbook into a new template.',
  ),

  'runbookSteps.create': method(StepCreate, RunbookStep, 'Add a step (after a given step, or at the end).'),
  'runbookSteps.update': method(z.object({ id: Id, changes: StepPatch }).strict(), RunbookStep, 'Change a step; a dependency cycle is refused.'),
  'runbookSteps.delete': method(
    z.object({ ids: z.array(Id).min(1).max(5000) }).strict(),
    z.object({ ids: z.array(Id) }),
    'Delete steps (and the dependencies on them); undo restores both.',
  ),
  'runbookSteps.restore': method(z.object({ ids: z.array(Id).min(1).max(5000) }).strict(), z.array(RunbookStep), 'Undo a delete of steps.'),
  'runbookSteps.move': method(StepMoveInput, z.array(RunbookStep), 'Move selected steps, and/or put them into a section.'),

  'runbookExecution.record': method(
    ExecutionRecordInput,
    ExecutionRecord,
    'Start, complete, fail or skip a step, or decide a go/no-go checkpoint (append-only).',
  ),

  'runbooks.importSteps': method(
    RunbookImportInput,
    RunbookImportResult,
    'Preview (dryRun) or import a cutover plan from CSV or XLSX into a runbook: all rows or none.',
  ),
  'runbooks.export': method(RunbookExportInput, RunbookExport, 'A runbook as PDF (for the war-room wall), CSV (re-importable) or Markdown.'),
} as const;
