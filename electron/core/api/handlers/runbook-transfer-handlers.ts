import { ApiFailure } from '../../../contract/api-result';
import type { HandlerMap } from '../handler-context';

// PLACEHOLDER (issue 4, being built): replaced by runbook import and export.
const notYet = (): never => {
  throw new ApiFailure('internal', 'Runbook import and export are not built yet.');
};

export const runbookTransferHandlers = {
  'runbooks.importSteps': notYet,
  'runbooks.export': notYet,
} satisfies HandlerMap<'runbooks.importSteps' | 'runbooks.export'>;
