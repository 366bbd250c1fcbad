/* test_sentence.c - unit tests for the sentence splitter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sentence.h"

/* Split text and compare the sentences with the NULL-terminated list want. */
static void expect(const char *text, const char *const *want)
{
	struct fc_spans s;
	size_t i = 0;

	fc_spans_init(&s);
	fc_sentences(text, strlen(text), &s);
	for (; want[i]; i++) {
		assert_true(i < s.n);
		assert_int_equal(s.v[i].end - s.v[i].start, strlen(want[i]));
		assert_memory_equal(text + s.v[i].start, want[i], strlen(want[i]));
	}
	assert_int_equal(s.n, i);
	fc_spans_release(&s);
}

static void test_basic(void **state)
{
	(void)state;
	expect("Corbyn won 285. Smith won 53! Did he? Yes.",
	       (const char *const[]){ "Corbyn won 285.", "Smith won 53!",
				       "Did he?", "Yes.", NULL });
}

static void test_abbreviations(void **state)
{
	(void)state;
	expect("Mr. Smith won 53 nominations vs. 285 for Mr. Corbyn. Dr. J. Watson agreed.",
	       (const char *const[]){
		       "Mr. Smith won 53 nominations vs. 285 for Mr. Corbyn.",
		       "Dr. J. Watson agreed.", NULL });
}

static void test_decimals_and_quotes(void **state)
{
	(void)state;
	expect("He won 59.5% last year. \xE2\x80\x9CWe are grateful.\xE2\x80\x9D The end",
	       (const char *const[]){ "He won 59.5% last year.",
				       "\xE2\x80\x9CWe are grateful.\xE2\x80\x9D",
				       "The end", NULL });
	expect("It said (in brackets.) Then more.",
	       (const char *const[]){ "It said (in brackets.)", "Then more.", NULL });
}

static void test_lines_and_paragraphs(void **state)
{
	const char *t = "Title line\nFirst para sentence. Second one.\n\nNew para";
	struct fc_spans s;
	struct fc_span p;

	(void)state;
	fc_spans_init(&s);
	fc_sentences(t, strlen(t), &s);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.v[0].para, 0);
	assert_int_equal(s.v[2].para, 0);
	assert_int_equal(s.v[3].para, 1);
	p = fc_paragraph_at(t, strlen(t), s.v[3].start);
	assert_int_equal(p.start, s.v[3].start);
	assert_int_equal(p.end, strlen(t));
	p = fc_paragraph_at(t, strlen(t), s.v[1].start);
	assert_int_equal(p.start, 0);
	fc_spans_release(&s);
}

static void test_lowercase_after_stop(void **state)
{
	(void)state;
	/* "etc. and" and "1. bill" do not end sentences; lower case never starts one. */
	expect("Unions, groups etc. and others. ok then",
	       (const char *const[]){ "Unions, groups etc. and others. ok then", NULL });
	expect("   ", (const char *const[]){ NULL });
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_decimals_and_quotes),
		cmocka_unit_test(test_lines_and_paragraphs),
		cmocka_unit_test(test_lowercase_after_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
