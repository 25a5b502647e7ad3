import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { WorkspaceSession } from '../electron/core';
import { createDemoWorkspace } from '../electron/core/demo/demo-workspace';
import { startWebServer } from '../electron/web/web-server';
import { median, type Figure } from './measure';

const RELEASES = 10_000;
const ROUNDS = 3;
const CHROMIUM = '/usr/bin/chromium';
const TODAY = new Date().toISOString().slice(0, 10);
/** The screens of the navigation, in its order (shell/screens.tsx). */
/** A screen not shown by then is reported as not shown, and the others are still measured. */
const SHOWN_WITHIN_MS = 20_000;
/** Set by the calendar once its events are on screen (MonthWeekCalendar.tsx). */
const CALENDAR_MARK = 'release-desk:calendar-events-rendered';
const SCREENS = ['Releases', 'Calendar', 'Runbooks', 'Readiness', 'Meetings', 'Metrics', 'Settings'];

/**
 * Every screen of a 10,000-release workspace through the web shell (issue 17: under 500 ms from a click, the month
 * view under 300 ms), and the longest the web shell's event loop was blocked while each screen loaded (target: none
 * over 50 ms). The web shell runs in this process, so perf_hooks.monitorEventLoopDelay sees its loop; long reads
 * run on its worker threads. A screen counts as shown when its main area has content and no loader is left.
 */
export async function benchScreens(webDir: string): Promise<{ figures: Figure[]; notes: string[] }> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.join(webDir, 'index.html'))) {
    return { figures: [], notes: [`Screens skipped: ${CHROMIUM} or ${webDir}/index.html is missing (run npm run build:web).`] };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-screens-'));
  const file = path.join(dir, 'demo.releasedesk');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const seeding = WorkspaceSession.open(file);
    createDemoWorkspace(seeding.store, { releases: RELEASES, today: TODAY });
    seeding.close();
    const server = await startWebServer({ dbPath: file, staticDir: webDir, port: 0 });
    const shown = new Map<string, number[]>(SCREENS.map((s) => [s, []]));
    const blocked = new Map<string, number[]>(SCREENS.map((s) => [s, []]));
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, timezoneId: 'Europe/Berlin' });
        const page = await context.newPage();
        await page.goto(server.openUrl);
        await page.locator('[data-testid="releases-table"] [role="row"][data-index]').first().waitFor({ timeout: 60_000 });
        // Start from another screen so a click on Releases loads it again.
        for (const screen of [...SCREENS.slice(1), SCREENS[0]]) {
          const loop = monitorEventLoopDelay({ resolution: 10 });
          loop.enable();
          shown.get(screen)!.push(await clickToShown(page, screen));
          if (process.env.BENCH_VERBOSE) console.log(screen, shown.get(screen)!.at(-1), (loop.max / 1e6).toFixed(0));
          loop.disable();
          blocked.get(screen)!.push(loop.max / 1e6);
        }
        await context.close();
      }
    } finally {
      await server.close();
    }
    const figures: Figure[] = [];
    const notes: string[] = [];
    for (const screen of SCREENS) {
      const target = screen === 'Calendar' ? 300 : 500;
      const times = shown.get(screen)!.filter((t) => !Number.isNaN(t));
      if (times.length < ROUNDS) notes.push(`${screen}: not shown within ${SHOWN_WITHIN_MS / 1000} s in ${ROUNDS - times.length} of ${ROUNDS} rounds.`);
      if (times.length === 0) continue;
      figures.push({ name: `UI: click ${screen} → shown`, value: median(times), unit: 'ms', note: `target < ${target} ms; first visit ${shown.get(screen)![0].toFixed(0)} ms` });
    }
    for (const screen of SCREENS) {
      figures.push({ name: `web shell: longest event-loop block, ${screen}`, value: Math.max(...blocked.get(screen)!), unit: 'ms', note: 'target ≤ 50 ms; worst of the rounds' });
    }
    return {
      figures,
      notes: [...notes, `${ROUNDS} rounds over the ${SCREENS.length} screens in one browser context each; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (this process serves and measures, Chromium renders).`],
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Clicks the screen's navigation entry and waits, in the page, until its main area has content and no loader. */
async function clickToShown(page: Page, screen: string): Promise<number> {
  const start = (await page.evaluate(
    `(() => { const t = performance.now(); [...document.querySelectorAll('nav[aria-label="Main navigation"] button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(screen)})).click(); return t; })()`,
  )) as number;
  const before = await page.evaluate((mark) => performance.getEntriesByName(mark).length, CALENDAR_MARK);
  const handle = await page.waitForFunction(screenShown, [screen === 'Calendar' ? CALENDAR_MARK : null, before] as const, { timeout: SHOWN_WITHIN_MS, polling: 'raf' }).catch(() => null);
  if (!handle) return Number.NaN;
  return ((await handle.jsonValue()) as number) - start;
}

/** Runs in the page (a function, not a string: the page's CSP forbids eval). The time once the screen is shown. */
function screenShown([mark, before]: readonly [string | null, number]): number | false {
  // The calendar draws its events first and checks the period for collisions after (calendar-month.bench.ts).
  if (mark) {
    const entries = performance.getEntriesByName(mark);
    return entries.length > before ? entries[entries.length - 1].startTime : false;
  }
  // Node-side type checking has no DOM types; this is the slice of the page's globals used here.
  type El = { textContent: string | null; offsetParent: unknown; querySelector(selector: string): El | null; querySelectorAll(selector: string): El[] };
  const main = (globalThis as unknown as { document: El }).document.querySelector('main');
  if (!main || (main.textContent ?? '').trim().length === 0) return false;
  if ([...main.querySelectorAll('.mantine-Loader-root')].some((l) => l.offsetParent !== null)) return false;
  return performance.now();
}

// Run on its own: npx tsx bench/screens.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printFigures } = await import('./measure');
  const { figures, notes } = await benchScreens(path.resolve(import.meta.dirname, '..', 'out', 'web'));
  printFigures('Screens of a 10,000-release workspace', figures);
  for (const note of notes) console.log(`  note: ${note}`);
}
