import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiFailure } from '../../../electron/contract/api-result';
import { defineCommand } from '../../../electron/cli/cli-command';
import { describeFailure, EXIT_FAILURE, EXIT_USAGE, usageError } from '../../../electron/cli/cli-errors';
import { formatTable } from '../../../electron/cli/output';

describe('CLI plumbing', () => {
  it('checks option values with the command schema and names the flag', async () => {
    let received: unknown;
    const command = defineCommand({
      path: ['try'],
      description: 'test',
      configure: (c) => c.option('--max-count <n>'),
      options: z.object({ maxCount: z.coerce.number().int('must be a whole number') }),
      run: async (options) => void (received = options),
    });
    const program = new Command('release-desk').exitOverride();
    command.attach(program.command('try'));
    await program.parseAsync(['node', 'x', 'try', '--max-count', '3']);
    expect(received).toEqual({ maxCount: 3 });
    await expect(program.parseAsync(['node', 'x', 'try', '--max-count', '2.5'])).rejects.toThrow('--max-count must be a whole number');
  });

  it('maps failures to exit codes and one line', () => {
    expect(describeFailure(usageError('bad\nflag'))).toEqual({ exitCode: EXIT_USAGE, message: 'bad flag' });
    expect(describeFailure(new ApiFailure('invalid_input', 'Name is required'))).toEqual({ exitCode: EXIT_USAGE, message: 'Name is required' });
    expect(describeFailure(new ApiFailure('conflict', 'in use')).exitCode).toBe(EXIT_FAILURE);
    expect(describeFailure(new Error('disk full')).exitCode).toBe(EXIT_FAILURE);
    expect(describeFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ exitCode: 0, message: null });
    expect(describeFailure(new CommanderError(1, 'commander.missingMandatoryOptionValue', "error: required option '--out <file>' not specified")))
      .toEqual({ exitCode: EXIT_USAGE, message: "required option '--out <file>' not specified" });
  });

  it('aligns table columns', () => {
    expect(formatTable(['A', 'Bee'], [['long cell', 'x'], ['s', 'y']])).toEqual(['A          Bee', 'long cell  x', 's          y']);
  });
});
