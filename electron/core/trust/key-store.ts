import fs from 'node:fs';
import path from 'node:path';
import { defaultAppDataDir } from '../workspace/workspace-paths';
import { ApiFailure } from '../../contract/api-result';
import { deviceIdOf, deviceKeyFromPkcs8, exportPkcs8, newDeviceKey, type DeviceKeyPair } from './device-key';
import { protectSecret, unprotectSecret } from './secret-protection';

interface StoredKey {
  deviceId: string;
  publicKey: string;
  /** The workspace file (real path) this device key belongs to: a copy of the file elsewhere is another device. */
  workspace: string;
  /** The workspace root this device pinned (the first it saw): a file whose root differs was rewritten. */
  root?: string | null;
  /** How far this device's chain had reached when last noted: a file behind it is an older copy, not this device. */
  lastSeq?: number;
  privateKey: { protection: string; data: string };
}

export interface DeviceKeyEntry {
  key: DeviceKeyPair;
  workspace: string;
  root: string | null;
  lastSeq: number;
}

/** Where device keys live: beside the app's data, never inside a workspace (RELEASE_DESK_KEY_DIR overrides it). */
export function keyDir(): string {
  return process.env.RELEASE_DESK_KEY_DIR || path.join(defaultAppDataDir(), 'keys');
}

/**
 * This machine's device keys, one file each, readable only by this user (0600 in a 0700 folder), the private key
 * wrapped by the OS keychain where the shell provides one. A key stays with the machine: a workspace file copied
 * elsewhere finds no key for its device id there and becomes a new device (workspace-store.ts).
 */
export class KeyStore {
  constructor(readonly dir: string = keyDir()) {}

  find(deviceId: string): DeviceKeyEntry | undefined {
    const stored = this.read(deviceId);
    if (!stored) return undefined;
    const der = unprotectSecret(stored.privateKey);
    if (!der) return this.locked(stored);
    try {
      const key = deviceKeyFromPkcs8(der);
      return key.deviceId === deviceId ? { key, workspace: stored.workspace, root: stored.root ?? null, lastSeq: stored.lastSeq ?? 0 } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * This machine's key for the device, wrapped by a keychain this process cannot use (the desktop app's, seen from
   * the CLI or the web shell on the same file). The process still acts as that device, so its history stays one
   * device's, and reads and unsigned edits work; signing, sealing and so syncing say where they can be done instead of
   * the file silently becoming a new device.
   */
  private locked(stored: StoredKey): DeviceKeyEntry | undefined {
    if (deviceIdOf(stored.publicKey) !== stored.deviceId) return undefined;
    const where = stored.privateKey.protection;
    const key = {
      deviceId: stored.deviceId,
      publicKey: stored.publicKey,
      get privateKey(): never {
        throw new ApiFailure(
          'forbidden',
          `This device's key is kept by ${where}, which this process cannot use: sign, record and sync on this workspace in the desktop app (or open a copy of the file here, which is a device of its own).`,
        );
      },
    };
    return { key, workspace: stored.workspace, root: stored.root ?? null, lastSeq: stored.lastSeq ?? 0 };
  }

  create(workspace: string): DeviceKeyPair {
    const key = newDeviceKey();
    this.write({ deviceId: key.deviceId, publicKey: key.publicKey, workspace, root: null, lastSeq: 0, privateKey: protectSecret(exportPkcs8(key)) });
    return key;
  }

  /** Remembers where the key's workspace is, its root and how far its chain reached (a file moved keeps its key). */
  note(deviceId: string, facts: { workspace?: string; root?: string | null; lastSeq?: number }): void {
    const stored = this.read(deviceId);
    if (!stored) return;
    const next = { ...stored, ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) };
    if (JSON.stringify(next) !== JSON.stringify(stored)) this.write(next);
  }

  private read(deviceId: string): StoredKey | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(deviceId), 'utf8')) as StoredKey;
    } catch {
      return undefined;
    }
  }

  private write(stored: StoredKey): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.dir, 0o700);
    const target = this.file(stored.deviceId);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    fs.renameSync(temp, target);
  }

  private file(deviceId: string): string {
    return path.join(this.dir, `${deviceId.replace(/[^A-Za-z0-9_-]/g, '')}.json`);
  }
}
