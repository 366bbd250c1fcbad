/* stages.h - the strip, extract and compare stages over the database. */
#ifndef FC_STAGES_H
#define FC_STAGES_H

#include <stddef.h>

#include "claim.h"
#include "store.h"
#include "util.h"

struct fc_pack;

/* Per-document diagnostics: the stage goes on after each. */
typedef void (*fc_diag_fn)(void *ctx, int rc, const char *msg);

struct fc_stage_opts {
	int redo;		/* do every document again, not only pending ones */
	const char *datadir;	/* rules and hedge policy */
	const char *packdir;	/* topic pack, or NULL */
	fc_diag_fn diag;
	void *diag_ctx;
	size_t batch_docs;	/* strip, extract: documents per transaction at most; 0 the default */
	size_t jobs;		/* extract: extraction threads, at most FC_MAX_JOBS; 0 one per online CPU */
};

#define FC_MAX_JOBS 256

struct fc_stage_stats {
	size_t done, failed, items;	/* items: segments, claims or findings */
	size_t limited;			/* documents where a pattern hit its limit */
};

/*
 * Strip every pending document into segments, committed in batches like
 * extract's.  A document that cannot be stripped is reported, its error
 * recorded, and the stage goes on; it returns FC_EDATA then, FC_ESYS if the
 * database failed (the open batch is rolled back, earlier ones stay).
 */
int fc_stage_strip(struct fc_store *st, const struct fc_stage_opts *o,
		   struct fc_stage_stats *stats, struct fc_error *err);

/*
 * Extract sentences, mentions and claims from every pending document.
 * Documents are committed in batches; a document's rows and its mark are
 * always in the same one.  A document with bad data gets its error recorded
 * and the stage goes on (FC_EDATA); a database failure rolls back the open
 * batch only (FC_ESYS), and a re-run resumes with its documents.
 */
int fc_stage_extract(struct fc_store *st, const struct fc_stage_opts *o,
		     struct fc_stage_stats *stats, struct fc_error *err);

/*
 * Compare every claim in the database and replace the discrepancy table
 * with what is found (so it is always the result of one whole comparison).
 */
int fc_stage_compare(struct fc_store *st, const struct fc_stage_opts *o,
		     struct fc_stage_stats *stats, struct fc_error *err);

/*
 * The comparison itself, on claims in memory: findings are appended to
 * out, in a stable order.  pack may be NULL (no reference data).
 */
void fc_compare(const struct fc_claim_vec *claims, const struct fc_pack *pack,
		struct fc_disc_vec *out);

#endif
