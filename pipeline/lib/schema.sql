-- schema.sql - the figcheck database, embedded into store.c at build time.
-- Versioned with PRAGMA user_version (set by store.c after this runs).
-- Every statement is idempotent, so an older database is brought up to
-- date by running the whole file again.
-- Every stage writes its own tables; a document's rows for one stage are
-- written in one transaction, and the stage's mark on the document row is
-- set in that same transaction, so a re-run resumes exactly where it stopped.

-- Settings a run leaves for the stages after it (e.g. the pack extract used).
CREATE TABLE IF NOT EXISTS meta (
	key TEXT PRIMARY KEY,
	value TEXT
);

CREATE TABLE IF NOT EXISTS document (
	id INTEGER PRIMARY KEY,
	origin TEXT NOT NULL,            -- file path, WARC file#record, or fetched URL
	sha256 TEXT NOT NULL UNIQUE,     -- of the raw bytes: the dedupe key
	content_type TEXT NOT NULL CHECK (content_type IN ('text/html', 'text/plain')),
	url TEXT,
	source TEXT,                     -- outlet name (front matter, option, pack, or page)
	title TEXT,
	author TEXT,
	published TEXT,                  -- ISO 8601 date
	ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	stripped_at TEXT,                -- set by strip in the transaction that wrote the segments
	extracted_at TEXT,               -- set by extract likewise
	error TEXT                       -- last per-document error of a stage, if any
);
CREATE UNIQUE INDEX IF NOT EXISTS document_url ON document(url) WHERE url IS NOT NULL;

-- The raw bytes, apart from the document row: strip and extract update that
-- row once a document each, and SQLite rewrites a whole row on an update,
-- overflow pages and all.  (A database from before schema 4 has them in a
-- document.raw column; store.c moves them here.)
CREATE TABLE IF NOT EXISTS document_raw (
	doc INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
	raw BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS segment (
	id INTEGER PRIMARY KEY,
	doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('title', 'body', 'comment')),
	author TEXT,                     -- the commenter, for comments
	published TEXT,
	text TEXT NOT NULL,
	UNIQUE (doc, seq)
);

-- Full-text index over segment text.  Rows are added in bulk at the end of
-- each strip run (one FTS5 transaction is far cheaper than one per
-- document); meta 'fts_upto' is the highest segment id indexed, so a run
-- that stopped before indexing is caught up by the next.  Deletes remove
-- only rows that were indexed.
CREATE VIRTUAL TABLE IF NOT EXISTS segment_fts USING fts5(
	text, content='segment', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS segment_ad AFTER DELETE ON segment
WHEN old.id <= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_upto'), 0)
BEGIN
	INSERT INTO segment_fts(segment_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE IF NOT EXISTS sentence (
	id INTEGER PRIMARY KEY,
	segment INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	start INTEGER NOT NULL,          -- byte offsets in the segment text
	end INTEGER NOT NULL,
	UNIQUE (segment, seq)
);

CREATE TABLE IF NOT EXISTS mention (
	id INTEGER PRIMARY KEY,
	sentence INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,
	actor TEXT,                      -- pack actor id; NULL when unresolved
	text TEXT NOT NULL,
	start INTEGER NOT NULL,          -- byte offsets in the segment text
	end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mention_sentence ON mention(sentence);

CREATE TABLE IF NOT EXISTS claim (
	id INTEGER PRIMARY KEY,
	doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
	segment INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
	sentence INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,            -- order within the document
	speaker TEXT,
	estimator TEXT,                  -- actor id of an attributed estimate ("police said")
	subject TEXT,
	object TEXT,
	metric TEXT,
	noun TEXT,
	period TEXT,
	value REAL NOT NULL,
	low REAL,                        -- NULL: unbounded
	high REAL,
	low_open INTEGER NOT NULL DEFAULT 0,
	high_open INTEGER NOT NULL DEFAULT 0,
	unit TEXT NOT NULL,
	hedge TEXT,
	qualifier TEXT CHECK (qualifier IS NULL OR qualifier IN ('interim', 'final')),
	role TEXT,                       -- 'total' for a stated total; else NULL
	start INTEGER NOT NULL,          -- byte offsets in the segment text
	end INTEGER NOT NULL,
	rule TEXT NOT NULL,
	UNIQUE (doc, seq)
);
-- No index on (subject, metric): no query looks claims up by them (compare
-- reads every claim), and keeping it cost extract a sixth of its inserts.
DROP INDEX IF EXISTS claim_subject;
-- Foreign keys cascade on delete: each child column needs its index, or
-- every deleted parent row scans the child table.
CREATE INDEX IF NOT EXISTS claim_segment ON claim(segment);
CREATE INDEX IF NOT EXISTS claim_sentence ON claim(sentence);

CREATE TABLE IF NOT EXISTS discrepancy (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN
		('conflict', 'superseded', 'derived', 'arithmetic', 'reference', 'spread')),
	severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
	subject TEXT,
	metric TEXT,
	expected TEXT,
	observed TEXT,
	explanation TEXT NOT NULL,
	nkey TEXT NOT NULL UNIQUE        -- natural key: kind and the claims involved
);

CREATE TABLE IF NOT EXISTS discrepancy_claim (
	discrepancy INTEGER NOT NULL REFERENCES discrepancy(id) ON DELETE CASCADE,
	claim INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
	side INTEGER NOT NULL,
	PRIMARY KEY (discrepancy, claim)
);
CREATE INDEX IF NOT EXISTS discrepancy_claim_claim ON discrepancy_claim(claim);

-- Views for reading the database by hand (sqlite3, Datasette).
CREATE VIEW IF NOT EXISTS claim_quotes AS
SELECT c.id, d.source, d.url, d.published, s.kind AS segment, c.speaker,
	c.subject, c.object, c.metric, c.period, c.value, c.low, c.high, c.unit,
	c.hedge, c.qualifier, CAST(substr(CAST(s.text AS BLOB), t.start + 1, t.end - t.start) AS TEXT) AS quote, c.rule
FROM claim c
JOIN document d ON d.id = c.doc
JOIN segment s ON s.id = c.segment
JOIN sentence t ON t.id = c.sentence;

CREATE VIEW IF NOT EXISTS discrepancy_sides AS
SELECT x.id, x.kind, x.severity, x.subject, x.metric, x.expected, x.observed,
	dc.side, q.source, q.value, q.unit, q.quote, x.explanation
FROM discrepancy x
JOIN discrepancy_claim dc ON dc.discrepancy = x.id
JOIN claim_quotes q ON q.id = dc.claim
ORDER BY x.id, dc.side;
