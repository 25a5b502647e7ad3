import path from 'node:path';
import { PgServerStore } from './pg-server-store';
import type { ServerStore } from './server-store';
import { SqliteServerStore } from './sqlite-server-store';

export interface StoreChoice {
  /** --data DIR: the SQLite store, for one machine (the default). */
  data?: string;
  /** --store postgres://USER@HOST/DB (or RELEASE_DESK_SERVER_STORE): PostgreSQL, shared by any number of nodes. */
  store?: string;
}

/** The store the server command names, opened (and migrated), with words saying where it is. */
export async function openServerStore(choice: StoreChoice, env: NodeJS.ProcessEnv = process.env): Promise<{ store: ServerStore; where: string }> {
  const url = choice.store ?? (choice.data === undefined ? env.RELEASE_DESK_SERVER_STORE || undefined : undefined);
  if (choice.store !== undefined && choice.data !== undefined) throw new Error('--data and --store name two different stores: choose one');
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`--store must be a PostgreSQL URL (postgres://USER@HOST/DB), not "${withoutPassword(url)}"`);
    try {
      return { store: await PgServerStore.open(url), where: withoutPassword(url) };
    } catch (error) {
      throw new Error(`cannot use the PostgreSQL store ${withoutPassword(url)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (choice.data === undefined) throw new Error('--data <dir> is required: the folder for the server database (or --store postgres://USER@HOST/DB for PostgreSQL)');
  return { store: new SqliteServerStore(path.resolve(choice.data)), where: path.resolve(choice.data) };
}

/** A URL fit to print: its password, if any, masked. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
