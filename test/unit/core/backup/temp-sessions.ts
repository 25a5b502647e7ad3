import path from 'node:path';
import { WorkspaceSession } from '../../../../electron/core';
import { tempDir } from '../../../helpers/temp-workspace';

/** Several real workspaces side by side in one temp folder (source and target of a restore, twin demo runs). */
export function tempSessions(...names: string[]): { sessions: WorkspaceSession[]; cleanup: () => void } {
  const t = tempDir();
  const sessions = names.map((n) => WorkspaceSession.open(path.join(t.dir, `${n}.releasedesk`)));
  return { sessions, cleanup: () => (sessions.forEach((s) => s.close()), t.cleanup()) };
}
