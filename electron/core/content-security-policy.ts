/**
 * The one Content-Security-Policy for every way the renderer is served (Electron's app:// protocol and the local
 * web shell; renderer/index.html repeats it as a meta tag): only our own scripts, no remote anything. Inline styles
 * stay allowed because Mantine writes them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
