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
  /* 3: reading at scale (npm run bench: 1,000,000 events). Indexes to walk one actor's events in date order
     (as events_target does for the other side), also of one type, and running counts kept by triggers, so the dashboard's
     totals, its counts by type, status, year, actor and pair, and a country's counts by type, year and partner
     read a few rows instead of every event. Missing values count under '' (read back as NULL). */ `
  CREATE INDEX events_source_date ON events (source, date);
  CREATE INDEX events_source_type ON events (source, type, date);
  CREATE INDEX events_target_type ON events (target, type, date);
  CREATE TABLE event_type_counts (
    type TEXT NOT NULL, status TEXT NOT NULL, year TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (type, status, year)
  ) WITHOUT ROWID;
  CREATE TABLE event_pair_counts (
    source TEXT NOT NULL, target TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (source, target)
  ) WITHOUT ROWID;
  -- Each event under both its actors: its partner is the other one (for an event with itself, itself).
  CREATE TABLE event_actor_counts (
    actor TEXT NOT NULL, type TEXT NOT NULL, year TEXT NOT NULL, partner TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (actor, type, year, partner)
  ) WITHOUT ROWID;
  CREATE TRIGGER events_counts_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_type_counts VALUES (NEW.type, NEW.status, coalesce(substr(NEW.date, 1, 4), ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_pair_counts VALUES (NEW.source, coalesce(NEW.target, ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_actor_counts
      VALUES (NEW.source, NEW.type, coalesce(substr(NEW.date, 1, 4), ''), coalesce(NEW.target, ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_actor_counts
      SELECT NEW.target, NEW.type, coalesce(substr(NEW.date, 1, 4), ''), NEW.source, 1
      WHERE NEW.target IS NOT NULL AND NEW.target <> NEW.source
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER events_counts_delete AFTER DELETE ON events BEGIN
    UPDATE event_type_counts SET n = n - 1
      WHERE type = OLD.type AND status = OLD.status AND year = coalesce(substr(OLD.date, 1, 4), '');
    UPDATE event_pair_counts SET n = n - 1 WHERE source = OLD.source AND target = coalesce(OLD.target, '');
    UPDATE event_actor_counts SET n = n - 1
      WHERE actor = OLD.source AND type = OLD.type AND year = coalesce(substr(OLD.date, 1, 4), '')
        AND partner = coalesce(OLD.target, '');
    UPDATE event_actor_counts SET n = n - 1
      WHERE OLD.target IS NOT NULL AND OLD.target <> OLD.source AND actor = OLD.target AND type = OLD.type
        AND year = coalesce(substr(OLD.date, 1, 4), '') AND partner = OLD.source;
  END;
  -- A merge rewrites an event (merge.ts): count it out as it was and in as it is.
  CREATE TRIGGER events_counts_update AFTER UPDATE OF type, status, date, source, target ON events BEGIN
    UPDATE event_type_counts SET n = n - 1
      WHERE type = OLD.type AND status = OLD.status AND year = coalesce(substr(OLD.date, 1, 4), '');
    UPDATE event_pair_counts SET n = n - 1 WHERE source = OLD.source AND target = coalesce(OLD.target, '');
    UPDATE event_actor_counts SET n = n - 1
      WHERE actor = OLD.source AND type = OLD.type AND year = coalesce(substr(OLD.date, 1, 4), '')
        AND partner = coalesce(OLD.target, '');
    UPDATE event_actor_counts SET n = n - 1
      WHERE OLD.target IS NOT NULL AND OLD.target <> OLD.source AND actor = OLD.target AND type = OLD.type
        AND year = coalesce(substr(OLD.date, 1, 4), '') AND partner = OLD.source;
    INSERT INTO event_type_counts VALUES (NEW.type, NEW.status, coalesce(substr(NEW.date, 1, 4), ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_pair_counts VALUES (NEW.source, coalesce(NEW.target, ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_actor_counts
      VALUES (NEW.source, NEW.type, coalesce(substr(NEW.date, 1, 4), ''), coalesce(NEW.target, ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_actor_counts
      SELECT NEW.target, NEW.type, coalesce(substr(NEW.date, 1, 4), ''), NEW.source, 1
      WHERE NEW.target IS NOT NULL AND NEW.target <> NEW.source
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  INSERT INTO event_type_counts
    SELECT type, status, coalesce(substr(date, 1, 4), ''), count(*) FROM events GROUP BY 1, 2, 3;
  INSERT INTO event_pair_counts SELECT source, coalesce(target, ''), count(*) FROM events GROUP BY 1, 2;
  INSERT INTO event_actor_counts
    SELECT actor, type, year, partner, count(*) FROM (
      SELECT source AS actor, type, coalesce(substr(date, 1, 4), '') AS year, coalesce(target, '') AS partner
      FROM events
      UNION ALL
      SELECT target, type, coalesce(substr(date, 1, 4), ''), source FROM events
      WHERE target IS NOT NULL AND target <> source
    ) GROUP BY 1, 2, 3, 4;
  `,
];
