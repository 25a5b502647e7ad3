/**
 * The PostgreSQL server store's schema, one numbered migration per entry, never edited once released. Text columns
 * use the "C" collation: hybrid-clock stamps and ids then sort byte by byte, as SQLite sorts them, whatever the
 * database's locale (an en_US collation would order stamps differently and change which value is "latest").
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE changes (
    seq bigint PRIMARY KEY,
    hlc text COLLATE "C" NOT NULL,
    device_id text COLLATE "C" NOT NULL,
    author text COLLATE "C" NOT NULL,
    entity text COLLATE "C" NOT NULL,
    row_id text COLLATE "C" NOT NULL,
    field text COLLATE "C" NOT NULL,
    value text,
    old_value text,
    prev_hlc text COLLATE "C",
    chain_seq bigint NOT NULL,
    link text COLLATE "C" NOT NULL,
    member_id text COLLATE "C" NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  -- The server sequence. Numbers are drawn only while the append lock is held (append_changes), so they are
  -- committed in order; see pg-server-store.ts.
  CREATE SEQUENCE changes_seq AS bigint OWNED BY changes.seq;
  CREATE UNIQUE INDEX changes_by_field ON changes (entity, row_id, field, hlc);
  CREATE INDEX changes_by_device ON changes (device_id, seq);
  CREATE INDEX changes_by_chain ON changes (device_id, chain_seq);
  CREATE TABLE members (
    id text COLLATE "C" PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE,
    person_id text COLLATE "C" NOT NULL,
    admin boolean NOT NULL DEFAULT false,
    token_hash text COLLATE "C" NOT NULL UNIQUE,
    created_at text NOT NULL,
    revoked_at text
  );
  -- Each device belongs to the member that first pushed for it; its highest chain place stored so far.
  CREATE TABLE devices (
    device_id text COLLATE "C" PRIMARY KEY,
    member_id text COLLATE "C" NOT NULL,
    chain_seq bigint NOT NULL DEFAULT 0,
    bound_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE meta (
    key text COLLATE "C" PRIMARY KEY,
    value text NOT NULL
  );

  -- One push in one statement and one round trip: the batch arrives as arrays (one per column). Duplicates (already
  -- stored, or twice in the batch) are left out before numbers are drawn, so the sequence has gaps only where a
  -- transaction aborted; ON CONFLICT stays as the last word on idempotence.
  CREATE FUNCTION append_changes(
    p_hlc text[], p_device text[], p_author text[], p_entity text[], p_row text[], p_field text[], p_value text[],
    p_old text[], p_prev text[], p_chain bigint[], p_link text[], p_member text, p_pusher text, p_channel text
  ) RETURNS TABLE (accepted bigint, cursor bigint)
  LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
  DECLARE
    n bigint;
    top bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(current_schema() || ':append'));
    WITH incoming AS (
      SELECT DISTINCT ON (t.entity, t.row_id, t.field, t.hlc) t.*
      FROM unnest(p_hlc, p_device, p_author, p_entity, p_row, p_field, p_value, p_old, p_prev, p_chain, p_link)
        WITH ORDINALITY AS t(hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link, ord)
      ORDER BY t.entity, t.row_id, t.field, t.hlc, t.ord
    ), fresh AS (
      SELECT i.* FROM incoming i
      WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.entity = i.entity AND c.row_id = i.row_id AND c.field = i.field AND c.hlc = i.hlc)
      ORDER BY i.ord
    ), numbered AS (
      SELECT nextval('changes_seq') AS seq, f.* FROM fresh f
    ), stored AS (
      INSERT INTO changes (seq, hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link, member_id)
      SELECT seq, hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link, p_member FROM numbered
      ON CONFLICT DO NOTHING
      RETURNING device_id, chain_seq
    ), highest AS (
      SELECT s.device_id, max(s.chain_seq) AS chain_seq FROM stored s GROUP BY s.device_id
    ), bound AS (
      INSERT INTO devices (device_id, member_id, chain_seq)
      SELECT p_pusher, p_member, coalesce((SELECT h.chain_seq FROM highest h WHERE h.device_id = p_pusher), 0)
      UNION ALL
      SELECT h.device_id, p_member, h.chain_seq FROM highest h WHERE h.device_id <> p_pusher
      ON CONFLICT (device_id) DO UPDATE SET chain_seq = greatest(devices.chain_seq, excluded.chain_seq)
    )
    SELECT count(*) INTO n FROM stored;
    SELECT coalesce(max(c.seq), 0) INTO top FROM changes c;
    -- Delivered at commit, to every node listening: their live streams wake.
    IF n > 0 THEN
      PERFORM pg_notify(p_channel, top::text);
    END IF;
    RETURN QUERY SELECT n, top;
  END
  $fn$;
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
