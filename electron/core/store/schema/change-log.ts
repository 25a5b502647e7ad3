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
      prev_hlc TEXT
    ) STRICT;
    -- One index serves history, the newest value of a field (last-writer-wins) and duplicate detection in sync.
    CREATE UNIQUE INDEX change_log_by_field ON change_log (entity, row_id, field, hlc);
`;
