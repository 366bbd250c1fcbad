/* stages.c - the strip, extract and compare stages over the database, one document per transaction. */
#include "stages.h"

#include <stdlib.h>
#include <string.h>

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

static int store_segment(struct fc_store *st, const struct fc_doc *d,
			 const struct fc_seg_row *r, struct fc_seg_out *so,
			 int *seq, struct fc_error *err)
{
	int64_t *sent_ids = fc_xcalloc(so->sentences.n + 1, sizeof(int64_t));
	unsigned char *used = fc_xcalloc(so->sentences.n + 1, 1);
	size_t i;
	int rc = FC_OK;

	/* Only sentences that carry a claim or a mention are stored: provenance, not a copy. */
	for (i = 0; i < so->claims.n; i++)
		used[so->claims.v[i].sentence] = 1;
	for (i = 0; i < so->mentions.n; i++)
		used[so->mentions.v[i].sentence] = 1;
	for (i = 0; i < so->sentences.n; i++)
		if (used[i] && (rc = fc_store_sentence_add(st, r->id, (int)i,
							   so->sentences.v[i].start,
							   so->sentences.v[i].end,
							   &sent_ids[i], err)))
			goto out;
	for (i = 0; i < so->mentions.n; i++) {
		const struct fc_mention *m = &so->mentions.v[i];
		char *text = fc_xstrndup(r->text + m->start, m->end - m->start);

		rc = fc_store_mention_add(st, sent_ids[m->sentence],
					  m->actor ? m->actor->id : NULL, text,
					  m->start, m->end, err);
		free(text);
		if (rc)
			goto out;
	}
	for (i = 0; i < so->claims.n; i++) {
		struct fc_claim *c = &so->claims.v[i];

		c->doc = d->id;
		c->segment = r->id;
		c->sentence = sent_ids[c->sentence];
		c->seq = (*seq)++;
		if ((rc = fc_store_claim_add(st, c, &c->id, err)))
			goto out;
	}
out:
	free(used);
	free(sent_ids);
	return rc;
}

static int extract_doc(struct fc_store *st, struct fc_extractor *x,
		       const struct fc_doc *d, const struct fc_stage_opts *o,
		       struct fc_stage_stats *stats, struct fc_error *err)
{
	struct fc_seg_rows rows = { NULL, 0 };
	char date[11] = "";
	size_t i;
	int rc, seq = 0, limited = 0;

	if (d->published && strlen(d->published) >= 10) {
		memcpy(date, d->published, 10);
		date[10] = '\0';
	}
	if ((rc = fc_store_segments_get(st, d->id, &rows, err)))
		return rc;
	if ((rc = fc_store_begin(st, err)))
		goto out;
	if ((rc = fc_store_extract_clear(st, d->id, err)))
		goto fail;
	for (i = 0; i < rows.n; i++) {
		struct fc_seg_out so;
		struct fc_seg_in in = {
			rows.v[i].text, rows.v[i].len, rows.v[i].kind,
			rows.v[i].author, outlet_of(fc_extractor_pack(x), d),
			date[0] ? date : NULL,
		};

		fc_seg_out_init(&so);
		rc = fc_extract_segment(x, &in, &so, err);
		if (!rc)
			rc = store_segment(st, d, &rows.v[i], &so, &seq, err);
		limited |= so.limited;
		stats->items += so.claims.n;
		fc_seg_out_release(&so);
		if (rc)
			goto fail;
	}
	if ((rc = fc_store_mark_extracted(st, d->id, err)) ||
	    (rc = fc_store_commit(st, err)))
		goto fail;
	if (limited) {
		stats->limited++;
		diag(o, FC_EDATA,
		     "'%s': a sentence hit the pattern match limit; figures after that point in it may be missing",
		     d->origin);
	}
	goto out;
fail:
	fc_store_rollback(st);
out:
	fc_seg_rows_release(&rows);
	return rc;
}

int fc_stage_extract(struct fc_store *st, const struct fc_stage_opts *o,
		     struct fc_stage_stats *stats, struct fc_error *err)
{
	struct fc_extractor *x = NULL;
	int64_t *ids = NULL;
	size_t n = 0, i;
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
		struct fc_error derr;

		if ((rc = fc_store_doc_get(st, ids[i], &d, err)))
			goto out;
		rc = extract_doc(st, x, &d, o, stats, &derr);
		if (rc == FC_EDATA) {
			/* This document's data was bad; the rest goes on. */
			diag(o, rc, "cannot extract '%s': %s", d.origin, derr.msg);
			stats->failed++;
			worst = FC_EDATA;
			rc = note_failure(st, d.id, derr.msg, err);
		} else if (rc) {
			*err = derr;
		} else {
			stats->done++;
		}
		fc_doc_release(&d);
		if (rc)
			goto out;
	}
	rc = worst ? worst : stats->limited ? FC_EDATA : FC_OK;
out:
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
