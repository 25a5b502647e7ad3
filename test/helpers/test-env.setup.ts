import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The environment of every test file. Device keys live beside the app's data, outside any workspace
 * (trust/key-store.ts): each test file gets a key folder of its own, so tests never touch the developer's keys; CLI
 * processes the tests spawn inherit it.
 */
process.env.RELEASE_DESK_KEY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-keys-'));
/** Every API answer is checked against its output schema in tests (core/api/dispatch.ts). */
process.env.RELEASE_DESK_CHECK_OUTPUTS = '1';
