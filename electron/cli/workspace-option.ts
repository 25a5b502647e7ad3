import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ApiFailure } from '../contract/api-result';
import { WorkspaceSession, defaultWorkspacePath } from '../core';
import { usageError } from './cli-errors';

/** Adds `--db`; every command that touches a workspace names it the same way and has the same default. */
export function withDbOption(command: Command): Command {
  return command.option('--db <file>', 'workspace file', defaultWorkspacePath());
}

export const DbOption = z.string().min(1, 'must name a workspace file');

/**
 * Opens the workspace, runs `fn`, closes it. Reading commands refuse a missing file rather than create an empty
 * workspace at a mistyped path; creating commands remove the file again if they created it and then failed.
 */
export async function withWorkspace<T>(db: string, mode: 'existing' | 'create', fn: (session: WorkspaceSession) => Promise<T> | T): Promise<T> {
  const file = path.resolve(db);
  const existed = fs.existsSync(file);
  if (mode === 'existing' && !existed) throw usageError(`there is no workspace at ${file} (check --db, or create one with "release-desk init" or "release-desk demo")`);
  const session = open(file);
  try {
    return await fn(session);
  } catch (error) {
    session.close();
    if (!existed) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    throw error;
  } finally {
    session.close();
  }
}

function open(file: string): WorkspaceSession {
  try {
    return WorkspaceSession.open(file);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw usageError(`cannot open workspace ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
