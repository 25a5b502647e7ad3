import type { Command } from 'commander';
import type { z } from 'zod';
import { usageError } from './cli-errors';

/**
 * One CLI command. Commander parses the command line; `options` (zod) then checks the values, so a bad value is a
 * usage error naming its flag, and `run` receives typed options.
 */
export interface CliCommandSpec<S extends z.ZodType> {
  /** The words that name it: `['export', 'json']`. A group word ('export') is created the first time it is used. */
  path: readonly [string, ...string[]];
  description: string;
  /** Declares arguments and options on the commander command. */
  configure(command: Command): Command;
  options: S;
  run(options: z.output<S>): Promise<void>;
}

/** A command with its option type erased, so commands of different shapes sit in one registry. */
export interface CliCommand {
  path: readonly [string, ...string[]];
  description: string;
  attach(command: Command): void;
}

export function defineCommand<S extends z.ZodType>(spec: CliCommandSpec<S>): CliCommand {
  return {
    path: spec.path,
    description: spec.description,
    attach(command) {
      spec.configure(command.description(spec.description)).action(async (_options: unknown, self: Command) => {
        await spec.run(parseOptions(spec.options, self.opts()));
      });
    },
  };
}

function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw usageError(`${flag} ${issue.message}`);
}
