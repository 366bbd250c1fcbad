/* test_pack.c - unit tests for topic packs: loading, aliases, metrics, sources, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "pack.h"

static struct fc_pack *load(const char *dir)
{
	struct fc_pack *p = NULL;
	struct fc_error err;

	if (fc_pack_load(dir, &p, &err) != FC_OK)
		fail_msg("%s", err.msg);
	return p;
}

static const char *alias(const struct fc_pack *p, const char *s)
{
	const struct fc_actor *a = fc_pack_alias(p, s, strlen(s));

	return a ? a->id : NULL;
}

static void test_labour_actors(void **state)
{
	struct fc_pack *p = load("corpus/labour-2016/pack");

	(void)state;
	assert_true(p->nactors >= 15);
	assert_string_equal(alias(p, "Jeremy Corbyn"), "corbyn");
	assert_string_equal(alias(p, "Mr Corbyn"), "corbyn");
	assert_string_equal(alias(p, "JC"), "corbyn");
	assert_string_equal(alias(p, "Smith\xE2\x80\x99s"), "smith");
	assert_string_equal(alias(p, "Smith's"), "smith");
	assert_string_equal(alias(p, "Owen  Smith"), "smith");
	assert_null(alias(p, "Smithers"));
	assert_null(alias(p, "corbyn"));	/* case as written */
	assert_non_null(fc_pack_actor(p, "akehurst"));
	assert_null(fc_pack_actor(p, "corbyn")->member_of);
	fc_pack_free(p);
}

/* A person speaks for the actor named in the fifth column. */
static void test_member_of(void **state)
{
	struct fc_pack *p = load("corpus/strike-2026/pack");

	(void)state;
	assert_string_equal(fc_pack_actor(p, "vantrell")->member_of, "urdw");
	assert_string_equal(fc_pack_actor(p, "ashcombe_prill")->member_of, "tvt");
	assert_null(fc_pack_actor(p, "tvt")->member_of);
	fc_pack_free(p);
}

static void test_alias_pattern(void **state)
{
	struct fc_pack *p = load("corpus/labour-2016/pack");
	const char *t = "Jeremy Corbyn beat Owen Smith; JCB and Smithson did not.";
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
	size_t off = 0, n = 0;
	char got[4][32];

	(void)state;
	while (pcre2_match(p->alias_re, (PCRE2_SPTR)t, strlen(t), off, 0, p->md,
			   NULL) > 0 && n < 4) {
		snprintf(got[n++], 32, "%.*s", (int)(ov[1] - ov[0]), t + ov[0]);
		off = ov[1];
	}
	/* Longest alias first, whole words only. */
	assert_int_equal(n, 2);
	assert_string_equal(got[0], "Jeremy Corbyn");
	assert_string_equal(got[1], "Owen Smith");
	fc_pack_free(p);
}

static const char *metric(const struct fc_pack *p, const char *unit,
			  const char *noun, const char *ctx)
{
	const struct fc_metric *m = fc_pack_match_metric(p, unit, noun, strlen(noun),
							 ctx, strlen(ctx), 0, SIZE_MAX);

	return m ? m->id : NULL;
}

static void test_metrics(void **state)
{
	struct fc_pack *p = load("corpus/labour-2016/pack");

	(void)state;
	assert_string_equal(metric(p, "count", "constituency Labour Parties",
				   "received the backing of CLPs"), "clp_nominations");
	assert_string_equal(metric(p, "count", "trade unions", "nominated by"),
			    "union_nominations");
	assert_string_equal(metric(p, "ratio", "", "CLPs voted for Corbyn"),
			    "clp_nominations");
	/* A percent figure never takes a count metric. */
	assert_null(metric(p, "percent", "trade unions", "nominated by"));
	/* Context is required where the pack says so. */
	assert_null(metric(p, "count", "nominations", "the Oscars"));
	/* Running text: an empty alternative of a noun pattern does not count. */
	assert_null(fc_pack_match_metric(p, "percent", "backing Mr Smith", 16,
					 "vote", 4, 1, SIZE_MAX));
	assert_string_equal(fc_pack_metric(p, "nomination_share")->share_of,
			    "clp_nominations");
	assert_true(p->nrefs >= 4);
	fc_pack_free(p);
}

static void test_sources(void **state)
{
	struct fc_pack *p = load("corpus/labour-2016/pack");
	const struct fc_source *s;

	(void)state;
	s = fc_pack_source(p, NULL, "https://www.independent.co.uk/news/x.html");
	assert_non_null(s);
	assert_string_equal(s->outlet, "The Independent");
	s = fc_pack_source(p, "skwawkbox", NULL);
	assert_non_null(s);
	assert_string_equal(s->kind, "blog");
	assert_null(fc_pack_source(p, NULL, "https://notindependent.co.uk/x"));
	assert_null(fc_pack_source(p, "nobody", NULL));
	fc_pack_free(p);
}

static void write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(s, f);
	fclose(f);
}

static void test_errors(void **state)
{
	char dir[] = "/tmp/fc-pack-XXXXXX", path[64];
	struct fc_pack *p = NULL;
	struct fc_error err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/metrics.tsv", dir);
	write_file(path, "# comment\nm1\tcount\tdesc\t(unclosed\n");
	assert_int_equal(fc_pack_load(dir, &p, &err), FC_EDATA);
	assert_non_null(strstr(err.msg, "metrics.tsv': line 2: bad pattern"));
	write_file(path, "m1\tcount\n");
	assert_int_equal(fc_pack_load(dir, &p, &err), FC_EDATA);
	assert_non_null(strstr(err.msg, "line 1: expected id, unit"));
	unlink(path);
	snprintf(path, sizeof(path), "%s/reference.tsv", dir);
	write_file(path, "corbyn\tclp\tlots\n");
	assert_int_equal(fc_pack_load(dir, &p, &err), FC_EDATA);
	assert_non_null(strstr(err.msg, "value 'lots' is not a number"));
	unlink(path);
	snprintf(path, sizeof(path), "%s/actors.tsv", dir);
	write_file(path, "smith\tperson\tOwen Smith\tSmith\tnobody\n");
	assert_int_equal(fc_pack_load(dir, &p, &err), FC_EDATA);
	assert_non_null(strstr(err.msg, "actor 'smith': member_of 'nobody' is not an actor"));
	unlink(path);
	/* An empty directory is an empty pack, not an error. */
	assert_int_equal(fc_pack_load(dir, &p, &err), FC_OK);
	assert_int_equal(p->nactors, 0);
	fc_pack_free(p);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labour_actors),
		cmocka_unit_test(test_member_of),
		cmocka_unit_test(test_alias_pattern),
		cmocka_unit_test(test_metrics),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
