// Versioned schema migrations for PostgreSQL, step for step the same tables, columns and indexes as
// ../sqlite/migrations.ts (step N here is step N there). Text is compared and sorted in the "C" collation
// (byte order, as SQLite does), so both stores order and page alike whatever the server's locale; JSON fields
// are jsonb. Never edit a released step; add a new one, here and in SQLite.
const T = 'TEXT COLLATE "C"';

/** The columns of an event record, shared by events and event_mentions. */
const RECORD_COLUMNS = `
    type ${T} NOT NULL,
    source ${T} NOT NULL,
    target ${T},
    source_actor ${T},
    target_actor ${T},
    date ${T},
    date_precision ${T},
    date_stated BOOLEAN NOT NULL,
    status ${T} NOT NULL,
    amount JSONB,
    location ${T},
    quote JSONB,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    evidence ${T} NOT NULL,
    plover_type ${T} NOT NULL,
    plover_mode ${T},
    confidence DOUBLE PRECISION NOT NULL,
    rule ${T} NOT NULL`;

export const PG_MIGRATIONS: readonly string[] = [
  /* 1: articles and events */ `
  CREATE TABLE articles (
    id ${T} PRIMARY KEY,
    url ${T},
    title ${T},
    outlet ${T},
    published ${T},
    date_precision ${T},
    date_source ${T} NOT NULL,
    date_confidence DOUBLE PRECISION NOT NULL,
    original TEXT NOT NULL,
    cleaned TEXT NOT NULL,
    offsets JSONB NOT NULL,
    role ${T} NOT NULL,
    parent_id ${T},
    source_name ${T} NOT NULL,
    format ${T} NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX articles_published ON articles (published);
  CREATE TABLE events (
    id ${T} PRIMARY KEY,
    article_id ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,${RECORD_COLUMNS}
  );
  CREATE INDEX events_date ON events (date);
  CREATE INDEX events_pair ON events (source, target, date);
  CREATE INDEX events_target ON events (target, date);
  CREATE INDEX events_article ON events (article_id);
  CREATE INDEX events_type ON events (type, date);
  `,
  /* 2: one event, many sources (see ../sqlite/migrations.ts) */ `
  CREATE TABLE event_mentions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id ${T} NOT NULL UNIQUE,
    event_id ${T} NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,${RECORD_COLUMNS}
  );
  INSERT INTO event_mentions (id, event_id, article_id, type, source, target, source_actor, target_actor, date,
    date_precision, date_stated, status, amount, location, quote, span_start, span_end, evidence, plover_type,
    plover_mode, confidence, rule)
  SELECT id, id, article_id, type, source, target, source_actor, target_actor, date, date_precision,
    date_stated, status, amount, location, quote, span_start, span_end, evidence, plover_type, plover_mode,
    confidence, rule
  FROM events ORDER BY id;
  CREATE INDEX event_mentions_event ON event_mentions (event_id);
  CREATE INDEX event_mentions_article ON event_mentions (article_id);
  ALTER TABLE events ADD COLUMN sources INTEGER NOT NULL DEFAULT 1;
  `,
  /* 3: reading at scale. SQLite also keeps running counts in tables filled by triggers; PostgreSQL counts
     from its indexes (and can use several at once), so only the index comes along. */ `
  CREATE INDEX events_source_date ON events (source, date);
  `,
  /* 4: searching at scale. SQLite keeps a trigram index of each event's evidence (FTS5), more running counts,
     sort indexes and covering ones; here words in the evidence (lower(evidence) LIKE …) are served by a trigram GIN
     index of pg_trgm where the server has the extension and lets the database owner add it (it is a trusted
     extension from PostgreSQL 13); elsewhere the search reads every mention, as before, with the same answers. */ `
  DO $$
  BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXECUTE 'CREATE INDEX event_mentions_evidence_trgm ON event_mentions
          USING gin (lower(evidence) gin_trgm_ops)';
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'attache: pg_trgm not added (%); words in the evidence are searched without an index',
          SQLERRM;
      END;
    END IF;
  END
  $$;
  `,
  /* 5: words with other fields. SQLite's walks along an index read each event's mentions for the words, and
     its indexes take the evidence and the id for that; PostgreSQL combines its indexes (the trigram GIN of
     step 4 and the btree ones) by itself, and a btree entry holding the evidence could outgrow its page limit:
     nothing here. */ `
  SELECT 1;
  `,
];
