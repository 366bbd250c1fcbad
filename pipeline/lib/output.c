/* output.c - exports (claims, discrepancies, segments) and the discrepancy report in every format. */
#include "output.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_css.h"

static const char *const format_names[] = {
	"text", "md", "html", "csv", "json", "jsonl",
};

int fc_format_parse(const char *s)
{
	size_t i;

	if (strcmp(s, "markdown") == 0)
		return FC_FMT_MD;
	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *fc_format_name(enum fc_format f)
{
	return format_names[f];
}

static void jkey(struct fc_buf *b, const char *k, int first)
{
	if (!first)
		fc_buf_addch(b, ',');
	fc_json_str(b, k, strlen(k));
	fc_buf_addch(b, ':');
}

static void jstr(struct fc_buf *b, const char *k, const char *v)
{
	jkey(b, k, 0);
	if (v)
		fc_json_str(b, v, strlen(v));
	else
		fc_buf_addstr(b, "null");
}

static void jint(struct fc_buf *b, const char *k, long long v)
{
	jkey(b, k, 0);
	fc_buf_printf(b, "%lld", v);
}

static void jnum(struct fc_buf *b, const char *k, double v)
{
	jkey(b, k, 0);
	fc_json_num(b, v);
}

void fc_claim_json(struct fc_buf *b, const struct fc_claim *c)
{
	struct fc_buf iv = FC_BUF_INIT;

	fc_buf_addch(b, '{');
	jkey(b, "id", 1);
	fc_buf_printf(b, "%lld", (long long)c->id);
	jint(b, "doc", c->doc);
	jstr(b, "origin", c->origin);
	jstr(b, "source", c->source);
	jstr(b, "url", c->url);
	jstr(b, "published", c->published);
	jstr(b, "segment", c->segkind);
	jstr(b, "speaker", c->speaker);
	jstr(b, "estimator", c->estimator);
	jstr(b, "subject", c->subject);
	jstr(b, "object", c->object);
	jstr(b, "metric", c->metric);
	jstr(b, "period", c->period);
	jnum(b, "value", c->value);
	jnum(b, "low", c->low);
	jnum(b, "high", c->high);
	fc_interval_fmt(&iv, c->low, c->high, c->low_open, c->high_open);
	jstr(b, "interval", iv.data);
	jstr(b, "unit", c->unit);
	jstr(b, "hedge", c->hedge);
	jstr(b, "qualifier", c->qualifier);
	jstr(b, "noun", c->noun);
	jstr(b, "role", c->role);
	jstr(b, "quote", c->quote);
	jint(b, "start", (long long)c->start);
	jint(b, "end", (long long)c->end);
	jstr(b, "figure", c->fig_text);
	jint(b, "figure_start", (long long)c->fig_start);
	jint(b, "figure_end", (long long)c->fig_end);
	jint(b, "segment_id", c->segment);
	jstr(b, "rule", c->rule);
	fc_buf_addch(b, '}');
	fc_buf_release(&iv);
}

static const char *const claim_csv_cols =
	"id,doc,origin,source,url,published,segment,speaker,estimator,subject,object,"
	"metric,period,value,low,high,interval,unit,hedge,qualifier,noun,role,"
	"quote,start,end,figure,figure_start,figure_end,segment_id,rule\n";

static void cstr(struct fc_buf *b, const char *s, int last)
{
	if (s)
		fc_csv_field(b, s, strlen(s));
	fc_buf_addch(b, last ? '\n' : ',');
}

static void cnum(struct fc_buf *b, double v, int last)
{
	if (!isinf(v) && !isnan(v))
		fc_json_num(b, v);
	fc_buf_addch(b, last ? '\n' : ',');
}

static void claim_csv(struct fc_buf *b, const struct fc_claim *c)
{
	struct fc_buf iv = FC_BUF_INIT;

	fc_interval_fmt(&iv, c->low, c->high, c->low_open, c->high_open);
	fc_buf_printf(b, "%lld,%lld,", (long long)c->id, (long long)c->doc);
	cstr(b, c->origin, 0);
	cstr(b, c->source, 0);
	cstr(b, c->url, 0);
	cstr(b, c->published, 0);
	cstr(b, c->segkind, 0);
	cstr(b, c->speaker, 0);
	cstr(b, c->estimator, 0);
	cstr(b, c->subject, 0);
	cstr(b, c->object, 0);
	cstr(b, c->metric, 0);
	cstr(b, c->period, 0);
	cnum(b, c->value, 0);
	cnum(b, c->low, 0);
	cnum(b, c->high, 0);
	cstr(b, iv.data, 0);
	cstr(b, c->unit, 0);
	cstr(b, c->hedge, 0);
	cstr(b, c->qualifier, 0);
	cstr(b, c->noun, 0);
	cstr(b, c->role, 0);
	cstr(b, c->quote, 0);
	fc_buf_printf(b, "%zu,%zu,", c->start, c->end);
	cstr(b, c->fig_text, 0);
	fc_buf_printf(b, "%zu,%zu,%lld,", c->fig_start, c->fig_end,
		      (long long)c->segment);
	cstr(b, c->rule, 1);
	fc_buf_release(&iv);
}

static int flush_buf(struct fc_buf *b, FILE *out, struct fc_error *err)
{
	int rc = fc_write_all(out, b->data, b->len, err);

	fc_buf_reset(b);
	return rc;
}

static int check_export_format(enum fc_format f, struct fc_error *err)
{
	if (f != FC_FMT_JSONL && f != FC_FMT_CSV)
		return fc_error_set(err, FC_EUSAGE,
				    "unsupported format '%s' (use jsonl or csv)",
				    fc_format_name(f));
	return FC_OK;
}

int fc_export_claims(struct fc_store *st, enum fc_format f, FILE *out,
		     struct fc_error *err)
{
	struct fc_claim_vec cv;
	struct fc_buf b = FC_BUF_INIT;
	size_t i;
	int rc;

	fc_claim_vec_init(&cv);
	if ((rc = check_export_format(f, err)) ||
	    (rc = fc_store_claims_load(st, &cv, err)))
		goto out;
	if (f == FC_FMT_CSV)
		fc_buf_addstr(&b, claim_csv_cols);
	for (i = 0; i < cv.n && !rc; i++) {
		if (f == FC_FMT_CSV) {
			claim_csv(&b, &cv.v[i]);
		} else {
			fc_claim_json(&b, &cv.v[i]);
			fc_buf_addch(&b, '\n');
		}
		if (b.len > 65536)
			rc = flush_buf(&b, out, err);
	}
	if (!rc)
		rc = flush_buf(&b, out, err);
out:
	fc_buf_release(&b);
	fc_claim_vec_release(&cv);
	return rc;
}

static void disc_json(struct fc_buf *b, const struct fc_discrepancy *d)
{
	size_t i;

	fc_buf_addch(b, '{');
	jkey(b, "id", 1);
	fc_buf_printf(b, "%lld", (long long)d->id);
	jstr(b, "kind", fc_disc_kind_name(d->kind));
	jstr(b, "severity", fc_severity_name(d->severity));
	jstr(b, "subject", d->subject);
	jstr(b, "metric", d->metric);
	jkey(b, "claims", 0);
	fc_buf_addch(b, '[');
	for (i = 0; i < d->nclaims; i++)
		fc_buf_printf(b, "%s%lld", i ? "," : "", (long long)d->claims[i]);
	fc_buf_addch(b, ']');
	jstr(b, "expected", d->expected);
	jstr(b, "observed", d->observed);
	jstr(b, "explanation", d->explanation);
	fc_buf_addch(b, '}');
}

static void disc_csv(struct fc_buf *b, const struct fc_discrepancy *d)
{
	struct fc_buf ids = FC_BUF_INIT;
	size_t i;

	for (i = 0; i < d->nclaims; i++)
		fc_buf_printf(&ids, "%s%lld", i ? " " : "", (long long)d->claims[i]);
	fc_buf_printf(b, "%lld,", (long long)d->id);
	cstr(b, fc_disc_kind_name(d->kind), 0);
	cstr(b, fc_severity_name(d->severity), 0);
	cstr(b, d->subject, 0);
	cstr(b, d->metric, 0);
	cstr(b, ids.data ? ids.data : "", 0);
	cstr(b, d->expected, 0);
	cstr(b, d->observed, 0);
	cstr(b, d->explanation, 1);
	fc_buf_release(&ids);
}

int fc_export_discrepancies(struct fc_store *st, enum fc_format f, FILE *out,
			    struct fc_error *err)
{
	struct fc_disc_vec dv;
	struct fc_buf b = FC_BUF_INIT;
	size_t i;
	int rc;

	fc_disc_vec_init(&dv);
	if ((rc = check_export_format(f, err)) ||
	    (rc = fc_store_discrepancies_load(st, &dv, err)))
		goto out;
	if (f == FC_FMT_CSV)
		fc_buf_addstr(&b, "id,kind,severity,subject,metric,claims,expected,observed,explanation\n");
	for (i = 0; i < dv.n; i++) {
		if (f == FC_FMT_CSV) {
			disc_csv(&b, &dv.v[i]);
		} else {
			disc_json(&b, &dv.v[i]);
			fc_buf_addch(&b, '\n');
		}
	}
	rc = flush_buf(&b, out, err);
out:
	fc_buf_release(&b);
	fc_disc_vec_release(&dv);
	return rc;
}

struct seg_ctx {
	enum fc_format f;
	FILE *out;
	struct fc_buf b;
	struct fc_error *err;
};

static int seg_row(void *ctx, const struct fc_seg_export *s)
{
	struct seg_ctx *c = ctx;
	struct fc_buf *b = &c->b;

	if (c->f == FC_FMT_CSV) {
		fc_buf_printf(b, "%lld,%lld,", (long long)s->doc, (long long)s->id);
		cstr(b, s->origin, 0);
		cstr(b, s->url, 0);
		cstr(b, s->source, 0);
		cstr(b, s->kind, 0);
		cstr(b, s->author, 0);
		cstr(b, s->text, 1);
	} else {
		fc_buf_addch(b, '{');
		jkey(b, "doc", 1);
		fc_buf_printf(b, "%lld", (long long)s->doc);
		jint(b, "segment_id", s->id);
		jstr(b, "origin", s->origin);
		jstr(b, "url", s->url);
		jstr(b, "source", s->source);
		jstr(b, "kind", s->kind);
		jstr(b, "author", s->author);
		jstr(b, "text", s->text);
		fc_buf_addstr(b, "}\n");
	}
	return b->len > 65536 ? flush_buf(b, c->out, c->err) : 0;
}

int fc_export_segments(struct fc_store *st, enum fc_format f, FILE *out,
		       struct fc_error *err)
{
	struct seg_ctx c = { f, out, FC_BUF_INIT, err };
	int rc;

	if ((rc = check_export_format(f, err)))
		return rc;
	if (f == FC_FMT_CSV)
		fc_buf_addstr(&c.b, "doc,segment_id,origin,url,source,kind,author,text\n");
	if (!(rc = fc_store_segments_each(st, seg_row, &c, err)))
		rc = flush_buf(&c.b, out, err);
	fc_buf_release(&c.b);
	return rc;
}

/* ---- the report ---- */

struct report {
	struct fc_disc_vec dv;
	struct fc_claim_vec cv;
	struct fc_store_counts counts;
	size_t nsev[3];
	size_t nkind[6];
};

static const struct fc_claim *claim_by_id(const struct report *r, int64_t id)
{
	return fc_claim_vec_find(&r->cv, id);
}

static const char *nz(const char *s, const char *d)
{
	return s && *s ? s : d;
}

static void summary_line(struct fc_buf *b, const struct report *r)
{
	fc_buf_printf(b, "%zu finding%s (%zu error%s, %zu warning%s, %zu info) from %lld claims in %lld documents",
		      r->dv.n, r->dv.n == 1 ? "" : "s", r->nsev[FC_SEV_ERROR],
		      r->nsev[FC_SEV_ERROR] == 1 ? "" : "s", r->nsev[FC_SEV_WARNING],
		      r->nsev[FC_SEV_WARNING] == 1 ? "" : "s", r->nsev[FC_SEV_INFO],
		      (long long)r->counts.claims, (long long)r->counts.documents);
}

static void provenance(struct fc_buf *b, const struct fc_claim *c)
{
	fc_buf_printf(b, "claim %lld: %s, %s %s, bytes %zu-%zu of segment %lld",
		      (long long)c->id, nz(c->speaker, "?"), nz(c->origin, "?"),
		      nz(c->segkind, "?"), c->fig_start, c->fig_end,
		      (long long)c->segment);
}

static void report_text(struct fc_buf *b, const struct report *r, int color)
{
	static const char *const sev_color[] = { "\033[1;31m", "\033[1;33m", "\033[1;36m" };
	const char *reset = color ? "\033[0m" : "";
	size_t i, j;

	fc_buf_addstr(b, "figcheck report: ");
	summary_line(b, r);
	fc_buf_addstr(b, "\n");
	for (i = 0; i < r->dv.n; i++) {
		const struct fc_discrepancy *d = &r->dv.v[i];
		char sev[16];
		size_t k;

		snprintf(sev, sizeof(sev), "%s", fc_severity_name(d->severity));
		for (k = 0; sev[k]; k++)
			sev[k] = (char)(sev[k] - 32 * (sev[k] >= 'a' && sev[k] <= 'z'));
		fc_buf_printf(b, "\n[%lld] %s%-7s%s %s  %s / %s\n", (long long)d->id,
			      color ? sev_color[d->severity] : "", sev, reset,
			      fc_disc_kind_name(d->kind), nz(d->subject, "-"),
			      nz(d->metric, "-"));
		fc_buf_printf(b, "    expected: %s\n    observed: %s\n",
			      nz(d->expected, "-"), nz(d->observed, "-"));
		fc_buf_printf(b, "    %s\n", nz(d->explanation, ""));
		for (j = 0; j < d->nclaims; j++) {
			const struct fc_claim *c = claim_by_id(r, d->claims[j]);

			if (!c)
				continue;
			fc_buf_addstr(b, "    - ");
			provenance(b, c);
			fc_buf_addch(b, '\n');
		}
	}
	if (r->dv.n == 0)
		fc_buf_addstr(b, "\nNo discrepancies found.\n");
}

static void md_escape(struct fc_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (strchr("\\`*_[]<>|", *s))
			fc_buf_addch(b, '\\');
		fc_buf_addch(b, *s == '\n' ? ' ' : *s);
	}
}

static void report_md(struct fc_buf *b, const struct report *r)
{
	size_t i, j;

	fc_buf_addstr(b, "# figcheck report\n\n");
	summary_line(b, r);
	fc_buf_addstr(b, ".\n\n| # | severity | kind | subject | metric | expected | observed |\n|---|---|---|---|---|---|---|\n");
	for (i = 0; i < r->dv.n; i++) {
		const struct fc_discrepancy *d = &r->dv.v[i];

		fc_buf_printf(b, "| %lld | %s | %s | ", (long long)d->id,
			      fc_severity_name(d->severity), fc_disc_kind_name(d->kind));
		md_escape(b, nz(d->subject, "-"));
		fc_buf_addstr(b, " | ");
		md_escape(b, nz(d->metric, "-"));
		fc_buf_addstr(b, " | ");
		md_escape(b, nz(d->expected, "-"));
		fc_buf_addstr(b, " | ");
		md_escape(b, nz(d->observed, "-"));
		fc_buf_addstr(b, " |\n");
	}
	for (i = 0; i < r->dv.n; i++) {
		const struct fc_discrepancy *d = &r->dv.v[i];

		fc_buf_printf(b, "\n## %lld. %s: %s (%s)\n\n", (long long)d->id,
			      fc_disc_kind_name(d->kind), nz(d->subject, "-"),
			      nz(d->metric, "-"));
		md_escape(b, d->explanation);
		fc_buf_addstr(b, "\n\n");
		for (j = 0; j < d->nclaims; j++) {
			const struct fc_claim *c = claim_by_id(r, d->claims[j]);

			if (!c)
				continue;
			fc_buf_addstr(b, "- ");
			md_escape(b, nz(c->speaker, "?"));
			fc_buf_printf(b, " (%.10s): > ", nz(c->published, "undated"));
			md_escape(b, c->quote);
			fc_buf_printf(b, " — `%s`, claim %lld\n", nz(c->origin, "?"),
				      (long long)c->id);
		}
	}
}

static void html_escape(struct fc_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fc_buf_addstr(b, "&lt;"); break;
		case '>': fc_buf_addstr(b, "&gt;"); break;
		case '&': fc_buf_addstr(b, "&amp;"); break;
		case '"': fc_buf_addstr(b, "&quot;"); break;
		default: fc_buf_addch(b, *s);
		}
	}
}

/*
 * A horizontal bar chart of the figures a finding rests on: one bar per
 * claim with its interval as a whisker, and the expected value as a line.
 */
static void html_chart(struct fc_buf *b, const struct report *r,
		       const struct fc_discrepancy *d)
{
	const struct fc_claim *cs[16];
	double max = 0, expect = NAN;
	size_t n = 0, i;
	const double W = 420, X0 = 190, ROW = 26;
	char *end;

	for (i = 0; i < d->nclaims && n < 16; i++) {
		const struct fc_claim *c = claim_by_id(r, d->claims[i]);

		if (!c)
			continue;
		cs[n++] = c;
		if (c->value > max)
			max = c->value;
		if (!isinf(c->high) && c->high > max)
			max = c->high;
	}
	if (d->expected) {
		const char *eq = strrchr(d->expected, '=');

		expect = strtod(eq ? eq + 1 : d->expected, &end);
		if (end == (eq ? eq + 1 : d->expected))
			expect = NAN;
		else if (expect > max)
			max = expect;
	}
	if (n == 0 || max <= 0)
		return;
	max *= 1.1;
	fc_buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"figures compared\">\n",
		      X0 + W + 60, ROW * (double)n + 24);
	for (i = 0; i < n; i++) {
		const struct fc_claim *c = cs[i];
		double y = 6 + ROW * (double)i, w = W * c->value / max;
		double lo = isinf(c->low) ? 0 : c->low, hi = isinf(c->high) ? max : c->high;
		char v[40];

		char who[40];
		double right;

		fc_fmt_num(v, sizeof(v), c->value);
		/* Long outlet names are cut to fit the label column. */
		snprintf(who, sizeof(who), "%s", nz(c->speaker, "?"));
		if (strlen(nz(c->speaker, "?")) >= 24) {
			size_t cut = 20;

			while (cut > 0 && (who[cut] & 0xC0) == 0x80)
				cut--;
			memcpy(who + cut, "\xE2\x80\xA6", 4);
		}
		fc_buf_addstr(b, "<text x=\"0\" y=\"");
		fc_buf_printf(b, "%.0f\" class=\"lbl\">", y + 14);
		html_escape(b, who);
		fc_buf_printf(b, " (%.10s)</text>", nz(c->published, "undated"));
		fc_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" class=\"bar%s\"/>",
			      X0, y + 2, w > 0 ? w : 0, c->qualifier &&
			      strcmp(c->qualifier, "interim") == 0 ? " interim" : "");
		fc_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>",
			      X0 + W * lo / max, X0 + W * (hi < max ? hi : max) / max,
			      y + 10, y + 10);
		right = W * (hi < max ? hi : max) / max;
		if (right < w)
			right = w;
		fc_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\" class=\"val\">%s %s</text>\n",
			      X0 + (right > 0 ? right : 0) + 6, y + 14, v, nz(c->unit, ""));
	}
	if (!isnan(expect))
		fc_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%.0f\" class=\"expect\"/>"
			      "<text x=\"%.1f\" y=\"%.0f\" class=\"lbl\">expected</text>\n",
			      X0 + W * expect / max, X0 + W * expect / max,
			      ROW * (double)n + 4, X0 + W * expect / max + 3,
			      ROW * (double)n + 18);
	fc_buf_addstr(b, "</svg>\n");
}

static void report_html(struct fc_buf *b, const struct report *r)
{
	size_t i, j;

	fc_buf_addstr(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<title>figcheck report</title>\n<style>\n");
	fc_buf_addstr(b, fc_report_css);
	fc_buf_addstr(b, "</style>\n</head>\n<body>\n<header><h1>figcheck report</h1>\n<p class=\"summary\">");
	summary_line(b, r);
	fc_buf_addstr(b, "</p>\n<ul class=\"kinds\">");
	for (i = 0; i < 6; i++)
		if (r->nkind[i])
			fc_buf_printf(b, "<li><span class=\"kind\">%s</span> %zu</li>",
				      fc_disc_kind_name((enum fc_disc_kind)i), r->nkind[i]);
	fc_buf_addstr(b, "</ul></header>\n<main>\n");
	for (i = 0; i < r->dv.n; i++) {
		const struct fc_discrepancy *d = &r->dv.v[i];

		fc_buf_printf(b, "<section class=\"finding %s\" id=\"d%lld\">\n<h2><span class=\"sev\">%s</span> <span class=\"kind\">%s</span> ",
			      fc_severity_name(d->severity), (long long)d->id,
			      fc_severity_name(d->severity), fc_disc_kind_name(d->kind));
		html_escape(b, nz(d->subject, "-"));
		fc_buf_addstr(b, " · ");
		html_escape(b, nz(d->metric, "-"));
		fc_buf_addstr(b, "</h2>\n<dl><dt>expected</dt><dd>");
		html_escape(b, nz(d->expected, "-"));
		fc_buf_addstr(b, "</dd><dt>observed</dt><dd>");
		html_escape(b, nz(d->observed, "-"));
		fc_buf_addstr(b, "</dd></dl>\n<p class=\"why\">");
		html_escape(b, d->explanation);
		fc_buf_addstr(b, "</p>\n");
		html_chart(b, r, d);
		fc_buf_addstr(b, "<ul class=\"sides\">\n");
		for (j = 0; j < d->nclaims; j++) {
			const struct fc_claim *c = claim_by_id(r, d->claims[j]);

			if (!c)
				continue;
			fc_buf_addstr(b, "<li><b>");
			html_escape(b, nz(c->speaker, "?"));
			fc_buf_printf(b, "</b> <time>%.10s</time> <blockquote>",
				      nz(c->published, "undated"));
			html_escape(b, c->quote);
			fc_buf_addstr(b, "</blockquote><small>");
			if (c->url) {
				fc_buf_addstr(b, "<a href=\"");
				html_escape(b, c->url);
				fc_buf_addstr(b, "\">");
				html_escape(b, c->url);
				fc_buf_addstr(b, "</a>");
			} else {
				html_escape(b, nz(c->origin, "?"));
			}
			fc_buf_printf(b, " · claim %lld</small></li>\n", (long long)c->id);
		}
		fc_buf_addstr(b, "</ul>\n</section>\n");
	}
	if (r->dv.n == 0)
		fc_buf_addstr(b, "<p>No discrepancies found.</p>\n");
	fc_buf_addstr(b, "</main>\n</body>\n</html>\n");
}

static void report_json(struct fc_buf *b, const struct report *r)
{
	size_t i, j;

	fc_buf_printf(b, "{\"summary\":{\"findings\":%zu,\"errors\":%zu,\"warnings\":%zu,\"info\":%zu,\"claims\":%lld,\"documents\":%lld},\"discrepancies\":[",
		      r->dv.n, r->nsev[FC_SEV_ERROR], r->nsev[FC_SEV_WARNING],
		      r->nsev[FC_SEV_INFO], (long long)r->counts.claims,
		      (long long)r->counts.documents);
	for (i = 0; i < r->dv.n; i++) {
		const struct fc_discrepancy *d = &r->dv.v[i];

		if (i)
			fc_buf_addch(b, ',');
		disc_json(b, d);
		/* Re-open the object to add the claims themselves. */
		b->len--;
		fc_buf_addstr(b, ",\"sides\":[");
		for (j = 0; j < d->nclaims; j++) {
			const struct fc_claim *c = claim_by_id(r, d->claims[j]);

			if (!c)
				continue;
			if (j)
				fc_buf_addch(b, ',');
			fc_claim_json(b, c);
		}
		fc_buf_addstr(b, "]}");
	}
	fc_buf_addstr(b, "]}\n");
}

int fc_report_write(struct fc_store *st, enum fc_format f, int color, FILE *out,
		    struct fc_error *err)
{
	struct report r;
	struct fc_buf b = FC_BUF_INIT;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	fc_disc_vec_init(&r.dv);
	fc_claim_vec_init(&r.cv);
	if ((rc = fc_store_discrepancies_load(st, &r.dv, err)) ||
	    (rc = fc_store_claims_load(st, &r.cv, err)) ||
	    (rc = fc_store_counts(st, &r.counts, err)))
		goto out;
	for (i = 0; i < r.dv.n; i++) {
		r.nsev[r.dv.v[i].severity]++;
		r.nkind[r.dv.v[i].kind]++;
	}
	switch (f) {
	case FC_FMT_TEXT: report_text(&b, &r, color); break;
	case FC_FMT_MD: report_md(&b, &r); break;
	case FC_FMT_HTML: report_html(&b, &r); break;
	case FC_FMT_JSON: report_json(&b, &r); break;
	case FC_FMT_CSV:
		fc_buf_addstr(&b, "id,kind,severity,subject,metric,claims,expected,observed,explanation\n");
		for (i = 0; i < r.dv.n; i++)
			disc_csv(&b, &r.dv.v[i]);
		break;
	case FC_FMT_JSONL:
		for (i = 0; i < r.dv.n; i++) {
			disc_json(&b, &r.dv.v[i]);
			fc_buf_addch(&b, '\n');
		}
		break;
	}
	rc = flush_buf(&b, out, err);
out:
	fc_buf_release(&b);
	fc_disc_vec_release(&r.dv);
	fc_claim_vec_release(&r.cv);
	return rc;
}

int fc_findings_at_least(struct fc_store *st, const char *sev, size_t *n,
			 struct fc_error *err)
{
	struct fc_disc_vec dv;
	enum fc_severity limit;
	size_t i;
	int rc;

	*n = 0;
	if (fc_severity_parse(sev, &limit))
		return fc_error_set(err, FC_EUSAGE,
				    "invalid severity '%s' (error, warning or info)",
				    sev);
	fc_disc_vec_init(&dv);
	if (!(rc = fc_store_discrepancies_load(st, &dv, err)))
		for (i = 0; i < dv.n; i++)
			*n += dv.v[i].severity <= limit;
	fc_disc_vec_release(&dv);
	return rc;
}
