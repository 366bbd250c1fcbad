/* figure.h - the figure engine: numbers as news writes them, normalised with their bounds. */
#ifndef FC_FIGURE_H
#define FC_FIGURE_H

#include <stddef.h>

#include "util.h"

enum fc_unit {
	FC_UNIT_COUNT,
	FC_UNIT_PERCENT,
	FC_UNIT_PPOINT,		/* percentage points, kept apart from % */
	FC_UNIT_RATIO,		/* "7 to 1": value 7 (a/b), a and b kept */
	FC_UNIT_MULTIPLE,	/* "five times as many", "doubled" */
	FC_UNIT_FRACTION,	/* "two-thirds of": value 0.667 */
	FC_UNIT_CURRENCY,
	FC_UNIT_ODDS,		/* "1-100" */
	FC_UNIT_RANK,		/* "eighth", "fourth-bottom" */
};

enum fc_qualifier {
	FC_QUAL_NONE,
	FC_QUAL_INTERIM,	/* "so far", "as of last night", "and still climbing" */
	FC_QUAL_FINAL,		/* "final count", "when nominations closed" */
};

/*
 * One figure found in a text.  Offsets are bytes into the scanned text.
 * The interval [low, high] carries what the wording allows; low_open and
 * high_open say whether each end is excluded.  Unbounded ends are
 * -INFINITY / INFINITY.  A stated figure is taken as rounded at its last
 * digit: "84 per cent" is [83.5, 84.5).
 */
struct fc_figure {
	size_t start, end;		/* the figure's own text, hedge included */
	double value;
	double low, high;
	unsigned char low_open, high_open;
	enum fc_unit unit;
	char currency[4];		/* ISO 4217 code for FC_UNIT_CURRENCY, else "" */
	double a, b;			/* the two sides of a ratio or odds; else 0 */
	char hedge[48];			/* hedge words as written ("just under"), else "" */
	size_t noun_start, noun_end;	/* the counted noun phrase after it; equal if none */
	enum fc_qualifier qualifier;
	size_t qual_start, qual_end;	/* the qualifier's text; equal if none */
	char period[16];		/* "2015" for "last year" / "in 2015"; else "" */
	int rank_from_bottom;		/* 1 for "fourth-bottom" */
	const char *rule;		/* id of the rule that produced it; owned by the engine */
};

struct fc_figure_list {
	struct fc_figure *v;
	size_t n;
	size_t cap;
};

void fc_figure_list_init(struct fc_figure_list *l);
void fc_figure_list_release(struct fc_figure_list *l);

const char *fc_unit_name(enum fc_unit u);
const char *fc_qualifier_name(enum fc_qualifier q);	/* NULL for NONE */

/* A compiled set of rule files and the hedge policy.  Opaque. */
struct fc_engine;

/*
 * Load every *.rules file and the hedge policy (hedges.tsv) from the
 * directory datadir/rules, plus, if packdir is not NULL, packdir/rules/
 * *.rules.  Patterns are compiled once with JIT.  On a broken rule file
 * returns FC_EDATA with "cannot load rules 'FILE': line N: reason".
 * The caller owns *out and frees it with fc_engine_free().
 */
int fc_engine_load(const char *datadir, const char *packdir,
		   struct fc_engine **out, struct fc_error *err);
void fc_engine_free(struct fc_engine *e);

/*
 * Find every figure in text[0..len) and append it to out, in order of
 * start offset, without overlaps.  ref_date ("YYYY-MM-DD" or NULL) resolves
 * relative periods ("last year").  A subject that hits a PCRE2 limit is not
 * fatal: the figures found so far are kept, *limited (if not NULL) is set,
 * and FC_OK is returned.
 */
int fc_engine_scan(struct fc_engine *e, const char *text, size_t len,
		   const char *ref_date, struct fc_figure_list *out,
		   int *limited, struct fc_error *err);

/*
 * fc_engine_scan(), also telling whether text was valid UTF-8: *invalid
 * (if not NULL) is set when it was not (each invalid byte is read as
 * '?', so offsets stay put).  The engine checks every text it scans, so
 * a caller that reports invalid input need not check it again.
 */
int fc_engine_scan_text(struct fc_engine *e, const char *text, size_t len,
			const char *ref_date, struct fc_figure_list *out,
			int *limited, int *invalid, struct fc_error *err);

#endif
