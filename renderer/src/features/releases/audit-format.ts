import { RELEASE_STATUS_LABELS, ReleaseStatus, type AuditEntry } from '../../../../electron/contract/entities';
import { formatInstant } from '../../shared/dates';
import { fieldLabel } from '../../../../electron/contract/field-messages';
import type { NameLookups } from '../workspace/use-name-lookups';

const EMPTY = '—';

/** One change as a person reads it: names instead of ids, dates in the reader's zone, labels instead of codes. */
export function describeValue(field: string, value: unknown, names: NameLookups): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const nameList = (ids: unknown, lookup: Map<string, string>) =>
    Array.isArray(ids) ? ids.map((id) => lookup.get(String(id)) ?? `removed (${String(id).slice(0, 8)})`).join(', ') || EMPTY : EMPTY;
  switch (field) {
    case 'systemIds':
      return nameList(value, names.systems);
    case 'environmentIds':
      return nameList(value, names.environments);
    case 'ownerId':
      return names.people.get(String(value)) ?? 'a removed person';
    case 'windowStart':
    case 'windowEnd':
      return formatInstant(String(value));
    case 'status': {
      const status = ReleaseStatus.safeParse(value);
      return status.success ? RELEASE_STATUS_LABELS[status.data] : String(value);
    }
    case '_deleted':
      return value === true ? 'yes' : 'no';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export interface AuditChange {
  field: string;
  label: string;
  from: string;
  to: string;
  /** The first record of a field (its creation) has no "from". */
  isInitial: boolean;
}

/** Entries written by one save share an HLC: shown together as one event by one person at one time. */
export interface AuditEvent {
  key: string;
  at: string;
  authorName: string;
  changes: AuditChange[];
}

export function groupAuditEntries(entries: readonly AuditEntry[], names: NameLookups): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const entry of entries) {
    let event = events.at(-1);
    if (!event || event.key !== entry.hlc) {
      event = { key: entry.hlc, at: entry.at, authorName: entry.authorName, changes: [] };
      events.push(event);
    }
    event.changes.push({
      field: entry.field,
      label: fieldLabel(entry.field),
      from: describeValue(entry.field, entry.oldValue, names),
      to: describeValue(entry.field, entry.newValue, names),
      isInitial: entry.oldValue === null || entry.oldValue === undefined,
    });
  }
  return events;
}
