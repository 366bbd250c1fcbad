/* stages.c - the strip, extract and compare stages over the database. */
#include "stages.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/*
 * Strip and extract in batches: one transaction holds the documents done in
 * the last FC_BATCH_SECONDS (at most FC_BATCH_DOCS of them), so the pages a
 * commit writes (the document rows' pages, the ends of the tables the stage
 * fills and of their indexes) are written once a batch instead of once a
 * document.
 */
#define FC_BATCH_DOCS 1024
#define FC_BATCH_SECONDS 0.5
/*
 * Documents read ahead of the writer (a power of two): enough for the
 * workers to go on while a commit waits for a checkpoint's fsync (0.1 s,
 * some 500 documents on two cores, at the bench's rate).  At 64 they ran
 * dry for 0.1 s of each run.
 */
#define FC_AHEAD 256

static double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
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
	size_t n = 0, i, batch = 0;
	size_t batch_docs = o->batch_docs ? o->batch_docs : FC_BATCH_DOCS;
	double since = 0;
	int rc, worst = FC_OK;

	memset(stats, 0, sizeof(*stats));
	if ((rc = fc_store_pending(st, FC_STAGE_STRIP, o->redo, &ids, &n, err)))
		return rc;
	for (i = 0; i < n; i++) {
		struct fc_doc d;
		struct fc_stripped s;
		struct fc_error derr;

		/*
		 * Batches as in extract: a document is stripped in memory and
		 * only then written, so a failure to write is the database's.
		 */
		if (!batch) {
			if ((rc = fc_store_begin(st, err)))
				goto out;
			since = seconds_now();
		}
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
			rc = fc_store_doc_error(st, d.id, derr.msg, err);
		} else {
			if (s.replaced)
				diag(o, FC_EDATA,
				     "'%s': %zu invalid UTF-8 bytes replaced by U+FFFD",
				     d.origin, s.replaced);
			rc = fc_store_segments_put(st, d.id, &s, err);
			stats->done++;
			stats->items += s.nseg;
		}
		fc_stripped_release(&s);
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
	rc = fc_store_fts_update(st, err);
	if (!rc)
		rc = worst;
out:
	/* Only a failed batch is still open: what was committed stays. */
	fc_store_rollback(st);
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

/* One document on its way: read, then extracted in memory, then written. */
struct job {
	struct fc_doc d;
	struct fc_seg_rows rows;
	struct fc_seg_out *so;		/* one per row */
	size_t claims;
	int limited;
	int rc;				/* extraction's; err says why */
	struct fc_error err;
	int done;			/* extracted (under the pipe's lock) */
};

static void job_release(struct job *j)
{
	size_t i;

	for (i = 0; j->so && i < j->rows.n; i++)
		fc_seg_out_release(&j->so[i]);
	free(j->so);
	fc_seg_rows_release(&j->rows);
	fc_doc_release(&j->d);
	memset(j, 0, sizeof(*j));
}

/* Read document id and its segments (the database side of a job). */
static int job_read(struct fc_store *st, int64_t id, struct job *j,
		    struct fc_error *err)
{
	int rc;

	memset(j, 0, sizeof(*j));
	if ((rc = fc_store_doc_info(st, id, &j->d, err)))
		return rc;
	return fc_store_segments_get(st, id, &j->rows, err);
}

/* Extract every segment of the job, touching no database. */
static void job_extract(struct fc_extractor *x, struct job *j)
{
	const char *outlet = outlet_of(fc_extractor_pack(x), &j->d);
	char date[11] = "";
	size_t i;

	if (j->d.published && strlen(j->d.published) >= 10) {
		memcpy(date, j->d.published, 10);
		date[10] = '\0';
	}
	j->so = fc_xcalloc(j->rows.n + 1, sizeof(*j->so));
	for (i = 0; i < j->rows.n; i++) {
		const struct fc_seg_row *r = &j->rows.v[i];
		struct fc_seg_in in = {
			r->text, r->len, r->kind, r->author, outlet,
			date[0] ? date : NULL, j->so, i,
		};

		fc_seg_out_init(&j->so[i]);
		j->rc = fc_extract_segment(x, &in, &j->so[i], &j->err);
		j->limited |= j->so[i].limited;
		j->claims += j->so[i].claims.n;
		if (j->rc)
			return;
	}
}

/* The writer's scratch space, grown as needed and kept across documents. */
struct scratch {
	int64_t *sent_ids;		/* by sentence index: 0, or its id */
	struct fc_sentence_row *sent;	/* the sentences stored */
	int64_t *ids;			/* and their ids */
	struct fc_mention_row *men;
	size_t sent_cap, men_cap;
};

static void scratch_release(struct scratch *x)
{
	free(x->sent_ids);
	free(x->sent);
	free(x->ids);
	free(x->men);
	memset(x, 0, sizeof(*x));
}

/* Write one segment's sentences, mentions and claims, a table at a time. */
static int store_segment(struct fc_store *st, int64_t doc,
			 const struct fc_seg_row *r, struct fc_seg_out *so,
			 struct scratch *x, int *seq, struct fc_error *err)
{
	size_t i, n = 0;
	int rc;

	if (so->sentences.n + 1 > x->sent_cap) {
		x->sent_cap = so->sentences.n + 1;
		x->sent_ids = fc_xrealloc(x->sent_ids, x->sent_cap * sizeof(*x->sent_ids));
		x->sent = fc_xrealloc(x->sent, x->sent_cap * sizeof(*x->sent));
		x->ids = fc_xrealloc(x->ids, x->sent_cap * sizeof(*x->ids));
	}
	if (so->mentions.n > x->men_cap) {
		x->men_cap = so->mentions.n;
		x->men = fc_xrealloc(x->men, x->men_cap * sizeof(*x->men));
	}
	/*
	 * Only sentences that carry a claim or a mention are stored:
	 * provenance, not a copy.  sent_ids[i] is 0 unless sentence i is.
	 */
	memset(x->sent_ids, 0, (so->sentences.n + 1) * sizeof(*x->sent_ids));
	for (i = 0; i < so->claims.n; i++)
		x->sent_ids[so->claims.v[i].sentence] = -1;
	for (i = 0; i < so->mentions.n; i++)
		x->sent_ids[so->mentions.v[i].sentence] = -1;
	for (i = 0; i < so->sentences.n; i++)
		if (x->sent_ids[i])
			x->sent[n++] = (struct fc_sentence_row){
				r->id, (int)i, so->sentences.v[i].start,
				so->sentences.v[i].end,
			};
	if ((rc = fc_store_sentences_add(st, x->sent, n, x->ids, err)))
		return rc;
	for (i = 0, n = 0; i < so->sentences.n; i++)
		if (x->sent_ids[i])
			x->sent_ids[i] = x->ids[n++];
	for (i = 0; i < so->mentions.n; i++) {
		const struct fc_mention *m = &so->mentions.v[i];

		x->men[i] = (struct fc_mention_row){
			x->sent_ids[m->sentence], m->actor ? m->actor->id : NULL,
			r->text + m->start, m->end - m->start, m->start, m->end,
		};
	}
	if ((rc = fc_store_mentions_add(st, x->men, so->mentions.n, err)))
		return rc;
	for (i = 0; i < so->claims.n; i++) {
		struct fc_claim *c = &so->claims.v[i];

		c->doc = doc;
		c->segment = r->id;
		c->sentence = x->sent_ids[c->sentence];
		c->seq = (*seq)++;
	}
	return fc_store_claims_add(st, so->claims.v, so->claims.n, err);
}

/*
 * Replace what extract wrote for the job's document with what it yielded
 * and mark it extracted, inside the caller's transaction.  Every failure
 * here is the database's (FC_ESYS), and the caller then rolls the whole
 * batch back: a document's rows and its mark commit together or not at all.
 * With the store's foreign-key checks off (unchecked), the references the
 * rows make are checked here, once a document: see fc_stage_extract.
 */
static int job_write(struct fc_store *st, struct job *j, struct scratch *x,
		     int unchecked, struct fc_error *err)
{
	size_t i;
	int rc, seq = 0, same;

	if (unchecked) {
		if ((rc = fc_store_segments_same(st, j->d.id, &j->rows, &same, err)))
			return rc;
		if (!same)
			return fc_error_set(err, FC_ESYS,
					    "cannot store the claims of '%s': it was stripped again while it was extracted; run extract again",
					    j->d.origin);
	}
	if (j->d.extracted && (rc = fc_store_extract_clear(st, j->d.id, err)))
		return rc;
	for (i = 0; i < j->rows.n; i++)
		if ((rc = store_segment(st, j->d.id, &j->rows.v[i], &j->so[i],
					x, &seq, err)))
			return rc;
	return fc_store_mark_extracted(st, j->d.id, err);
}

/*
 * Extraction runs on worker threads while this one reads documents ahead
 * and writes the results: storage and extraction overlap, and every
 * database call stays on the caller's thread.  Jobs are numbered in
 * document order and ring[k % FC_AHEAD] holds job k.  Workers take jobs in
 * order but finish them in any order; the caller writes job k only when
 * it is done and writes jobs in order, so rows and ids are those of a
 * serial run.  Each worker has an extractor of its own (an extractor is
 * not thread-safe), which it loads itself, all at once; a document's
 * results depend on nothing but its text, the rules and the pack, never
 * on which worker took it.
 */
struct extract_pipe {
	const struct fc_stage_opts *o;
	pthread_mutex_t mu;
	pthread_cond_t work;	/* a job was read, or stop */
	pthread_cond_t done;	/* a job was extracted, or a worker loaded */
	struct job ring[FC_AHEAD];
	size_t read;		/* jobs read (by the caller) */
	size_t taken;		/* jobs taken (by the workers) */
	int stop;
	size_t loaded;		/* workers that have their extractor */
	size_t failed;		/* workers that could not load it */
	int load_rc;		/* the first of those: why */
	struct fc_error load_err;
};

struct worker {
	struct extract_pipe *p;
	struct fc_extractor *x;	/* the worker's own; NULL until loaded */
	pthread_t thread;
};

static void *extract_thread(void *arg)
{
	struct worker *w = arg;
	struct extract_pipe *p = w->p;
	struct fc_error err;
	size_t k;
	int rc;

	rc = fc_extractor_new(p->o->datadir, p->o->packdir, &w->x, &err);
	pthread_mutex_lock(&p->mu);
	if (rc) {
		/* The others go on, if they could load theirs. */
		if (!p->failed++) {
			p->load_rc = rc;
			p->load_err = err;
		}
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->mu);
		return NULL;
	}
	p->loaded++;
	pthread_cond_broadcast(&p->done);
	for (;;) {
		while (!p->stop && p->taken == p->read)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->stop)
			break;
		k = p->taken++;
		pthread_mutex_unlock(&p->mu);
		job_extract(w->x, &p->ring[k % FC_AHEAD]);
		pthread_mutex_lock(&p->mu);
		p->ring[k % FC_AHEAD].done = 1;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Extraction threads: o->jobs, or one per online CPU. */
static size_t worker_count(const struct fc_stage_opts *o, size_t ndocs)
{
	long cpus;
	size_t n = o->jobs;

	if (!n) {
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
		n = cpus > 0 ? (size_t)cpus : 1;
	}
	if (n > FC_MAX_JOBS)
		n = FC_MAX_JOBS;
	return n < ndocs ? n : ndocs;
}

int fc_stage_extract(struct fc_store *st, const struct fc_stage_opts *o,
		     struct fc_stage_stats *stats, struct fc_error *err)
{
	struct extract_pipe *p = fc_xcalloc(1, sizeof(*p));
	struct worker w[FC_MAX_JOBS];
	struct scratch x = { 0 };
	struct fc_error ferr;
	int64_t *ids = NULL;
	size_t n = 0, k, batch = 0, nw = 0, started = 0;
	size_t batch_docs = o->batch_docs ? o->batch_docs : FC_BATCH_DOCS;
	double since = 0;
	int rc, worst = FC_OK, unchecked = 0;

	memset(stats, 0, sizeof(*stats));
	memset(w, 0, sizeof(w));
	p->o = o;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	if ((rc = fc_store_pending(st, FC_STAGE_EXTRACT, o->redo, &ids, &n, err)))
		goto out;
	nw = worker_count(o, n);
	/*
	 * Each worker loads its rules and pack on its own thread, all at
	 * once (loading is thread-safe and takes a tenth of a second); this
	 * thread waits for the first to have loaded, so bad rules (which
	 * fail every worker) are reported before anything is read.  Without
	 * a thread (one document, or none: the rules are checked all the
	 * same) the extractor is loaded here, and each job is extracted here
	 * as it is read.
	 */
	for (started = 0; n > 1 && started < nw; started++) {
		w[started].p = p;
		if (pthread_create(&w[started].thread, NULL, extract_thread,
				   &w[started]) != 0)
			break;
	}
	if (started) {
		pthread_mutex_lock(&p->mu);
		while (!p->loaded && p->failed < started)
			pthread_cond_wait(&p->done, &p->mu);
		if (!p->loaded) {
			rc = p->load_rc;
			*err = p->load_err;
		}
		pthread_mutex_unlock(&p->mu);
	} else {
		rc = fc_extractor_new(o->datadir, o->packdir, &w[0].x, err);
	}
	if (rc) {
		/* Reported here, so callers print only system errors. */
		if (rc != FC_ESYS)
			diag(o, rc, "%s", err->msg);
		goto out;
	}
	/*
	 * SQLite checks a foreign key with a lookup in the parent table for
	 * every row (three for a claim, one for a sentence or a mention: a
	 * fifth of what storing them cost).  Every reference extract writes
	 * is to rows it knows: the sentences it has just inserted, and the
	 * document and segments it read, which job_write checks are still
	 * there, once a document, inside the transaction that writes the
	 * rows.  So the checks are off while new documents are written.
	 * Clearing a document extracted before relies on the cascades, so a
	 * run that redoes documents keeps them on, and one that meets such a
	 * document (extracted by another run since the list was made) turns
	 * them back on before it.
	 */
	if (!o->redo && n) {
		if ((rc = fc_store_foreign_keys(st, 0, err)))
			goto out;
		unchecked = 1;
	}
	for (k = 0; k < n; k++) {
		struct job *j = &p->ring[k % FC_AHEAD];

		/* Keep the workers FC_AHEAD documents ahead. */
		while (p->read < n && p->read < k + FC_AHEAD) {
			struct job *r = &p->ring[p->read % FC_AHEAD];

			if ((rc = job_read(st, ids[p->read], r, err)))
				goto out;
			if (!started) {
				job_extract(w[0].x, r);
				r->done = 1;
			}
			pthread_mutex_lock(&p->mu);
			p->read++;
			if (!started)
				p->taken = p->read;
			pthread_cond_signal(&p->work);
			pthread_mutex_unlock(&p->mu);
		}
		pthread_mutex_lock(&p->mu);
		while (!j->done)
			pthread_cond_wait(&p->done, &p->mu);
		pthread_mutex_unlock(&p->mu);

		if (unchecked && j->rc == FC_OK && j->d.extracted) {
			if (batch && (rc = fc_store_commit(st, err)))
				goto out;
			batch = 0;
			if ((rc = fc_store_foreign_keys(st, 1, err)))
				goto out;
			unchecked = 0;
		}
		if (!batch) {
			if ((rc = fc_store_begin(st, err)))
				goto out;
			since = seconds_now();
		}
		if (j->rc == FC_EDATA) {
			/* This document's data was bad; the rest goes on. */
			diag(o, j->rc, "cannot extract '%s': %s", j->d.origin,
			     j->err.msg);
			stats->failed++;
			worst = FC_EDATA;
			rc = fc_store_doc_error(st, j->d.id, j->err.msg, err);
		} else if (j->rc) {
			rc = j->rc;
			*err = j->err;
		} else if (!(rc = job_write(st, j, &x, unchecked, err))) {
			stats->done++;
			stats->items += j->claims;
			if (j->limited) {
				stats->limited++;
				diag(o, FC_EDATA,
				     "'%s': a sentence hit the pattern match limit; figures after that point in it may be missing",
				     j->d.origin);
			}
		}
		job_release(j);
		if (rc)
			goto out;
		if (++batch == batch_docs || k + 1 == n ||
		    seconds_now() - since >= FC_BATCH_SECONDS) {
			if ((rc = fc_store_commit(st, err)))
				goto out;
			batch = 0;
		}
	}
	rc = worst ? worst : stats->limited ? FC_EDATA : FC_OK;
out:
	if (started) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_broadcast(&p->work);
		pthread_mutex_unlock(&p->mu);
		for (k = 0; k < started; k++)
			pthread_join(w[k].thread, NULL);
	}
	/* Only a failed batch is still open: what was committed stays. */
	fc_store_rollback(st);
	/* The checks back on, for whatever the store is used for next. */
	if (unchecked && fc_store_foreign_keys(st, 1, &ferr) && rc != FC_ESYS) {
		rc = FC_ESYS;
		*err = ferr;
	}
	for (k = 0; k < FC_AHEAD; k++)
		job_release(&p->ring[k]);
	if (p->failed && p->loaded)
		diag(o, p->load_rc,
		     "an extraction thread could not load its rules (%s); the others did its share",
		     p->load_err.msg);
	for (k = 0; k < FC_MAX_JOBS; k++)
		fc_extractor_free(w[k].x);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->mu);
	free(p);
	scratch_release(&x);
	free(ids);
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
