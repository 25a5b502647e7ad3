/** Runbook rules as pure functions (docs/runbooks.md): plan, critical path, cycles, live execution. */
export { isRollbackStep, titleList, type PlanStep } from './plan-step';
export { tableOrder } from './table-order';
export { buildGraph, type StepGraph } from './step-graph';
export { scheduleRunbook, type RunbookSchedule, type StepSchedule } from './schedule';
export { cycleThrough, findStepCycle, cycleSentence } from './cycles';
export { deriveExecution, byTime, FINISHED_STATUSES, type ExecutionFact, type ExecutionState, type StepExecution } from './execution';
export { recordProblem, type RecordProblem } from './execution-rules';
export { positionsBetween } from './positions';
export { releaseStatusForPhase } from './release-status';
