import type { Migration } from './migration';

/**
 * Conflict resolutions (issue 6, docs/sync.md). A person's answer to a sync conflict ("restore the other value" or
 * "keep the current one") is an append-only record that syncs like a sign-off, so every device's conflicts view
 * agrees on what is still open. A record names the conflict by the losing change's identity (entity, row, field,
 * stamp). As in 001: no SQL foreign keys and a default on every column (sync delivers fields in any order).
 */
export const migration008ConflictResolutions: Migration = {
  version: 8,
  name: 'conflict-resolutions',
  up: `
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
  `,
};
