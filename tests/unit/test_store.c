/* test_store.c - unit tests for the store: schema, dedupe, stages' bookkeeping, claims round trip. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "stages.h"
#include "store.h"

static char path[64];

static int setup(void **state)
{
	int fd;

	strcpy(path, "/tmp/fc-store-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	*state = path;
	return 0;
}

static int teardown(void **state)
{
	char p[80];

	(void)state;
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	return 0;
}

static struct fc_store *open_db(void)
{
	struct fc_store *st = NULL;
	struct fc_error err;

	if (fc_store_open(path, &st, &err))
		fail_msg("%s", err.msg);
	return st;
}

static int64_t add_doc(struct fc_store *st, const char *sha, const char *url,
		       int64_t *dup)
{
	struct fc_doc_in d = { "origin.txt", sha, "text/plain", url, "Outlet",
			       NULL, NULL, "2016-08-15", "raw text", 8 };
	struct fc_error err;
	int64_t id;

	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_doc_add(st, &d, &id, dup, &err), FC_OK);
	assert_int_equal(fc_store_commit(st, &err), FC_OK);
	return id;
}

static void test_dedupe(void **state)
{
	struct fc_store *st = open_db();
	int64_t dup, a, b;

	(void)state;
	a = add_doc(st, "aaa", "https://x/1", &dup);
	assert_true(a > 0);
	assert_int_equal(dup, 0);
	b = add_doc(st, "aaa", NULL, &dup);	/* same content */
	assert_int_equal(b, 0);
	assert_int_equal(dup, a);
	b = add_doc(st, "bbb", "https://x/1", &dup);	/* same URL */
	assert_int_equal(dup, a);
	b = add_doc(st, "ccc", NULL, &dup);
	assert_true(b > a);
	fc_store_close(st);
}

static void test_stages(void **state)
{
	struct fc_store *st = open_db();
	struct fc_stripped s;
	struct fc_seg_rows rows;
	struct fc_error err;
	struct fc_doc d;
	int64_t *ids, dup, doc, sent;
	size_t n;
	struct fc_claim c;
	struct fc_claim_vec cv;

	(void)state;
	doc = add_doc(st, "d1", NULL, &dup);
	assert_int_equal(fc_store_pending(st, FC_STAGE_STRIP, 0, &ids, &n, &err), FC_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], doc);
	free(ids);
	assert_int_equal(fc_store_doc_get(st, doc, &d, &err), FC_OK);
	assert_string_equal(d.raw, "raw text");
	assert_string_equal(d.published, "2016-08-15");
	fc_doc_release(&d);
	assert_int_equal(fc_store_doc_info(st, doc, &d, &err), FC_OK);
	assert_null(d.raw);
	assert_int_equal(d.rawlen, 0);
	assert_string_equal(d.origin, "origin.txt");
	assert_string_equal(d.source, "Outlet");
	assert_int_equal(d.extracted, 0);
	fc_doc_release(&d);
	assert_int_equal(fc_store_doc_info(st, doc + 100, &d, &err), FC_EDATA);

	fc_stripped_init(&s);
	fc_stripped_add(&s, FC_SEG_TITLE, "A title", 7, NULL, NULL);
	fc_stripped_add(&s, FC_SEG_BODY, "Corbyn won 285.", 15, NULL, NULL);
	fc_stripped_add(&s, FC_SEG_COMMENT, "I agree", 7, "Bill", NULL);
	s.meta.title = fc_xstrdup("Meta title");
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_segments_put(st, doc, &s, &err), FC_OK);
	assert_int_equal(fc_store_commit(st, &err), FC_OK);
	fc_stripped_release(&s);
	assert_int_equal(fc_store_pending(st, FC_STAGE_STRIP, 0, &ids, &n, &err), FC_OK);
	assert_int_equal(n, 0);
	free(ids);
	assert_int_equal(fc_store_pending(st, FC_STAGE_EXTRACT, 0, &ids, &n, &err), FC_OK);
	assert_int_equal(n, 1);
	free(ids);

	assert_int_equal(fc_store_segments_get(st, doc, &rows, &err), FC_OK);
	assert_int_equal(rows.n, 3);
	assert_string_equal(rows.v[2].kind, "comment");
	assert_string_equal(rows.v[2].author, "Bill");

	memset(&c, 0, sizeof(c));
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_sentence_add(st, rows.v[1].id, 0, 0, 15, &sent, &err), FC_OK);
	c.doc = doc;
	c.segment = rows.v[1].id;
	c.sentence = sent;
	c.subject = (char *)"corbyn";
	c.unit = (char *)"count";
	c.rule = (char *)"r";
	c.value = 285;
	c.low = 284.5;
	c.high = INFINITY;
	c.fig_start = 11;
	c.fig_end = 14;
	assert_int_equal(fc_store_claim_add(st, &c, &c.id, &err), FC_OK);
	assert_int_equal(fc_store_mark_extracted(st, doc, &err), FC_OK);
	assert_int_equal(fc_store_commit(st, &err), FC_OK);
	fc_seg_rows_release(&rows);

	fc_claim_vec_init(&cv);
	assert_int_equal(fc_store_doc_info(st, doc, &d, &err), FC_OK);
	assert_int_equal(d.extracted, 1);
	fc_doc_release(&d);
	assert_int_equal(fc_store_claims_load(st, &cv, &err), FC_OK);
	assert_int_equal(cv.n, 1);
	assert_string_equal(cv.v[0].quote, "Corbyn won 285.");
	assert_string_equal(cv.v[0].fig_text, "285");
	assert_string_equal(cv.v[0].segkind, "body");
	assert_true(isinf(cv.v[0].high));
	assert_true(cv.v[0].low == 284.5);
	fc_claim_vec_release(&cv);

	/* Stripping again cascades: the claims of the old segments go. */
	fc_stripped_init(&s);
	fc_stripped_add(&s, FC_SEG_BODY, "New text", 8, NULL, NULL);
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_segments_put(st, doc, &s, &err), FC_OK);
	assert_int_equal(fc_store_commit(st, &err), FC_OK);
	fc_stripped_release(&s);
	assert_int_equal(fc_store_doc_get(st, doc, &d, &err), FC_OK);
	assert_int_equal(d.extracted, 0);
	fc_doc_release(&d);
	fc_claim_vec_init(&cv);
	assert_int_equal(fc_store_claims_load(st, &cv, &err), FC_OK);
	assert_int_equal(cv.n, 0);
	fc_claim_vec_release(&cv);
	fc_store_close(st);
}

static void test_rollback_keeps_committed(void **state)
{
	struct fc_store *st = open_db();
	struct fc_store_counts k;
	struct fc_error err;
	int64_t dup, id;
	struct fc_doc_in d = { "o", "zzz", "text/plain", NULL, NULL, NULL, NULL,
			       NULL, "x", 1 };

	(void)state;
	add_doc(st, "keep", NULL, &dup);
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_doc_add(st, &d, &id, &dup, &err), FC_OK);
	fc_store_rollback(st);
	assert_int_equal(fc_store_counts(st, &k, &err), FC_OK);
	assert_int_equal(k.documents, 1);
	fc_store_close(st);
}

/* The text of the first row of sql's result, read on a connection of its own. */
static char *query_text(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char *r;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	r = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return r;
}

/* Every row of the tables extract writes, without its timestamps. */
static char *extract_rows(void)
{
	static const char sql[] =
		"SELECT group_concat(r, ';') FROM ("
		"SELECT 'c' || id || ',' || doc || ',' || sentence || ',' || seq || ',' || "
		"value || ',' || coalesce(subject, '') || ',' || rule AS r FROM claim UNION ALL "
		"SELECT 's' || id || ',' || segment || ',' || seq || ',' || start || ',' || end "
		"FROM sentence UNION ALL "
		"SELECT 'm' || id || ',' || sentence || ',' || text FROM mention UNION ALL "
		"SELECT 'd' || id || ',' || (extracted_at IS NOT NULL) FROM document "
		"ORDER BY 1)";

	return query_text(sql);
}

static int64_t count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int64_t n;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Add n stripped documents of one to three segments, some with figures. */
static void add_stripped(struct fc_store *st, size_t n)
{
	static const char *const texts[] = {
		"Corbyn won 285 nominations to Smith's 53.",
		"Smith had 41 nominations. Corbyn had 240.",
		"No figures here at all.",
	};
	struct fc_error err;
	int64_t dup, doc;
	size_t i, j;

	for (i = 0; i < n; i++) {
		struct fc_stripped s;
		char sha[16];

		snprintf(sha, sizeof(sha), "doc%zu", i);
		doc = add_doc(st, sha, NULL, &dup);
		fc_stripped_init(&s);
		for (j = 0; j <= i % 3; j++)
			fc_stripped_add(&s, j ? FC_SEG_BODY : FC_SEG_TITLE, texts[(i + j) % 3],
					strlen(texts[(i + j) % 3]), NULL, NULL);
		assert_int_equal(fc_store_begin(st, &err), FC_OK);
		assert_int_equal(fc_store_segments_put(st, doc, &s, &err), FC_OK);
		assert_int_equal(fc_store_commit(st, &err), FC_OK);
		fc_stripped_release(&s);
	}
}

/*
 * Rows written many at a time (in statements of 32, 16, ... 1 rows) keep
 * their order, and the ids handed back are the rows' own: 45 sentences,
 * 37 mentions and 70 claims after a single sentence.
 */
static void test_bulk_rows(void **state)
{
	struct fc_store *st = open_db();
	struct fc_sentence_row sent[45];
	struct fc_mention_row men[37];
	struct fc_claim cl[70];
	struct fc_seg_rows rows;
	struct fc_buf want = FC_BUF_INIT;
	struct fc_error err;
	int64_t ids[45], first;
	char names[37][8];
	char *got;
	size_t i;

	(void)state;
	add_stripped(st, 1);
	assert_int_equal(fc_store_segments_get(st, 1, &rows, &err), FC_OK);
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_sentence_add(st, rows.v[0].id, 0, 0, 1, &first, &err), FC_OK);
	for (i = 0; i < 45; i++)
		sent[i] = (struct fc_sentence_row){ rows.v[0].id, (int)i + 1, i, i + 1 };
	assert_int_equal(fc_store_sentences_add(st, sent, 45, ids, &err), FC_OK);
	for (i = 0; i < 37; i++) {
		snprintf(names[i], sizeof(names[i]), "n%zu", i);
		men[i] = (struct fc_mention_row){ ids[i], NULL, names[i], strlen(names[i]), 0, 1 };
	}
	assert_int_equal(fc_store_mentions_add(st, men, 37, &err), FC_OK);
	memset(cl, 0, sizeof(cl));
	for (i = 0; i < 70; i++) {
		cl[i].doc = 1;
		cl[i].segment = rows.v[0].id;
		cl[i].sentence = ids[i % 45];
		cl[i].seq = (int)i;
		cl[i].value = (double)i;
		cl[i].low = -INFINITY;
		cl[i].high = INFINITY;
		cl[i].unit = (char *)"count";
		cl[i].rule = (char *)"r";
	}
	assert_int_equal(fc_store_claims_add(st, cl, 70, &err), FC_OK);
	assert_int_equal(fc_store_commit(st, &err), FC_OK);
	fc_store_close(st);
	fc_seg_rows_release(&rows);

	for (i = 0; i < 45; i++)
		fc_buf_printf(&want, "%s%lld:%zu", i ? "," : "", (long long)ids[i], i + 1);
	assert_int_equal(ids[0], first + 1);
	got = query_text("SELECT group_concat(id || ':' || seq) FROM "
			   "(SELECT id, seq FROM sentence WHERE seq > 0 ORDER BY id)");
	assert_string_equal(got, want.data);
	free(got);
	fc_buf_reset(&want);
	for (i = 0; i < 37; i++)
		fc_buf_printf(&want, "%s%lld:n%zu", i ? "," : "", (long long)ids[i], i);
	got = query_text("SELECT group_concat(sentence || ':' || text) FROM "
			   "(SELECT sentence, text FROM mention ORDER BY id)");
	assert_string_equal(got, want.data);
	free(got);
	fc_buf_reset(&want);
	for (i = 0; i < 70; i++)
		fc_buf_printf(&want, "%s%zu:%lld:%zu", i ? "," : "", i,
			      (long long)ids[i % 45], i);
	got = query_text("SELECT group_concat(seq || ':' || sentence || ':' || "
			   "CAST(value AS INTEGER)) FROM (SELECT seq, sentence, value "
			   "FROM claim WHERE low IS NULL AND high IS NULL ORDER BY id)");
	assert_string_equal(got, want.data);
	free(got);
	fc_buf_release(&want);
}

/*
 * The extract stage writes documents in batches (of 4 here, so the last is
 * short): every document is done once, a second run adds nothing, and a
 * redo writes the same rows again.
 */
static void test_extract_stage(void **state)
{
	struct fc_stage_opts o = { .datadir = "extractors", .batch_docs = 4 };
	struct fc_store *st = open_db();
	struct fc_stage_stats stats;
	struct fc_store_counts k;
	struct fc_error err;
	char *a, *b;

	(void)state;
	add_stripped(st, 30);
	if (fc_stage_extract(st, &o, &stats, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(stats.done, 30);
	assert_true(stats.items > 30);
	assert_int_equal(fc_store_counts(st, &k, &err), FC_OK);
	assert_int_equal(k.extracted, 30);
	assert_int_equal(k.claims, (int64_t)stats.items);
	fc_store_close(st);
	a = extract_rows();

	st = open_db();
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_OK);
	assert_int_equal(stats.done, 0);
	fc_store_close(st);
	b = extract_rows();
	assert_string_equal(a, b);
	free(b);

	/* Redo: the old rows go and the same rows (new ids aside) come back. */
	st = open_db();
	o.redo = 1;
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_OK);
	assert_int_equal(stats.done, 30);
	assert_int_equal(fc_store_counts(st, &k, &err), FC_OK);
	assert_int_equal(k.claims, (int64_t)stats.items);
	assert_int_equal(k.extracted, 30);
	fc_store_close(st);
	free(a);
}

/*
 * Extraction threads change nothing but the time: one thread and five
 * (more than the documents of a batch, so jobs may finish out of order) write
 * the same rows with the same ids.
 */
static void test_extract_jobs(void **state)
{
	struct fc_stage_opts o = { .datadir = "extractors", .batch_docs = 4, .jobs = 1 };
	struct fc_store *st = open_db();
	struct fc_stage_stats stats;
	struct fc_error err;
	char *a, *b;

	add_stripped(st, 40);
	if (fc_stage_extract(st, &o, &stats, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(stats.done, 40);
	fc_store_close(st);
	a = extract_rows();
	teardown(state);

	st = open_db();
	add_stripped(st, 40);
	o.jobs = 5;
	if (fc_stage_extract(st, &o, &stats, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(stats.done, 40);
	fc_store_close(st);
	b = extract_rows();
	assert_string_equal(a, b);
	free(b);
	teardown(state);

	/* The default (one thread per online CPU) and a single document. */
	st = open_db();
	add_stripped(st, 40);
	o.jobs = 0;
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_OK);
	fc_store_close(st);
	b = extract_rows();
	assert_string_equal(a, b);
	free(b);
	teardown(state);
	st = open_db();
	add_stripped(st, 1);
	o.jobs = 3;
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_OK);
	assert_int_equal(stats.done, 1);
	fc_store_close(st);
	free(a);
}

/*
 * A database failure while writing (a trigger refuses the claims of
 * document 18) loses the open batch only: the batches before it stay
 * committed, the document's batch (17 to 20, or 18 to 20 if half a second
 * passed after 17) is pending again with no rows, and a re-run ends with
 * exactly the rows of a run that never failed.
 */
static void test_extract_resume(void **state)
{
	/* Three threads, so several are busy when the write fails. */
	struct fc_stage_opts o = { .datadir = "extractors", .batch_docs = 4, .jobs = 3 };
	struct fc_store *st = open_db();
	struct fc_stage_stats stats;
	struct fc_store_counts k;
	struct fc_error err;
	sqlite3 *db;
	char *a, *b;

	(void)state;
	add_stripped(st, 30);
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_OK);
	fc_store_close(st);
	a = extract_rows();
	teardown(state);

	st = open_db();
	add_stripped(st, 30);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER refuse BEFORE INSERT ON claim "
				      "WHEN new.doc = 18 BEGIN SELECT RAISE(ABORT, 'refused'); END",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_ESYS);
	assert_non_null(strstr(err.msg, "refused"));
	assert_int_equal(fc_store_counts(st, &k, &err), FC_OK);
	assert_true(k.extracted == 16 || k.extracted == 17);
	fc_store_close(st);
	b = extract_rows();
	assert_non_null(strstr(b, "d16,1"));
	assert_non_null(strstr(b, "d18,0"));
	free(b);
	assert_int_equal(count(db, "SELECT count(*) FROM claim WHERE doc >= 18"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM sentence t JOIN segment s "
			       "ON s.id = t.segment WHERE s.doc >= 18"), 0);

	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER refuse", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = open_db();
	assert_int_equal(fc_stage_extract(st, &o, &stats, &err), FC_OK);
	assert_int_equal(stats.done, 30 - (size_t)k.extracted);
	fc_store_close(st);
	b = extract_rows();
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/*
 * Extract writes new documents with SQLite's foreign-key checks off and
 * checks the references itself: the rows refer to rows that are there, the
 * checks are on again afterwards (stripping a document again through the
 * same store cascades to its rows), and segments read before a document
 * was stripped again are told from its new ones.
 */
static void test_extract_references(void **state)
{
	struct fc_stage_opts o = { .datadir = "extractors", .batch_docs = 4 };
	struct fc_store *st = open_db();
	struct fc_stage_stats stats;
	struct fc_stripped s;
	struct fc_seg_rows old, now;
	struct fc_error err;
	sqlite3 *db;
	int same;

	(void)state;
	add_stripped(st, 12);
	if (fc_stage_extract(st, &o, &stats, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(stats.done, 12);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_true(count(db, "SELECT count(*) FROM claim WHERE doc = 2") > 0);

	assert_int_equal(fc_store_segments_get(st, 2, &old, &err), FC_OK);
	assert_int_equal(fc_store_segments_same(st, 2, &old, &same, &err), FC_OK);
	assert_true(same);
	fc_stripped_init(&s);
	fc_stripped_add(&s, FC_SEG_BODY, "Smith had 41.", 13, NULL, NULL);
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_segments_put(st, 2, &s, &err), FC_OK);
	assert_int_equal(fc_store_commit(st, &err), FC_OK);
	fc_stripped_release(&s);
	assert_int_equal(count(db, "SELECT count(*) FROM claim WHERE doc = 2"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM sentence WHERE segment NOT IN "
			       "(SELECT id FROM segment)"), 0);

	assert_int_equal(fc_store_segments_same(st, 2, &old, &same, &err), FC_OK);
	assert_false(same);
	assert_int_equal(fc_store_segments_get(st, 2, &now, &err), FC_OK);
	assert_int_equal(fc_store_segments_same(st, 2, &now, &same, &err), FC_OK);
	assert_true(same);
	assert_int_equal(fc_store_segments_same(st, 99, &now, &same, &err), FC_OK);
	assert_false(same);
	/* Not inside a transaction, where SQLite would ignore it. */
	assert_int_equal(fc_store_begin(st, &err), FC_OK);
	assert_int_equal(fc_store_foreign_keys(st, 0, &err), FC_ESYS);
	fc_store_rollback(st);
	fc_seg_rows_release(&old);
	fc_seg_rows_release(&now);

	/* The document stripped again is extracted again, and only it. */
	if (fc_stage_extract(st, &o, &stats, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(stats.done, 1);
	assert_true(count(db, "SELECT count(*) FROM claim WHERE doc = 2") > 0);
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	sqlite3_close(db);
	fc_store_close(st);
}

/* Strip commits in batches too: every pending document is done, once. */
static void test_strip_stage(void **state)
{
	struct fc_stage_opts o = { .batch_docs = 4 };
	struct fc_store *st = open_db();
	struct fc_stage_stats stats;
	struct fc_store_counts k;
	struct fc_error err;
	int64_t dup;
	size_t i;

	(void)state;
	for (i = 0; i < 10; i++) {
		char sha[16];

		snprintf(sha, sizeof(sha), "raw%zu", i);
		add_doc(st, sha, NULL, &dup);
	}
	if (fc_stage_strip(st, &o, &stats, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(stats.done, 10);
	assert_int_equal(fc_store_counts(st, &k, &err), FC_OK);
	assert_int_equal(k.stripped, 10);
	assert_int_equal(k.segments, (int64_t)stats.items);
	assert_int_equal(fc_stage_strip(st, &o, &stats, &err), FC_OK);
	assert_int_equal(stats.done, 0);
	fc_store_close(st);
}

static void test_version(void **state)
{
	struct fc_store *st = open_db();
	struct fc_error err;
	sqlite3 *db;
	char *v = NULL;

	(void)state;
	assert_int_equal(fc_store_meta_set(st, "pack", "/p", &err), FC_OK);
	assert_int_equal(fc_store_meta_get(st, "pack", &v, &err), FC_OK);
	assert_string_equal(v, "/p");
	free(v);
	fc_store_close(st);
	/* A database from a newer figcheck is refused, not damaged. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(fc_store_open(path, &st, &err), FC_ESYS);
	assert_non_null(strstr(err.msg, "schema version 99 is newer"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dedupe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_keeps_committed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strip_stage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_stage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_jobs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_resume, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_version, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
