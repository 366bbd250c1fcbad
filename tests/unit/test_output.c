/* test_output.c - unit tests for exports and the report: records, CSV quoting, every format. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "output.h"
#include "stages.h"

static char path[64];

/* A database with one document, two claims and the findings compare makes of them. */
static struct fc_store *fixture(void)
{
	struct fc_store *st;
	struct fc_error err;
	struct fc_stripped s;
	struct fc_seg_rows rows;
	struct fc_stage_opts o = { 0 };
	struct fc_stage_stats stats;
	struct fc_doc_in d = { "a.txt", "h1", "text/plain", NULL, "Paper, \"Daily\"",
			       NULL, NULL, "2016-08-15", "x", 1 };
	struct fc_doc_in d2 = { "b.txt", "h2", "text/plain", NULL, "Blog", NULL, NULL,
				"2016-08-16", "y", 1 };
	static const char *const text[] = {
		"Corbyn won 285 nominations.", "Corbyn won 240 nominations.",
	};
	int64_t id, dup, sent;
	int i;

	strcpy(path, "/tmp/fc-out-XXXXXX");
	close(mkstemp(path));
	unlink(path);
	assert_int_equal(fc_store_open(path, &st, &err), FC_OK);
	for (i = 0; i < 2; i++) {
		struct fc_claim c;

		assert_int_equal(fc_store_begin(st, &err), FC_OK);
		assert_int_equal(fc_store_doc_add(st, i ? &d2 : &d, &id, &dup, &err), FC_OK);
		fc_stripped_init(&s);
		fc_stripped_add(&s, FC_SEG_BODY, text[i], strlen(text[i]), NULL, NULL);
		assert_int_equal(fc_store_segments_put(st, id, &s, &err), FC_OK);
		fc_stripped_release(&s);
		assert_int_equal(fc_store_segments_get(st, id, &rows, &err), FC_OK);
		assert_int_equal(fc_store_sentence_add(st, rows.v[0].id, 0, 0, strlen(text[i]),
						       &sent, &err), FC_OK);
		memset(&c, 0, sizeof(c));
		c.doc = id;
		c.segment = rows.v[0].id;
		c.sentence = sent;
		c.subject = (char *)"corbyn";
		c.metric = (char *)"clp";
		c.unit = (char *)"count";
		c.speaker = (char *)(i ? "Blog" : "Paper");
		c.rule = (char *)"count+link.before";
		c.value = i ? 240 : 285;
		c.low = c.value - 0.5;
		c.high = c.value + 0.5;
		c.high_open = 1;
		c.fig_start = 11;
		c.fig_end = 14;
		assert_int_equal(fc_store_claim_add(st, &c, NULL, &err), FC_OK);
		assert_int_equal(fc_store_commit(st, &err), FC_OK);
		fc_seg_rows_release(&rows);
	}
	assert_int_equal(fc_stage_compare(st, &o, &stats, &err), FC_OK);
	assert_int_equal(stats.items, 1);
	return st;
}

static void done(struct fc_store *st)
{
	char p[80];

	fc_store_close(st);
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

/* Run an export or report into memory. */
static char *capture(struct fc_store *st, int which, enum fc_format f)
{
	struct fc_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int rc;

	assert_non_null(out);
	rc = which == 0 ? fc_export_claims(st, f, out, &err) :
		which == 1 ? fc_export_discrepancies(st, f, out, &err) :
		which == 2 ? fc_export_segments(st, f, out, &err) :
		fc_report_write(st, f, 0, out, &err);
	assert_int_equal(rc, FC_OK);
	fclose(out);
	return buf;
}

static void test_claims_jsonl(void **state)
{
	struct fc_store *st = fixture();
	char *s = capture(st, 0, FC_FMT_JSONL);

	(void)state;
	assert_non_null(strstr(s, "\"quote\":\"Corbyn won 285 nominations.\""));
	assert_non_null(strstr(s, "\"figure\":\"285\",\"figure_start\":11,\"figure_end\":14"));
	assert_non_null(strstr(s, "\"interval\":\"[284.5,285.5)\""));
	assert_non_null(strstr(s, "\"source\":\"Paper, \\\"Daily\\\"\""));
	assert_non_null(strstr(s, "\"object\":null"));
	/* One record a line. */
	assert_int_equal(strchr(strchr(s, '\n') + 1, '\n')[1], '\0');
	free(s);
	done(st);
}

static void test_csv_quoting(void **state)
{
	struct fc_store *st = fixture();
	char *s = capture(st, 0, FC_FMT_CSV);

	(void)state;
	assert_int_equal(strncmp(s, "id,doc,origin,source,", 21), 0);
	assert_non_null(strstr(s, ",\"Paper, \"\"Daily\"\"\","));
	free(s);
	s = capture(st, 1, FC_FMT_CSV);
	assert_non_null(strstr(s, "\n1,conflict,error,corbyn,clp,"));
	free(s);
	done(st);
}

static void test_report_formats(void **state)
{
	struct fc_store *st = fixture();
	char *s;

	(void)state;
	s = capture(st, 3, FC_FMT_TEXT);
	assert_non_null(strstr(s, "1 finding (1 error, 0 warnings, 0 info) from 2 claims in 2 documents"));
	assert_non_null(strstr(s, "conflict  corbyn / clp"));
	free(s);
	s = capture(st, 3, FC_FMT_MD);
	assert_non_null(strstr(s, "| # | severity | kind |"));
	assert_non_null(strstr(s, "## 1. conflict: corbyn (clp)"));
	free(s);
	s = capture(st, 3, FC_FMT_HTML);
	assert_non_null(strstr(s, "<!DOCTYPE html>"));
	assert_non_null(strstr(s, "<svg class=\"chart\""));
	assert_non_null(strstr(s, "Paper, &quot;Daily&quot;"));
	assert_null(strstr(s, "<script"));
	free(s);
	s = capture(st, 3, FC_FMT_JSON);
	assert_int_equal(strncmp(s, "{\"summary\":{\"findings\":1,\"errors\":1", 35), 0);
	assert_non_null(strstr(s, "\"sides\":[{\"id\":"));
	free(s);
	done(st);
}

static void test_format_names(void **state)
{
	struct fc_store *st = fixture();
	struct fc_error err;

	(void)state;
	assert_int_equal(fc_format_parse("markdown"), FC_FMT_MD);
	assert_int_equal(fc_format_parse("jsonl"), FC_FMT_JSONL);
	assert_int_equal(fc_format_parse("pdf"), -1);
	/* Exports are one record a line: a report format is refused. */
	assert_int_equal(fc_export_claims(st, FC_FMT_HTML, stdout, &err), FC_EUSAGE);
	done(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_claims_jsonl),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_report_formats),
		cmocka_unit_test(test_format_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
