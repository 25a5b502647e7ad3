import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Resolves a URL path to a file inside `root`, or to index.html for app routes. A path that would leave `root`
 * (../, encoded or not) resolves to nothing.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<{ file: string; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const base = path.resolve(root);
  const candidate = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  const file = (await isFile(candidate)) ? candidate : path.extname(decoded) ? null : path.join(base, 'index.html');
  if (!file || !(await isFile(file))) return null;
  return { file, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
