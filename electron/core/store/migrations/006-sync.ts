import type { Migration } from './migration';

/**
 * Sync (issue 6, docs/sync.md).
 *
 * `change_log.prev_hlc` is causality: the stamp of the field's newest change this device knew when it made the
 * change (NULL for a first write). A change whose based-on stamp is older than another change of the same field was
 * made without seeing it: that pair is a conflict. Existing entries are backfilled as sequential, which they were:
 * before this migration no workspace synced.
 *
 * Every `sync_*` table is device-local bookkeeping and never travels: where this device syncs to, how far it has
 * read each peer, the conflicts it found, and the changes it holds back (stamped far in the future, or refused by the
 * team server). None of them is a domain table, so none is in ENTITY_TABLES.
 */
export const migration006Sync: Migration = {
  version: 6,
  name: 'sync',
  up: `
    ALTER TABLE change_log ADD COLUMN prev_hlc TEXT;
    UPDATE change_log SET prev_hlc = (
      SELECT max(earlier.hlc) FROM change_log AS earlier
      WHERE earlier.entity = change_log.entity AND earlier.row_id = change_log.row_id
        AND earlier.field = change_log.field AND earlier.hlc < change_log.hlc
    );

    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- How far this device has read each peer: a device's folder files, or the team server's sequence.
    CREATE TABLE sync_peers (
      transport TEXT NOT NULL,
      peer TEXT NOT NULL,
      cursor INTEGER NOT NULL DEFAULT 0,
      last_seen_at TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (transport, peer)
    ) STRICT;

    -- A losing change of a field that the winning side had not seen. Recomputed from the change log per field.
    CREATE TABLE sync_conflicts (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      found_at TEXT NOT NULL DEFAULT '',
      resolution TEXT,
      resolved_at TEXT,
      PRIMARY KEY (entity, row_id, field, hlc)
    ) STRICT;

    -- Changes held back, never dropped: 'future' (stamped too far ahead of this clock; applied once it is not),
    -- 'unknown' (an entity or field this version does not know), 'refused' (the team server refused it).
    CREATE TABLE sync_held (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      kind TEXT NOT NULL,
      reason TEXT NOT NULL,
      change TEXT NOT NULL,
      held_at TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (entity, row_id, field, hlc)
    ) STRICT;
  `,
};
