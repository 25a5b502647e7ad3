import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify, type KeyObject } from 'node:crypto';

/**
 * A device's Ed25519 key pair (node:crypto). The device id is derived from the public key (the first 96 bits of its
 * SHA-256, in hex), so a device id cannot be claimed without the key: whoever signs as a device proves it is that
 * device. The private key never enters the workspace file (trust/key-store.ts keeps it beside the app's data).
 */
export interface DeviceKeyPair {
  deviceId: string;
  /** The raw 32-byte public key, base64url. */
  publicKey: string;
  privateKey: KeyObject;
}

export function newDeviceKey(): DeviceKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  return { deviceId: deviceIdOf(raw), publicKey: raw, privateKey };
}

export function deviceKeyFromPkcs8(der: Buffer): DeviceKeyPair {
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const raw = createPublicKey(privateKey).export({ format: 'jwk' }).x as string;
  return { deviceId: deviceIdOf(raw), publicKey: raw, privateKey };
}

export function exportPkcs8(key: DeviceKeyPair): Buffer {
  return key.privateKey.export({ format: 'der', type: 'pkcs8' });
}

export function deviceIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 24);
}

/** A short, readable fingerprint people compare out of band (Settings, `keys list`): 8 groups of 4 hex digits. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

export function signBytes(key: DeviceKeyPair, bytes: Buffer): string {
  return sign(null, bytes, key.privateKey).toString('base64url');
}

const publicKeys = new Map<string, KeyObject>();

/**
 * Signatures that verified, by a digest of key, bytes and signature together: every read of readiness re-checks the
 * signed records it shows (docs/sync.md, "Signed records"), and Ed25519 verification costs about 100 µs, a
 * SHA-256 of the same bytes about 1 µs. Only successes are kept, and only for exactly the bytes that verified.
 */
const verified = new Set<string>();

/** Never throws: a malformed key or signature simply does not verify. */
export function verifyBytes(publicKey: string, bytes: Buffer, signature: string): boolean {
  const seen = hash('sha256', Buffer.concat([Buffer.from(`${publicKey}\n${signature}\n`), bytes]), 'base64');
  if (verified.has(seen)) return true;
  try {
    let key = publicKeys.get(publicKey);
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
      if (publicKeys.size > 10_000) publicKeys.clear();
      publicKeys.set(publicKey, key);
    }
    const sig = Buffer.from(signature, 'base64url');
    const ok = sig.length === 64 && verify(null, bytes, key, sig);
    if (ok) {
      if (verified.size > 100_000) verified.clear();
      verified.add(seen);
    }
    return ok;
  } catch {
    return false;
  }
}
