import { z } from 'zod';
import { ReleaseStatus } from './entities';
import { GateDecision } from './readiness-entities';
import { ExecutionPhase } from './runbook-entities';

/**
 * One status everywhere (issue 18): a release's status, the readiness gate's answer under the workspace policy and
 * its runbook's execution phase, side by side, and where they disagree, the disagreement in words.
 */
export const ReleaseStatusCheck = z.object({
  releaseId: z.string(),
  status: ReleaseStatus,
  gate: z.object({ decision: GateDecision, summary: z.string() }),
  /** The runbook that ran (or is planned) for the release; null without one. */
  execution: z.object({ runbookId: z.string(), runbookName: z.string(), phase: ExecutionPhase, rehearsal: z.boolean() }).nullable(),
  /** One sentence per disagreement ("The status says Go, but the readiness gate says Halted (…)."); empty when they agree. */
  mismatches: z.array(z.string()),
});
export type ReleaseStatusCheck = z.infer<typeof ReleaseStatusCheck>;
