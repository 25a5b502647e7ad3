import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

/** The CLI's bin script: the tests run it as a user does, so the tsx loader, exit codes and streams are real. */
export const BIN = path.resolve(__dirname, '../../bin/release-desk.mjs');

/** The CLI run to its end, as a user or a pipeline runs it: real exit code, stdout and stderr. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export const cli = (...args: string[]) => runCli(args);

/** The CLI's error contract: the exit code, and one line on stderr starting `release-desk: `. */
export function expectOneLineError(result: ReturnType<typeof runCli>, code: number, pattern: RegExp) {
  expect(result.code).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^release-desk: /);
  expect(lines[0]).toMatch(pattern);
}
