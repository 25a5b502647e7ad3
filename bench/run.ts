import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchColdOpen } from './cold-open';
import { benchCalendarMonth } from './calendar-month.bench';
import { benchCollisions } from './collisions.bench';
import { benchRemoteApply, benchServerLoad, benchTwoDevices } from './sync.bench';
import { printFigures, type Figure } from './measure';
import { benchRunbookPdf } from './runbook-pdf.bench';
import { benchWritePath } from './write-path';
import { benchRunbookCriticalPath } from './runbook-critical-path.bench';
import { benchTrust } from './trust.bench';
import { benchScreens } from './screens.bench';
import { benchServerNodes } from './server.bench';
import { benchLivePropagation } from './live.bench';

/**
 * Performance figures and ratios, printed and saved to bench/results/latest.json. No pass/fail: the numbers depend
 * on the machine, so they are read and compared, not asserted. RELEASE_DESK_WEB_DIR points the UI part at a renderer
 * build other than out/web.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = process.env.RELEASE_DESK_WEB_DIR ?? path.join(root, 'out', 'web');

/** One entry per area; a feature adds its benchmark as one line here. `only` on the command line picks sections by key. */
const sections: { key: string; title: string; run: () => Promise<{ figures: Figure[]; notes?: string[] }> }[] = [
  { key: 'writes', title: 'Writes', run: async () => ({ figures: await benchWritePath() }) },
  { key: 'coldOpen', title: 'Cold open of a 10,000-release workspace', run: () => benchColdOpen(webDir) },
  { key: 'collisions', title: 'Collisions: 10,000 releases, 50 environments, 200 windows', run: async () => ({ figures: await benchCollisions() }) },
  { key: 'calendarMonth', title: 'Calendar month view of a 10,000-release workspace', run: () => benchCalendarMonth(webDir) },
  { key: 'screens', title: 'Screens of a 10,000-release workspace: click to shown, web shell event-loop blocks', run: () => benchScreens(webDir) },
  { key: 'trust', title: 'Signed records', run: async () => ({ figures: await benchTrust() }) },
  { key: 'sync', title: 'Sync', run: async () => ({ figures: [...(await benchRemoteApply()), ...(await benchTwoDevices()), ...(await benchServerLoad())] }) },
  { key: 'server', title: 'Team server under load: nodes in their own processes, devices in others', run: benchServerNodes },
  { key: 'live', title: 'Live sync: propagation latency', run: async () => ({ figures: await benchLivePropagation() }) },
  { key: 'runbookPdf', title: 'Runbook PDF export: 1,000 steps', run: benchRunbookPdf },
  { key: 'runbooks', title: 'Runbooks: critical path and view of a 5,000-step runbook', run: async () => ({ figures: await benchRunbookCriticalPath() }) },
];

const only = process.argv.slice(2);
console.log(`Release Desk bench — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, medians of several runs`);
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length };
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.key)) continue;
  const { figures, notes = [] } = await section.run();
  printFigures(section.title, figures);
  for (const note of notes) console.log(`  note: ${note}`);
  results[section.key] = { figures, notes };
}

const out = path.join(root, 'bench', 'results', only.length > 0 ? `partial-${only.join('-')}.json` : 'latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nSaved ${path.relative(root, out)}`);
