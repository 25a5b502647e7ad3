import { CommanderError } from 'commander';
import { ApiFailure } from '../contract/api-result';

/** Exit codes: scripts and pipelines branch on them, so they mean one thing each. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure the CLI explains itself; `exitCode` 2 means the command line or an input file was wrong. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, EXIT_USAGE);

/** What to print and how to exit for anything thrown by a command; `message` is null when nothing went wrong. */
export function describeFailure(error: unknown): { exitCode: number; message: string | null } {
  if (error instanceof CommanderError) {
    // Help and --version arrive here too, as "errors" with exit code 0.
    if (error.exitCode === 0) return { exitCode: 0, message: null };
    return { exitCode: EXIT_USAGE, message: oneLine(error.message.replace(/^error: /, '')) };
  }
  if (error instanceof CliError) return { exitCode: error.exitCode, message: oneLine(error.message) };
  if (error instanceof ApiFailure) {
    return { exitCode: error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILURE, message: oneLine(error.message) };
  }
  return { exitCode: EXIT_FAILURE, message: oneLine(error instanceof Error ? error.message : String(error)) };
}

/** Whatever went wrong, stderr gets one line, so that logs and `2>` captures stay readable. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
