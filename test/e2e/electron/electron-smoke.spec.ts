import { _electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReleaseDeskBridge } from '../../../electron/preload/release-desk-bridge';

/**
 * Drives the unpackaged, built app (`npm run build` → out/main/index.js): the packaged app has the inspector fuse
 * off, and Playwright's _electron needs it. Skips itself, saying why, where the Electron binary is not installed
 * (e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1 machines); everything it checks here is also type-checked in the shell.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const mainEntry = path.join(repoRoot, 'out/main/index.js');

/** What the page sees; the checks below expect only releaseDesk to be there. */
interface PageGlobals {
  releaseDesk?: ReleaseDeskBridge;
  require?: unknown;
  process?: unknown;
}

function missingElectronBinary(): string | undefined {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  let executable: unknown;
  try {
    executable = require('electron');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (typeof executable !== 'string' || !fs.existsSync(executable)) return `no executable at ${String(executable)}`;
  return undefined;
}

test('the desktop shell opens a locked-down window whose bridge answers', async () => {
  const missing = missingElectronBinary();
  test.skip(missing !== undefined, `Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1): ${missing}`);
  expect(fs.existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`).toBe(true);

  // Each run gets its own settings and default workspace, so it never touches (or depends on) a real one.
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-'));
  // ELECTRON_RUN_AS_NODE (set by some tool runners) would start Electron as plain Node, without a window.
  const env = Object.fromEntries(
    Object.entries({ ...process.env, RELEASE_DESK_USER_DATA_DIR: userData }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer sandbox still applies.
  const args = [mainEntry, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const app = await _electron.launch({ args, env, cwd: repoRoot });
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');

    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('Release Desk');

    const globals = await window.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return {
        api: typeof page.releaseDesk?.api,
        onMenuCommand: typeof page.releaseDesk?.onMenuCommand,
        require: typeof page.require,
        process: typeof page.process,
      };
    });
    expect(globals).toEqual({ api: 'object', onMenuCommand: 'function', require: 'undefined', process: 'undefined' });

    const info = await window.evaluate(() => {
      const page = globalThis as unknown as Required<Pick<PageGlobals, 'releaseDesk'>>;
      return page.releaseDesk.api['workspace.info']({});
    });
    expect(info.ok).toBe(true);
    if (info.ok) expect(info.value.path.startsWith(userData)).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
