import fs from 'node:fs';
import { Command } from 'commander';
import type { CliCommand } from './cli-command';
import { describeFailure, usageError } from './cli-errors';
import { COMMANDS } from './commands';
import { printError } from './output';

const GROUP_DESCRIPTIONS: Record<string, string> = {
  list: 'List records of a workspace.',
  export: 'Write a workspace (or part of it) to a file.',
  import: 'Read a file into a workspace.',
  keys: "Device keys: ask for this device's key to be enrolled, enrol, list and revoke keys.",
};

export function buildProgram(commands: readonly CliCommand[] = COMMANDS): Command {
  const program = new Command('release-desk')
    .description('Release Desk on the command line: the same workspace files, API and rules as the desktop app.')
    .version(readVersion(), '--version', 'print the version')
    // Set before any subcommand exists, because subcommands copy these settings when they are created.
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  requireSubcommand(program, 'release-desk');
  for (const command of commands) command.attach(commandAt(program, command.path));
  return program;
}

/** Runs the CLI; returns the exit code. Every failure prints exactly one `release-desk: ` line on stderr. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    const { exitCode, message } = describeFailure(error);
    if (message) printError(message);
    return exitCode;
  }
}

function commandAt(program: Command, path: readonly [string, ...string[]]): Command {
  let parent = program;
  for (const word of path.slice(0, -1)) {
    parent = parent.commands.find((c) => c.name() === word) ?? requireSubcommand(parent.command(word).description(GROUP_DESCRIPTIONS[word] ?? ''), word);
  }
  return parent.command(path[path.length - 1]);
}

/**
 * Commander would print a whole help page to stderr for a missing or unknown subcommand; a one-line error that
 * names the choices is easier to read in a pipeline log.
 */
function requireSubcommand(group: Command, label: string): Command {
  return group.usage('<command> [options]').argument('[command]').action((name: string | undefined) => {
    const choices = group.commands.map((c) => c.name()).join(', ');
    const where = label === 'release-desk' ? 'release-desk' : `release-desk ${label}`;
    throw usageError(name ? `unknown command "${name}" for ${where}; choose one of: ${choices}` : `${where} needs a command: ${choices} (see ${where} --help)`);
  });
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
