/** The change log and the device-local facts (meta). */
export const changeLogSchema = `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY,
      hlc TEXT NOT NULL,
      device_id TEXT NOT NULL,
      author TEXT NOT NULL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT,
      old_value TEXT,
      -- Causality for sync: the stamp of the field's newest change this device knew when it made this one (NULL for
      -- a first write). A change based on an older stamp than another change of the same field was made without
      -- seeing it: that pair is a conflict.
      prev_hlc TEXT,
      -- The writing device's hash chain (docs/sync.md, "Signed records"): this change's place in that device's
      -- chain and the link hash over its content and the link before it.
      chain_seq INTEGER NOT NULL,
      link TEXT NOT NULL,
      -- The team-server member that pushed the change, as the server stamped it; NULL when it came another way.
      member TEXT
    ) STRICT;
    -- One index serves history, the newest value of a field (last-writer-wins) and duplicate detection in sync.
    CREATE UNIQUE INDEX change_log_by_field ON change_log (entity, row_id, field, hlc);
    -- Each device's chain in order: verification walks it, and the writer finds its last link.
    CREATE INDEX change_log_by_chain ON change_log (device_id, chain_seq);
`;
