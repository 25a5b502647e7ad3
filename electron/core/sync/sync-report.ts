/** What one sync did, in numbers and words. */
export interface SyncReport {
  sent: number;
  received: number;
  applied: number;
  /** Received but older than a change of the same field already here (lost to a newer one; kept in the log). */
  superseded: number;
  duplicates: number;
  held: number;
  /** Problems that did not stop the sync, in words (a file skipped, a change held back). */
  warnings: string[];
}

export interface SyncProgress {
  phase: 'sending' | 'receiving';
  done: number;
  total: number;
}

export function emptyReport(): SyncReport {
  return { sent: 0, received: 0, applied: 0, superseded: 0, duplicates: 0, held: 0, warnings: [] };
}

/** Between batches: lets IPC and HTTP requests in, so a long sync never freezes the app. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function addReceived(report: SyncReport, result: { received: number; applied: number; superseded: number; duplicates: number; held: number; chainProblems?: string[] }): void {
  for (const problem of result.chainProblems ?? []) if (!report.warnings.includes(problem)) report.warnings.push(problem);
  report.received += result.received;
  report.applied += result.applied;
  report.superseded += result.superseded;
  report.duplicates += result.duplicates;
  report.held += result.held;
}
