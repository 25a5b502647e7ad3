import { z } from 'zod';
import type { DeviceKeyView, KeysOverview } from '../../contract/keys-contract';
import type { Person } from '../../contract/entities';
import { findPersonByRef } from '../../core/domain/readiness';
import type { WorkspaceSession } from '../../core';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { DbOption } from '../workspace-option';

/** The options `keys enrol` and `keys revoke` share: who acts, which key, for whom. */
export const KeyActionOptions = {
  db: DbOption,
  as: z.string().trim().min(1, 'must name a person'),
  key: z.string().trim().min(1, 'must name a key'),
  person: z.string().trim().min(1, 'must name a person').optional(),
  json: z.boolean().default(false),
};

/** `--as`, `--person`: a person's id, email or exact name; `flag` names the option in the error. */
export async function personFor(session: WorkspaceSession, ref: string, flag: string): Promise<Person> {
  const found = findPersonByRef(await call(session, 'people.list', {}), ref);
  if (!found.ok) throw usageError(`${flag}: ${found.message}`);
  return found.value;
}

/** Fingerprints are printed in groups ("1a2b 3c4d …"); people paste them with or without the spaces, or with colons. */
const bare = (text: string) => text.toLowerCase().replace(/[^0-9a-f]/g, '');

/**
 * `--key`: a device id or a key's fingerprint, whole or a prefix of at least 8 hex digits that names one device, so
 * a fingerprint read out over the phone does not have to be typed in full.
 */
export function keyFor(overview: KeysOverview, ref: string): { deviceId: string; fingerprint: string; label: string; records: DeviceKeyView[] } {
  const wanted = bare(ref);
  const devices = new Map<string, { deviceId: string; fingerprint: string; label: string }>();
  devices.set(overview.thisDevice.deviceId, { deviceId: overview.thisDevice.deviceId, fingerprint: overview.thisDevice.fingerprint, label: 'this device' });
  for (const k of overview.keys) if (!devices.has(k.deviceId)) devices.set(k.deviceId, { deviceId: k.deviceId, fingerprint: k.fingerprint, label: k.label });
  const all = [...devices.values()];
  const exact = all.filter((d) => d.deviceId === ref.trim() || bare(d.deviceId) === wanted || bare(d.fingerprint) === wanted);
  const prefix = wanted.length >= 8 ? all.filter((d) => bare(d.deviceId).startsWith(wanted) || bare(d.fingerprint).startsWith(wanted)) : [];
  const matches = exact.length > 0 ? exact : prefix;
  if (matches.length === 0) throw usageError(`--key: no key "${ref}" is known in this workspace (see "release-desk keys list"; the other device's request must have synced here)`);
  if (matches.length > 1) throw usageError(`--key: "${ref}" names ${matches.length} keys (${matches.map((d) => d.deviceId).join(', ')}); give more of the fingerprint`);
  const device = matches[0];
  return { ...device, records: overview.keys.filter((k) => k.deviceId === device.deviceId) };
}
