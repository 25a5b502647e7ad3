import { ApiFailure } from '../../../contract/api-result';
import type { HandlerMap } from '../handler-context';

// PLACEHOLDER (issue 4, being built): replaced by the runbook core.
const notYet = (): never => {
  throw new ApiFailure('internal', 'Runbooks are not built yet.');
};

export const runbookHandlers = {
  'runbooks.list': notYet,
  'runbooks.get': notYet,
  'runbooks.create': notYet,
  'runbooks.update': notYet,
  'runbooks.delete': notYet,
  'runbooks.restore': notYet,
  'runbooks.saveAsTemplate': notYet,
  'runbookSteps.create': notYet,
  'runbookSteps.update': notYet,
  'runbookSteps.delete': notYet,
  'runbookSteps.restore': notYet,
  'runbookSteps.move': notYet,
  'runbookExecution.record': notYet,
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
