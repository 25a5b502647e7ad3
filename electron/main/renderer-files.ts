import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Maps a URL path of the app protocol to a file inside the built renderer folder. Electron-free so it can be
 * tested in plain Node. A path that would leave the folder (../, encoded or not, or a NUL) maps to nothing;
 * an extension-less path that is not a file is an app route and gets index.html, so deep links survive reloads.
 */
export async function resolveRendererFile(root: string, urlPathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;

  const base = path.resolve(root);
  const candidate = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (!isInside(base, candidate)) return null;

  if (await isFile(candidate)) return candidate;
  if (path.extname(decoded) !== '') return null;
  const index = path.join(base, 'index.html');
  return (await isFile(index)) ? index : null;
}

function isInside(base: string, candidate: string): boolean {
  const relative = path.relative(base, candidate);
  return relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
