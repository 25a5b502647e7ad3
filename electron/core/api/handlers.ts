import type { ApiMethod } from '../../contract/api-contract';
import type { HandlerMap } from './handler-context';
import { auditHandlers } from './handlers/audit-handlers';
import { calendarHandlers } from './handlers/calendar-handlers';
import { environmentsHandlers } from './handlers/environments-handlers';
import { meetingsHandlers } from './handlers/meetings-handlers';
import { outcomesHandlers } from './handlers/outcomes-handlers';
import { peopleHandlers } from './handlers/people-handlers';
import { readinessHandlers } from './handlers/readiness-handlers';
import { releasesHandlers } from './handlers/releases-handlers';
import { systemsHandlers } from './handlers/systems-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { runbookHandlers } from './handlers/runbook-handlers';
import { runbookTransferHandlers } from './handlers/runbook-transfer-handlers';
import { keysHandlers } from './handlers/keys-handlers';
import { verifyHandlers } from './handlers/verify-handlers';
import { workHandlers } from './handlers/work-handlers';

/** One handler map per domain, merged; `satisfies` makes a contract method without a handler a type error. */
export const handlers = {
  ...workspaceHandlers,
  ...peopleHandlers,
  ...systemsHandlers,
  ...environmentsHandlers,
  ...releasesHandlers,
  ...auditHandlers,
  ...readinessHandlers,
  ...calendarHandlers,
  ...meetingsHandlers,
  ...syncHandlers,
  ...outcomesHandlers,
  ...runbookHandlers,
  ...runbookTransferHandlers,
  ...keysHandlers,
  ...verifyHandlers,
  ...workHandlers,
} satisfies HandlerMap<ApiMethod>;
