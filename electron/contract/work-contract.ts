import { z } from 'zod';
import { method } from './define-method';

/**
 * Long work (issue 17): methods that can take long on a large workspace run in a worker thread, so the process that
 * serves the screens keeps answering. A caller that wants to follow one names it with a job id (the second argument
 * of an API call; a header over HTTP); the core then reports its progress on the change feed and `work.cancel`
 * stops it. A cancelled call answers `{ ok: false, error: { code: 'cancelled' } }`.
 */
export const WORK_METHODS = [
  'collisions.list',
  'runbooks.export',
  'meetings.exportMinutes',
  'audit.releaseExport',
  'metrics.compute',
  'metrics.exportCsv',
  'workspace.verify',
  'calendar.previewIcsImport',
  'calendar.exportIcs',
] as const;
export type WorkMethod = (typeof WORK_METHODS)[number];

export function isWorkMethod(name: string): name is WorkMethod {
  return (WORK_METHODS as readonly string[]).includes(name);
}

/** Chosen by the caller (a UUID is plenty): it names one call's progress and its cancel. */
export const JobId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** What a caller passes beside the input of a long call. */
export interface WorkOptions {
  jobId?: string;
}

/** How far one job has come: `done` of `total` units (steps, records, releases); total 0 while it is unknown. */
export const WorkProgress = z
  .object({
    jobId: JobId,
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  })
  .strict();
export type WorkProgress = z.infer<typeof WorkProgress>;

/** The one IPC event channel for work progress (main → renderer). */
export const PROGRESS_CHANNEL = 'release-desk:progress';

/** The header that carries the job id over HTTP. */
export const JOB_HEADER = 'x-release-desk-job';

export const workMethods = {
  'work.cancel': method(
    z.object({ jobId: JobId }).strict(),
    z.object({ cancelled: z.boolean() }),
    'Stops a long call by its job id; false when it had already finished (or never ran).',
  ),
} as const;
