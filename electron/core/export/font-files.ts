import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fonts exported documents embed: DejaVu Sans (resources/fonts, with its licence), chosen over pdfmake's bundled
 * Roboto because it has the accented letters of everyone's names and the ✓ ✕ marks the minutes print. Found by
 * walking up from this file, which works from the source tree (CLI, web shell, tests) and from the bundled
 * out/main of the Electron app; a packaged app ships them under its resources folder.
 */
const REGULAR = 'DejaVuSans.ttf';

function candidates(): string[] {
  const list: string[] = [];
  if (process.env.RELEASE_DESK_FONTS_DIR) list.push(process.env.RELEASE_DESK_FONTS_DIR);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) list.push(path.join(resourcesPath, 'fonts'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth++) {
    list.push(path.join(dir, 'resources', 'fonts'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return list;
}

let found: string | undefined;

export function fontsDir(): string {
  found ??= candidates().find((dir) => fs.existsSync(path.join(dir, REGULAR)));
  if (!found) throw new Error(`The PDF fonts (resources/fonts/${REGULAR}) are missing from this installation.`);
  return found;
}

export function dejaVuSans(): { normal: string; bold: string; italics: string; bolditalics: string } {
  const dir = fontsDir();
  return {
    normal: path.join(dir, REGULAR),
    bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
    italics: path.join(dir, 'DejaVuSans-Oblique.ttf'),
    bolditalics: path.join(dir, 'DejaVuSans-BoldOblique.ttf'),
  };
}
