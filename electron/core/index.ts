/** What the shells (Electron main, web shell, CLI, team server) may use of the core. */
export { WorkspaceSession } from './workspace/workspace-session';
export { WorkerPool } from './workers/worker-pool';
export { defaultWorkspacePath, defaultAppDataDir, WORKSPACE_FILE_EXTENSION } from './workspace/workspace-paths';
export { CONTENT_SECURITY_POLICY } from './content-security-policy';
export { JsonTooDeepError, parseBoundedJson } from './bounded-json';
export { setSecretProtector, type SecretProtector } from './trust/secret-protection';
