/**
 * Sync (docs/sync.md). Conflict resolutions are synced, append-only records: a person's answer to a sync conflict
 * ("restore the other value" or "keep the current one"), named by the losing change's identity, so every device's
 * conflicts view agrees on what is still open. Every `sync_*` table is device-local bookkeeping and never travels:
 * where this device syncs to, how far it has read each peer, the conflicts it found, and the changes it holds back.
 * None of those is a domain table, so none is in ENTITY_TABLES.
 */
export const syncSchema = `
    CREATE TABLE conflict_resolutions (
      id TEXT PRIMARY KEY,
      conflict_entity TEXT NOT NULL DEFAULT '',
      conflict_row_id TEXT NOT NULL DEFAULT '',
      conflict_field TEXT NOT NULL DEFAULT '',
      conflict_hlc TEXT NOT NULL DEFAULT '',
      resolution TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX conflict_resolutions_by_conflict ON conflict_resolutions (conflict_entity, conflict_row_id, conflict_field, conflict_hlc);
  
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
      PRIMARY KEY (entity, row_id, field, hlc)
    ) STRICT;

    -- Changes held back, never dropped, with the reason in words.
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
`;
