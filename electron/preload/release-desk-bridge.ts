import type { ApiClient, LiveEvent, WorkProgress, WorkspaceChange } from '../contract';

/**
 * What the preload puts on `window.releaseDesk`. The renderer imports this file with `import type` only, so the
 * bridge's shape is declared once, here, and the preload is checked against it with `satisfies`.
 */

/** Commands the application menu sends to the renderer; the renderer decides what each one does. */
export const MENU_COMMANDS = ['new-release', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The one IPC channel for menu commands (main → renderer). */
export const MENU_CHANNEL = 'release-desk:menu';

export interface ReleaseDeskBridge {
  /** One async function per contract method; each resolves to an ApiResult and never rejects for API errors. */
  readonly api: ApiClient;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Subscribes to the open workspace's change feed (contract/change-feed.ts); returns the unsubscribe function. */
  onWorkspaceChange(callback: (change: WorkspaceChange) => void): () => void;
  /** Subscribes to the progress of long calls made with a job id (contract/work-contract.ts). */
  onWorkProgress(callback: (progress: WorkProgress) => void): () => void;
  /** Subscribes to the live feed: sync status, presence, notifications (contract/live-feed.ts). */
  onLiveEvent(callback: (event: LiveEvent) => void): () => void;
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
