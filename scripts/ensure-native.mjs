#!/usr/bin/env node
// Usage: node scripts/ensure-native.mjs node|electron
//
// better-sqlite3 is a native module, and a native module is built for one ABI: plain Node's (tests, CLI, web
// shell, benches) or Electron's (the desktop app), which differ. Whoever is about to run makes sure the binary on
// disk is built for them, and rebuilds only when it is not, because a rebuild takes a while.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));
const stampFile = path.join(root, 'node_modules', '.cache', 'release-desk', 'native-abi.json');

const target = process.argv[2];
if (target === 'node') ensureForNode();
else if (target === 'electron') ensureForElectron();
else fail('Usage: node scripts/ensure-native.mjs node|electron');

function ensureForNode() {
  // Loaded in a child process: a module built for the wrong ABI cannot be unloaded from this one after a rebuild.
  if (loadsInNode()) return;
  console.log('better-sqlite3 is not built for this Node (ABI mismatch, probably last built for Electron); rebuilding…');
  run('npm', ['rebuild', 'better-sqlite3']);
  if (!loadsInNode()) fail('better-sqlite3 still does not load in Node after `npm rebuild better-sqlite3`; see the error above.');
  console.log('better-sqlite3 rebuilt for Node.');
}

function ensureForElectron() {
  const electron = electronBinary();
  if (!electron) {
    fail('The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or a failed download), so better-sqlite3 cannot be rebuilt for it; run `npm install electron` where the download is allowed.');
  }
  // A Node-ABI build cannot be detected by loading it here (we are not Electron), so remember what we built last.
  const stamp = currentStamp();
  if (stamp && JSON.stringify(readStamp()) === JSON.stringify(stamp)) return;
  console.log(`Rebuilding better-sqlite3 for Electron ${stamp?.electron ?? ''}…`);
  run('npx', ['electron-builder', 'install-app-deps']);
  const after = currentStamp();
  if (after) {
    fs.mkdirSync(path.dirname(stampFile), { recursive: true });
    fs.writeFileSync(stampFile, JSON.stringify(after));
  }
}

function loadsInNode() {
  const probe = "const Database = require('better-sqlite3'); new Database(':memory:').close();";
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0 && result.stderr) console.error(result.stderr.trim().split('\n').slice(0, 5).join('\n'));
  return result.status === 0;
}

/** Path of the Electron executable, or undefined when the npm package is there but its binary is not. */
function electronBinary() {
  try {
    const executable = require('electron');
    return typeof executable === 'string' && fs.existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

/** What the binary on disk is (size and time of the .node file) and which Electron it was meant for. */
function currentStamp() {
  try {
    const binary = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    const { size, mtimeMs } = fs.statSync(binary);
    return { electron: require('electron/package.json').version, size, mtimeMs };
  } catch {
    return undefined;
  }
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function run(command, args) {
  // npm and npx are .cmd scripts on Windows, which Node starts only through a shell.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
