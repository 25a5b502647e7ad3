import path from 'node:path';
import os from 'node:os';

export const WORKSPACE_FILE_EXTENSION = 'releasedesk';

/** The default workspace lives in the OS's app-data folder (Electron's userData, or its equivalent outside Electron). */
export function defaultWorkspacePath(appDataDir: string = defaultAppDataDir()): string {
  return path.join(appDataDir, `workspace.${WORKSPACE_FILE_EXTENSION}`);
}

/** The same folder Electron's app.getPath('userData') gives for "Release Desk", so CLI, web shell and app agree. */
export function defaultAppDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Release Desk');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Release Desk');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Release Desk');
  }
}
