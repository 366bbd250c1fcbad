/* store.h - the SQLite database: the only module that speaks SQL. */
#ifndef FC_STORE_H
#define FC_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "claim.h"
#include "strip.h"
#include "util.h"

#define FC_SCHEMA_VERSION 4

struct fc_store;

/*
 * Open (creating if needed) the database at path, in WAL mode with foreign
 * keys on, and bring its schema to FC_SCHEMA_VERSION.  A database written
 * by a newer figcheck is refused.  The caller owns *out (fc_store_close).
 * A store is not locked: use it from one thread at a time.
 */
int fc_store_open(const char *path, struct fc_store **out, struct fc_error *err);
void fc_store_close(struct fc_store *st);

/*
 * Transactions: ingest takes one per document; strip and extract one per
 * batch of documents, each document with its rows and its mark inside one.
 */
int fc_store_begin(struct fc_store *st, struct fc_error *err);
int fc_store_commit(struct fc_store *st, struct fc_error *err);
void fc_store_rollback(struct fc_store *st);

/* A document as ingest hands it over; the strings are borrowed. */
struct fc_doc_in {
	const char *origin, *sha256, *content_type;
	const char *url, *source, *title, *author, *published;
	const char *raw;
	size_t rawlen;
};

/*
 * Add a document unless one with the same content hash or URL is already
 * there; then *dup is set to that document's id and nothing is written.
 */
int fc_store_doc_add(struct fc_store *st, const struct fc_doc_in *d,
		     int64_t *id, int64_t *dup, struct fc_error *err);

/* A document as the later stages read it; owns its strings. */
struct fc_doc {
	int64_t id;
	char *origin, *content_type, *url, *source, *title, *author, *published;
	char *raw;
	size_t rawlen;
	int extracted;		/* extracted_at is set: extract has rows for it */
};

void fc_doc_release(struct fc_doc *d);

enum fc_stage {
	FC_STAGE_STRIP,
	FC_STAGE_EXTRACT,
};

/*
 * Ids of the documents the stage has still to do (in id order); with redo,
 * every document the stage can take.  The caller frees *ids.
 */
int fc_store_pending(struct fc_store *st, enum fc_stage stage, int redo,
		     int64_t **ids, size_t *n, struct fc_error *err);

int fc_store_doc_get(struct fc_store *st, int64_t id, struct fc_doc *d,
		     struct fc_error *err);
/* Like fc_store_doc_get without the raw bytes (d->raw NULL, rawlen 0). */
int fc_store_doc_info(struct fc_store *st, int64_t id, struct fc_doc *d,
		      struct fc_error *err);

/*
 * Replace the document's segments with those of s, fill metadata the
 * document lacks from s->meta, and mark it stripped.  Run it inside a
 * transaction.
 */
int fc_store_segments_put(struct fc_store *st, int64_t doc,
			  const struct fc_stripped *s, struct fc_error *err);

/* Record (msg non-NULL) or clear a stage's error on a document. */
int fc_store_doc_error(struct fc_store *st, int64_t doc, const char *msg,
		       struct fc_error *err);

/* A stored segment; owns its strings. */
struct fc_seg_row {
	int64_t id;
	int seq;
	char *kind, *author, *text;
	size_t len;
};

struct fc_seg_rows {
	struct fc_seg_row *v;
	size_t n;
};

void fc_seg_rows_release(struct fc_seg_rows *r);
int fc_store_segments_get(struct fc_store *st, int64_t doc,
			  struct fc_seg_rows *out, struct fc_error *err);

/*
 * Are a document's segments still those of rows (the same ids, in order),
 * and the document still there?  *same says; an error is the database's.
 * (Extract reads a document before the transaction that writes its rows,
 * so another process may have stripped it again in between.)
 */
int fc_store_segments_same(struct fc_store *st, int64_t doc,
			   const struct fc_seg_rows *rows, int *same,
			   struct fc_error *err);

/*
 * Foreign-key checks on or off (they are on from fc_store_open).  Outside a
 * transaction only (SQLite ignores the setting inside one): an error
 * otherwise.  Statements prepared before are prepared again, as SQLite
 * compiles the checks into them.  Off, deleting a row no longer cascades.
 */
int fc_store_foreign_keys(struct fc_store *st, int on, struct fc_error *err);

/*
 * Clear what extract wrote for a document (before writing it again).  Only
 * a document marked extracted has anything to clear: its rows and its mark
 * are written in one transaction, and strip removes both.
 */
int fc_store_extract_clear(struct fc_store *st, int64_t doc,
			   struct fc_error *err);
int fc_store_sentence_add(struct fc_store *st, int64_t segment, int seq,
			  size_t start, size_t end, int64_t *id,
			  struct fc_error *err);
/* text[0..len) is the name as written; it need not end in a NUL. */
int fc_store_mention_add(struct fc_store *st, int64_t sentence,
			 const char *actor, const char *text, size_t len,
			 size_t start, size_t end, struct fc_error *err);
/* Write a claim (its doc, segment, sentence and seq must be set). */
int fc_store_claim_add(struct fc_store *st, const struct fc_claim *c,
		       int64_t *id, struct fc_error *err);

/*
 * The same rows, many at a time, in order: far fewer statements for the
 * same rows and ids (extract writes a segment's rows of each table in one
 * call).  The strings are borrowed for the call.  On failure some of the
 * rows may have been written: the caller rolls its transaction back.
 */
struct fc_sentence_row {
	int64_t segment;
	int seq;		/* the sentence's index in its segment */
	size_t start, end;
};
/* ids[i] is set to the id of rows[i]. */
int fc_store_sentences_add(struct fc_store *st,
			   const struct fc_sentence_row *rows, size_t n,
			   int64_t *ids, struct fc_error *err);
struct fc_mention_row {
	int64_t sentence;
	const char *actor;	/* NULL when unresolved */
	const char *text;	/* text[0..len): the name as written */
	size_t len, start, end;
};
int fc_store_mentions_add(struct fc_store *st,
			  const struct fc_mention_row *rows, size_t n,
			  struct fc_error *err);
int fc_store_claims_add(struct fc_store *st, const struct fc_claim *v,
			size_t n, struct fc_error *err);
int fc_store_mark_extracted(struct fc_store *st, int64_t doc,
			    struct fc_error *err);

/* Every claim with its document context and quote, in id order. */
int fc_store_claims_load(struct fc_store *st, struct fc_claim_vec *out,
			 struct fc_error *err);

/*
 * Replace the whole discrepancy table with dv, in one transaction; ids are
 * assigned in order and written back into dv.
 */
int fc_store_discrepancies_put(struct fc_store *st, struct fc_disc_vec *dv,
			       struct fc_error *err);
int fc_store_discrepancies_load(struct fc_store *st, struct fc_disc_vec *out,
				struct fc_error *err);

/*
 * Mentions grouped with how often each occurs: by actor id, or (unresolved)
 * the names that no actor of the pack matched, most frequent first.
 */
typedef int (*fc_mention_cb)(void *ctx, const char *name, int64_t count,
			     const char *example_source);
int fc_store_mentions_each(struct fc_store *st, int unresolved,
			   fc_mention_cb cb, void *ctx, struct fc_error *err);

/* One exported segment, as `figcheck segments` prints it. */
struct fc_seg_export {
	int64_t doc, id;
	const char *origin, *url, *source, *kind, *author, *text;
};
typedef int (*fc_segment_cb)(void *ctx, const struct fc_seg_export *s);
int fc_store_segments_each(struct fc_store *st, fc_segment_cb cb, void *ctx,
			   struct fc_error *err);

/* Counts for progress and summaries. */
struct fc_store_counts {
	int64_t documents, stripped, extracted, segments, sentences, claims,
		discrepancies, errors;
};
int fc_store_counts(struct fc_store *st, struct fc_store_counts *c,
		    struct fc_error *err);

/*
 * Add the segments stripped since the last call to the full-text index, in
 * one transaction.  Idempotent: the strip stage calls it after each run.
 */
int fc_store_fts_update(struct fc_store *st, struct fc_error *err);

/* Settings kept in the database (*value NULL when unset; caller frees). */
int fc_store_meta_get(struct fc_store *st, const char *key, char **value,
		      struct fc_error *err);
int fc_store_meta_set(struct fc_store *st, const char *key, const char *value,
		      struct fc_error *err);

#endif
