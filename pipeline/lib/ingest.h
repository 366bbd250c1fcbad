/* ingest.h - bring files, directories and stdin into the database as documents. */
#ifndef FC_INGEST_H
#define FC_INGEST_H

#include <stddef.h>

#include "store.h"
#include "util.h"

/* Front matter of a plain-text document; every field borrowed or NULL. */
struct fc_front {
	char *url, *source, *title, *author, *published;
	size_t body_off;	/* where the text after the front matter starts */
};

/*
 * Parse "---\nkey: value\n...\n---\n" at the start of text.  Without front
 * matter, every field is NULL and body_off is 0.  Unknown keys and
 * malformed lines are an error (FC_EDATA, "line N: ...").  The caller frees
 * the fields with fc_front_release().
 */
int fc_front_parse(const char *text, size_t len, struct fc_front *out,
		   struct fc_error *err);
void fc_front_release(struct fc_front *f);

/* Called once per problem with one input; the batch goes on. */
typedef void (*fc_report_fn)(void *ctx, int rc, const char *msg);

struct fc_ingest_opts {
	const char *source;	/* --source: outlet for documents without one */
	fc_report_fn report;	/* per-input diagnostics; may be NULL */
	void *report_ctx;
};

struct fc_ingest_stats {
	size_t added, duplicates, skipped, failed;
};

/*
 * Ingest each path: a file, a directory (recursively, files ending in .txt,
 * .text, .html, .htm or .xhtml, in name order) or "-" for stdin.  One
 * transaction per document.  Problems with one input are reported through
 * opts->report and counted in stats->failed; the rest goes on.  Returns
 * FC_OK, FC_EDATA when any input was bad, or FC_ESYS when the database
 * failed (then err says why and the batch stops).
 */
int fc_ingest_paths(struct fc_store *st, char *const *paths, size_t n,
		    const struct fc_ingest_opts *opts,
		    struct fc_ingest_stats *stats, struct fc_error *err);

/* Ingest one in-memory document (origin names it in messages). */
int fc_ingest_buffer(struct fc_store *st, const char *origin, const char *data,
		     size_t len, const struct fc_ingest_opts *opts,
		     struct fc_ingest_stats *stats, struct fc_error *err);

/* Lower-case hex SHA-256 of data into out (65 bytes). */
void fc_sha256_hex(const void *data, size_t len, char out[65]);

/* 1 if the bytes look like HTML rather than plain text. */
int fc_looks_html(const char *name, const char *data, size_t len);

#endif
