/* claim.c - lifecycle and interval arithmetic of claim and discrepancy records. */
#include "claim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void fc_claim_release(struct fc_claim *c)
{
	char **s[] = {
		&c->origin, &c->source, &c->url, &c->published, &c->segkind,
		&c->quote, &c->speaker, &c->estimator, &c->subject, &c->object, &c->metric,
		&c->noun, &c->period, &c->unit, &c->hedge, &c->qualifier,
		&c->role, &c->rule, &c->fig_text,
	};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		free(*s[i]);
		*s[i] = NULL;
	}
}

void fc_claim_vec_init(struct fc_claim_vec *cv)
{
	memset(cv, 0, sizeof(*cv));
}

void fc_claim_vec_release(struct fc_claim_vec *cv)
{
	size_t i;

	for (i = 0; i < cv->n; i++)
		fc_claim_release(&cv->v[i]);
	free(cv->v);
	fc_claim_vec_init(cv);
}

struct fc_claim *fc_claim_vec_push(struct fc_claim_vec *cv)
{
	if (cv->n == cv->cap) {
		cv->cap = cv->cap ? cv->cap * 2 : 16;
		cv->v = fc_xrealloc(cv->v, cv->cap * sizeof(*cv->v));
	}
	memset(&cv->v[cv->n], 0, sizeof(cv->v[0]));
	return &cv->v[cv->n++];
}

const struct fc_claim *fc_claim_vec_find(const struct fc_claim_vec *cv, int64_t id)
{
	size_t lo = 0, hi = cv->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cv->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cv->n && cv->v[lo].id == id ? &cv->v[lo] : NULL;
}

void fc_interval_fmt(struct fc_buf *out, double low, double high, int low_open,
		     int high_open)
{
	char a[40], b[40];

	if (isinf(low))
		strcpy(a, "-inf");
	else
		fc_fmt_num(a, sizeof(a), low);
	if (isinf(high))
		strcpy(b, "inf");
	else
		fc_fmt_num(b, sizeof(b), high);
	fc_buf_printf(out, "%c%s,%s%c", low_open || isinf(low) ? '(' : '[', a,
		      b, high_open || isinf(high) ? ')' : ']');
}

int fc_interval_contains(double l, double h, int lo, int ho, double x)
{
	if (x < l || (lo && x == l))
		return 0;
	if (x > h || (ho && x == h))
		return 0;
	return 1;
}

int fc_interval_overlap(double l1, double h1, int lo1, int ho1, double l2,
			double h2, int lo2, int ho2)
{
	/* The later start must come before the earlier end. */
	double l = l1 > l2 ? l1 : l2;
	double h = h1 < h2 ? h1 : h2;
	int lo = l1 > l2 ? lo1 : l2 > l1 ? lo2 : (lo1 || lo2);
	int ho = h1 < h2 ? ho1 : h2 < h1 ? ho2 : (ho1 || ho2);

	if (l < h)
		return 1;
	return l == h && !lo && !ho;
}

static const char *const kind_names[] = {
	"conflict", "superseded", "derived", "arithmetic", "reference", "spread",
};
static const char *const sev_names[] = { "error", "warning", "info" };

const char *fc_disc_kind_name(enum fc_disc_kind k)
{
	return kind_names[k];
}

const char *fc_severity_name(enum fc_severity s)
{
	return sev_names[s];
}

int fc_disc_kind_parse(const char *s, enum fc_disc_kind *out)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum fc_disc_kind)i;
			return 0;
		}
	return -1;
}

int fc_severity_parse(const char *s, enum fc_severity *out)
{
	size_t i;

	for (i = 0; i < sizeof(sev_names) / sizeof(sev_names[0]); i++)
		if (strcmp(s, sev_names[i]) == 0) {
			*out = (enum fc_severity)i;
			return 0;
		}
	return -1;
}

void fc_disc_release(struct fc_discrepancy *d)
{
	free(d->subject);
	free(d->metric);
	free(d->expected);
	free(d->observed);
	free(d->explanation);
	free(d->claims);
	memset(d, 0, sizeof(*d));
}

void fc_disc_vec_init(struct fc_disc_vec *dv)
{
	memset(dv, 0, sizeof(*dv));
}

void fc_disc_vec_release(struct fc_disc_vec *dv)
{
	size_t i;

	for (i = 0; i < dv->n; i++)
		fc_disc_release(&dv->v[i]);
	free(dv->v);
	fc_disc_vec_init(dv);
}

struct fc_discrepancy *fc_disc_vec_push(struct fc_disc_vec *dv)
{
	if (dv->n == dv->cap) {
		dv->cap = dv->cap ? dv->cap * 2 : 16;
		dv->v = fc_xrealloc(dv->v, dv->cap * sizeof(*dv->v));
	}
	memset(&dv->v[dv->n], 0, sizeof(dv->v[0]));
	return &dv->v[dv->n++];
}
