import { z } from 'zod';

/**
 * What changed in the open workspace, published after every committed write — a local edit (`local`) or a merge of
 * changes from elsewhere (`sync`) — so open screens refresh what they show without a timer. Electron main forwards it
 * on one IPC event channel; the web shell streams it (`GET /api/events`, newline-delimited JSON, same token).
 */
export const WorkspaceChange = z
  .object({
    source: z.enum(['local', 'sync']),
    /** The entities (contract names: release, signoff, runbookStep …) with a changed record. */
    entities: z.array(z.string().max(100)).max(100),
  })
  .strict();
export type WorkspaceChange = z.infer<typeof WorkspaceChange>;

/** The one IPC event channel for workspace changes (main → renderer). */
export const CHANGES_CHANNEL = 'release-desk:changes';
