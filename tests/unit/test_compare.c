/* test_compare.c - unit tests for the comparer, on claims built in memory. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pack.h"
#include "stages.h"

static char *dup(const char *s)
{
	return s ? fc_xstrdup(s) : NULL;
}

/* A claim of doc about subject/metric: value with rounding bounds [v-h, v+h). */
static struct fc_claim *add(struct fc_claim_vec *cv, int64_t doc,
			    const char *speaker, const char *published,
			    const char *subject, const char *metric,
			    const char *unit, double v, double half,
			    const char *qualifier)
{
	struct fc_claim *c = fc_claim_vec_push(cv);

	c->id = (int64_t)cv->n;
	c->doc = doc;
	c->speaker = dup(speaker);
	c->published = dup(published);
	c->segkind = dup("body");
	c->subject = dup(subject);
	c->metric = dup(metric);
	c->period = dup("2016");
	c->unit = dup(unit);
	c->value = v;
	c->low = v - half;
	c->high = v + half;
	c->high_open = 1;
	c->qualifier = dup(qualifier);
	c->quote = dup("a sentence");
	c->fig_text = dup("a figure");
	return c;
}

static const struct fc_discrepancy *find(const struct fc_disc_vec *dv,
					 enum fc_disc_kind k, size_t nth)
{
	size_t i;

	for (i = 0; i < dv->n; i++)
		if (dv->v[i].kind == k && nth-- == 0)
			return &dv->v[i];
	return NULL;
}

static size_t count(const struct fc_disc_vec *dv, enum fc_disc_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < dv->n; i++)
		n += dv->v[i].kind == k;
	return n;
}

static void test_superseded_not_conflict(void **state)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;
	const struct fc_discrepancy *d;

	(void)state;
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	add(&cv, 1, "Blog", "2016-08-14", "corbyn", "clp", "count", 240, 0.5, "interim");
	add(&cv, 2, "Paper", "2016-08-15", "corbyn", "clp", "count", 285, 0.5, NULL);
	fc_compare(&cv, NULL, &dv);
	assert_int_equal(dv.n, 1);
	d = find(&dv, FC_DISC_SUPERSEDED, 0);
	assert_non_null(d);
	assert_int_equal(d->severity, FC_SEV_INFO);
	assert_int_equal(d->nclaims, 2);
	assert_int_equal(d->claims[0], 1);
	assert_non_null(strstr(d->explanation, "45 more"));
	fc_disc_vec_release(&dv);
	/* A monotone count that goes down from interim to final is an error. */
	cv.v[0].value = 300;
	cv.v[0].low = 299.5;
	cv.v[0].high = 300.5;
	fc_compare(&cv, NULL, &dv);
	assert_int_equal(dv.v[0].severity, FC_SEV_ERROR);
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
}

static void test_conflict_and_agreement(void **state)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;

	(void)state;
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	add(&cv, 1, "Blog", "2016-08-15", "smith", "unions", "count", 2, 0.5, NULL);
	add(&cv, 2, "Paper", "2016-08-15", "smith", "unions", "count", 4, 0.5, NULL);
	/* "just under 300" [270, 300) agrees with 285. */
	add(&cv, 3, "Blog", "2016-08-15", "corbyn", "clp", "count", 300, 0, NULL)->low = 270;
	add(&cv, 4, "Paper", "2016-08-15", "corbyn", "clp", "count", 285, 0.5, NULL);
	/* A comment is never compared as the outlet's claim. */
	free(add(&cv, 5, "Bill", "2016-08-15", "smith", "unions", "count", 9, 0.5, NULL)->segkind);
	cv.v[4].segkind = dup("comment");
	fc_compare(&cv, NULL, &dv);
	assert_int_equal(count(&dv, FC_DISC_CONFLICT), 1);
	assert_int_equal(dv.n, 1);
	assert_string_equal(dv.v[0].subject, "smith");
	assert_int_equal(dv.v[0].severity, FC_SEV_ERROR);
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
}

static void test_derived_ratio(void **state)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;
	struct fc_claim *r;
	const struct fc_discrepancy *d;

	(void)state;
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	add(&cv, 1, "Paper", "2016-08-15", "corbyn", "clp", "count", 285, 0.5, NULL);
	add(&cv, 1, "Paper", "2016-08-15", "smith", "clp", "count", 53, 0.5, NULL);
	/* "almost 7 to 1" names no other side: taken as the largest rival. */
	r = add(&cv, 2, "Blog", "2016-08-15", "corbyn", "clp", "ratio", 7, 0, NULL);
	r->low = 6.5;
	r->high = 7;
	/* "more than five times as many as Smith": (5, inf) holds. */
	r = add(&cv, 1, "Paper", "2016-08-15", "corbyn", "clp", "multiple", 5, 0, NULL);
	r->low = 5;
	r->low_open = 1;
	r->high = INFINITY;
	r->object = dup("smith");
	fc_compare(&cv, NULL, &dv);
	assert_int_equal(count(&dv, FC_DISC_DERIVED), 1);
	d = find(&dv, FC_DISC_DERIVED, 0);
	assert_string_equal(d->expected, "corbyn/smith = 285/53 = 5.38");
	assert_int_equal(d->nclaims, 3);
	assert_int_equal(d->claims[0], 3);
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
}

static void test_arithmetic(void **state)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;
	const struct fc_discrepancy *d;

	(void)state;
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	add(&cv, 1, "Blog", "2016-08-14", NULL, "clp", "count", 271, 0.5, "interim")->role = dup("total");
	free(cv.v[0].subject);
	cv.v[0].subject = NULL;
	add(&cv, 1, "Blog", "2016-08-14", "corbyn", "clp", "count", 240, 0.5, "interim");
	add(&cv, 1, "Blog", "2016-08-14", "smith", "clp", "count", 41, 0.5, "interim");
	fc_compare(&cv, NULL, &dv);
	d = find(&dv, FC_DISC_ARITHMETIC, 0);
	assert_non_null(d);
	assert_int_equal(d->severity, FC_SEV_ERROR);
	assert_string_equal(d->observed, "281");
	assert_string_equal(d->expected, "271");
	assert_non_null(strstr(d->explanation, "240 (corbyn) + 41 (smith) = 281"));
	assert_non_null(strstr(d->explanation, "exceed it by 10"));
	fc_disc_vec_release(&dv);
	/* Parts that fall short of the total are a warning: others may exist. */
	cv.v[1].value = 200;
	cv.v[1].low = 199.5;
	cv.v[1].high = 200.5;
	fc_compare(&cv, NULL, &dv);
	assert_int_equal(find(&dv, FC_DISC_ARITHMETIC, 0)->severity, FC_SEV_WARNING);
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
}

static void test_reference_and_share(void **state)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;
	struct fc_pack *p = NULL;
	struct fc_error err;
	struct fc_claim *c;

	(void)state;
	assert_int_equal(fc_pack_load("corpus/labour-2016/pack", &p, &err), FC_OK);
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	add(&cv, 1, "Paper", "2016-08-15", "corbyn", "union_nominations", "count", 9, 0.5, NULL);
	add(&cv, 2, "Blog", "2016-08-14", "smith", "clp_nominations", "count", 41, 0.5, "interim");
	add(&cv, 2, "Blog", "2016-08-14", NULL, "clp_nominations", "count", 271, 0.5, "interim")->role = dup("total");
	/* 41/271 = 15.1%: "15%" holds, "25%" does not. */
	add(&cv, 2, "Blog", "2016-08-14", "smith", "nomination_share", "percent", 15, 0.5, NULL);
	c = add(&cv, 3, "Other", "2016-08-14", "smith", "nomination_share", "percent", 25, 0.5, NULL);
	(void)c;
	fc_compare(&cv, p, &dv);
	assert_int_equal(count(&dv, FC_DISC_REFERENCE), 1);
	assert_string_equal(find(&dv, FC_DISC_REFERENCE, 0)->expected, "8");
	/* The interim 41 against the final 53: superseded, not a reference error. */
	assert_int_equal(count(&dv, FC_DISC_SUPERSEDED), 1);
	assert_int_equal(count(&dv, FC_DISC_DERIVED), 1);
	assert_int_equal(find(&dv, FC_DISC_DERIVED, 0)->claims[0], 5);
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
	fc_pack_free(p);
}

static void test_estimators(void **state)
{
	struct fc_claim_vec cv;
	struct fc_disc_vec dv;
	const struct fc_discrepancy *d;

	(void)state;
	fc_claim_vec_init(&cv);
	fc_disc_vec_init(&dv);
	/* Organisers 5,000 and police 1,200, reported by two outlets each. */
	add(&cv, 1, "Courier", "2026-03-15", NULL, "crowd", "count", 5000, 500, NULL)->estimator = dup("urdw");
	add(&cv, 1, "Courier", "2026-03-15", NULL, "crowd", "count", 1200, 50, NULL)->estimator = dup("police");
	add(&cv, 2, "Council", "2026-03-16", NULL, "crowd", "count", 5000, 500, NULL)->estimator = dup("urdw");
	add(&cv, 2, "Council", "2026-03-16", NULL, "crowd", "count", 1200, 50, NULL)->estimator = dup("police");
	/* A later outlet reports the organisers as saying 15,000. */
	add(&cv, 3, "Herald", "2026-03-20", NULL, "crowd", "count", 15000, 500, NULL)->estimator = dup("urdw");
	fc_compare(&cv, NULL, &dv);
	/* One spread per pair of estimators, however many outlets report it. */
	assert_int_equal(count(&dv, FC_DISC_SPREAD), 1);
	d = find(&dv, FC_DISC_SPREAD, 0);
	assert_int_equal(d->severity, FC_SEV_INFO);
	assert_non_null(strstr(d->explanation, "a ratio of 4.17"));
	/*
	 * What the same estimator said, reported differently, is a conflict:
	 * one finding, the two outlets that agree on one side.
	 */
	assert_int_equal(count(&dv, FC_DISC_CONFLICT), 1);
	d = find(&dv, FC_DISC_CONFLICT, 0);
	assert_non_null(strstr(d->explanation, "the same estimator said"));
	assert_non_null(strstr(d->explanation, "(and 1 more source)"));
	assert_int_equal(d->nclaims, 3);
	assert_int_equal(d->claims[2], 5);
	fc_disc_vec_release(&dv);
	fc_claim_vec_release(&cv);
}

static void test_intervals(void **state)
{
	struct fc_buf b = FC_BUF_INIT;

	(void)state;
	assert_true(fc_interval_overlap(270, 300, 0, 1, 284.5, 285.5, 0, 1));
	assert_false(fc_interval_overlap(270, 300, 0, 1, 300, 301, 0, 1));
	assert_true(fc_interval_overlap(5, INFINITY, 1, 0, 5.37, 5.38, 0, 0));
	assert_false(fc_interval_contains(6.5, 7, 0, 1, 7));
	assert_true(fc_interval_contains(6.5, 7, 0, 1, 6.5));
	fc_interval_fmt(&b, 5, INFINITY, 1, 0);
	fc_buf_addch(&b, ' ');
	fc_interval_fmt(&b, 83.5, 84.5, 0, 1);
	assert_string_equal(b.data, "(5,inf) [83.5,84.5)");
	fc_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_superseded_not_conflict),
		cmocka_unit_test(test_conflict_and_agreement),
		cmocka_unit_test(test_derived_ratio),
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_reference_and_share),
		cmocka_unit_test(test_estimators),
		cmocka_unit_test(test_intervals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
