/** Coordination-meeting rules as pure functions: plain data in, plain data out; the store stays in the handlers. */
export { decisionsByRelease, type DecisionFacts } from './decisions';
export { deriveActionItems, type ActionItemFacts, type CompletionFacts } from './action-items';
export { buildAgenda, type AgendaFacts, type AgendaRelease, type EnvironmentCheckFacts } from './agenda';
export { minutesMarkdown } from './minutes-markdown';
export * from './minutes-text';
