import type Database from 'better-sqlite3';
import type { RunbookStep } from '../../../contract/runbook-entities';
import { readRunbookSteps } from './runbook-steps';

/**
 * Named reads that return contract types straight from SQL, for the few places where the generic reader's decode
 * is too slow (each says why). Features call these; the database handle stays inside the store.
 */
export class StoreQueries {
  constructor(private readonly db: Database.Database) {}

  runbookSteps(runbookId: string): RunbookStep[] {
    return readRunbookSteps(this.db, runbookId);
  }
}
