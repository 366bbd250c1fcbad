/* stages.c - the strip, extract and compare stages over the database. */
#include "stages.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claims.h"
#include "ingest.h"
#include "pack.h"
#include "strip.h"

static void diag(const struct fc_stage_opts *o, int rc, const char *fmt, ...)
	FC_PRINTF(3, 4);

static void diag(const struct fc_stage_opts *o, int rc, const char *fmt, ...)
{
	char msg[1200];
	va_list ap;

	if (!o->diag)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	o->diag(o->diag_ctx, rc, msg);
}

/* Record a per-document failure in its own transaction so it survives. */
static int note_failure(struct fc_store *st, int64_t doc, const char *msg,
			struct fc_error *err)
{
	int rc;

	if ((rc = fc_store_begin(st, err)))
		return rc;
	if ((rc = fc_store_doc_error(st, doc, msg, err))) {
		fc_store_rollback(st);
		return rc;
	}
	return fc_store_commit(st, err);
}

static int strip_doc(const struct fc_doc *d, struct fc_stripped *s,
		     struct fc_error *err)
{
	struct fc_front fm;
	int rc;

	if (strcmp(d->content_type, "text/html") == 0)
		return fc_strip_html(d->raw, d->rawlen, NULL, s, err);
	/* Front matter was read at ingest; the text starts after it. */
	if ((rc = fc_front_parse(d->raw, d->rawlen, &fm, err)))
		return rc;
	rc = fc_strip_text(d->raw + fm.body_off, d->rawlen - fm.body_off, s, err);
	fc_front_release(&fm);
	return rc;
}

int fc_stage_strip(struct fc_store *st, const struct fc_stage_opts *o,
		   struct fc_stage_stats *stats, struct fc_error *err)
{
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc, worst = FC_OK;

	memset(stats, 0, sizeof(*stats));
	if ((rc = fc_store_pending(st, FC_STAGE_STRIP, o->redo, &ids, &n, err)))
		return rc;
	for (i = 0; i < n; i++) {
		struct fc_doc d;
		struct fc_stripped s;
		struct fc_error derr;

		fc_stripped_init(&s);
		if ((rc = fc_store_doc_get(st, ids[i], &d, err)))
			goto out;
		rc = strip_doc(&d, &s, &derr);
		if (rc == FC_OK && s.nseg == 0) {
			rc = fc_error_set(&derr, FC_EDATA, "no text found");
		}
		if (rc != FC_OK) {
			diag(o, FC_EDATA, "cannot strip '%s': %s", d.origin, derr.msg);
			stats->failed++;
			worst = FC_EDATA;
			rc = note_failure(st, d.id, derr.msg, err);
		} else {
			if (s.replaced)
				diag(o, FC_EDATA,
				     "'%s': %zu invalid UTF-8 bytes replaced by U+FFFD",
				     d.origin, s.replaced);
			if (!(rc = fc_store_begin(st, err))) {
				if ((rc = fc_store_segments_put(st, d.id, &s, err)) ||
				    (rc = fc_store_commit(st, err)))
					fc_store_rollback(st);
			}
			stats->done++;
			stats->items += s.nseg;
		}
		fc_stripped_release(&s);
		fc_doc_release(&d);
		if (rc)
			goto out;
	}
	rc = fc_store_fts_update(st, err);
	if (!rc)
		rc = worst;
out:
	free(ids);
	return rc;
}

/* The outlet that speaks in a document's title and body. */
static const char *outlet_of(const struct fc_pack *p, const struct fc_doc *d)
{
	const struct fc_source *s = fc_pack_source(p, d->source, d->url);

	if (s)
		return s->outlet;
	if (d->source)
		return d->source;
	return d->url ? d->url : d->origin;
}

/*
 * Extract in batches: one transaction holds the documents done in the last
 * FC_BATCH_SECONDS (at most FC_BATCH_DOCS of them), so the pages a commit
 * writes (the document row's page, the ends of the claim, sentence and
 * mention tables and their indexes) are written once a batch instead of
 * once a document.
 */
#define FC_BATCH_DOCS 1024
#define FC_BATCH_SECONDS 0.5

static double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* What one document yields, held in memory until it is written. */
struct doc_out {
	struct fc_seg_rows rows;
	struct fc_seg_out *so;		/* one per row */
	size_t claims;
	int limited;
};

static void doc_out_release(struct doc_out *o)
{
	size_t i;

	for (i = 0; o->so && i < o->rows.n; i++)
		fc_seg_out_release(&o->so[i]);
	free(o->so);
	fc_seg_rows_release(&o->rows);
	memset(o, 0, sizeof(*o));
}

/*
 * Extract every segment of d into o, writing nothing.  FC_EDATA leaves the
 * reason in err; the caller releases o in every case.
 */
static int extract_doc(struct fc_store *st, struct fc_extractor *x,
		       const struct fc_doc *d, struct doc_out *o,
		       struct fc_error *err)
{
	const char *outlet = outlet_of(fc_extractor_pack(x), d);
	char date[11] = "";
	size_t i;
	int rc;

	memset(o, 0, sizeof(*o));
	if (d->published && strlen(d->published) >= 10) {
		memcpy(date, d->published, 10);
		date[10] = '\0';
	}
	if ((rc = fc_store_segments_get(st, d->id, &o->rows, err)))
		return rc;
	o->so = fc_xcalloc(o->rows.n + 1, sizeof(*o->so));
	for (i = 0; i < o->rows.n; i++) {
		const struct fc_seg_row *r = &o->rows.v[i];
		struct fc_seg_in in = {
			r->text, r->len, r->kind, r->author, outlet,
			date[0] ? date : NULL,
		};

		fc_seg_out_init(&o->so[i]);
		rc = fc_extract_segment(x, &in, &o->so[i], err);
		o->limited |= o->so[i].limited;
		o->claims += o->so[i].claims.n;
		if (rc)
			return rc;
	}
	return FC_OK;
}

/* Write one segment's sentences, mentions and claims. */
static int store_segment(struct fc_store *st, int64_t doc,
			 const struct fc_seg_row *r, struct fc_seg_out *so,
			 int64_t *sent_ids, int *seq, struct fc_error *err)
{
	size_t i;
	int rc;

	/*
	 * Only sentences that carry a claim or a mention are stored:
	 * provenance, not a copy.  sent_ids[i] is 0 until sentence i is.
	 */
	memset(sent_ids, 0, (so->sentences.n + 1) * sizeof(*sent_ids));
	for (i = 0; i < so->claims.n; i++)
		sent_ids[so->claims.v[i].sentence] = -1;
	for (i = 0; i < so->mentions.n; i++)
		sent_ids[so->mentions.v[i].sentence] = -1;
	for (i = 0; i < so->sentences.n; i++)
		if (sent_ids[i] && (rc = fc_store_sentence_add(st, r->id, (int)i,
							       so->sentences.v[i].start,
							       so->sentences.v[i].end,
							       &sent_ids[i], err)))
			return rc;
	for (i = 0; i < so->mentions.n; i++) {
		const struct fc_mention *m = &so->mentions.v[i];

		if ((rc = fc_store_mention_add(st, sent_ids[m->sentence],
					       m->actor ? m->actor->id : NULL,
					       r->text + m->start, m->end - m->start,
					       m->start, m->end, err)))
			return rc;
	}
	for (i = 0; i < so->claims.n; i++) {
		struct fc_claim *c = &so->claims.v[i];

		c->doc = doc;
		c->segment = r->id;
		c->sentence = sent_ids[c->sentence];
		c->seq = (*seq)++;
		if ((rc = fc_store_claim_add(st, c, NULL, err)))
			return rc;
	}
	return FC_OK;
}

/*
 * Replace what extract wrote for doc with o and mark it extracted, inside
 * the caller's transaction.  Every failure here is the database's
 * (FC_ESYS), and the caller then rolls the whole batch back: a document's
 * rows and its mark are committed together or not at all.
 */
static int write_doc(struct fc_store *st, int64_t doc, struct doc_out *o,
		     int64_t **sent_ids, size_t *cap, struct fc_error *err)
{
	size_t i;
	int rc, seq = 0;

	if ((rc = fc_store_extract_clear(st, doc, err)))
		return rc;
	for (i = 0; i < o->rows.n; i++) {
		if (o->so[i].sentences.n + 1 > *cap) {
			*cap = o->so[i].sentences.n + 1;
			*sent_ids = fc_xrealloc(*sent_ids, *cap * sizeof(**sent_ids));
		}
		if ((rc = store_segment(st, doc, &o->rows.v[i], &o->so[i],
					*sent_ids, &seq, err)))
			return rc;
	}
	return fc_store_mark_extracted(st, doc, err);
}

int fc_stage_extract(struct fc_store *st, const struct fc_stage_opts *o,
		     struct fc_stage_stats *stats, struct fc_error *err)
{
	struct fc_extractor *x = NULL;
	int64_t *ids = NULL, *sent_ids = NULL;
	size_t n = 0, i, cap = 0, batch = 0;
	size_t batch_docs = o->batch_docs ? o->batch_docs : FC_BATCH_DOCS;
	double since = 0;
	int rc, worst = FC_OK;

	memset(stats, 0, sizeof(*stats));
	if ((rc = fc_extractor_new(o->datadir, o->packdir, &x, err))) {
		/* Reported here, so callers print only system errors. */
		if (rc != FC_ESYS)
			diag(o, rc, "%s", err->msg);
		return rc;
	}
	if ((rc = fc_store_pending(st, FC_STAGE_EXTRACT, o->redo, &ids, &n, err)))
		goto out;
	for (i = 0; i < n; i++) {
		struct fc_doc d;
		struct doc_out out;
		struct fc_error derr;

		if (!batch) {
			if ((rc = fc_store_begin(st, err)))
				goto out;
			since = seconds_now();
		}
		if ((rc = fc_store_doc_info(st, ids[i], &d, err)))
			goto out;
		rc = extract_doc(st, x, &d, &out, &derr);
		if (rc == FC_EDATA) {
			/* This document's data was bad; the rest goes on. */
			diag(o, rc, "cannot extract '%s': %s", d.origin, derr.msg);
			stats->failed++;
			worst = FC_EDATA;
			rc = fc_store_doc_error(st, d.id, derr.msg, err);
		} else if (rc) {
			*err = derr;
		} else if (!(rc = write_doc(st, d.id, &out, &sent_ids, &cap, err))) {
			stats->done++;
			stats->items += out.claims;
			if (out.limited) {
				stats->limited++;
				diag(o, FC_EDATA,
				     "'%s': a sentence hit the pattern match limit; figures after that point in it may be missing",
				     d.origin);
			}
		}
		doc_out_release(&out);
		fc_doc_release(&d);
		if (rc)
			goto out;
		if (++batch == batch_docs || i + 1 == n ||
		    seconds_now() - since >= FC_BATCH_SECONDS) {
			if ((rc = fc_store_commit(st, err)))
				goto out;
			batch = 0;
		}
	}
	rc = worst ? worst : stats->limited ? FC_EDATA : FC_OK;
out:
	/* Only a failed batch is still open: what was committed stays. */
	fc_store_rollback(st);
	free(sent_ids);
	free(ids);
	fc_extractor_free(x);
	return rc;
}

int fc_stage_compare(struct fc_store *st, const struct fc_stage_opts *o,
		     struct fc_stage_stats *stats, struct fc_error *err)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;
	struct fc_pack *pack = NULL;
	int rc;

	memset(stats, 0, sizeof(*stats));
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	if ((rc = fc_pack_load(o->packdir, &pack, err)) ||
	    (rc = fc_store_claims_load(st, &cv, err)))
		goto out;
	fc_compare(&cv, pack, &dv);
	if ((rc = fc_store_discrepancies_put(st, &dv, err)))
		goto out;
	stats->done = cv.n;
	stats->items = dv.n;
out:
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
	fc_pack_free(pack);
	return rc;
}
