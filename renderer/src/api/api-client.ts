import type { ApiClient } from '../../../electron/contract/api-contract';
import { desktopBridge } from './bridge';
import { createHttpApiClient } from './http-api-client';
import { takeSessionToken } from './session-token';
import { startLiveEvents } from './live-events';
import { startWorkspaceChanges } from './workspace-changes';

/**
 * The one API the stores use: the preload bridge inside Electron, HTTP to the loopback web shell in a browser.
 * Chosen once at start-up; only feature stores import this, never components.
 */
const token = desktopBridge() ? null : takeSessionToken();
export const api: ApiClient = desktopBridge()?.api ?? createHttpApiClient(token);
startWorkspaceChanges(token);
startLiveEvents(token);
