import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchColdOpen } from './cold-open';
import { benchCollisions } from './collisions.bench';
import { benchRemoteApply, benchServerLoad, benchTwoDevices } from './sync.bench';
import { printFigures, type Figure } from './measure';
import { benchWritePath } from './write-path';

/**
 * Performance figures and ratios, printed and saved to bench/results/latest.json. No pass/fail: the numbers depend
 * on the machine, so they are read and compared, not asserted. RELEASE_DESK_WEB_DIR points the UI part at a renderer
 * build other than out/web.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = process.env.RELEASE_DESK_WEB_DIR ?? path.join(root, 'out', 'web');

console.log(`Release Desk bench — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, medians of several runs`);
const writes: Figure[] = await benchWritePath();
printFigures('Writes', writes);
const open = await benchColdOpen(webDir);
printFigures('Cold open of a 10,000-release workspace', open.figures);
for (const note of open.notes) console.log(`  note: ${note}`);
const collisions = await benchCollisions();
printFigures('Collisions: 10,000 releases, 50 environments, 200 windows', collisions);
const sync = [...(await benchRemoteApply()), ...(await benchTwoDevices()), ...(await benchServerLoad())];
printFigures('Sync', sync);

const out = path.join(root, 'bench', 'results', 'latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, writes, coldOpen: open.figures, collisions, sync, notes: open.notes }, null, 2)}\n`);
console.log(`\nSaved ${path.relative(root, out)}`);
