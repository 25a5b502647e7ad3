// Rasterises resources/icon.svg to resources/icon.png (512×512), the size electron-builder derives every platform
// icon from. Run it after editing the SVG: `node scripts/make-icon.mjs`. The PNG is committed, so packaging does
// not need this script (or @resvg/resvg-js) at all.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
const svg = readFileSync(`${resources}icon.svg`, 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 512 }, background: 'rgba(0,0,0,0)' }).render().asPng();
writeFileSync(`${resources}icon.png`, png);
console.log(`resources/icon.png written (${png.length} bytes)`);
