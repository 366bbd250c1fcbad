/* test_ingest.c - unit tests for ingest: front matter, type sniffing, hashing, batches with bad inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ingest.h"

static void test_front_matter(void **state)
{
	const char *t = "---\nurl: https://x.example/a\nsource: The Paper\n"
		"title: A: colon\npublished: 2016-08-15\n---\nBody text";
	struct fc_front f;
	struct fc_error err;

	(void)state;
	assert_int_equal(fc_front_parse(t, strlen(t), &f, &err), FC_OK);
	assert_string_equal(f.url, "https://x.example/a");
	assert_string_equal(f.source, "The Paper");
	assert_string_equal(f.title, "A: colon");
	assert_string_equal(f.published, "2016-08-15");
	assert_null(f.author);
	assert_string_equal(t + f.body_off, "Body text");
	fc_front_release(&f);

	assert_int_equal(fc_front_parse("No front\n---\n", 14, &f, &err), FC_OK);
	assert_int_equal(f.body_off, 0);
	assert_null(f.source);

	t = "---\nsauce: x\n---\n";
	assert_int_equal(fc_front_parse(t, strlen(t), &f, &err), FC_EDATA);
	assert_string_equal(err.msg, "front matter line 2: unknown key 'sauce'");
	t = "---\nurl: x\n";
	assert_int_equal(fc_front_parse(t, strlen(t), &f, &err), FC_EDATA);
	assert_non_null(strstr(err.msg, "not closed"));
	t = "\xEF\xBB\xBF---\r\nsource: BOM\r\n---\r\nText";
	assert_int_equal(fc_front_parse(t, strlen(t), &f, &err), FC_OK);
	assert_string_equal(f.source, "BOM");
	assert_string_equal(t + f.body_off, "Text");
	fc_front_release(&f);
}

static void test_sniff_and_hash(void **state)
{
	char h[65];

	(void)state;
	assert_true(fc_looks_html("a.HTML", "plain", 5));
	assert_true(fc_looks_html(NULL, "  <!DOCTYPE html><p>x", 21));
	assert_true(fc_looks_html("a.txt", "<div class=x>", 13));
	assert_false(fc_looks_html("a.txt", "5 < 6 and x > y", 15));
	fc_sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

struct diag {
	int n;
	char last[512];
};

static void on_diag(void *ctx, int rc, const char *msg)
{
	struct diag *d = ctx;

	(void)rc;
	d->n++;
	snprintf(d->last, sizeof(d->last), "%s", msg);
}

static void test_batch(void **state)
{
	char dbp[] = "/tmp/fc-ingest-XXXXXX";
	struct fc_store *st = NULL;
	struct fc_error err;
	struct fc_ingest_stats s;
	struct diag d = { 0, "" };
	struct fc_ingest_opts o = { "Fallback", on_diag, &d };
	char *paths[] = { (char *)"corpus/labour-2016", (char *)"/nonexistent.txt" };
	int fd;

	(void)state;
	fd = mkstemp(dbp);
	close(fd);
	unlink(dbp);
	assert_int_equal(fc_store_open(dbp, &st, &err), FC_OK);
	assert_int_equal(fc_ingest_paths(st, paths, 2, &o, &s, &err), FC_EDATA);
	assert_int_equal(s.added, 5);
	assert_int_equal(s.failed, 1);
	assert_true(s.skipped >= 1);	/* SOURCES.md and the pack's files */
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.last, "cannot open '/nonexistent.txt'"));
	/* Again: everything is already there. */
	assert_int_equal(fc_ingest_paths(st, paths, 1, &o, &s, &err), FC_OK);
	assert_int_equal(s.added, 0);
	assert_int_equal(s.duplicates, 5);
	/* Binary and empty buffers are refused with a reason. */
	assert_int_equal(fc_ingest_buffer(st, "bin", "a\0b", 3, &o, &s, &err), FC_EDATA);
	assert_non_null(strstr(d.last, "'bin': binary file"));
	assert_int_equal(fc_ingest_buffer(st, "empty", "", 0, &o, &s, &err), FC_EDATA);
	assert_non_null(strstr(d.last, "'empty': empty file"));
	fc_store_close(st);
	unlink(dbp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_sniff_and_hash),
		cmocka_unit_test(test_batch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
