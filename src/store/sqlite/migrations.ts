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
];
