/* test_util.c - unit tests for util.c: buffers, UTF-8, JSON and CSV text, numbers. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

static void test_buf(void **state)
{
	struct fc_buf b = FC_BUF_INIT;
	char *s;
	size_t n, i;

	(void)state;
	for (i = 0; i < 1000; i++)
		fc_buf_printf(&b, "%zu,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data, "0,1,2,", 6);
	fc_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	fc_buf_addstr(&b, "abc");
	s = fc_buf_detach(&b, &n);
	assert_string_equal(s, "abc");
	assert_int_equal(n, 3);
	assert_null(b.data);
	free(s);
	s = fc_buf_detach(&b, &n);
	assert_string_equal(s, "");
	free(s);
}

static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(fc_utf8_valid("plain", 5));
	assert_true(fc_utf8_valid("\xE2\x80\x99", 3));		/* ’ */
	assert_true(fc_utf8_valid("\xF0\x9F\x98\x80", 4));	/* emoji */
	assert_false(fc_utf8_valid("\xC0\xAF", 2));		/* overlong */
	assert_false(fc_utf8_valid("\xED\xA0\x80", 3));		/* surrogate */
	assert_false(fc_utf8_valid("\xE2\x80", 2));		/* truncated */
	assert_false(fc_utf8_valid("caf\xE9", 4));		/* latin-1 */
	assert_false(fc_utf8_valid("\xF5\x80\x80\x80", 4));	/* > U+10FFFF */
}

/* fc_utf8_valid() against a decode of every character, on random bytes that are mostly UTF-8. */
static void test_utf8_valid_random(void **state)
{
	static const unsigned char pieces[][4] = {
		{ 'a' }, { ' ' }, { 0xC2, 0xA3 }, { 0xDF, 0xBF }, { 0xE2, 0x80, 0x99 }, { 0xE0, 0xA0, 0x80 },
		{ 0xE0, 0x9F, 0xBF }, { 0xED, 0x9F, 0xBF }, { 0xED, 0xA0, 0x80 }, { 0xEF, 0xBF, 0xBF },
		{ 0xF0, 0x9F, 0x98, 0x80 }, { 0xF4, 0x90, 0x80, 0x80 }, { 0xC0, 0xAF }, { 0x80 }, { 0xE1, 0x80 },
		{ 0xEC, 0xBF, 0x41 }, { 0xC2 }, { 0xFF },
	};
	unsigned char buf[64];
	uint64_t x = 0x2545F4914F6CDD1Dull;
	size_t n, i, k;
	unsigned cp;
	int t, want, len;

	(void)state;
	for (t = 0; t < 200000; t++) {
		n = 0;
		while (n < 40) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* mostly valid pieces; the last six are broken */
			k = x % 100 < 90 ? x % 12 : 12 + x % 6;
			for (i = 0; i < 4 && (i == 0 || pieces[k][i]); i++)
				buf[n++] = pieces[k][i];
		}
		n -= x % 4;	/* sometimes cut a character short */
		want = 1;
		for (i = 0; i < n; i += (size_t)len)
			if ((len = fc_utf8_decode((const char *)buf + i, n - i, &cp)) <= 0) {
				want = 0;
				break;
			}
		if (fc_utf8_valid((const char *)buf, n) != want)
			fail_msg("fc_utf8_valid() says %d of a text whose characters decode: %d", !want, want);
	}
}

static void test_utf8_repair(void **state)
{
	struct fc_buf b = FC_BUF_INIT;
	size_t n;

	(void)state;
	n = fc_utf8_repair("caf\xE9 \xE2\x80\x99 \xFF", 10, &b);
	assert_int_equal(n, 2);
	assert_string_equal(b.data, "caf\xEF\xBF\xBD \xE2\x80\x99 \xEF\xBF\xBD");
	assert_true(fc_utf8_valid(b.data, b.len));
	fc_buf_release(&b);
}

static void test_json(void **state)
{
	struct fc_buf b = FC_BUF_INIT;

	(void)state;
	fc_json_str(&b, "a\"b\\c\nd\x01", 8);
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\u0001\"");
	fc_buf_reset(&b);
	fc_json_num(&b, INFINITY);
	fc_buf_addch(&b, ' ');
	fc_json_num(&b, 285);
	fc_buf_addch(&b, ' ');
	fc_json_num(&b, 83.5);
	fc_buf_addch(&b, ' ');
	fc_json_num(&b, 0.1);
	assert_string_equal(b.data, "null 285 83.5 0.1");
	fc_buf_release(&b);
}

static void test_csv(void **state)
{
	struct fc_buf b = FC_BUF_INIT;

	(void)state;
	fc_csv_field(&b, "plain", 5);
	fc_buf_addch(&b, '|');
	fc_csv_field(&b, "a, \"b\"", 6);
	assert_string_equal(b.data, "plain|\"a, \"\"b\"\"\"");
	fc_buf_release(&b);
}

static void test_fmt_num(void **state)
{
	char t[40];

	(void)state;
	fc_fmt_num(t, sizeof(t), 5.377358490566038);
	assert_string_equal(t, "5.377358490566038");
	fc_fmt_num(t, sizeof(t), 1e6);
	assert_string_equal(t, "1000000");
	fc_fmt_num(t, sizeof(t), -0.5);
	assert_string_equal(t, "-0.5");
}

/* The shortest "%.*g" that reads back, found one precision at a time. */
static void fmt_num_linear(char *out, size_t n, double v)
{
	int prec;

	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, n, "%.0f", v);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(out, n, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

/*
 * fc_fmt_num() finds its precision by halving: the same text as trying
 * each in turn, for random doubles of every magnitude, short decimals,
 * thirds, and the doubles next to powers of two.
 */
static void test_fmt_num_shortest(void **state)
{
	char a[40], b[40];
	double v[8];
	uint64_t x = 88172645463325252ull, bits;
	int i, k;

	(void)state;
	for (i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* any bit pattern but NaN and the infinities */
		bits = x & ~((uint64_t)1 << 62);
		memcpy(&v[0], &bits, sizeof(v[0]));
		v[1] = (double)(x % 100000) / 1000.0;
		v[2] = (double)(x % 1000 + 1) / 3.0;
		v[3] = ldexp(1.0, (int)(x % 200) - 100);
		v[4] = nextafter(v[3], 0.0);
		v[5] = nextafter(v[3], 1e300);
		v[6] = -v[1] * 1e-5;
		v[7] = (double)(x % 100 + 1) / (double)(x % 97 + 3) * 100.0;
		for (k = 0; k < 8; k++) {
			fc_fmt_num(a, sizeof(a), v[k]);
			fmt_num_linear(b, sizeof(b), v[k]);
			if (strcmp(a, b) != 0)
				fail_msg("%.17g: '%s', not '%s'", v[k], a, b);
		}
	}
}

static void test_read_file(void **state)
{
	struct fc_error err;
	char *data;
	size_t len;

	(void)state;
	assert_int_equal(fc_read_file("/nonexistent/x", 0, &data, &len, &err),
			 FC_EDATA);
	assert_non_null(strstr(err.msg, "cannot open '/nonexistent/x'"));
	assert_int_equal(fc_read_file("Makefile", 10, &data, &len, &err), FC_EDATA);
	assert_non_null(strstr(err.msg, "larger than 10 bytes"));
	assert_int_equal(fc_read_file("Makefile", 0, &data, &len, &err), FC_OK);
	assert_true(len > 100);
	assert_int_equal(data[len], '\0');
	free(data);
}

static void test_trim_case(void **state)
{
	char s[] = "  \t spaced out \n";

	(void)state;
	assert_string_equal(fc_trim(s), "spaced out");
	assert_int_equal(fc_strncasecmp("CLPs", "clps", 4), 0);
	assert_true(fc_strncasecmp("abc", "abd", 3) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_valid_random),
		cmocka_unit_test(test_utf8_repair),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_fmt_num),
		cmocka_unit_test(test_fmt_num_shortest),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_trim_case),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
