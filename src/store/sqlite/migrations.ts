// Versioned schema migrations, applied in order at open. Never edit a released step; add a new one.
export const MIGRATIONS: readonly string[] = [
  /* 1: articles and events */ `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    date_precision TEXT,
    date_source TEXT NOT NULL,
    date_confidence REAL NOT NULL,
    original TEXT NOT NULL,
    cleaned TEXT NOT NULL,
    offsets TEXT NOT NULL,
    role TEXT NOT NULL,
    parent_id TEXT,
    source_name TEXT NOT NULL,
    format TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles (published);
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT,
    source_actor TEXT,
    target_actor TEXT,
    date TEXT,
    date_precision TEXT,
    date_stated INTEGER NOT NULL,
    status TEXT NOT NULL,
    amount TEXT,
    location TEXT,
    quote TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    plover_type TEXT NOT NULL,
    plover_mode TEXT,
    confidence REAL NOT NULL,
    rule TEXT NOT NULL
  );
  CREATE INDEX events_date ON events (date);
  CREATE INDEX events_pair ON events (source, target, date);
  CREATE INDEX events_target ON events (target, date);
  CREATE INDEX events_article ON events (article_id);
  CREATE INDEX events_type ON events (type, date);
  `,
  /* 2: one event, many sources. Every event keeps its mentions (the record as each article gave it); the
     events stored so far become their own single mention, under their own ids. */ `
  CREATE TABLE event_mentions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT,
    source_actor TEXT,
    target_actor TEXT,
    date TEXT,
    date_precision TEXT,
    date_stated INTEGER NOT NULL,
    status TEXT NOT NULL,
    amount TEXT,
    location TEXT,
    quote TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    plover_type TEXT NOT NULL,
    plover_mode TEXT,
    confidence REAL NOT NULL,
    rule TEXT NOT NULL
  );
  INSERT INTO event_mentions (id, event_id, article_id, type, source, target, source_actor, target_actor, date,
    date_precision, date_stated, status, amount, location, quote, span_start, span_end, evidence, plover_type,
    plover_mode, confidence, rule)
  SELECT id, id, article_id, type, source, target, source_actor, target_actor, date, date_precision,
    date_stated, status, amount, location, quote, span_start, span_end, evidence, plover_type, plover_mode,
    confidence, rule
  FROM events ORDER BY rowid;
  CREATE INDEX event_mentions_event ON event_mentions (event_id);
  CREATE INDEX event_mentions_article ON event_mentions (article_id);
  ALTER TABLE events ADD COLUMN sources INTEGER NOT NULL DEFAULT 1;
  `,
];
