/**
 * Plain HTTP is safe only on this machine: anywhere else a member token and every change cross the network readable
 * (and changeable) by anyone on the way. Shared by the team server (which refuses to listen elsewhere without TLS),
 * the sync client (which warns) and the Settings → Sync form (which warns while you type).
 */

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost, including *.localhost names (RFC 6761 keeps them on this machine). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/** The warning for a team server URL that is plain HTTP to another machine, or null. */
export function plainHttpWarning(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return null;
  return `The team server URL is plain HTTP to another machine (${url.host}): your member token and every change cross the network unencrypted, readable and changeable on the way. Ask your admin for the server's https:// address.`;
}
