/**
 * Which URLs belong to the app and which may leave it. Kept free of Electron imports so it can be tested in plain
 * Node; every security decision about a URL (navigation, IPC sender, external links) goes through here.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'release-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where the renderer comes from: the custom protocol, or electron-vite's dev server while developing. */
export interface RendererLocation {
  readonly entryUrl: string;
  /** True when `url` is a page of ours (same scheme and host), so its frame may call the API. */
  owns(url: string): boolean;
}

export function rendererLocation(devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) {
    const devOrigin = new URL(devServerUrl).origin;
    return { entryUrl: devServerUrl, owns: (url) => parse(url)?.origin === devOrigin };
  }
  return {
    entryUrl: `${APP_ORIGIN}/index.html`,
    // WHATWG gives non-special schemes an opaque "null" origin, so compare scheme and host instead.
    owns: (url) => {
      const parsed = parse(url);
      return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
    },
  };
}

/**
 * Only plain https links leave the app, and only to the default browser. Anything else (file:, smb:, custom
 * handlers, javascript:) could run code or reach local resources through the OS, which is what
 * shell.openExternal with untrusted input risks. Credentials in the URL are refused as a phishing shape.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
