import { z } from 'zod';
import { Empty, method } from './define-method';

/**
 * The workspace checked whole (docs/sync.md, "Signed records"): every signature, every device's hash chain and seals,
 * the root this device pinned, and every domain row against what its change log says.
 */
export const VERIFY_PROBLEM_KINDS = ['root', 'signature', 'chain', 'seal', 'row', 'missing-row'] as const;

export const VerifyProblem = z.object({
  kind: z.enum(VERIFY_PROBLEM_KINDS),
  /** One line, in words: what is wrong and where. */
  message: z.string(),
  entity: z.string().nullable(),
  rowId: z.string().nullable(),
  deviceId: z.string().nullable(),
  /** Whether `workspace.repair` can mend it (a row edited behind the store's back is rewritten from its log). */
  repairable: z.boolean(),
});
export type VerifyProblem = z.infer<typeof VerifyProblem>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  problems: z.array(VerifyProblem),
  counts: z.object({ changes: z.number().int(), signedWrites: z.number().int(), devices: z.number().int(), rows: z.number().int() }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const verifyMethods = {
  'workspace.verify': method(Empty, VerifyReport, 'Check every signature, every chain, the root and every row against its change log.'),
  'workspace.repair': method(Empty, VerifyReport, 'Rewrite the rows that differ from their change log (edited behind the store’s back), then check again.'),
} as const;
