import { isDeepStrictEqual } from 'node:util';
import { hlcDevice, type Change } from '../change';
import { DELETED_FIELD, fieldSpec, isAppendOnly, isEntityName, signerOf } from '../../store/entity-tables';
import { recordId } from '../../trust/record-id';
import { SIGNATURE_FIELD, WriteSignatureSchema } from '../../trust/write-signature';
import type { Verdict } from './held';

const AUTHOR = /^(device:.{1,200}|[A-Za-z0-9_.:@-]{1,200})$/;

/**
 * The checks one change passes on its own, whatever else is known: the entity and field exist in this version, the
 * value fits the field exactly (type, enum, whole number, list of roles …), the stamp is the sending device's, and an
 * append-only record's id is the one its stamp gives. Null when it passes.
 */
export function changeProblem(c: Change): Verdict | null {
  if (!isEntityName(c.entity)) return { kind: 'unknown', reason: `"${c.entity}" is not a kind of record this version of Release Desk knows; update it to merge this change` };
  const entity = c.entity;
  if (hlcDevice(c.hlc) !== c.deviceId) return { kind: 'refused', reason: `it is stamped by device ${hlcDevice(c.hlc)} but claims to come from device ${c.deviceId}` };
  if (!AUTHOR.test(c.author)) return { kind: 'invalid', reason: 'its author is not a person id or a device' };
  if (isAppendOnly(entity)) {
    if (c.field === DELETED_FIELD) return { kind: 'refused', reason: `${entity} records are append-only: they are never deleted` };
    if (c.rowId !== recordId(entity, c.hlc)) {
      return { kind: 'refused', reason: `${entity} records are append-only: record ${c.rowId} is not the one written at this stamp, so this would change a record after it was written` };
    }
  }
  if (c.field === SIGNATURE_FIELD) {
    if (!signerOf(entity)) return { kind: 'invalid', reason: `${entity} records carry no signature` };
    return WriteSignatureSchema.safeParse(c.value).success ? null : { kind: 'forged', reason: 'its signature is malformed' };
  }
  if (c.field === DELETED_FIELD) return typeof c.value === 'boolean' ? null : { kind: 'invalid', reason: 'a deletion must be true or false' };
  const spec = fieldSpec(entity, c.field);
  if (!spec) return { kind: 'unknown', reason: `${entity}.${c.field} is not a field this version of Release Desk knows; update it to merge this change` };
  const parsed = spec.value.safeParse(c.value);
  // A scalar that parses to itself is canonical; only lists and objects need the deep comparison.
  if (!parsed.success || (parsed.data !== c.value && !isDeepStrictEqual(parsed.data, c.value))) {
    const why = parsed.success ? 'is not in its canonical form' : (parsed.error.issues[0]?.message ?? 'does not fit');
    return { kind: 'invalid', reason: `its value for ${entity}.${c.field} ${why.replace(/^(?!is |must |does )/, 'is invalid: ')} (${describeValue(c.value)})` };
  }
  return null;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
