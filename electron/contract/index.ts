export * from './api-contract';
export * from './api-result';
export * from './entities';
export * from './readiness-entities';
export * from './calendar-entities';
export * from './field-messages';
