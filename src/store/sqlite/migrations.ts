// Versioned schema migrations, applied in order at open. Never edit a released step; add a new one.
// What one event adds to the running counts of migration 4 (pairs, sides, actor by status, year and type),
// and what it takes away: the insert, delete and update triggers share them.
const ADD_COUNTS = `
    INSERT INTO event_link_counts SELECT min(NEW.source, NEW.target), max(NEW.source, NEW.target), 1
      WHERE NEW.target IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_side_counts VALUES ('source', NEW.source, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_side_counts VALUES ('target', coalesce(NEW.target, ''), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_actor_status_counts
      VALUES (NEW.source, NEW.status, coalesce(substr(NEW.date, 1, 4), ''), NEW.type, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO event_actor_status_counts
      SELECT NEW.target, NEW.status, coalesce(substr(NEW.date, 1, 4), ''), NEW.type, 1
      WHERE NEW.target IS NOT NULL AND NEW.target <> NEW.source
      ON CONFLICT DO UPDATE SET n = n + 1;`;
const REMOVE_COUNTS = `
    UPDATE event_link_counts SET n = n - 1
      WHERE OLD.target IS NOT NULL AND a = min(OLD.source, OLD.target) AND b = max(OLD.source, OLD.target);
    UPDATE event_side_counts SET n = n - 1 WHERE side = 'source' AND actor = OLD.source;
    UPDATE event_side_counts SET n = n - 1 WHERE side = 'target' AND actor = coalesce(OLD.target, '');
    UPDATE event_actor_status_counts SET n = n - 1
      WHERE actor = OLD.source AND status = OLD.status AND year = coalesce(substr(OLD.date, 1, 4), '')
        AND type = OLD.type;
    UPDATE event_actor_status_counts SET n = n - 1
      WHERE OLD.target IS NOT NULL AND OLD.target <> OLD.source AND actor = OLD.target
        AND status = OLD.status AND year = coalesce(substr(OLD.date, 1, 4), '') AND type = OLD.type;`;

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
  /* 4: searching and sorting at scale (npm run bench). Words in the evidence: a trigram index (FTS5, every run
     of three characters) holding, for each event, its mentions' evidence lowered as LIKE folds case (lower()
     and LIKE fold ASCII letters only) and joined by char(1), so a phrase of the lowered words (without
     char(1)) finds exactly the events whose mentions LIKE finds, and the events are counted without reading
     them. It is keyed by a column of its own, text_key (a rowid would do, but VACUUM may renumber rowids),
     contentless (the text stays in event_mentions) and kept by triggers. Sorting by confidence walks one index
     each way (the date and id tiebreak runs the same way whatever the direction of confidence). Counts per
     actor on each side (the actor pickers, the top actors), per actor, status, year and type (an actor's
     events of one status in a span of years) and per pair either way round (the top pairs), kept as those of
     migration 3 are. The indexes an actor's or a pair's pages walk take the id too, so each arm of
     read-paths.ts reads date and id (the tiebreak) from the index alone; article summaries (lists, timelines,
     an event's sources) read an index rather than each article's row, text and all; the number of
     articles is kept too. */ `
  DROP INDEX events_pair;
  CREATE INDEX events_pair ON events (source, target, date, id);
  DROP INDEX events_source_date;
  CREATE INDEX events_source_date ON events (source, date, id);
  DROP INDEX events_target;
  CREATE INDEX events_target ON events (target, date, id, source);
  CREATE INDEX articles_summary ON articles (id, title, url, outlet, published, role, source_name);
  -- How many articles (the store's totals), kept rather than counted along an index.
  CREATE TABLE article_count (n INTEGER NOT NULL);
  INSERT INTO article_count SELECT count(*) FROM articles;
  CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
    UPDATE article_count SET n = n + 1;
  END;
  CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
    UPDATE article_count SET n = n - 1;
  END;
  ALTER TABLE events ADD COLUMN text_key INTEGER;
  UPDATE events SET text_key = rowid;
  CREATE UNIQUE INDEX events_text_key ON events (text_key);
  -- The store's writer gives the key in its INSERT; this gives one to events inserted without.
  CREATE TRIGGER events_text_key AFTER INSERT ON events WHEN NEW.text_key IS NULL BEGIN
    UPDATE events SET text_key = (SELECT coalesce(max(text_key), 0) + 1 FROM events) WHERE rowid = NEW.rowid;
  END;
  CREATE VIRTUAL TABLE events_text USING fts5(
    evidence, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
  );
  INSERT INTO events_text (rowid, evidence)
    SELECT e.text_key, t.evidence FROM events e JOIN (
      SELECT event_id, group_concat(lower(evidence), char(1)) AS evidence FROM event_mentions GROUP BY event_id
    ) t ON t.event_id = e.id;
  -- An event's text: its first mention's evidence, or all of its mentions' again after one more comes, one
  -- goes or one changes.
  CREATE TRIGGER event_mentions_text_first AFTER INSERT ON event_mentions
  WHEN NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = NEW.event_id AND m.seq <> NEW.seq) BEGIN
    INSERT INTO events_text (rowid, evidence)
      SELECT e.text_key, lower(NEW.evidence) FROM events e WHERE e.id = NEW.event_id;
  END;
  CREATE TRIGGER event_mentions_text_insert AFTER INSERT ON event_mentions
  WHEN EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = NEW.event_id AND m.seq <> NEW.seq) BEGIN
    DELETE FROM events_text WHERE rowid = (SELECT text_key FROM events WHERE id = NEW.event_id);
    INSERT INTO events_text (rowid, evidence)
      SELECT e.text_key, (SELECT group_concat(lower(m.evidence), char(1)) FROM event_mentions m
        WHERE m.event_id = e.id)
      FROM events e WHERE e.id = NEW.event_id;
  END;
  CREATE TRIGGER event_mentions_text_delete AFTER DELETE ON event_mentions BEGIN
    DELETE FROM events_text WHERE rowid = (SELECT text_key FROM events WHERE id = OLD.event_id);
    INSERT INTO events_text (rowid, evidence)
      SELECT e.text_key, (SELECT group_concat(lower(m.evidence), char(1)) FROM event_mentions m
        WHERE m.event_id = e.id)
      FROM events e WHERE e.id = OLD.event_id;
  END;
  CREATE TRIGGER event_mentions_text_update AFTER UPDATE OF event_id, evidence ON event_mentions BEGIN
    DELETE FROM events_text WHERE rowid IN (SELECT text_key FROM events WHERE id IN (OLD.event_id, NEW.event_id));
    INSERT INTO events_text (rowid, evidence)
      SELECT e.text_key, (SELECT group_concat(lower(m.evidence), char(1)) FROM event_mentions m
        WHERE m.event_id = e.id)
      FROM events e WHERE e.id IN (OLD.event_id, NEW.event_id);
  END;
  CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_text WHERE rowid = OLD.text_key;
  END;
  CREATE INDEX events_confidence_desc ON events (confidence DESC, date DESC, id);
  CREATE INDEX events_confidence_asc ON events (confidence, date DESC, id);
  CREATE TABLE event_side_counts (
    side TEXT NOT NULL, actor TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (side, actor)
  ) WITHOUT ROWID;
  CREATE TABLE event_actor_status_counts (
    actor TEXT NOT NULL, status TEXT NOT NULL, year TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (actor, status, year, type)
  ) WITHOUT ROWID;
  -- Events between two actors either way round (the smaller first), by count for the top pairs.
  CREATE TABLE event_link_counts (
    a TEXT NOT NULL, b TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (a, b)
  ) WITHOUT ROWID;
  CREATE INDEX event_link_counts_n ON event_link_counts (n);
  CREATE TRIGGER events_side_counts_insert AFTER INSERT ON events BEGIN
${ADD_COUNTS}
  END;
  CREATE TRIGGER events_side_counts_delete AFTER DELETE ON events BEGIN
${REMOVE_COUNTS}
  END;
  CREATE TRIGGER events_side_counts_update AFTER UPDATE OF type, status, date, source, target ON events BEGIN
${REMOVE_COUNTS}
${ADD_COUNTS}
  END;
  INSERT INTO event_link_counts
    SELECT min(source, target), max(source, target), count(*) FROM events WHERE target IS NOT NULL GROUP BY 1, 2;
  INSERT INTO event_side_counts SELECT 'source', source, count(*) FROM events GROUP BY source;
  INSERT INTO event_side_counts SELECT 'target', coalesce(target, ''), count(*) FROM events GROUP BY 2;
  INSERT INTO event_actor_status_counts
    SELECT actor, status, year, type, count(*) FROM (
      SELECT source AS actor, status, coalesce(substr(date, 1, 4), '') AS year, type FROM events
      UNION ALL
      SELECT target, status, coalesce(substr(date, 1, 4), ''), type FROM events
      WHERE target IS NOT NULL AND target <> source
    ) GROUP BY 1, 2, 3, 4;
  `,
  /* 5: words with other fields (npm run bench). A walk along the other fields' index reads each event's
     mentions for the words (read-paths.ts): the mentions' index by event takes the evidence, so each event is
     one seek in it, not a seek and a row; the indexes by type and by date (alone, or with an actor's side) take
     the id, which that seek needs, so the walk does not read each event's row for it. */ `
  DROP INDEX event_mentions_event;
  CREATE INDEX event_mentions_event ON event_mentions (event_id, evidence);
  DROP INDEX events_type;
  CREATE INDEX events_type ON events (type, date, id);
  DROP INDEX events_date;
  CREATE INDEX events_date ON events (date, id);
  DROP INDEX events_source_type;
  CREATE INDEX events_source_type ON events (source, type, date, id);
  DROP INDEX events_target_type;
  CREATE INDEX events_target_type ON events (target, type, date, id, source);
  `,
];
