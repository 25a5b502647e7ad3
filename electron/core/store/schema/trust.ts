/**
 * Signed records (docs/sync.md, "Signed records"): device keys — the workspace's root, requests, enrolments and
 * revocations — and the seals each device signs over the head of its hash-chained change log. Append-only, like
 * sign-offs. No SQL foreign keys and a default on every column, because sync delivers the fields of a record in any
 * order and before the records it refers to.
 */
export const trustSchema = `
    CREATE TABLE device_keys (
      id TEXT PRIMARY KEY,
      action TEXT NOT NULL DEFAULT '',
      key_device_id TEXT NOT NULL DEFAULT '',
      public_key TEXT NOT NULL DEFAULT '',
      person_id TEXT NOT NULL DEFAULT '',
      label TEXT NOT NULL DEFAULT '',
      through_seq INTEGER NOT NULL DEFAULT 0,
      reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX device_keys_by_key ON device_keys (key_device_id);

    CREATE TABLE chain_seals (
      id TEXT PRIMARY KEY,
      through_seq INTEGER NOT NULL DEFAULT 0,
      through_link TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
`;
