/** Runbook rules as pure functions (docs/runbooks.md): plan, critical path, cycles, live execution. */
export { isRollbackStep, titleList, type PlanStep } from './plan-step';
export { tableOrder } from './table-order';
export { buildGraph, type StepGraph } from './step-graph';
export { scheduleRunbook, type RunbookSchedule, type StepSchedule } from './schedule';
export { cycleThrough, findStepCycle, cycleSentence } from './cycles';
export { deriveExecution, FINISHED_STATUSES, FINAL_PHASES, type ExecutionState, type StepExecution } from './execution';
export { byTime, type ExecutionFact } from './step-fold';
export { recordProblem, outsideWindow, type RecordProblem, type RecordInput } from './execution-rules';
export { positionsBetween } from './positions';
export { releaseStatusForPhase, deploymentResultForPhase } from './release-status';
