import { ENTITY_TABLES, isAppendOnly, signerOf } from '../../store/entity-tables';
import { signatureProblem } from '../../trust/write-signature';
import type { Verdict } from './held';
import type { Write } from './writes';

/**
 * The checks a whole write passes on its own: every change of it has one author; an append-only record arrives whole
 * (every field, once); and a write that must be signed carries a signature, by the device its stamp names, over
 * exactly what it says in this workspace. `workspaceId` is the root key's device id (null: no root known yet).
 */
export function writeProblem(w: Write, workspaceId: string | null): Verdict | null {
  if (w.changes.some((c) => c.author !== w.author)) return { kind: 'invalid', reason: 'the fields of one write name different authors' };
  if (isAppendOnly(w.entity)) {
    const missing = Object.keys(ENTITY_TABLES[w.entity].fields).filter((name) => !(name in w.fields));
    if (missing.length) return { kind: 'invalid', reason: `the ${w.entity} record arrived without its ${missing.join(', ')}` };
  }
  if (!signerOf(w.entity)) return null;
  const isRoot = w.entity === 'deviceKey' && w.fields.action === 'root';
  const workspace = isRoot ? String(w.fields.keyDeviceId) : workspaceId;
  if (workspace === null) return { kind: 'unverified', reason: "this workspace's root key is not known here yet" };
  const problem = signatureProblem(workspace, { entity: w.entity, rowId: w.rowId, hlc: w.hlc, author: w.author, fields: w.fields }, w.deviceId, w.signature);
  return problem ? { kind: 'forged', reason: problem } : null;
}
