import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Device keys live beside the app's data, outside any workspace (trust/key-store.ts). Each test file gets a key folder
 * of its own, so tests never touch the developer's keys; CLI processes the tests spawn inherit it.
 */
process.env.RELEASE_DESK_KEY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-keys-'));
