import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { WorkspaceSession } from '../../../electron/core';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken } from '../../../electron/server/sync-server';
import { executionRow, seedWeekendRunbook } from '../fixtures/runbook-steps';
import { dialog, openScreen } from '../fixtures/ui-steps';
import { snap } from '../fixtures/web-shell';

/**
 * The live war room (issue 15): two web shells on two workspaces, and the team server, each its own process. What
 * page A records shows on page B within 2 s without a reload, and each page shows who else is looking.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Proc {
  child: ChildProcess;
  out: () => string;
}

async function start(script: string, args: string[], ready: RegExp): Promise<Proc & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const until = Date.now() + 30_000;
  for (;;) {
    const match = ready.exec(out);
    if (match) return { child, out: () => out, match };
    if (Date.now() > until || child.exitCode !== null) throw new Error(`${script} did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const test = base.extend<{ world: Awaited<ReturnType<typeof warRoom>> }>({
  // eslint-disable-next-line no-empty-pattern
  world: async ({ browser }, use) => {
    const world = await warRoom(browser);
    await use(world);
    await world.close();
  },
});

async function warRoom(browser: Browser) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-live-'));
  const procs: Proc[] = [];
  const serverData = path.join(dir, 'server');
  const fileA = path.join(dir, 'a.releasedesk');
  const fileB = path.join(dir, 'b.releasedesk');

  // Workspace A holds the weekend's runbook; its lead is the server's admin, B's viewer an ordinary member.
  const a = WorkspaceSession.open(fileA);
  const seeded = await seedWeekendRunbook(a);
  const members = new SqliteServerStore(serverData);
  const tokens = { a: newToken(), b: newToken() };
  await members.addMember({ id: 'ada', name: 'Ada', personId: seeded.leadId, admin: true }, hashToken(tokens.a));
  await members.addMember({ id: 'ben', name: 'Ben', personId: seeded.engineerId, admin: false }, hashToken(tokens.b));
  await members.close();

  const server = await start('electron/server/main.ts', ['--port', '0', '--data', serverData], /team server on (http:\/\/\S+)/);
  procs.push(server);
  const url = server.match[1];
  const join = async (session: WorkspaceSession, token: string) => {
    const configured = await session.dispatch('sync.configure', { mode: 'server', serverUrl: url, token });
    if (!configured.ok) throw new Error(configured.error.message);
    const synced = await session.dispatch('sync.now', {});
    if (!synced.ok) throw new Error(synced.error.message);
  };
  await join(a, tokens.a);
  a.close();
  const b = WorkspaceSession.open(fileB);
  await join(b, tokens.b);
  b.close();

  const shell = async (file: string) => {
    const running = await start('electron/web/main.ts', ['--db', file, '--port', '0', '--static', path.join(ROOT, 'out/web')], /Open: (http:\S+)/);
    procs.push(running);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' })).newPage();
    await page.goto(running.match[1]);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    return page;
  };
  const pageA = await shell(fileA);
  const pageB = await shell(fileB);
  return {
    pageA,
    pageB,
    server,
    async close() {
      for (const p of procs.reverse()) {
        p.child.kill('SIGTERM');
        await new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openExecution(page: Page): Promise<void> {
  await openScreen(page, 'Runbooks');
  await page.getByRole('tab', { name: 'Execution' }).click();
  await expect(page.getByTestId('execution-view')).toBeVisible();
}

/** Seen on B within 2 s of A's page showing it: no reload, no sync pressed. */
const SEEN = { timeout: 2000 };

test('page B follows page A live: a step completed, a step failed, a no-go, and who is looking', async ({ world }) => {
  const { pageA: a, pageB: b } = world;
  await expect(a.getByTestId('sync-indicator')).toHaveText('Live');
  await expect(b.getByTestId('sync-indicator')).toHaveText('Live');
  await openExecution(b);
  await openExecution(a);
  await expect(b.getByTestId('live-viewers')).toContainText('Ada Lead is viewing', SEEN);
  await expect(a.getByTestId('live-viewers')).toContainText('Ben Engineer is viewing', SEEN);

  const check = 'Check the payment provider status page';
  await executionRow(a, check).getByRole('button', { name: 'Start' }).click();
  await executionRow(a, check).getByRole('button', { name: 'Complete' }).click();
  await expect(executionRow(a, check)).toContainText('Done');
  await expect(executionRow(b, check)).toContainText('Done', SEEN);

  await executionRow(a, 'Readiness gate').getByRole('button', { name: 'Go', exact: true }).click();
  await executionRow(a, 'Go/no-go: start the cutover').getByRole('button', { name: 'Go', exact: true }).click();
  const maintenance = executionRow(a, 'Switch on maintenance mode');
  await maintenance.getByRole('button', { name: 'Start' }).click();
  await maintenance.getByRole('button', { name: 'Fail' }).click();
  const fail = dialog(a, /Fail: Switch on maintenance mode/);
  await fail.getByLabel('Reason').fill('Maintenance page returns 502');
  await fail.getByRole('button', { name: 'Record fail' }).click();
  await expect(a.getByTestId('failure-banner')).toBeVisible();
  await expect(b.getByTestId('failure-banner')).toContainText('Switch on maintenance mode', SEEN);
  await expect(executionRow(b, 'Switch on maintenance mode')).toContainText('Failed', SEEN);

  await a.getByTestId('failure-banner').getByRole('button', { name: 'No-go…' }).click();
  const noGo = dialog(a, /No-go at: Switch on maintenance mode/);
  await noGo.getByLabel('Reason').fill('Cannot take the shop down cleanly');
  await noGo.getByRole('button', { name: 'No-go: move to rollback' }).click();
  await expect(a.getByTestId('no-go-banner')).toBeVisible();
  await expect(b.getByTestId('no-go-banner')).toContainText('Cannot take the shop down cleanly', SEEN);
  await expect(b.getByTestId('execution-phase')).toContainText('Rolling back', SEEN);
  // B acts as nobody in particular, so every moment it did not cause is news: the no-go is notified.
  await expect(b.getByText('No-go on Payments 2.4.0')).toBeVisible(SEEN);
  await expect(b.getByText('Ada Lead called no-go at Switch on maintenance mode on Payments 2.4.0.')).toBeVisible();
  await snap(b, 'live-notification-light');
  await b.emulateMedia({ colorScheme: 'dark' });
  await snap(b, 'live-notification-dark');

  for (const scheme of ['light', 'dark'] as const) {
    await b.emulateMedia({ colorScheme: scheme });
    await b.getByTestId('execution-view').evaluate((view) => view.parentElement?.scrollTo(0, 0));
    await snap(b, `live-presence-${scheme}`);
    await b.getByTestId('sync-indicator').click();
    await expect(b.getByTestId('live-words')).toContainText('Live: changes from the team server show as they are made.');
    await snap(b, `live-indicator-${scheme}`);
    await b.keyboard.press('Escape');
  }

  // The server goes away: B says so in words, and comes back by itself when it returns.
  world.server.child.kill('SIGTERM');
  await b.emulateMedia({ colorScheme: 'light' });
  await expect(b.getByTestId('sync-indicator')).toContainText(/^Offline for under a minute/, { timeout: 5000 });
  await b.getByTestId('sync-indicator').click();
  await expect(b.getByTestId('live-words')).toContainText(/^Offline for under a minute: could not reach the team server \(ECONNREFUSED\)\. 0 changes waiting; they go by themselves when the connection is back\.$/);
  await snap(b, 'live-offline-light');
});
