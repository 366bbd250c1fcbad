/* claim.h - the claim and discrepancy records shared by extract, compare, store and the exports. */
#ifndef FC_CLAIM_H
#define FC_CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * One figure that one speaker asserts about one subject (DESIGN.md, Claims).
 * Every string is owned by the claim (NULL where absent) and freed by
 * fc_claim_release().  start/end are the byte offsets of the quoted
 * sentence in the segment text; fig_start/fig_end those of the figure.
 */
struct fc_claim {
	int64_t id, doc, segment, sentence;
	int seq;
	/* document and segment context, filled when loaded from the store */
	char *origin, *source, *url, *published, *segkind, *quote;
	char *speaker, *estimator, *subject, *object, *metric, *noun, *period;
	double value, low, high;	/* low/high may be -INFINITY/INFINITY */
	int low_open, high_open;
	char *unit, *hedge, *qualifier, *role, *rule;
	size_t start, end;
	size_t fig_start, fig_end;
	char *fig_text;
};

struct fc_claim_vec {
	struct fc_claim *v;
	size_t n, cap;
};

void fc_claim_release(struct fc_claim *c);
void fc_claim_vec_init(struct fc_claim_vec *cv);
void fc_claim_vec_release(struct fc_claim_vec *cv);
/* Append a zeroed claim and return it; owned by the vector. */
struct fc_claim *fc_claim_vec_push(struct fc_claim_vec *cv);
/*
 * The claim with this id, by binary search: the vector must be in id order
 * (as fc_store_claims_load() returns it).  NULL if absent; owned by cv.
 */
const struct fc_claim *fc_claim_vec_find(const struct fc_claim_vec *cv, int64_t id);

/* Write the claim's interval in mathematical notation ("[270,300)"). */
void fc_interval_fmt(struct fc_buf *out, double low, double high, int low_open,
		     int high_open);
/* 1 if the two intervals share at least one point. */
int fc_interval_overlap(double l1, double h1, int lo1, int ho1, double l2,
			double h2, int lo2, int ho2);
/* 1 if x lies in the interval. */
int fc_interval_contains(double l, double h, int lo, int ho, double x);

enum fc_disc_kind {
	FC_DISC_CONFLICT,
	FC_DISC_SUPERSEDED,
	FC_DISC_DERIVED,
	FC_DISC_ARITHMETIC,
	FC_DISC_REFERENCE,
	FC_DISC_SPREAD,
};

enum fc_severity {
	FC_SEV_ERROR,
	FC_SEV_WARNING,
	FC_SEV_INFO,
};

/*
 * One finding (DESIGN.md, Discrepancies).  claims lists the claim ids
 * involved, in the order the explanation speaks of them.  Strings are
 * owned by the record.
 */
struct fc_discrepancy {
	int64_t id;
	enum fc_disc_kind kind;
	enum fc_severity severity;
	char *subject, *metric, *expected, *observed, *explanation;
	int64_t *claims;
	size_t nclaims;
};

struct fc_disc_vec {
	struct fc_discrepancy *v;
	size_t n, cap;
};

const char *fc_disc_kind_name(enum fc_disc_kind k);
const char *fc_severity_name(enum fc_severity s);
int fc_disc_kind_parse(const char *s, enum fc_disc_kind *out);
int fc_severity_parse(const char *s, enum fc_severity *out);

void fc_disc_release(struct fc_discrepancy *d);
void fc_disc_vec_init(struct fc_disc_vec *dv);
void fc_disc_vec_release(struct fc_disc_vec *dv);
struct fc_discrepancy *fc_disc_vec_push(struct fc_disc_vec *dv);

#endif
