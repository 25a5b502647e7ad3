import path from 'node:path';
import Database from 'better-sqlite3';
import { WorkspaceSession } from '../../../../electron/core';
import type { Change } from '../../../../electron/core/changes/change';
import { hashToken, newToken } from '../../../../electron/server/sync-server';
import { logBehindTheStore } from '../../../helpers/forge';
import { tempDir } from '../../../helpers/temp-workspace';
import { storeUnderTest } from '../../../helpers/server-stores';
import { freePort, startServerNode } from '../processes';
import { call, giveKey, openWorkspace } from '../sync-scenario';
import { seedTeam, type TeamIds } from './attack-team';

export type Cleanups = Array<() => void | Promise<void>>;

export interface PushAnswer {
  status: number;
  body: { ok: boolean; value?: { accepted: number }; error?: { code: string; message: string; refused?: Array<{ entity: string; field: string; reason: string }> } };
}

export interface SyncReport {
  held: number;
  received: number;
  duplicates: number;
  warnings: string[];
}

export interface HeldView {
  kind: string;
  entity: string;
  field: string;
  rowId: string;
  reason: string;
}

/**
 * The team on a real team-server process (`release-desk server`'s own module, forked): Priya (an admin member) syncs
 * workspace A, Sam (a member) his laptop B, whose key Priya enrolled for him. What an attacker with Sam's member token
 * does is played with `push` (a modified client talking the protocol); what "a server that let something through"
 * relays is written straight into the server's database with `insertOnServer`.
 */
export async function teamOnServer(cleanups: Cleanups, options: { explicit?: boolean; store?: 'sqlite' | 'postgres' } = {}) {
  const t = tempDir('release-desk-attacks-');
  cleanups.push(t.cleanup);
  const a = openWorkspace(t.dir, 'a');
  /** How far B's wall clock runs ahead of true time (a laptop whose clock is wrong); a test sets it. */
  const bClock = { aheadMs: 0 };
  const openB = () => WorkspaceSession.open(path.join(t.dir, 'b.releasedesk'), { now: () => Date.now() + bClock.aheadMs });
  let b = openB();
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  const ids = await seedTeam(a, options);
  const under = storeUnderTest(options.store ?? 'sqlite', t.dir);
  cleanups.push(() => under.cleanup());
  const tokens = { priya: newToken(), sam: newToken() };
  const members = await under.open();
  await members.addMember({ id: 'priya', name: 'Priya', personId: ids.priya, admin: true }, hashToken(tokens.priya));
  await members.addMember({ id: 'sam', name: 'Sam', personId: ids.sam, admin: false }, hashToken(tokens.sam));
  await members.close();
  const server = await startServerNode(under.args, await freePort());
  cleanups.push(async () => {
    server.child.kill('SIGKILL');
    await server.exited;
  });

  const target = (who: keyof typeof tokens) => ({ target: { serverUrl: server.url, token: tokens[who] } });
  const syncA = () => call<SyncReport>(a, 'sync.now', target('priya'));
  const syncB = () => call<SyncReport>(b, 'sync.now', target('sam'));
  const sync = async () => {
    await syncA();
    await syncB();
  };
  await sync();
  await giveKey(a, b, ids.sam, sync);

  return {
    a,
    get b() {
      return b;
    },
    bClock,
    ids,
    server,
    tokens,
    workspaceId: a.store.workspaceId!,
    syncA,
    syncB,
    sync,
    /** A push as any client (or a modified one) sends it: the HTTP status and the server's JSON answer. */
    async push(who: keyof typeof tokens, deviceId: string, changes: readonly Change[]): Promise<PushAnswer> {
      const response = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[who]}` },
        body: JSON.stringify({ deviceId, changes }),
      });
      return { status: response.status, body: (await response.json()) as PushAnswer['body'] };
    },
    /**
     * A modified client on B: changes written straight into B's file, as if the app's own checks were bypassed (B is
     * closed meanwhile, so that it continues its chain after them).
     */
    tamperB(changes: readonly Change[]) {
      const file = b.path;
      b.close();
      const db = new Database(file);
      logBehindTheStore(db, changes);
      db.close();
      b = openB();
    },
    /** How many changes the server holds. */
    stored: async () => Number((await under.sql<{ n: number }>('SELECT count(*) AS n FROM changes'))[0].n),
    /** Whether the server holds any change of this record. */
    storedRow: async (rowId: string) => Number((await under.sql<{ n: number }>('SELECT count(*) AS n FROM changes WHERE row_id = ?', [rowId]))[0].n) > 0,
    /** "A server that let something through": changes written into its database behind its rules, relayed as stored. */
    insertOnServer: (changes: readonly Change[], memberId = 'sam') => under.insertBehindRules(changes, memberId),
  };
}

export type ServerTeam = Awaited<ReturnType<typeof teamOnServer>>;

export const heldOn = async (s: WorkspaceSession) => (await call<{ held: HeldView[] }>(s, 'sync.status', {})).held;

export type { TeamIds };
