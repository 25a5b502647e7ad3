export * from './api-contract';
export * from './api-result';
export * from './entities';
