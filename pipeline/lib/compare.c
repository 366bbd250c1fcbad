/* compare.c - find discrepancies between claims: across sources, within a document, against reference data. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pack.h"
#include "stages.h"

/* A count figure as compare uses it: where it comes from and what it says. */
struct count {
	double value;
	const struct fc_claim *claim;	/* NULL when it comes from reference data */
	const struct fc_ref *ref;
};

static int streq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int is_interim(const struct fc_claim *c)
{
	return c->qualifier && strcmp(c->qualifier, "interim") == 0;
}

static int is_unit(const struct fc_claim *c, const char *u)
{
	return c->unit && strcmp(c->unit, u) == 0;
}

/*
 * Metrics that no claim or reference figure ties to a subject (a ballot's
 * turnout, a rally's size): their figures are comparable without one.
 * Set by fc_compare() for the claims at hand.
 */
static const char **subjectless;
static size_t nsubjectless;

static int is_subjectless(const char *metric)
{
	size_t i;

	for (i = 0; i < nsubjectless; i++)
		if (strcmp(subjectless[i], metric) == 0)
			return 1;
	return 0;
}

/*
 * A claim worth comparing: not a reader's comment, with a metric, and about
 * a known subject, attributed to an estimator ("police said 1,200"), or of
 * a metric that has no subjects.
 */
static int comparable(const struct fc_claim *c)
{
	return c->metric && !c->role &&
		(c->subject || c->estimator || is_subjectless(c->metric)) &&
		!(c->segkind && strcmp(c->segkind, "comment") == 0);
}

static int in_list(const char *const *list, size_t n, const char *m)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], m) == 0)
			return 1;
	return 0;
}

/* One pass collects the metrics some claim ties to a subject; the rest are subjectless. */
static void find_subjectless(const struct fc_claim_vec *cv, const struct fc_pack *p)
{
	const char **with = NULL;
	size_t nwith = 0, i, j;

	for (i = 0; i < cv->n; i++) {
		const char *m = cv->v[i].metric;

		if (m && cv->v[i].subject && !in_list(with, nwith, m)) {
			with = fc_xrealloc(with, (nwith + 1) * sizeof(*with));
			with[nwith++] = m;
		}
	}
	for (i = 0; i < cv->n; i++) {
		const char *m = cv->v[i].metric;
		int has;

		if (!m || in_list(with, nwith, m) || is_subjectless(m))
			continue;
		for (has = 0, j = 0; p && j < p->nrefs && !has; j++)
			has = strcmp(p->refs[j].metric, m) == 0 &&
				strcmp(p->refs[j].subject, "-") != 0;
		if (!has) {
			subjectless = fc_xrealloc(subjectless,
						  (nsubjectless + 1) * sizeof(*subjectless));
			subjectless[nsubjectless++] = m;
		}
	}
	free(with);
}

static const char *nz(const char *s, const char *dflt)
{
	return s && *s ? s : dflt;
}

static void num(struct fc_buf *b, double v)
{
	char t[40];

	if (fabs(v - round(v)) > 1e-9)
		snprintf(t, sizeof(t), "%.2f", v);
	else
		fc_fmt_num(t, sizeof(t), v);
	fc_buf_addstr(b, t);
}

/* "SKWAWKBOX (2016-08-14): “quote”", with who is quoted when it is not the outlet. */
static void cite(struct fc_buf *b, const struct fc_claim *c)
{
	fc_buf_printf(b, "%s", nz(c->source, nz(c->speaker, "unknown source")));
	if (c->estimator && c->speaker)
		fc_buf_printf(b, ", quoting %s", c->speaker);
	if (c->published)
		fc_buf_printf(b, " (%.10s)", c->published);
	fc_buf_printf(b, ": \xE2\x80\x9C%s\xE2\x80\x9D", nz(c->quote, ""));
}

static void said(struct fc_buf *b, const struct fc_claim *c)
{
	fc_buf_printf(b, "\xE2\x80\x9C%s\xE2\x80\x9D ", nz(c->fig_text, "?"));
	fc_interval_fmt(b, c->low, c->high, c->low_open, c->high_open);
}

static char *take(struct fc_buf *b)
{
	return fc_buf_detach(b, NULL);
}

static struct fc_discrepancy *finding(struct fc_disc_vec *out,
				      enum fc_disc_kind k, enum fc_severity s,
				      const char *subject, const char *metric)
{
	struct fc_discrepancy *d = fc_disc_vec_push(out);

	d->kind = k;
	d->severity = s;
	d->subject = subject ? fc_xstrdup(subject) : NULL;
	d->metric = metric ? fc_xstrdup(metric) : NULL;
	return d;
}

static void add_claim(struct fc_discrepancy *d, const struct fc_claim *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < d->nclaims; i++)
		if (d->claims[i] == c->id)
			return;
	d->claims = fc_xrealloc(d->claims, (d->nclaims + 1) * sizeof(*d->claims));
	d->claims[d->nclaims++] = c->id;
}

static int overlap(const struct fc_claim *a, const struct fc_claim *b)
{
	return fc_interval_overlap(a->low, a->high, a->low_open, a->high_open,
				   b->low, b->high, b->low_open, b->high_open);
}

static int contains(const struct fc_claim *c, double x)
{
	/* Tolerate the float noise of computed ratios at a closed bound. */
	return fc_interval_contains(c->low - 1e-9, c->high + 1e-9, c->low_open,
				    c->high_open, x);
}

static int published_cmp(const struct fc_claim *a, const struct fc_claim *b)
{
	return strcmp(nz(a->published, ""), nz(b->published, ""));
}

/*
 * Per claim: has an earlier claim of the same document said the same
 * thing (a headline repeating the body)?  Computed once by fc_compare().
 */
static unsigned char *rep_flags;
static const struct fc_claim_vec *sort_cv;

static int repeated(const struct fc_claim_vec *cv, size_t i)
{
	(void)cv;
	return rep_flags && rep_flags[i];
}

static int strcmp0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int dcmp(double a, double b)
{
	return a < b ? -1 : a > b;
}

/* Order for finding repeats: document, what is said, then position. */
static int by_doc_key(const void *pa, const void *pb)
{
	const struct fc_claim *a = &sort_cv->v[*(const size_t *)pa];
	const struct fc_claim *b = &sort_cv->v[*(const size_t *)pb];
	int r;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if ((r = strcmp0(a->subject, b->subject)) || (r = strcmp0(a->metric, b->metric)) ||
	    (r = strcmp0(a->period, b->period)) || (r = strcmp0(a->unit, b->unit)) ||
	    (r = strcmp0(a->role, b->role)) || (r = dcmp(a->value, b->value)))
		return r;
	return dcmp((double)*(const size_t *)pa, (double)*(const size_t *)pb);
}

static void find_repeats(const struct fc_claim_vec *cv)
{
	size_t *idx = fc_xmalloc((cv->n + 1) * sizeof(*idx)), i;

	rep_flags = fc_xcalloc(cv->n + 1, 1);
	for (i = 0; i < cv->n; i++)
		idx[i] = i;
	sort_cv = cv;
	qsort(idx, cv->n, sizeof(*idx), by_doc_key);
	for (i = 1; i < cv->n; i++) {
		const struct fc_claim *a = &cv->v[idx[i - 1]], *b = &cv->v[idx[i]];

		if (a->doc == b->doc && streq(a->subject, b->subject) &&
		    streq(a->metric, b->metric) && streq(a->period, b->period) &&
		    streq(a->unit, b->unit) && streq(a->role, b->role) &&
		    a->value == b->value)
			rep_flags[idx[i]] = 1;
	}
	free(idx);
}

/* Who gave a figure: the attributed estimator, else the outlet itself. */
static const char *estimator(const struct fc_claim *c)
{
	return c->estimator ? c->estimator : nz(c->speaker, c->source);
}

/* Has an earlier finding already set these two estimators against each other? */
static int spread_seen(const struct fc_disc_vec *out, const struct fc_claim_vec *cv,
		       const struct fc_claim *a, const struct fc_claim *b)
{
	size_t i;
	int k;

	for (i = 0; i < out->n; i++) {
		const struct fc_discrepancy *d = &out->v[i];
		const struct fc_claim *x, *y;

		if (d->kind != FC_DISC_SPREAD || d->nclaims != 2)
			continue;
		x = fc_claim_vec_find(cv, d->claims[0]);
		y = fc_claim_vec_find(cv, d->claims[1]);
		if (!x || !y || !streq(x->metric, a->metric) ||
		    !streq(x->subject, a->subject) || !streq(x->period, a->period))
			continue;
		k = (streq(estimator(x), estimator(a)) && streq(estimator(y), estimator(b))) ||
		    (streq(estimator(x), estimator(b)) && streq(estimator(y), estimator(a)));
		if (k)
			return 1;
	}
	return 0;
}

static void set_sides(struct fc_discrepancy *d, const struct fc_claim *expected,
		      const struct fc_claim *observed)
{
	struct fc_buf e = FC_BUF_INIT, o = FC_BUF_INIT;

	num(&e, expected->value);
	num(&o, observed->value);
	d->expected = take(&e);
	d->observed = take(&o);
	add_claim(d, observed);
	add_claim(d, expected);
}

/* Claims that say the same: same thing, same estimator, same interval. */
static int same_group(const struct fc_claim *a, const struct fc_claim *b)
{
	return streq(a->subject, b->subject) && streq(a->metric, b->metric) &&
		streq(a->period, b->period) && streq(a->unit, b->unit);
}

static int same_cluster(const struct fc_claim *a, const struct fc_claim *b)
{
	return same_group(a, b) && streq(a->estimator, b->estimator) &&
		is_interim(a) == is_interim(b) && a->low == b->low &&
		a->high == b->high && a->low_open == b->low_open &&
		a->high_open == b->high_open;
}

/* Order for comparing: group, cluster, then earliest first. */
static int by_group(const void *pa, const void *pb)
{
	const struct fc_claim *a = &sort_cv->v[*(const size_t *)pa];
	const struct fc_claim *b = &sort_cv->v[*(const size_t *)pb];
	int r;

	if ((r = strcmp0(a->subject, b->subject)) || (r = strcmp0(a->metric, b->metric)) ||
	    (r = strcmp0(a->period, b->period)) || (r = strcmp0(a->unit, b->unit)) ||
	    (r = strcmp0(a->estimator, b->estimator)) ||
	    (r = is_interim(a) - is_interim(b)) || (r = dcmp(a->low, b->low)) ||
	    (r = dcmp(a->high, b->high)) || (r = a->low_open - b->low_open) ||
	    (r = a->high_open - b->high_open) ||
	    (r = strcmp0(a->published, b->published)))
		return r;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Every claim of a cluster, in order, into a finding. */
static void add_cluster(struct fc_discrepancy *d, const struct fc_claim_vec *cv,
			const size_t *idx, size_t from, size_t to)
{
	for (; from < to; from++)
		add_claim(d, &cv->v[idx[from]]);
}

/* "SKWAWKBOX ... (and 3 more sources)" */
static void more(struct fc_buf *b, size_t n)
{
	if (n > 1)
		fc_buf_printf(b, " (and %zu more source%s)", n - 1, n > 2 ? "s" : "");
}

/*
 * Claims on the same subject, metric and period whose intervals cannot
 * both hold, compared cluster by cluster (every outlet repeating the same
 * figure is one side).  The same estimator (or outlets speaking for
 * themselves): an interim figure against a later one is superseded (info;
 * an error if a count went down), anything else a conflict.  Different
 * estimators ("organisers said", "police said"): a spread, info.
 */
static void cross_source(const struct fc_claim_vec *cv, unsigned char *covered,
			 struct fc_disc_vec *out)
{
	size_t *idx = fc_xmalloc((cv->n + 1) * sizeof(*idx)), *cl = NULL;
	size_t n = 0, g0, g1, i, j, k, ncl;

	for (i = 0; i < cv->n; i++)
		if (comparable(&cv->v[i]) && !repeated(cv, i) &&
		    (is_unit(&cv->v[i], "count") || is_unit(&cv->v[i], "percent")))
			idx[n++] = i;
	sort_cv = cv;
	qsort(idx, n, sizeof(*idx), by_group);
	cl = fc_xmalloc((n + 2) * sizeof(*cl));
	for (g0 = 0; g0 < n; g0 = g1) {
		for (g1 = g0 + 1; g1 < n && same_group(&cv->v[idx[g0]], &cv->v[idx[g1]]); g1++)
			;
		/* Cluster starts within the group; cl[ncl] is the group's end. */
		for (ncl = 0, k = g0; k < g1; k++)
			if (k == g0 || !same_cluster(&cv->v[idx[k - 1]], &cv->v[idx[k]]))
				cl[ncl++] = k;
		cl[ncl] = g1;
		for (i = 0; i < ncl; i++)
			for (j = i + 1; j < ncl; j++) {
				const struct fc_claim *a = &cv->v[idx[cl[i]]], *b = &cv->v[idx[cl[j]]];
				size_t na = cl[i + 1] - cl[i], nb = cl[j + 1] - cl[j];
				const struct fc_claim *early, *late;
				size_t ne, nl, e0, l0;
				struct fc_discrepancy *d;
				struct fc_buf x = FC_BUF_INIT;
				int same_est;

				if (overlap(a, b))
					continue;
				same_est = streq(a->estimator, b->estimator);
				/* Within one document only estimators are set against each other. */
				if (same_est && na == 1 && nb == 1 && a->doc == b->doc)
					continue;
				if (!same_est) {
					const struct fc_claim *hi = a->value >= b->value ? a : b;
					const struct fc_claim *lo = hi == a ? b : a;

					if (spread_seen(out, cv, a, b))
						continue;
					d = finding(out, FC_DISC_SPREAD, FC_SEV_INFO,
						    a->subject, a->metric);
					fc_buf_printf(&x, "Estimates differ: %s gives ", estimator(hi));
					said(&x, hi);
					fc_buf_printf(&x, ", %s gives ", estimator(lo));
					said(&x, lo);
					if (lo->value > 0) {
						fc_buf_addstr(&x, "; a ratio of ");
						num(&x, hi->value / lo->value);
					}
					fc_buf_addstr(&x, ". Reporting both is not an error. ");
					cite(&x, hi);
					fc_buf_addstr(&x, " ");
					cite(&x, lo);
					d->explanation = take(&x);
					set_sides(d, lo, hi);
					continue;
				}
				for (k = cl[i]; k < cl[i + 1]; k++)
					covered[idx[k]] = 1;
				for (k = cl[j]; k < cl[j + 1]; k++)
					covered[idx[k]] = 1;
				early = published_cmp(a, b) <= 0 ? a : b;
				if (is_interim(a) != is_interim(b))
					early = is_interim(a) ? a : b;
				late = early == a ? b : a;
				e0 = early == a ? cl[i] : cl[j];
				l0 = early == a ? cl[j] : cl[i];
				ne = early == a ? na : nb;
				nl = early == a ? nb : na;
				if (is_interim(a) != is_interim(b) &&
				    published_cmp(late, early) >= 0) {
					d = finding(out, FC_DISC_SUPERSEDED,
						    is_unit(a, "count") &&
						    late->value < early->value ?
						    FC_SEV_ERROR : FC_SEV_INFO,
						    a->subject, a->metric);
					fc_buf_printf(&x, "An interim figure, ");
					said(&x, early);
					fc_buf_printf(&x, ", was later superseded by ");
					said(&x, late);
					fc_buf_printf(&x, " (");
					num(&x, fabs(late->value - early->value));
					fc_buf_printf(&x, " %s).", late->value >= early->value ?
						      "more" : "fewer: a count that went down");
					fc_buf_printf(&x, " Interim: ");
					cite(&x, early);
					more(&x, ne);
					fc_buf_printf(&x, " Later: ");
					cite(&x, late);
					more(&x, nl);
				} else {
					d = finding(out, FC_DISC_CONFLICT, FC_SEV_ERROR,
						    a->subject, a->metric);
					fc_buf_printf(&x, "Two sources disagree%s: %s says ",
						      a->estimator ? " on what the same estimator said" : "",
						      nz(early->source, nz(early->speaker, "one source")));
					said(&x, early);
					fc_buf_printf(&x, ", %s says ",
						      nz(late->source, nz(late->speaker, "another")));
					said(&x, late);
					fc_buf_printf(&x, "; both cannot hold. ");
					cite(&x, early);
					more(&x, ne);
					fc_buf_printf(&x, " ");
					cite(&x, late);
					more(&x, nl);
				}
				d->explanation = take(&x);
				{
					struct fc_buf e = FC_BUF_INIT, o = FC_BUF_INIT;

					num(&e, late->value);
					num(&o, early->value);
					d->expected = take(&e);
					d->observed = take(&o);
				}
				add_cluster(d, cv, idx, e0, e0 + ne);
				add_cluster(d, cv, idx, l0, l0 + nl);
			}
	}
	free(cl);
	free(idx);
}

static const struct fc_ref *find_ref(const struct fc_pack *p, const char *subject,
				     const char *metric, const char *period)
{
	size_t i;

	for (i = 0; p && i < p->nrefs; i++)
		if (streq(strcmp(p->refs[i].subject, "-") ? p->refs[i].subject : NULL,
			  subject) &&
		    streq(p->refs[i].metric, metric) &&
		    streq(p->refs[i].period, period))
			return &p->refs[i];
	return NULL;
}

/* Claims that disagree with the pack's reference figures. */
static void against_reference(const struct fc_claim_vec *cv,
			      const unsigned char *covered,
			      const struct fc_pack *p, struct fc_disc_vec *out)
{
	size_t i;

	for (i = 0; i < cv->n; i++) {
		const struct fc_claim *c = &cv->v[i];
		const struct fc_metric *m;
		const struct fc_ref *r;
		struct fc_discrepancy *d;
		struct fc_buf x = FC_BUF_INIT, e = FC_BUF_INIT, o = FC_BUF_INIT;

		if (!comparable(c) || covered[i] || repeated(cv, i) ||
		    !(r = find_ref(p, c->subject, c->metric, c->period)) ||
		    !(m = fc_pack_metric(p, c->metric)) ||
		    !streq(m->unit, c->unit) || contains(c, r->value))
			continue;
		if (is_interim(c)) {
			d = finding(out, FC_DISC_SUPERSEDED,
				    is_unit(c, "count") && r->value < c->value ?
				    FC_SEV_ERROR : FC_SEV_INFO, c->subject, c->metric);
			fc_buf_printf(&x, "An interim figure, ");
			said(&x, c);
			fc_buf_printf(&x, ", differs from the final reference figure %s",
				      "");
		} else {
			d = finding(out, FC_DISC_REFERENCE, FC_SEV_ERROR, c->subject,
				    c->metric);
			said(&x, c);
			fc_buf_printf(&x, " disagrees with the reference figure ");
		}
		num(&x, r->value);
		fc_buf_printf(&x, " (%s%s%s). ", nz(r->source, "pack reference"),
			      r->as_of ? ", as of " : "", nz(r->as_of, ""));
		cite(&x, c);
		num(&e, r->value);
		num(&o, c->value);
		d->expected = take(&e);
		d->observed = take(&o);
		d->explanation = take(&x);
		add_claim(d, c);
	}
}

/*
 * The count of subject for metric, best source first: a claim of the same
 * document (same interim-ness as near), then the latest non-interim claim
 * of another document, then the reference data.
 */
static int find_count(const struct fc_claim_vec *cv, const struct fc_pack *p,
		      const struct fc_claim *near, const char *subject,
		      const char *metric, int totals, struct count *out)
{
	const struct fc_claim *best = NULL;
	const struct fc_ref *r;
	size_t i;

	for (i = 0; i < cv->n; i++) {
		const struct fc_claim *c = &cv->v[i];

		/* A denominator may be a stated total ("868 out of 1,240"). */
		if (!is_unit(c, "count") || !streq(c->subject, subject) ||
		    !streq(c->metric, metric) || !streq(c->period, near->period) ||
		    (c->role && !totals) ||
		    !(comparable(c) || (totals && c->role && !(c->segkind &&
				strcmp(c->segkind, "comment") == 0))))
			continue;
		if (c->doc == near->doc) {
			best = c;
			break;
		}
		if (!is_interim(c) && (!best || published_cmp(c, best) > 0))
			best = c;
	}
	if (best) {
		out->value = best->value;
		out->claim = best;
		out->ref = NULL;
		return 1;
	}
	if ((r = find_ref(p, subject, metric, near->period))) {
		out->value = r->value;
		out->claim = NULL;
		out->ref = r;
		return 1;
	}
	return 0;
}

/* The other side of a ratio that names only one: the largest rival count. */
static const char *infer_object(const struct fc_claim_vec *cv,
				const struct fc_pack *p, const struct fc_claim *c)
{
	const char *best = NULL;
	double bv = -1;
	size_t i;

	for (i = 0; i < cv->n; i++) {
		const struct fc_claim *k = &cv->v[i];

		if (comparable(k) && is_unit(k, "count") && !k->role &&
		    streq(k->metric, c->metric) && !streq(k->subject, c->subject) &&
		    !is_interim(k) && k->value > bv) {
			best = k->subject;
			bv = k->value;
		}
	}
	for (i = 0; p && !best && i < p->nrefs; i++) {
		const struct fc_ref *r = &p->refs[i];

		if (streq(r->metric, c->metric) && !streq(r->subject, c->subject) &&
		    r->value > bv) {
			best = r->subject;
			bv = r->value;
		}
	}
	return best;
}

static void count_src(struct fc_buf *b, const struct count *k)
{
	num(b, k->value);
	if (k->claim)
		fc_buf_printf(b, " (%s%s%.10s%s)", nz(k->claim->speaker, "?"),
			      k->claim->published ? ", " : "",
			      nz(k->claim->published, ""),
			      is_interim(k->claim) ? ", interim" : "");
	else
		fc_buf_printf(b, " (reference: %s)", nz(k->ref->source, "pack"));
}

/* Ratios, multiples and shares that do not follow from the counts. */
static void derived(const struct fc_claim_vec *cv, const struct fc_pack *p,
		    struct fc_disc_vec *out)
{
	size_t i;

	for (i = 0; i < cv->n; i++) {
		const struct fc_claim *c = &cv->v[i];
		const char *object;
		struct count a, b;
		struct fc_discrepancy *d;
		struct fc_buf x = FC_BUF_INIT, e = FC_BUF_INIT, o = FC_BUF_INIT;
		double ratio;

		if (!comparable(c) || !(is_unit(c, "ratio") || is_unit(c, "multiple")))
			continue;
		object = c->object ? c->object : infer_object(cv, p, c);
		if (!object || !find_count(cv, p, c, c->subject, c->metric, 0, &a) ||
		    !find_count(cv, p, c, object, c->metric, 0, &b) || b.value == 0)
			continue;
		ratio = a.value / b.value;
		if (contains(c, ratio))
			continue;
		d = finding(out, FC_DISC_DERIVED, FC_SEV_ERROR, c->subject, c->metric);
		said(&x, c);
		fc_buf_printf(&x, " does not follow from the counts: %s ", c->subject);
		count_src(&x, &a);
		fc_buf_printf(&x, " / %s ", object);
		count_src(&x, &b);
		fc_buf_printf(&x, " = ");
		num(&x, ratio);
		fc_buf_printf(&x, "%s. ", c->object ? "" :
			      " (the other side is not named; taken as the largest rival count)");
		cite(&x, c);
		fc_buf_printf(&e, "%s/%s = ", c->subject, object);
		num(&e, a.value);
		fc_buf_addstr(&e, "/");
		num(&e, b.value);
		fc_buf_addstr(&e, " = ");
		num(&e, ratio);
		said(&o, c);
		d->expected = take(&e);
		d->observed = take(&o);
		d->explanation = take(&x);
		add_claim(d, c);
		add_claim(d, a.claim);
		add_claim(d, b.claim);
	}
	/*
	 * Shares: a percent metric the pack declares a share_of a count metric,
	 * "A" (of the total of A: stated in the document, else the sum of the
	 * counts it names, else the reference sum) or "A/B" (of the count B).
	 */
	for (i = 0; p && i < cv->n; i++) {
		const struct fc_claim *c = &cv->v[i];
		const struct fc_metric *m;
		const struct fc_claim *total = NULL;
		const char *how;
		struct count a, den;
		struct fc_discrepancy *d;
		struct fc_buf x = FC_BUF_INIT, e = FC_BUF_INIT, o = FC_BUF_INIT;
		char num_metric[64];
		const char *slash;
		double share, sum = 0;
		size_t j;

		if (!comparable(c) || !is_unit(c, "percent") ||
		    !(m = fc_pack_metric(p, c->metric)) || !m->share_of)
			continue;
		slash = strchr(m->share_of, '/');
		snprintf(num_metric, sizeof(num_metric), "%.*s",
			 (int)(slash ? (size_t)(slash - m->share_of) : strlen(m->share_of)),
			 m->share_of);
		if (!find_count(cv, p, c, c->subject, num_metric, 0, &a))
			continue;
		den.claim = NULL;
		if (slash) {
			if (!find_count(cv, p, c, c->subject, slash + 1, 1, &den))
				continue;
			sum = den.value;
			total = den.claim;
			how = " (the count it is a share of)";
		} else {
			for (j = 0; j < cv->n; j++) {
				const struct fc_claim *k = &cv->v[j];

				if (k->doc == c->doc && k->role && is_unit(k, "count") &&
				    streq(k->metric, num_metric))
					total = k;
			}
			how = total ? " (stated total)" : a.ref ?
				" (sum of the reference counts)" : " (sum of the named counts)";
			if (total) {
				sum = total->value;
			} else if (a.ref) {
				for (j = 0; j < p->nrefs; j++)
					if (streq(p->refs[j].metric, num_metric) &&
					    streq(p->refs[j].period, a.ref->period))
						sum += p->refs[j].value;
			} else {
				for (j = 0; j < cv->n; j++) {
					const struct fc_claim *k = &cv->v[j];

					if (a.claim && k->doc == a.claim->doc &&
					    comparable(k) && is_unit(k, "count") &&
					    streq(k->metric, num_metric) && !repeated(cv, j))
						sum += k->value;
				}
			}
		}
		if (sum <= 0)
			continue;
		share = 100.0 * a.value / sum;
		if (contains(c, share))
			continue;
		d = finding(out, FC_DISC_DERIVED, FC_SEV_ERROR, c->subject, c->metric);
		said(&x, c);
		fc_buf_printf(&x, " does not follow from the counts: ");
		count_src(&x, &a);
		fc_buf_printf(&x, " out of ");
		num(&x, sum);
		fc_buf_printf(&x, "%s is ", how);
		num(&x, share);
		fc_buf_printf(&x, "%%. ");
		cite(&x, c);
		num(&e, share);
		fc_buf_addstr(&e, "%");
		said(&o, c);
		d->expected = take(&e);
		d->observed = take(&o);
		d->explanation = take(&x);
		add_claim(d, c);
		add_claim(d, a.claim);
		add_claim(d, total);
	}
}

/* Parts that exceed or miss their stated total inside one document. */
static void arithmetic(const struct fc_claim_vec *cv, struct fc_disc_vec *out)
{
	size_t i, j;

	for (i = 0; i < cv->n; i++) {
		const struct fc_claim *t = &cv->v[i];
		const struct fc_claim *parts[64];
		size_t np = 0;
		double lo = 0, hi = 0, sum = 0;
		struct fc_discrepancy *d;
		struct fc_buf x = FC_BUF_INIT, e = FC_BUF_INIT, o = FC_BUF_INIT;
		int over;

		if (!t->role || !t->metric || !is_unit(t, "count") ||
		    (t->segkind && strcmp(t->segkind, "comment") == 0))
			continue;
		for (j = 0; j < cv->n && np < 64; j++) {
			const struct fc_claim *k = &cv->v[j];

			if (k->doc == t->doc && comparable(k) && !k->role &&
			    is_unit(k, "count") && streq(k->metric, t->metric) &&
			    streq(k->period, t->period) &&
			    is_interim(k) == is_interim(t) && !repeated(cv, j)) {
				parts[np++] = k;
				lo += k->low;
				hi += k->high;
				sum += k->value;
			}
		}
		if (np < 2)
			continue;
		over = lo > t->high || (lo == t->high && t->high_open);
		if (!over && !(hi < t->low))
			continue;
		d = finding(out, FC_DISC_ARITHMETIC, over ? FC_SEV_ERROR : FC_SEV_WARNING,
			    NULL, t->metric);
		for (j = 0; j < np; j++) {
			if (j)
				fc_buf_addstr(&x, " + ");
			num(&x, parts[j]->value);
			fc_buf_printf(&x, " (%s)", parts[j]->subject);
			add_claim(d, parts[j]);
		}
		fc_buf_addstr(&x, " = ");
		num(&x, sum);
		fc_buf_printf(&x, ", but the stated total is ");
		said(&x, t);
		fc_buf_printf(&x, ": the parts %s it by ", over ? "exceed" : "fall short of");
		num(&x, over ? sum - t->value : t->value - sum);
		fc_buf_addstr(&x, ". ");
		cite(&x, t);
		add_claim(d, t);
		num(&e, t->value);
		num(&o, sum);
		d->expected = take(&e);
		d->observed = take(&o);
		d->explanation = take(&x);
	}
}

void fc_compare(const struct fc_claim_vec *cv, const struct fc_pack *pack,
		struct fc_disc_vec *out)
{
	unsigned char *covered = fc_xcalloc(cv->n + 1, 1);

	find_subjectless(cv, pack);
	find_repeats(cv);
	cross_source(cv, covered, out);
	if (pack)
		against_reference(cv, covered, pack, out);
	derived(cv, pack, out);
	arithmetic(cv, out);
	free(covered);
	free(subjectless);
	subjectless = NULL;
	nsubjectless = 0;
	free(rep_flags);
	rep_flags = NULL;
}
