import { safeStorage } from 'electron';
import { setSecretProtector } from '../core';

/**
 * Stored beside each secret it protects: a secret saved by the desktop app names this, so another process (the CLI,
 * the web shell) knows it cannot read it and says so. Also what people read ("protected by …").
 */
const KEYCHAIN = 'the OS keychain (Electron safeStorage)';

/**
 * Device keys and the saved sync token are wrapped with the OS keychain (macOS Keychain, Windows DPAPI, the Secret
 * Service or KWallet on Linux) once the app is ready. On a Linux desktop without a keyring Chromium falls back to
 * "basic_text", a password built into Chromium itself: that protects nothing, and saying "kept with the keychain"
 * would mislead, so the secrets stay in files readable only by this user and the status says so. Returns whether the
 * keychain is in use.
 */
export function protectSecretsWithKeychain(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
  // safeStorage wraps strings; secrets are bytes (a PKCS#8 key), so they cross as base64.
  setSecretProtector({
    name: KEYCHAIN,
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
  });
  return true;
}
