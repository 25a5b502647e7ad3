/** Readiness rules as pure functions: plain data in, plain data out; the store stays in the handlers. */
export { compareClock, newest, byClock, type Clocked } from './clock-order';
export { effectiveSignoff, withdrawTarget, mayActOn, forbiddenMessage } from './signoff-rules';
export { deriveChecklist, blockingItems, type ChecklistItemFacts, type TickFacts, type WaiverFacts } from './checklist-rules';
export { personNames, type PersonFacts, type PersonNames } from '../person-names';
export { BUILT_IN_DEADLINE_HOURS, deadlinePolicy, deadlineView, type DeadlinePolicy } from './deadline';
export { releaseGate, type GateFacts, type GateStateFacts, type StateReading } from './release-gate';
export { deriveReadiness, type ReadinessFacts } from './derive-readiness';
export { releaseAuditTimeline, auditCsv, type AuditFacts } from './audit-timeline';
export { DEFAULT_TEMPLATES } from './default-templates';
export { findReleaseByRef, findPersonByRef, type Found } from './find-by-reference';
