import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { WorkspaceSession } from '../electron/core';
import { createDemoWorkspace } from '../electron/core/demo/demo-workspace';
import { startWebServer } from '../electron/web/web-server';
import { median, medianMs, type Figure } from './measure';

const RELEASES = 10_000;
const UI_RUNS = 5;
const CORE_RUNS = 7;
const CHROMIUM = '/usr/bin/chromium';
/** The demo's "today" is the real one, so the month the calendar opens on is the demo's busiest part. */
const TODAY = new Date().toISOString().slice(0, 10);
/** Set by the calendar's month/week component once its events are on screen (MonthWeekCalendar.tsx). */
const MARK = 'release-desk:calendar-events-rendered';

/**
 * The month view over a 10,000-release workspace (issue 3: under 300 ms from navigation to rendered events), in
 * Chromium through the web shell. Navigation = clicking Calendar in the app's navigation once the releases screen is
 * up, in a fresh browser context each run, so the calendar's code chunk is fetched too. The core part is the two
 * range-bound calls the month view makes.
 */
export async function benchCalendarMonth(webDir: string): Promise<{ figures: Figure[]; notes: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-calendar-'));
  const file = path.join(dir, 'demo.releasedesk');
  try {
    const seeding = WorkspaceSession.open(file);
    createDemoWorkspace(seeding.store, { releases: RELEASES, today: TODAY });
    seeding.close();

    const session = WorkspaceSession.open(file);
    // About a month grid around today plus the day of slack the store fetches.
    const now = Date.now();
    const range = { from: new Date(now - 30 * 86_400_000).toISOString(), to: new Date(now + 14 * 86_400_000).toISOString() };
    let drawn = 0;
    let found = 0;
    const occurrences = await medianMs(CORE_RUNS, () => undefined, async () => {
      const result = await session.dispatch('windows.occurrences', range);
      if (!result.ok) throw new Error(result.error.message);
      drawn = (result.value as unknown[]).length;
    });
    const collisions = await medianMs(3, () => undefined, async () => {
      const result = await session.dispatch('collisions.list', { ...range, limit: 2000 });
      if (!result.ok) throw new Error(result.error.message);
      found = (result.value as unknown[]).length;
    });
    session.close();
    const figures: Figure[] = [
      { name: `core: windows.occurrences for one month grid (${drawn.toLocaleString('en')} events)`, value: occurrences.median, unit: 'ms', note: 'what the grid waits for' },
      { name: `core: collisions.list for it, limit 2,000 (${found.toLocaleString('en')} returned)`, value: collisions.median, unit: 'ms', note: 'fetched after the events are drawn' },
    ];
    const notes: string[] = [];
    const skip = !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing` : !fs.existsSync(path.join(webDir, 'index.html')) ? `${webDir}/index.html is missing (run npm run build:web)` : null;
    if (skip) {
      notes.push(`UI month view skipped: ${skip}.`);
      return { figures, notes };
    }
    const ui = await uiMonthView(file, webDir);
    figures.push({ name: 'UI: click Calendar → month events rendered (first visit)', value: ui.first, unit: 'ms', note: 'web shell + Chromium, fresh context' });
    figures.push({ name: 'UI: → next month → its events rendered', value: ui.next, unit: 'ms', note: 'range-bound fetch per month' });
    return { figures, notes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function uiMonthView(file: string, webDir: string): Promise<{ first: number; next: number }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const first: number[] = [];
  const next: number[] = [];
  const server = await startWebServer({ dbPath: file, staticDir: webDir, port: 0 });
  try {
    for (let i = 0; i < UI_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, timezoneId: 'Europe/Berlin' });
      try {
        const page = await context.newPage();
        await page.goto(server.openUrl);
        await page.locator('[data-testid="releases-table"] [role="row"][data-index]').first().waitFor({ timeout: 60_000 });
        first.push(await timed(page, `[...document.querySelectorAll('nav[aria-label="Main navigation"] button')].find((b) => b.textContent.includes('Calendar')).click()`));
        next.push(await timed(page, `document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true }))`));
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
    await browser.close();
  }
  return { first: median(first), next: median(next) };
}

/**
 * Takes the start time in the page, runs the action there (page script as text: the bench is type-checked without
 * DOM types), and waits for the calendar's next "events rendered" mark.
 */
async function timed(page: Page, action: string): Promise<number> {
  const before = await page.evaluate((mark) => performance.getEntriesByName(mark).length, MARK);
  const start = (await page.evaluate(`(() => { const t = performance.now(); ${action}; return t; })()`)) as number;
  const handle = await page.waitForFunction(
    ([mark, count]) => {
      const entries = performance.getEntriesByName(mark as string);
      return entries.length > (count as number) ? entries[entries.length - 1].startTime : false;
    },
    [MARK, before] as const,
    { timeout: 60_000, polling: 'raf' },
  );
  return ((await handle.jsonValue()) as number) - start;
}
