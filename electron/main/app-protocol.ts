import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from './app-urls';
import { resolveRendererFile } from './renderer-files';
import { CONTENT_SECURITY_POLICY } from '../core';

/**
 * The renderer is served from app://release-desk/ rather than file://: a file:// page shares an origin with every
 * other file on disk and gets extra privileges, while a standard, secure custom scheme has an origin of its own,
 * so CSP 'self', fetch and storage all scope to the app.
 */

/** Must run before the app's 'ready' event: Chromium reads scheme privileges once, at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: treated like https (no mixed-content downgrade).
      // No bypassCSP, no corsEnabled, no service workers: the app needs none of them.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer folder; call after 'ready'. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return textResponse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');

    const file = await resolveRendererFile(rendererRoot, url.pathname);
    if (!file) return textResponse(404, 'Not found');

    // net.fetch of the file: URL gives streaming and the MIME type from Chromium; we only add our headers.
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}
