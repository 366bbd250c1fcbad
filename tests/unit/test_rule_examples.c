/* test_rule_examples.c - loads every rule file and runs every example sentence it carries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "datadir.h"
#include "figure.h"
#include "rules.h"
#include "util.h"

/* The tree's data dir, wherever the test runs from. */
static const char *data_dir(void)
{
	const char *d = getenv("FIGCHECK_DATADIR");

	return d && *d ? d : "extractors";
}

static void test_examples(void **state)
{
	struct fc_engine *e = NULL;
	struct fc_error err;
	struct fc_buf report = FC_BUF_INIT;
	size_t run = 0, failed = 0;
	int rc;

	(void)state;
	rc = fc_engine_load(data_dir(), NULL, &e, &err);
	if (rc)
		fail_msg("%s", err.msg);
	rc = fc_engine_check_examples(e, &report, &run, &failed);
	if (report.len)
		fprintf(stderr, "%s", report.data);
	fprintf(stderr, "rule examples: %zu run, %zu failed, %zu rules\n", run, failed,
		fc_engine_rule_count(e));
	assert_true(run >= 50);
	assert_int_equal(failed, 0);
	assert_int_equal(rc, FC_OK);
	fc_buf_release(&report);
	fc_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
