import { z } from 'zod';
import { domainBytes } from './canonical';
import { deviceIdOf, signBytes, verifyBytes, type DeviceKeyPair } from './device-key';

/** The pseudo-field that carries a write's signature in the change log; no table has a column for it. */
export const SIGNATURE_FIELD = '_sig';

export const WriteSignatureSchema = z
  .object({ v: z.literal(1), key: z.string().regex(/^[A-Za-z0-9_-]{43}$/), sig: z.string().regex(/^[A-Za-z0-9_-]{86}$/) })
  .strict();
export type WriteSignature = z.infer<typeof WriteSignatureSchema>;

/** One write: the fields of one record written together, with one stamp, by one author. */
export interface SignedWrite {
  entity: string;
  rowId: string;
  hlc: string;
  author: string;
  fields: Record<string, unknown>;
}

/**
 * What a signature covers: the workspace (its root key's device id, so a record cannot be replayed into another
 * workspace), the entity, the record's id, its stamp (which names the signing device), the author and every field of
 * the write (so it cannot be moved to another release, or edited after it was written).
 */
function payload(workspaceId: string, w: SignedWrite): Buffer {
  return domainBytes('write', { workspace: workspaceId, entity: w.entity, rowId: w.rowId, hlc: w.hlc, author: w.author, fields: w.fields });
}

export function signWrite(key: DeviceKeyPair, workspaceId: string, write: SignedWrite): WriteSignature {
  return { v: 1, key: key.publicKey, sig: signBytes(key, payload(workspaceId, write)) };
}

/** Why the signature does not hold, in words; null when it does. `deviceId` is the device the write's stamp names. */
export function signatureProblem(workspaceId: string, write: SignedWrite, deviceId: string, signature: unknown): string | null {
  const parsed = WriteSignatureSchema.safeParse(signature);
  if (!parsed.success) return 'its signature is missing or malformed';
  if (deviceIdOf(parsed.data.key) !== deviceId) return `it is signed with a key that is not device ${deviceId}'s`;
  if (!verifyBytes(parsed.data.key, payload(workspaceId, write), parsed.data.sig)) return 'its signature does not match what it says (edited after it was written, or written for another workspace)';
  return null;
}
