/* store.c - the SQLite database: schema, prepared statements, every query figcheck makes. */
#include "store.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "schema_sql.h"

#define FC_STR_(x) #x
#define FC_STR(x) FC_STR_(x)

/*
 * Extract writes rows with multi-row INSERTs of 1, 2, 4, ... 2^(FC_MANY-1)
 * rows: each statement opens and closes a cursor on the table and on each
 * of its indexes and sets up its foreign-key lookups, which costs more
 * than a row.  At 32 rows a claim statement has 736 parameters, within
 * SQLite's oldest limit (999).
 *
 * They are INSERT OR FAIL: a failed row ends the statement with the rows
 * before it kept, where the default (ABORT) takes the statement back.  To
 * be able to, SQLite copies every page a multi-row statement is the first
 * to change into a statement journal (4 KB, and an allocation, a page:
 * 2% of extract's instructions).  Every caller rolls its whole transaction
 * back when a write fails, so the rows kept never commit.  (With
 * foreign-key checks on, SQLite keeps the journal all the same.)
 */
#define FC_MANY 6

/*
 * Every statement figcheck runs, prepared once on first use and kept for
 * the life of the connection.  Parameters are always bound, never printed
 * into SQL.  S_SENT_ADD + k (k < FC_MANY) inserts 2^k sentences, and so
 * for mentions and claims.
 */
enum stmt_id {
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_DOC_FIND,
	S_DOC_ADD,
	S_RAW_ADD,
	S_DOC_GET,
	S_DOC_INFO,
	S_PENDING_STRIP,
	S_PENDING_STRIP_ALL,
	S_PENDING_EXTRACT,
	S_PENDING_EXTRACT_ALL,
	S_SEG_DEL,
	S_SEG_ADD,
	S_DOC_META,
	S_DOC_STRIPPED,
	S_DOC_ERROR,
	S_SEG_GET,
	S_SEG_IDS,
	S_CLAIM_DEL,
	S_SENT_DEL,
	S_SENT_ADD,
	S_MENTION_ADD = S_SENT_ADD + FC_MANY,
	S_CLAIM_ADD = S_MENTION_ADD + FC_MANY,
	S_DOC_EXTRACTED = S_CLAIM_ADD + FC_MANY,
	S_CLAIMS_LOAD,
	S_DISC_DEL,
	S_DISC_ADD,
	S_DISC_CLAIM_ADD,
	S_DISC_LOAD,
	S_DISC_CLAIMS,
	S_UNRESOLVED,
	S_SEG_EACH,
	S_COUNTS,
	S_META_GET,
	S_META_SET,
	S_RESOLVED,
	S_FTS_ADD,
	S_FTS_MARK,
	S__COUNT
};

/* Multi-row INSERTs, spelt out by the preprocessor: parameters in row order. */
#define ROWS2(r) r ", " r
#define ROWS4(r) ROWS2(ROWS2(r))
#define ROWS8(r) ROWS2(ROWS4(r))
#define ROWS16(r) ROWS2(ROWS8(r))
#define ROWS32(r) ROWS2(ROWS16(r))
/* Statements s .. s + 5 (FC_MANY of them): insert with 1, 2, 4, 8, 16 and 32 rows r. */
#define INSERTS_MANY(s, insert, r) \
	[s] = insert r, [s + 1] = insert ROWS2(r), [s + 2] = insert ROWS4(r), \
	[s + 3] = insert ROWS8(r), [s + 4] = insert ROWS16(r), [s + 5] = insert ROWS32(r)
#define SENT_INSERT "INSERT OR FAIL INTO sentence (segment, seq, start, end) VALUES "
#define SENT_ROW "(?, ?, ?, ?)"
#define SENT_COLS 4
#define MENTION_INSERT "INSERT OR FAIL INTO mention (sentence, actor, text, start, end) VALUES "
#define MENTION_ROW "(?, ?, ?, ?, ?)"
#define MENTION_COLS 5
#define CLAIM_INSERT "INSERT OR FAIL INTO claim (doc, segment, sentence, seq, speaker, " \
	"subject, object, metric, noun, period, value, low, high, low_open, " \
	"high_open, unit, hedge, qualifier, role, start, end, rule, estimator) VALUES "
#define CLAIM_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define CLAIM_COLS 23

static const char *const stmt_sql[S__COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_DOC_FIND] = "SELECT id FROM document WHERE sha256 = ?1 "
		"OR (?2 IS NOT NULL AND url = ?2) ORDER BY id LIMIT 1",
	[S_DOC_ADD] = "INSERT INTO document (origin, sha256, content_type, url, "
		"source, title, author, published) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[S_RAW_ADD] = "INSERT INTO document_raw (doc, raw) VALUES (?1, ?2)",
	[S_DOC_GET] = "SELECT d.id, d.origin, d.content_type, d.url, d.source, "
		"d.title, d.author, d.published, d.extracted_at IS NOT NULL, r.raw "
		"FROM document d JOIN document_raw r ON r.doc = d.id WHERE d.id = ?1",
	[S_DOC_INFO] = "SELECT id, origin, content_type, url, source, title, "
		"author, published, extracted_at IS NOT NULL "
		"FROM document WHERE id = ?1",
	[S_PENDING_STRIP] = "SELECT id FROM document WHERE stripped_at IS NULL ORDER BY id",
	[S_PENDING_STRIP_ALL] = "SELECT id FROM document ORDER BY id",
	[S_PENDING_EXTRACT] = "SELECT id FROM document WHERE stripped_at IS NOT NULL "
		"AND extracted_at IS NULL ORDER BY id",
	[S_PENDING_EXTRACT_ALL] = "SELECT id FROM document WHERE stripped_at IS NOT NULL "
		"ORDER BY id",
	[S_SEG_DEL] = "DELETE FROM segment WHERE doc = ?1",
	[S_SEG_ADD] = "INSERT INTO segment (doc, seq, kind, author, published, text) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_DOC_META] = "UPDATE document SET title = coalesce(title, ?2), "
		"author = coalesce(author, ?3), published = coalesce(published, ?4), "
		"url = coalesce(url, (SELECT ?5 WHERE NOT EXISTS "
		"(SELECT 1 FROM document WHERE url = ?5))), "
		"source = coalesce(source, ?6) WHERE id = ?1",
	[S_DOC_STRIPPED] = "UPDATE document SET stripped_at = "
		"strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), extracted_at = NULL, "
		"error = NULL WHERE id = ?1",
	[S_DOC_ERROR] = "UPDATE document SET error = ?2 WHERE id = ?1",
	[S_SEG_GET] = "SELECT id, seq, kind, author, text FROM segment "
		"WHERE doc = ?1 ORDER BY seq",
	[S_SEG_IDS] = "SELECT s.id FROM document d JOIN segment s ON s.doc = d.id "
		"WHERE d.id = ?1 ORDER BY s.seq",
	[S_CLAIM_DEL] = "DELETE FROM claim WHERE doc = ?1",
	[S_SENT_DEL] = "DELETE FROM sentence WHERE segment IN "
		"(SELECT id FROM segment WHERE doc = ?1)",
	INSERTS_MANY(S_SENT_ADD, SENT_INSERT, SENT_ROW),
	INSERTS_MANY(S_MENTION_ADD, MENTION_INSERT, MENTION_ROW),
	INSERTS_MANY(S_CLAIM_ADD, CLAIM_INSERT, CLAIM_ROW),
	[S_DOC_EXTRACTED] = "UPDATE document SET extracted_at = "
		"strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), error = NULL WHERE id = ?1",
	[S_CLAIMS_LOAD] = "SELECT c.id, c.doc, c.segment, c.sentence, c.seq, "
		"d.origin, d.source, d.url, d.published, s.kind, "
		"CAST(substr(CAST(s.text AS BLOB), t.start + 1, t.end - t.start) AS TEXT), "
		"c.speaker, c.subject, c.object, c.metric, c.noun, c.period, "
		"c.value, c.low, c.high, c.low_open, c.high_open, c.unit, c.hedge, "
		"c.qualifier, c.role, c.rule, t.start, t.end, c.start, c.end, "
		"CAST(substr(CAST(s.text AS BLOB), c.start + 1, c.end - c.start) AS TEXT), "
		"c.estimator FROM claim c JOIN document d ON d.id = c.doc "
		"JOIN segment s ON s.id = c.segment "
		"JOIN sentence t ON t.id = c.sentence ORDER BY c.id",
	[S_DISC_DEL] = "DELETE FROM discrepancy",
	[S_DISC_ADD] = "INSERT INTO discrepancy (id, kind, severity, subject, metric, "
		"expected, observed, explanation, nkey) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_DISC_CLAIM_ADD] = "INSERT OR IGNORE INTO discrepancy_claim "
		"(discrepancy, claim, side) VALUES (?1, ?2, ?3)",
	[S_DISC_LOAD] = "SELECT id, kind, severity, subject, metric, expected, "
		"observed, explanation FROM discrepancy ORDER BY id",
	[S_DISC_CLAIMS] = "SELECT claim FROM discrepancy_claim WHERE discrepancy = ?1 "
		"ORDER BY side",
	[S_UNRESOLVED] = "SELECT m.text, count(*), min(d.source) FROM mention m "
		"JOIN sentence t ON t.id = m.sentence JOIN segment s ON s.id = t.segment "
		"JOIN document d ON d.id = s.doc WHERE m.actor IS NULL "
		"GROUP BY m.text ORDER BY count(*) DESC, m.text",
	[S_SEG_EACH] = "SELECT s.doc, s.id, d.origin, d.url, d.source, s.kind, "
		"s.author, s.text FROM segment s JOIN document d ON d.id = s.doc "
		"ORDER BY s.doc, s.seq",
	[S_COUNTS] = "SELECT (SELECT count(*) FROM document), "
		"(SELECT count(*) FROM document WHERE stripped_at IS NOT NULL), "
		"(SELECT count(*) FROM document WHERE extracted_at IS NOT NULL), "
		"(SELECT count(*) FROM segment), (SELECT count(*) FROM sentence), "
		"(SELECT count(*) FROM claim), (SELECT count(*) FROM discrepancy), "
		"(SELECT count(*) FROM document WHERE error IS NOT NULL)",
	[S_RESOLVED] = "SELECT m.actor, count(*), min(d.source) FROM mention m "
		"JOIN sentence t ON t.id = m.sentence JOIN segment s ON s.id = t.segment "
		"JOIN document d ON d.id = s.doc WHERE m.actor IS NOT NULL "
		"GROUP BY m.actor ORDER BY count(*) DESC, m.actor",
	[S_FTS_ADD] = "INSERT INTO segment_fts(rowid, text) SELECT id, text FROM segment "
		"WHERE id > coalesce((SELECT CAST(value AS INTEGER) FROM meta "
		"WHERE key = 'fts_upto'), 0) ORDER BY id",
	[S_FTS_MARK] = "INSERT INTO meta (key, value) SELECT 'fts_upto', max(id) FROM segment "
		"WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value "
		"WHERE excluded.value IS NOT NULL",
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[S_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value",
};

struct fc_store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[S__COUNT];
};

static int db_error(struct fc_store *st, struct fc_error *err, const char *what)
{
	return fc_error_set(err, FC_ESYS, "database '%s': %s: %s", st->path,
			    what, sqlite3_errmsg(st->db));
}

/* The prepared statement for id, reset (its bindings kept). */
static sqlite3_stmt *stmt_reset(struct fc_store *st, enum stmt_id id,
				struct fc_error *err)
{
	sqlite3_stmt *s = st->stmt[id];

	if (!s) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
				       SQLITE_PREPARE_PERSISTENT, &s,
				       NULL) != SQLITE_OK) {
			db_error(st, err, "cannot prepare statement");
			return NULL;
		}
		st->stmt[id] = s;
	}
	sqlite3_reset(s);
	return s;
}

/* The prepared statement for id, reset and with its bindings cleared. */
static sqlite3_stmt *stmt(struct fc_store *st, enum stmt_id id,
			  struct fc_error *err)
{
	sqlite3_stmt *s = stmt_reset(st, id, err);

	if (s)
		sqlite3_clear_bindings(s);
	return s;
}

/*
 * Bound in place, not copied: every caller steps the statement before the
 * string can change, and before the next step every parameter is bound
 * again (insert_rows) or cleared (stmt()).
 */
static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static void bind_bound(sqlite3_stmt *s, int i, double v)
{
	if (isinf(v) || isnan(v))
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_double(s, i, v);
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? fc_xstrndup((const char *)t,
			       (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

/* Run a statement that returns no rows. */
static int step_done(struct fc_store *st, sqlite3_stmt *s, struct fc_error *err,
		     const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, err, what);
	return FC_OK;
}

static int exec(struct fc_store *st, const char *sql, struct fc_error *err)
{
	char *msg = NULL;
	int rc;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return FC_OK;
	rc = fc_error_set(err, FC_ESYS, "database '%s': %s", st->path,
			  msg ? msg : sqlite3_errmsg(st->db));
	sqlite3_free(msg);
	return rc;
}

static int user_version(struct fc_store *st, int *v, struct fc_error *err)
{
	sqlite3_stmt *s = NULL;
	int rc = FC_OK;

	/* PRAGMA is a statement like any other; prepared, not printed. */
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) !=
	    SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
		rc = db_error(st, err, "cannot read schema version");
		goto out;
	}
	*v = sqlite3_column_int(s, 0);
out:
	sqlite3_finalize(s);
	return rc;
}

/*
 * Before schema 4 the raw bytes were document.raw; they move to
 * document_raw (which schema.sql has made), so that updating a document's
 * row no longer rewrites them.  Run inside the migration's transaction.
 */
static int move_raw(struct fc_store *st, struct fc_error *err)
{
	sqlite3_stmt *s = NULL;
	int rc = FC_OK, old;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM "
			       "pragma_table_info('document') WHERE name = 'raw'",
			       -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		rc = db_error(st, err, "cannot read the document table's columns");
		goto out;
	}
	old = sqlite3_column_int(s, 0);
	if (old)
		rc = exec(st, "INSERT INTO document_raw (doc, raw) "
			  "SELECT id, raw FROM document ORDER BY id; "
			  "ALTER TABLE document DROP COLUMN raw", err);
out:
	sqlite3_finalize(s);
	return rc;
}

static int migrate(struct fc_store *st, struct fc_error *err)
{
	int v = 0, rc;

	if ((rc = user_version(st, &v, err)))
		return rc;
	if (v > FC_SCHEMA_VERSION)
		return fc_error_set(err, FC_ESYS,
				    "database '%s': schema version %d is newer than this figcheck (%d)",
				    st->path, v, FC_SCHEMA_VERSION);
	if (v == FC_SCHEMA_VERSION)
		return FC_OK;
	if ((rc = exec(st, "BEGIN IMMEDIATE", err)))
		return rc;
	if ((rc = exec(st, fc_schema_sql, err)) ||
	    (rc = move_raw(st, err)) ||
	    /* The version is a constant of this build, not user data. */
	    (rc = exec(st, "PRAGMA user_version = " FC_STR(FC_SCHEMA_VERSION), err))) {
		exec(st, "ROLLBACK", NULL);
		return rc;
	}
	return exec(st, "COMMIT", err);
}

/*
 * SQLite's memory statistics take a global mutex around every allocation,
 * a tenth of what an insert costs; figcheck never reads them.  The setting
 * is process-wide and takes only before SQLite is initialised, so it is
 * made once, before the first open (if something else in the process
 * started SQLite first, the call fails and nothing changes).
 */
static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

static void sqlite_config(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int fc_store_open(const char *path, struct fc_store **out, struct fc_error *err)
{
	struct fc_store *st = fc_xcalloc(1, sizeof(*st));
	int rc;

	*out = NULL;
	st->path = fc_xstrdup(path);
	pthread_once(&sqlite_once, sqlite_config);
	/*
	 * No mutex on the connection: a store is used by one thread at a time
	 * (extract's workers never touch it), and every call would take one.
	 */
	if (sqlite3_open_v2(path, &st->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = fc_error_set(err, FC_ESYS, "cannot open database '%s': %s",
				  path, st->db ? sqlite3_errmsg(st->db) :
				  "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 10000);
	if ((rc = exec(st, "PRAGMA journal_mode = WAL", err)) ||
	    (rc = exec(st, "PRAGMA synchronous = NORMAL", err)) ||
	    (rc = exec(st, "PRAGMA foreign_keys = ON", err)) ||
	    /* A bigger page cache: stages write a lot. */
	    (rc = exec(st, "PRAGMA cache_size = -65536", err)) ||
	    /*
	     * Checkpoints every 1024 pages, not 8192: they write and fsync
	     * the same bytes however often they run, and a stage's last
	     * commit waits for its checkpoint (extract's took 0.1 s at 8192,
	     * 0.04 s at 1024, while its workers had nothing left to do).
	     */
	    (rc = exec(st, "PRAGMA wal_autocheckpoint = 1024", err)) ||
	    (rc = exec(st, "PRAGMA temp_store = MEMORY", err)) ||
	    (rc = migrate(st, err)))
		goto fail;
	*out = st;
	return FC_OK;
fail:
	fc_store_close(st);
	return rc;
}

void fc_store_close(struct fc_store *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < S__COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int fc_store_begin(struct fc_store *st, struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_BEGIN, err);

	return s ? step_done(st, s, err, "cannot begin transaction") : FC_ESYS;
}

int fc_store_commit(struct fc_store *st, struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_COMMIT, err);

	return s ? step_done(st, s, err, "cannot commit") : FC_ESYS;
}

void fc_store_rollback(struct fc_store *st)
{
	sqlite3_stmt *s;

	if (sqlite3_get_autocommit(st->db))
		return;
	if ((s = stmt(st, S_ROLLBACK, NULL)))
		step_done(st, s, NULL, "rollback");
}

int fc_store_doc_add(struct fc_store *st, const struct fc_doc_in *d,
		     int64_t *id, int64_t *dup, struct fc_error *err)
{
	sqlite3_stmt *s;
	int rc;

	*id = 0;
	*dup = 0;
	if (!(s = stmt(st, S_DOC_FIND, err)))
		return FC_ESYS;
	bind_text(s, 1, d->sha256);
	bind_text(s, 2, d->url);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*dup = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return FC_OK;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, err, "cannot look up document");
	if (!(s = stmt(st, S_DOC_ADD, err)))
		return FC_ESYS;
	bind_text(s, 1, d->origin);
	bind_text(s, 2, d->sha256);
	bind_text(s, 3, d->content_type);
	bind_text(s, 4, d->url);
	bind_text(s, 5, d->source);
	bind_text(s, 6, d->title);
	bind_text(s, 7, d->author);
	bind_text(s, 8, d->published);
	if ((rc = step_done(st, s, err, "cannot add document")))
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	if (!(s = stmt(st, S_RAW_ADD, err)))
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_blob64(s, 2, d->raw, d->rawlen, SQLITE_STATIC);
	return step_done(st, s, err, "cannot add document");
}

void fc_doc_release(struct fc_doc *d)
{
	free(d->origin);
	free(d->content_type);
	free(d->url);
	free(d->source);
	free(d->title);
	free(d->author);
	free(d->published);
	free(d->raw);
	memset(d, 0, sizeof(*d));
}

int fc_store_pending(struct fc_store *st, enum fc_stage stage, int redo,
		     int64_t **ids, size_t *n, struct fc_error *err)
{
	enum stmt_id which = stage == FC_STAGE_STRIP ?
		(redo ? S_PENDING_STRIP_ALL : S_PENDING_STRIP) :
		(redo ? S_PENDING_EXTRACT_ALL : S_PENDING_EXTRACT);
	sqlite3_stmt *s = stmt(st, which, err);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!s)
		return FC_ESYS;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*ids = fc_xrealloc(*ids, cap * sizeof(**ids));
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_error(st, err, "cannot list pending documents");
	}
	return FC_OK;
}

/* Read document id by statement which (S_DOC_GET or S_DOC_INFO). */
static int doc_read(struct fc_store *st, enum stmt_id which, int64_t id,
		    struct fc_doc *d, struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, which, err);
	int rc;

	memset(d, 0, sizeof(*d));
	if (!s)
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE ?
			fc_error_set(err, FC_EDATA, "no document %lld",
				     (long long)id) :
			db_error(st, err, "cannot read document");
	}
	d->id = sqlite3_column_int64(s, 0);
	d->origin = col_dup(s, 1);
	d->content_type = col_dup(s, 2);
	d->url = col_dup(s, 3);
	d->source = col_dup(s, 4);
	d->title = col_dup(s, 5);
	d->author = col_dup(s, 6);
	d->published = col_dup(s, 7);
	d->extracted = sqlite3_column_int(s, 8);
	if (which == S_DOC_GET) {
		d->rawlen = (size_t)sqlite3_column_bytes(s, 9);
		d->raw = fc_xmalloc(d->rawlen + 1);
		if (d->rawlen)
			memcpy(d->raw, sqlite3_column_blob(s, 9), d->rawlen);
		d->raw[d->rawlen] = '\0';
	}
	sqlite3_reset(s);
	return FC_OK;
}

int fc_store_doc_get(struct fc_store *st, int64_t id, struct fc_doc *d,
		     struct fc_error *err)
{
	return doc_read(st, S_DOC_GET, id, d, err);
}

int fc_store_doc_info(struct fc_store *st, int64_t id, struct fc_doc *d,
		      struct fc_error *err)
{
	return doc_read(st, S_DOC_INFO, id, d, err);
}

int fc_store_segments_put(struct fc_store *st, int64_t doc,
			  const struct fc_stripped *x, struct fc_error *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (!(s = stmt(st, S_SEG_DEL, err)))
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	if ((rc = step_done(st, s, err, "cannot clear segments")))
		return rc;
	for (i = 0; i < x->nseg; i++) {
		const struct fc_segment *g = &x->seg[i];

		if (!(s = stmt(st, S_SEG_ADD, err)))
			return FC_ESYS;
		sqlite3_bind_int64(s, 1, doc);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
		bind_text(s, 3, fc_seg_kind_name(g->kind));
		bind_text(s, 4, g->author);
		bind_text(s, 5, g->published);
		sqlite3_bind_text(s, 6, g->text, (int)g->len, SQLITE_STATIC);
		if ((rc = step_done(st, s, err, "cannot add segment")))
			return rc;
	}
	if (!(s = stmt(st, S_DOC_META, err)))
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	bind_text(s, 2, x->meta.title);
	bind_text(s, 3, x->meta.author);
	bind_text(s, 4, x->meta.published);
	bind_text(s, 5, x->meta.url);
	bind_text(s, 6, x->meta.site);
	if ((rc = step_done(st, s, err, "cannot update document metadata")))
		return rc;
	if (!(s = stmt(st, S_DOC_STRIPPED, err)))
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	return step_done(st, s, err, "cannot mark document stripped");
}

int fc_store_doc_error(struct fc_store *st, int64_t doc, const char *msg,
		       struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_DOC_ERROR, err);

	if (!s)
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	bind_text(s, 2, msg);
	return step_done(st, s, err, "cannot record document error");
}

void fc_seg_rows_release(struct fc_seg_rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].kind);
		free(r->v[i].author);
		free(r->v[i].text);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

int fc_store_segments_get(struct fc_store *st, int64_t doc,
			  struct fc_seg_rows *out, struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_SEG_GET, err);
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (!s)
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fc_seg_row *r;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = fc_xrealloc(out->v, cap * sizeof(*out->v));
		}
		r = &out->v[out->n++];
		r->id = sqlite3_column_int64(s, 0);
		r->seq = sqlite3_column_int(s, 1);
		r->kind = col_dup(s, 2);
		r->author = col_dup(s, 3);
		r->text = col_dup(s, 4);
		r->len = r->text ? strlen(r->text) : 0;
		if (!r->text)
			r->text = fc_xstrdup("");
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		fc_seg_rows_release(out);
		return db_error(st, err, "cannot read segments");
	}
	return FC_OK;
}

int fc_store_segments_same(struct fc_store *st, int64_t doc,
			   const struct fc_seg_rows *rows, int *same,
			   struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_SEG_IDS, err);
	size_t n = 0;
	int rc;

	*same = 0;
	if (!s)
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n < rows->n && rows->v[n].id == sqlite3_column_int64(s, 0))
			n++;
		else
			break;
	}
	*same = rc == SQLITE_DONE && n == rows->n;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_error(st, err, "cannot read segments");
	return FC_OK;
}

int fc_store_foreign_keys(struct fc_store *st, int on, struct fc_error *err)
{
	if (!sqlite3_get_autocommit(st->db))
		return fc_error_set(err, FC_ESYS,
				    "database '%s': foreign-key checks changed inside a transaction",
				    st->path);
	return exec(st, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
		    err);
}

int fc_store_extract_clear(struct fc_store *st, int64_t doc,
			   struct fc_error *err)
{
	/* Claims first: they refer to sentences. */
	static const enum stmt_id order[] = { S_CLAIM_DEL, S_SENT_DEL };
	size_t i;
	int rc;

	for (i = 0; i < 2; i++) {
		sqlite3_stmt *s = stmt(st, order[i], err);

		if (!s)
			return FC_ESYS;
		sqlite3_bind_int64(s, 1, doc);
		if ((rc = step_done(st, s, err, "cannot clear extraction")))
			return rc;
	}
	return FC_OK;
}

typedef void (*bind_row_fn)(sqlite3_stmt *s, int at, const void *row);

/*
 * Insert rows[0..n) (each size bytes) in order, in runs of 2^k rows, the
 * longest first, with statement first + k and bind() for each row's cols
 * parameters.  ids, if not NULL, gets each row's id: a row inserted without
 * one gets one more than the largest in its table, so the rows of one
 * statement have consecutive ids, up to the last one inserted.
 */
static int insert_rows(struct fc_store *st, enum stmt_id first, int cols,
		       bind_row_fn bind, const void *rows, size_t size,
		       size_t n, int64_t *ids, const char *what,
		       struct fc_error *err)
{
	const char *row = rows;
	sqlite3_stmt *s;
	int64_t last;
	size_t r, i;
	int k, rc;

	while (n) {
		for (k = FC_MANY - 1; ((size_t)1 << k) > n; k--)
			;
		r = (size_t)1 << k;
		/*
		 * Every parameter is bound below, so the bindings are not
		 * cleared first (for 32 claims, 736 of them).
		 */
		if (!(s = stmt_reset(st, (enum stmt_id)(first + k), err)))
			return FC_ESYS;
		for (i = 0; i < r; i++)
			bind(s, (int)i * cols, row + i * size);
		if ((rc = step_done(st, s, err, what)))
			return rc;
		if (ids) {
			last = sqlite3_last_insert_rowid(st->db);
			for (i = 0; i < r; i++)
				*ids++ = last - (int64_t)(r - 1 - i);
		}
		row += r * size;
		n -= r;
	}
	return FC_OK;
}

static void bind_sentence(sqlite3_stmt *s, int at, const void *row)
{
	const struct fc_sentence_row *r = row;

	sqlite3_bind_int64(s, at + 1, r->segment);
	sqlite3_bind_int(s, at + 2, r->seq);
	sqlite3_bind_int64(s, at + 3, (sqlite3_int64)r->start);
	sqlite3_bind_int64(s, at + 4, (sqlite3_int64)r->end);
}

static void bind_mention(sqlite3_stmt *s, int at, const void *row)
{
	const struct fc_mention_row *m = row;

	sqlite3_bind_int64(s, at + 1, m->sentence);
	bind_text(s, at + 2, m->actor);
	sqlite3_bind_text(s, at + 3, m->text, (int)m->len, SQLITE_STATIC);
	sqlite3_bind_int64(s, at + 4, (sqlite3_int64)m->start);
	sqlite3_bind_int64(s, at + 5, (sqlite3_int64)m->end);
}

static void bind_claim(sqlite3_stmt *s, int at, const void *row)
{
	const struct fc_claim *c = row;

	sqlite3_bind_int64(s, at + 1, c->doc);
	sqlite3_bind_int64(s, at + 2, c->segment);
	sqlite3_bind_int64(s, at + 3, c->sentence);
	sqlite3_bind_int(s, at + 4, c->seq);
	bind_text(s, at + 5, c->speaker);
	bind_text(s, at + 6, c->subject);
	bind_text(s, at + 7, c->object);
	bind_text(s, at + 8, c->metric);
	bind_text(s, at + 9, c->noun);
	bind_text(s, at + 10, c->period);
	sqlite3_bind_double(s, at + 11, c->value);
	bind_bound(s, at + 12, c->low);
	bind_bound(s, at + 13, c->high);
	sqlite3_bind_int(s, at + 14, c->low_open);
	sqlite3_bind_int(s, at + 15, c->high_open);
	bind_text(s, at + 16, c->unit);
	bind_text(s, at + 17, c->hedge);
	bind_text(s, at + 18, c->qualifier);
	bind_text(s, at + 19, c->role);
	sqlite3_bind_int64(s, at + 20, (sqlite3_int64)c->fig_start);
	sqlite3_bind_int64(s, at + 21, (sqlite3_int64)c->fig_end);
	bind_text(s, at + 22, c->rule);
	bind_text(s, at + 23, c->estimator);
}

int fc_store_sentences_add(struct fc_store *st,
			   const struct fc_sentence_row *rows, size_t n,
			   int64_t *ids, struct fc_error *err)
{
	return insert_rows(st, S_SENT_ADD, SENT_COLS, bind_sentence, rows,
			   sizeof(*rows), n, ids, "cannot add sentence", err);
}

int fc_store_mentions_add(struct fc_store *st,
			  const struct fc_mention_row *rows, size_t n,
			  struct fc_error *err)
{
	return insert_rows(st, S_MENTION_ADD, MENTION_COLS, bind_mention, rows,
			   sizeof(*rows), n, NULL, "cannot add mention", err);
}

int fc_store_claims_add(struct fc_store *st, const struct fc_claim *v,
			size_t n, struct fc_error *err)
{
	return insert_rows(st, S_CLAIM_ADD, CLAIM_COLS, bind_claim, v,
			   sizeof(*v), n, NULL, "cannot add claim", err);
}

int fc_store_sentence_add(struct fc_store *st, int64_t segment, int seq,
			  size_t start, size_t end, int64_t *id,
			  struct fc_error *err)
{
	struct fc_sentence_row r = { segment, seq, start, end };

	return fc_store_sentences_add(st, &r, 1, id, err);
}

int fc_store_mention_add(struct fc_store *st, int64_t sentence,
			 const char *actor, const char *text, size_t len,
			 size_t start, size_t end, struct fc_error *err)
{
	struct fc_mention_row m = { sentence, actor, text, len, start, end };

	return fc_store_mentions_add(st, &m, 1, err);
}

int fc_store_claim_add(struct fc_store *st, const struct fc_claim *c,
		       int64_t *id, struct fc_error *err)
{
	int rc = fc_store_claims_add(st, c, 1, err);

	if (!rc && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

int fc_store_mark_extracted(struct fc_store *st, int64_t doc,
			    struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_DOC_EXTRACTED, err);

	if (!s)
		return FC_ESYS;
	sqlite3_bind_int64(s, 1, doc);
	return step_done(st, s, err, "cannot mark document extracted");
}

static double col_bound(sqlite3_stmt *s, int i, double inf)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? inf :
		sqlite3_column_double(s, i);
}

int fc_store_claims_load(struct fc_store *st, struct fc_claim_vec *out,
			 struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_CLAIMS_LOAD, err);
	int rc;

	if (!s)
		return FC_ESYS;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fc_claim *c = fc_claim_vec_push(out);

		c->id = sqlite3_column_int64(s, 0);
		c->doc = sqlite3_column_int64(s, 1);
		c->segment = sqlite3_column_int64(s, 2);
		c->sentence = sqlite3_column_int64(s, 3);
		c->seq = sqlite3_column_int(s, 4);
		c->origin = col_dup(s, 5);
		c->source = col_dup(s, 6);
		c->url = col_dup(s, 7);
		c->published = col_dup(s, 8);
		c->segkind = col_dup(s, 9);
		c->quote = col_dup(s, 10);
		c->speaker = col_dup(s, 11);
		c->subject = col_dup(s, 12);
		c->object = col_dup(s, 13);
		c->metric = col_dup(s, 14);
		c->noun = col_dup(s, 15);
		c->period = col_dup(s, 16);
		c->value = sqlite3_column_double(s, 17);
		c->low = col_bound(s, 18, -INFINITY);
		c->high = col_bound(s, 19, INFINITY);
		c->low_open = sqlite3_column_int(s, 20);
		c->high_open = sqlite3_column_int(s, 21);
		c->unit = col_dup(s, 22);
		c->hedge = col_dup(s, 23);
		c->qualifier = col_dup(s, 24);
		c->role = col_dup(s, 25);
		c->rule = col_dup(s, 26);
		c->start = (size_t)sqlite3_column_int64(s, 27);
		c->end = (size_t)sqlite3_column_int64(s, 28);
		c->fig_start = (size_t)sqlite3_column_int64(s, 29);
		c->fig_end = (size_t)sqlite3_column_int64(s, 30);
		c->fig_text = col_dup(s, 31);
		c->estimator = col_dup(s, 32);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, err, "cannot read claims");
	return FC_OK;
}

/* The natural key of a finding: its kind and the claims it rests on. */
static void disc_key(struct fc_buf *b, const struct fc_discrepancy *d)
{
	size_t i;

	fc_buf_reset(b);
	fc_buf_printf(b, "%s:%s:%s", fc_disc_kind_name(d->kind),
		      d->subject ? d->subject : "", d->metric ? d->metric : "");
	for (i = 0; i < d->nclaims; i++)
		fc_buf_printf(b, ":%lld", (long long)d->claims[i]);
}

int fc_store_discrepancies_put(struct fc_store *st, struct fc_disc_vec *dv,
			       struct fc_error *err)
{
	struct fc_buf key = FC_BUF_INIT;
	sqlite3_stmt *s;
	size_t i, j;
	int rc;

	if ((rc = fc_store_begin(st, err)))
		return rc;
	if (!(s = stmt(st, S_DISC_DEL, err))) {
		rc = FC_ESYS;
		goto out;
	}
	if ((rc = step_done(st, s, err, "cannot clear discrepancies")))
		goto out;
	for (i = 0; i < dv->n; i++) {
		struct fc_discrepancy *d = &dv->v[i];

		d->id = (int64_t)i + 1;
		disc_key(&key, d);
		if (!(s = stmt(st, S_DISC_ADD, err))) {
			rc = FC_ESYS;
			goto out;
		}
		sqlite3_bind_int64(s, 1, d->id);
		bind_text(s, 2, fc_disc_kind_name(d->kind));
		bind_text(s, 3, fc_severity_name(d->severity));
		bind_text(s, 4, d->subject);
		bind_text(s, 5, d->metric);
		bind_text(s, 6, d->expected);
		bind_text(s, 7, d->observed);
		bind_text(s, 8, d->explanation);
		bind_text(s, 9, key.data);
		if ((rc = step_done(st, s, err, "cannot add discrepancy")))
			goto out;
		for (j = 0; j < d->nclaims; j++) {
			if (!(s = stmt(st, S_DISC_CLAIM_ADD, err))) {
				rc = FC_ESYS;
				goto out;
			}
			sqlite3_bind_int64(s, 1, d->id);
			sqlite3_bind_int64(s, 2, d->claims[j]);
			sqlite3_bind_int(s, 3, (int)j);
			if ((rc = step_done(st, s, err,
					    "cannot link discrepancy")))
				goto out;
		}
	}
	rc = fc_store_commit(st, err);
out:
	if (rc)
		fc_store_rollback(st);
	fc_buf_release(&key);
	return rc;
}

int fc_store_discrepancies_load(struct fc_store *st, struct fc_disc_vec *out,
				struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_DISC_LOAD, err), *c;
	size_t i;
	int rc;

	if (!s)
		return FC_ESYS;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fc_discrepancy *d = fc_disc_vec_push(out);
		const char *k = (const char *)sqlite3_column_text(s, 1);
		const char *v = (const char *)sqlite3_column_text(s, 2);

		d->id = sqlite3_column_int64(s, 0);
		if (!k || fc_disc_kind_parse(k, &d->kind) ||
		    !v || fc_severity_parse(v, &d->severity)) {
			sqlite3_reset(s);
			return fc_error_set(err, FC_ESYS,
					    "database '%s': bad discrepancy row %lld",
					    st->path, (long long)d->id);
		}
		d->subject = col_dup(s, 3);
		d->metric = col_dup(s, 4);
		d->expected = col_dup(s, 5);
		d->observed = col_dup(s, 6);
		d->explanation = col_dup(s, 7);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, err, "cannot read discrepancies");
	for (i = 0; i < out->n; i++) {
		struct fc_discrepancy *d = &out->v[i];
		size_t cap = 0;

		if (!(c = stmt(st, S_DISC_CLAIMS, err)))
			return FC_ESYS;
		sqlite3_bind_int64(c, 1, d->id);
		while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
			if (d->nclaims == cap) {
				cap = cap ? cap * 2 : 4;
				d->claims = fc_xrealloc(d->claims,
							cap * sizeof(*d->claims));
			}
			d->claims[d->nclaims++] = sqlite3_column_int64(c, 0);
		}
		sqlite3_reset(c);
		if (rc != SQLITE_DONE)
			return db_error(st, err, "cannot read discrepancy claims");
	}
	return FC_OK;
}

int fc_store_mentions_each(struct fc_store *st, int unresolved,
			   fc_mention_cb cb, void *ctx, struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, unresolved ? S_UNRESOLVED : S_RESOLVED, err);
	int rc;

	if (!s)
		return FC_ESYS;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int r = cb(ctx, (const char *)sqlite3_column_text(s, 0),
			   sqlite3_column_int64(s, 1),
			   (const char *)sqlite3_column_text(s, 2));
		if (r) {
			sqlite3_reset(s);
			return r;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? FC_OK :
		db_error(st, err, "cannot read mentions");
}

int fc_store_segments_each(struct fc_store *st, fc_segment_cb cb, void *ctx,
			   struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_SEG_EACH, err);
	int rc;

	if (!s)
		return FC_ESYS;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fc_seg_export e;
		int r;

		e.doc = sqlite3_column_int64(s, 0);
		e.id = sqlite3_column_int64(s, 1);
		e.origin = (const char *)sqlite3_column_text(s, 2);
		e.url = (const char *)sqlite3_column_text(s, 3);
		e.source = (const char *)sqlite3_column_text(s, 4);
		e.kind = (const char *)sqlite3_column_text(s, 5);
		e.author = (const char *)sqlite3_column_text(s, 6);
		e.text = (const char *)sqlite3_column_text(s, 7);
		if ((r = cb(ctx, &e))) {
			sqlite3_reset(s);
			return r;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? FC_OK :
		db_error(st, err, "cannot read segments");
}

int fc_store_counts(struct fc_store *st, struct fc_store_counts *c,
		    struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_COUNTS, err);

	memset(c, 0, sizeof(*c));
	if (!s)
		return FC_ESYS;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return db_error(st, err, "cannot count rows");
	}
	c->documents = sqlite3_column_int64(s, 0);
	c->stripped = sqlite3_column_int64(s, 1);
	c->extracted = sqlite3_column_int64(s, 2);
	c->segments = sqlite3_column_int64(s, 3);
	c->sentences = sqlite3_column_int64(s, 4);
	c->claims = sqlite3_column_int64(s, 5);
	c->discrepancies = sqlite3_column_int64(s, 6);
	c->errors = sqlite3_column_int64(s, 7);
	sqlite3_reset(s);
	return FC_OK;
}

int fc_store_meta_get(struct fc_store *st, const char *key, char **value,
		      struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_META_GET, err);
	int rc;

	*value = NULL;
	if (!s)
		return FC_ESYS;
	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*value = col_dup(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? FC_OK :
		db_error(st, err, "cannot read settings");
}

int fc_store_meta_set(struct fc_store *st, const char *key, const char *value,
		      struct fc_error *err)
{
	sqlite3_stmt *s = stmt(st, S_META_SET, err);

	if (!s)
		return FC_ESYS;
	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return step_done(st, s, err, "cannot write settings");
}

int fc_store_fts_update(struct fc_store *st, struct fc_error *err)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = fc_store_begin(st, err)))
		return rc;
	if (!(s = stmt(st, S_FTS_ADD, err))) {
		rc = FC_ESYS;
		goto fail;
	}
	if ((rc = step_done(st, s, err, "cannot index segment text")))
		goto fail;
	if (!(s = stmt(st, S_FTS_MARK, err))) {
		rc = FC_ESYS;
		goto fail;
	}
	if ((rc = step_done(st, s, err, "cannot record the text index")))
		goto fail;
	return fc_store_commit(st, err);
fail:
	fc_store_rollback(st);
	return rc;
}
