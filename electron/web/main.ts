import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { isLoopbackHost } from '../contract/plain-http';
import { defaultWorkspacePath } from '../core';
import { startWebServer } from './web-server';

const here = path.dirname(fileURLToPath(import.meta.url));

const program = new Command('release-desk-web')
  .description('Serve Release Desk to a browser on this machine, backed by a local workspace file.')
  .option('--db <file>', 'workspace file (created if missing)', defaultWorkspacePath())
  .option('--port <port>', 'port to listen on (0 picks a free one)', '5174')
  .option('--host <address>', 'address to listen on; anything but loopback exposes the workspace to the network', '127.0.0.1')
  .option('--token <secret>', 'API token (default: a new random one each run; or RELEASE_DESK_TOKEN)')
  .option('--static <dir>', 'built renderer folder', path.resolve(here, '../../out/web'));

program.parse();
const opts = program.opts<{ db: string; port: string; host: string; token?: string; static: string }>();
const port = Number(opts.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`release-desk-web: --port must be a whole number from 0 to 65535, not "${opts.port}".`);
  process.exit(2);
}
if (!isLoopbackHost(opts.host)) {
  console.warn(`release-desk-web: listening on ${opts.host}, not loopback: anyone who can reach it and has the token can change this workspace.`);
}

try {
  const server = await startWebServer({
    dbPath: path.resolve(opts.db),
    staticDir: opts.static,
    host: opts.host,
    port,
    token: opts.token ?? process.env.RELEASE_DESK_TOKEN,
    workers: true,
  });
  console.log(`Release Desk web shell for ${path.resolve(opts.db)}`);
  if (!fs.existsSync(path.join(opts.static, 'index.html'))) {
    console.warn(`release-desk-web: the user interface is not built in ${path.resolve(opts.static)}: run "npm run build:web" (the page says so too).`);
  }
  console.log(`Open: ${server.openUrl}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`release-desk-web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
