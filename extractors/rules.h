/* rules.h - the figure rule language: checking rule examples, explaining matches, figure records. */
#ifndef FC_RULES_H
#define FC_RULES_H

#include <stddef.h>

#include "figure.h"
#include "util.h"

/* One named group a rule captured. */
struct fc_explain_group {
	const char *name;		/* owned by the engine */
	size_t start, end;
};

#define FC_EXPLAIN_GROUPS 16

/*
 * One rule that fired: a figure rule (its match became a figure), an
 * ignore rule (the text is not a figure: a date, a time, page chrome) or
 * a qualifier rule ("so far", "last year").
 */
struct fc_explain_hit {
	const char *rule;		/* rule id, owned by the engine */
	const char *file;		/* rule file path, owned by the engine */
	int line;			/* line of "rule ID" in that file */
	const char *kind;		/* "figure", "ignore", "qualifier", "period" */
	size_t start, end;		/* the whole match */
	struct fc_explain_group groups[FC_EXPLAIN_GROUPS];
	size_t ngroups;
	long figure;			/* index into figures, or -1 */
};

struct fc_explain {
	struct fc_explain_hit *v;
	size_t n, cap;
	struct fc_figure_list figures;
	int limited;
};

void fc_explain_init(struct fc_explain *x);
void fc_explain_release(struct fc_explain *x);

/*
 * Scan text[0..len) like fc_engine_scan() and record, besides the figures,
 * every rule that fired and what its named groups captured.  x must have
 * been initialised; hits and figures are appended.
 */
int fc_engine_explain(struct fc_engine *e, const char *text, size_t len,
		      const char *ref_date, struct fc_explain *x,
		      struct fc_error *err);

/*
 * Append a readable account of x (text is the scanned text) to out: one
 * block per hit with its rule, file:line, matched text and groups, then
 * the figures as JSON Lines.
 */
void fc_explain_format(const struct fc_explain *x, const char *text,
		       struct fc_buf *out);

/*
 * Run every example sentence of every loaded rule file through the engine
 * and compare with the figures the example expects.  Each failure adds a
 * line "FILE:LINE: rule ID: ..." to report (may be NULL).  *nrun and
 * *nfailed (may be NULL) count examples.  Returns FC_OK when all pass,
 * FC_EDATA when one fails.
 */
int fc_engine_check_examples(struct fc_engine *e, struct fc_buf *report,
			     size_t *nrun, size_t *nfailed);

/* Number of loaded rules (figure, ignore and qualifier rules). */
size_t fc_engine_rule_count(const struct fc_engine *e);

/*
 * Append the interval of f as text, e.g. "[83.5,84.5)", "(5,inf)",
 * "[7,7]".
 */
void fc_figure_interval(const struct fc_figure *f, struct fc_buf *out);

/*
 * Append f as one JSON object (no newline), the record of `figcheck
 * figures`: line (omitted when line < 0), start, end, text, value, low,
 * high, interval, unit, hedge, noun, qualifier, period, rule, plus
 * currency, a/b and from_bottom when they apply.  text is the scanned text
 * the offsets refer to.
 */
void fc_figure_json(const struct fc_figure *f, const char *text, long line,
		    struct fc_buf *out);

#endif
