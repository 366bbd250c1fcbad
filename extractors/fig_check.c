/* fig_check.c - runs the example sentences rule files carry, and explains which rules fired on a text. */
#include "fig_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_EXAMPLE_DATE "2016-08-15"

void fc_explain_init(struct fc_explain *x)
{
	memset(x, 0, sizeof(*x));
	fc_figure_list_init(&x->figures);
}

void fc_explain_release(struct fc_explain *x)
{
	free(x->v);
	fc_figure_list_release(&x->figures);
	fc_explain_init(x);
}

int fc_engine_explain(struct fc_engine *e, const char *text, size_t len,
		      const char *ref_date, struct fc_explain *x,
		      struct fc_error *err)
{
	return fc_scan_internal(e, text, len, ref_date, &x->figures, &x->limited, NULL, x, err);
}

void fc_explain_format(const struct fc_explain *x, const char *text, struct fc_buf *out)
{
	size_t i, g;

	for (i = 0; i < x->n; i++) {
		const struct fc_explain_hit *h = &x->v[i];

		fc_buf_printf(out, "%s rule %s (%s:%d) matched \"%.*s\" at %zu-%zu",
			      h->kind, h->rule, h->file, h->line, (int)(h->end - h->start),
			      text + h->start, h->start, h->end);
		if (h->figure >= 0)
			fc_buf_printf(out, " -> figure %ld", h->figure + 1);
		fc_buf_addch(out, '\n');
		for (g = 0; g < h->ngroups; g++)
			fc_buf_printf(out, "    %-8s \"%.*s\"\n", h->groups[g].name,
				      (int)(h->groups[g].end - h->groups[g].start),
				      text + h->groups[g].start);
	}
	if (x->limited)
		fc_buf_addstr(out, "(a match limit was hit: some text was not examined)\n");
	for (i = 0; i < x->figures.n; i++) {
		fc_buf_printf(out, "figure %zu: ", i + 1);
		fc_figure_json(&x->figures.v[i], text, -1, out);
		fc_buf_addch(out, '\n');
	}
}

/* ---- examples ------------------------------------------------------------------ */

/* Does v, rounded to as many decimals as want is written with, equal want? */
static int num_eq(const char *want, double v)
{
	const char *dot;
	char *end;
	double w;
	int dec = 0;

	if (strcmp(want, "inf") == 0 || strcmp(want, "+inf") == 0)
		return isinf(v) && v > 0;
	if (strcmp(want, "-inf") == 0)
		return isinf(v) && v < 0;
	w = strtod(want, &end);
	if (end == want || !isfinite(v))
		return 0;
	if ((dot = strchr(want, '.')))
		dec = (int)strspn(dot + 1, "0123456789");
	return fabs(v - w) <= 0.5 * pow(10, -dec) + 1e-9 * fabs(w);
}

static int str_eq(const char *want, const char *s, size_t n)
{
	return strlen(want) == n && fc_strncasecmp(want, s, n) == 0;
}

static void describe(const struct fc_figure *f, const char *text, struct fc_buf *out)
{
	fc_figure_json(f, text, -1, out);
}

/* Compare one figure with one expectation; describe the first difference in why. */
static int expect_ok(const struct expect *x, const struct fc_figure *f, const char *text,
		     struct fc_buf *why)
{
	const char *q;

	if (!num_eq(x->value, f->value)) {
		fc_buf_printf(why, "value %s", x->value);
		return 0;
	}
	if ((int)f->unit != x->unit) {
		fc_buf_printf(why, "unit %s", fc_unit_name((enum fc_unit)x->unit));
		return 0;
	}
	if (!num_eq(x->low, f->low) || !num_eq(x->high, f->high) ||
	    x->low_open != f->low_open || x->high_open != f->high_open) {
		fc_buf_printf(why, "interval %c%s,%s%c", x->low_open ? '(' : '[', x->low, x->high,
			      x->high_open ? ')' : ']');
		return 0;
	}
	if (x->hedge && !str_eq(x->hedge, f->hedge, strlen(f->hedge))) {
		fc_buf_printf(why, "hedge \"%s\"", x->hedge);
		return 0;
	}
	if (x->noun && !str_eq(x->noun, text + f->noun_start, f->noun_end - f->noun_start)) {
		fc_buf_printf(why, "noun \"%s\"", x->noun);
		return 0;
	}
	q = fc_qualifier_name(f->qualifier);
	if (x->qualifier && !str_eq(x->qualifier, q ? q : "none", strlen(q ? q : "none"))) {
		fc_buf_printf(why, "qualifier %s", x->qualifier);
		return 0;
	}
	if (x->period && !str_eq(x->period, f->period, strlen(f->period))) {
		fc_buf_printf(why, "period \"%s\"", x->period);
		return 0;
	}
	if (x->currency && !str_eq(x->currency, f->currency, strlen(f->currency))) {
		fc_buf_printf(why, "currency %s", x->currency);
		return 0;
	}
	if (x->text && !str_eq(x->text, text + f->start, f->end - f->start)) {
		fc_buf_printf(why, "text \"%s\"", x->text);
		return 0;
	}
	if (x->rule && (!f->rule || strcmp(x->rule, f->rule) != 0)) {
		fc_buf_printf(why, "rule %s", x->rule);
		return 0;
	}
	if (x->bottom >= 0 && x->bottom != f->rank_from_bottom) {
		fc_buf_printf(why, "bottom=%d", x->bottom);
		return 0;
	}
	return 1;
}

static int run_example(struct fc_engine *e, const struct rule *r, const struct example *ex,
		       struct fc_buf *report)
{
	struct fc_figure_list got;
	struct fc_error err;
	struct fc_buf why = FC_BUF_INIT;
	size_t i, n = strlen(ex->text);
	int ok = 1, limited = 0;

	fc_figure_list_init(&got);
	if (fc_engine_scan(e, ex->text, n, ex->date ? ex->date : DEFAULT_EXAMPLE_DATE, &got,
			   &limited, &err)) {
		if (report)
			fc_buf_printf(report, "%s:%d: rule %s: example \"%s\": %s\n", r->file,
				      ex->line, r->id, ex->text, err.msg);
		ok = 0;
		goto out;
	}
	if (got.n != ex->nexp) {
		ok = 0;
		fc_buf_printf(&why, "expected %zu figure%s, got %zu", ex->nexp,
			      ex->nexp == 1 ? "" : "s", got.n);
	}
	for (i = 0; ok && i < got.n; i++) {
		fc_buf_reset(&why);
		if (!expect_ok(&ex->exp[i], &got.v[i], ex->text, &why)) {
			struct fc_buf tmp = FC_BUF_INIT;

			fc_buf_printf(&tmp, "figure %zu: expected %s", i + 1, why.data);
			fc_buf_reset(&why);
			fc_buf_add(&why, tmp.data, tmp.len);
			fc_buf_release(&tmp);
			ok = 0;
		}
	}
	if (!ok && report) {
		fc_buf_printf(report, "%s:%d: rule %s: example \"%s\": %s\n", r->file, ex->line,
			      r->id, ex->text, why.data);
		for (i = 0; i < got.n; i++) {
			fc_buf_addstr(report, "    got ");
			describe(&got.v[i], ex->text, report);
			fc_buf_addch(report, '\n');
		}
	}
out:
	fc_buf_release(&why);
	fc_figure_list_release(&got);
	return ok;
}

int fc_engine_check_examples(struct fc_engine *e, struct fc_buf *report,
			     size_t *nrun, size_t *nfailed)
{
	size_t i, j, run = 0, failed = 0;

	for (i = 0; i < e->nrules; i++)
		for (j = 0; j < e->rules[i].nex; j++) {
			run++;
			if (!run_example(e, &e->rules[i], &e->rules[i].ex[j], report))
				failed++;
		}
	if (nrun)
		*nrun = run;
	if (nfailed)
		*nfailed = failed;
	return failed ? FC_EDATA : FC_OK;
}
