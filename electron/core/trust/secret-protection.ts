/**
 * Secrets at rest on this machine (device private keys, the saved sync token) are wrapped by the OS keychain where
 * the shell has one: Electron main installs its `safeStorage` here at start-up. Elsewhere (the CLI, the web shell, a
 * Linux desktop without a keyring) they are kept in files readable only by this user, and the status says so.
 */
export interface SecretProtector {
  /** Shown to people: where the secret's protection comes from. */
  readonly name: string;
  protect(plain: Buffer): Buffer;
  unprotect(blob: Buffer): Buffer;
}

let protector: SecretProtector | null = null;

export function setSecretProtector(next: SecretProtector | null): void {
  protector = next;
}

/** In words, for the status and `keys list`. */
export function secretProtection(): { keychain: boolean; words: string } {
  return protector
    ? { keychain: true, words: `protected by ${protector.name}` }
    : { keychain: false, words: 'in a file readable only by you (no OS keychain here)' };
}

export function protectSecret(plain: Buffer): { protection: string; data: string } {
  if (!protector) return { protection: 'none', data: plain.toString('base64') };
  return { protection: protector.name, data: protector.protect(plain).toString('base64') };
}

/** Null when the secret was protected by a keychain this process does not have (another machine, another user). */
export function unprotectSecret(stored: { protection: string; data: string }): Buffer | null {
  const blob = Buffer.from(stored.data, 'base64');
  if (stored.protection === 'none') return blob;
  if (!protector || protector.name !== stored.protection) return null;
  try {
    return protector.unprotect(blob);
  } catch {
    return null;
  }
}
