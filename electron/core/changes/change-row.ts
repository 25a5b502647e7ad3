import type { LoggedChange } from './change';

/** A change as SQLite keeps it, in the workspace's `change_log` and in the team server's `changes` alike. */
export interface ChangeRow {
  seq: number;
  hlc: string;
  device_id: string;
  author: string;
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
  old_value: string | null;
  prev_hlc: string | null;
  chain_seq: number;
  link: string;
  member: string | null;
}

/** The one decoding of a stored change. */
export function rowToChange(row: ChangeRow): LoggedChange {
  return {
    seq: row.seq,
    hlc: row.hlc,
    deviceId: row.device_id,
    author: row.author,
    entity: row.entity,
    rowId: row.row_id,
    field: row.field,
    value: row.value === null ? null : JSON.parse(row.value),
    oldValue: row.old_value === null ? null : JSON.parse(row.old_value),
    prevHlc: row.prev_hlc,
    chainSeq: row.chain_seq,
    link: row.link,
    member: row.member,
  };
}

/** A change as it travels: without this device's local sequence number. */
export function withoutSeq({ seq: _seq, ...change }: LoggedChange): Omit<LoggedChange, 'seq'> {
  return change;
}
