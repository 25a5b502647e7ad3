import path from 'node:path';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a browser gets when the renderer has not been built (e.g. `tsx electron/web/main.ts` without
 * `npm run build:web`): a person opened a URL, so they get a sentence saying what to do, not a bare JSON 404.
 */
export function notBuiltPage(staticDir: string): string {
  const dir = escapeHtml(path.resolve(staticDir));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Release Desk: the user interface is not built</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #212529; background: #fff; }
  code { font: 15px ui-monospace, monospace; background: #f1f3f5; padding: 0.1rem 0.3rem; border-radius: 3px; }
  @media (prefers-color-scheme: dark) { body { color: #dee2e6; background: #1a1b1e; } code { background: #2c2e33; } }
</style>
</head>
<body>
<h1>The Release Desk user interface is not built yet</h1>
<p>The web shell is running and your workspace is open, but there is no built user interface in <code>${dir}</code>.</p>
<p>Build it with <code>npm run build:web</code>, then reload this page. (<code>npm run web</code> builds it and starts the web shell in one go.)</p>
</body>
</html>
`;
}
