import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from '../cli-command';
import { CliError } from '../cli-errors';

/**
 * `release-desk server …` runs the team server (electron/server) in its own process rather than importing it: the
 * server is a sibling shell, and the layering rules keep shells apart. All arguments are passed through.
 */
const SERVER_MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
/** tsx's loader, resolved from here rather than from the working directory the command runs in. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const serverCommand: CliCommand = {
  path: ['server'],
  description: 'Run the team server (--port PORT --data DIR), or manage member tokens (server token add|revoke|list).',
  attach(command) {
    command
      .description(this.description)
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .argument('[args...]')
      .action(async (args: string[]) => {
        const code = await new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ['--import', TSX_LOADER, SERVER_MAIN, ...args], { stdio: 'inherit' });
          const forward = (signal: NodeJS.Signals) => child.kill(signal);
          process.on('SIGINT', forward);
          process.on('SIGTERM', forward);
          child.on('exit', (exitCode) => resolve(exitCode ?? 1));
        });
        // The server process already printed its one `release-desk:` line; only its exit code is passed on.
        if (code !== 0) throw new CliError('', code);
      });
  },
};
