/* test_strip_text.c - unit tests for fc_strip_text on the sample articles (the .txt files of tests/strip) and crafted text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strip.h"

#define DIR "tests/strip/"

static void strip_file(const char *path, struct fc_stripped *s)
{
	struct fc_error err;
	char *data;
	size_t len;

	assert_int_equal(fc_read_file(path, 0, &data, &len, &err), FC_OK);
	fc_stripped_init(s);
	assert_int_equal(fc_strip_text(data, len, s, &err), FC_OK);
	free(data);
}

static const struct fc_segment *seg(const struct fc_stripped *s,
				    enum fc_seg_kind k, size_t nth)
{
	size_t i;

	for (i = 0; i < s->nseg; i++)
		if (s->seg[i].kind == k && nth-- == 0)
			return &s->seg[i];
	return NULL;
}

static size_t count(const struct fc_stripped *s, enum fc_seg_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < s->nseg; i++)
		n += s->seg[i].kind == k;
	return n;
}

static const char *body(const struct fc_stripped *s)
{
	const struct fc_segment *b = seg(s, FC_SEG_BODY, 0);

	assert_non_null(b);
	return b->text;
}

/* Paragraphs are "\n\n" apart and never anything else. */
static void assert_paragraphs(const char *t)
{
	const char *p;

	for (p = strchr(t, '\n'); p; p = strchr(p + 2, '\n')) {
		assert_int_equal(p[1], '\n');
		assert_true(p[2] != '\n' && p[2] != '\0');
	}
	assert_true(t[0] != ' ' && t[strlen(t) - 1] != ' ');
}

static void test_comment_thread(void **state)
{
	static const char *const authors[] = {
		"Bill", "jeffrey davies", "Tony", "Barry Hearth", "Bazza",
	};
	struct fc_stripped s;
	size_t i;

	(void)state;
	strip_file(DIR "001_1985c2b1116e7441.txt", &s);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text,
			    "Ballot closes with Corbyn set to win, as party gears up for conference");
	assert_int_equal(count(&s, FC_SEG_COMMENT), 5);
	for (i = 0; i < 5; i++)
		assert_string_equal(seg(&s, FC_SEG_COMMENT, i)->author, authors[i]);
	assert_string_equal(seg(&s, FC_SEG_COMMENT, 1)->text, "spot on bill");
	assert_non_null(strstr(seg(&s, FC_SEG_COMMENT, 2)->text,
			       "He should not be conciliatory"));
	assert_non_null(strstr(seg(&s, FC_SEG_COMMENT, 4)->text, "500,000 members"));
	assert_null(strstr(body(&s), "says:"));
	assert_null(strstr(body(&s), "500,000"));
	assert_non_null(strstr(body(&s), "The NEC will meet on Saturday"));
	assert_int_equal(s.seg[0].kind, FC_SEG_TITLE);
	assert_int_equal(s.seg[1].kind, FC_SEG_BODY);
	assert_paragraphs(body(&s));
	fc_stripped_release(&s);
}

static void test_appeal_glued_to_article(void **state)
{
	struct fc_stripped s;
	const char *b;

	(void)state;
	strip_file(DIR "002_12e73b938bbea700.txt", &s);
	b = body(&s);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text,
			    "Jeremy Corbyn secures five times as many nominations in local constituencies as rival Owen Smith");
	assert_non_null(strstr(b, "\n\nJeremy Corbyn has secured more than five times"));
	assert_null(strstr(b, "Your support"));
	assert_null(strstr(b, "difference."));
	assert_null(strstr(b, "Join our commenting forum"));
	assert_null(strstr(b, "\n\nComments"));
	assert_int_equal(count(&s, FC_SEG_COMMENT), 0);
	assert_paragraphs(b);
	fc_stripped_release(&s);
}

static void test_comment_form_dropped(void **state)
{
	struct fc_stripped s;
	const char *b;

	(void)state;
	strip_file(DIR "003_c1110cf3b6ffb8b5.txt", &s);
	b = body(&s);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text, "Labour NEC: Victory \xE2\x80\x93\xC2\xA0" "Corbyn-Style");
	assert_null(strstr(b, "Leave a Reply"));
	assert_null(strstr(b, "Twitter picture"));
	assert_null(strstr(b, "Connecting to"));
	assert_null(strstr(b, "Log Out"));
	assert_null(strstr(b, "commenting using"));
	assert_non_null(strstr(b, "Time to celebrate."));
	fc_stripped_release(&s);
}

static void test_subscription_and_labels_dropped(void **state)
{
	struct fc_stripped s;
	const char *b;

	(void)state;
	strip_file(DIR "004_0036f8adad20c4ef.txt", &s);
	b = body(&s);
	/* The category label above the headline is not the title. */
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text,
			    "Luke Akehurst encouraging CLPs to exclude members from leadership nomination votes");
	assert_null(strstr(b, "Uncategorized"));
	assert_null(strstr(b, "cojuwlkxeaacwt5"));
	assert_null(strstr(b, "13 comments"));
	assert_null(strstr(b, "Discover more"));
	assert_null(strstr(b, "Subscribe now"));
	assert_null(strstr(b, "Continue reading"));
	assert_null(strstr(b, "Leave a Reply"));
	assert_non_null(strstr(b, "The process of CLPs"));
	fc_stripped_release(&s);
}

static void test_prose_first_line_is_not_a_title(void **state)
{
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "000_b4101922d41b370f.txt", &s);
	assert_int_equal(count(&s, FC_SEG_TITLE), 0);
	assert_true(strncmp(body(&s), "This post will be short and very sweet.", 39) == 0);
	assert_paragraphs(body(&s));
	fc_stripped_release(&s);
}

static void test_crafted(void **state)
{
	static const char t[] =
		"Counting the votes at the count\n"
		"\n"
		"The turnout was 64 per cent.\n"
		"Share this:\n"
		"Like Loading...\n"
		"Related\n"
		"  1. Ann Smith says:\n"
		"     I counted 70 per cent.\n"
		"     Or so.\n"
		"  2. Bo says:\n"
		"     No.\n";
	struct fc_stripped s;
	struct fc_error err;

	(void)state;
	fc_stripped_init(&s);
	assert_int_equal(fc_strip_text(t, sizeof(t) - 1, &s, &err), FC_OK);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text, "Counting the votes at the count");
	assert_string_equal(body(&s), "The turnout was 64 per cent.");
	assert_int_equal(count(&s, FC_SEG_COMMENT), 2);
	assert_string_equal(seg(&s, FC_SEG_COMMENT, 0)->author, "Ann Smith");
	assert_string_equal(seg(&s, FC_SEG_COMMENT, 0)->text, "I counted 70 per cent.\n\nOr so.");
	assert_string_equal(seg(&s, FC_SEG_COMMENT, 1)->author, "Bo");
	fc_stripped_release(&s);
}

static void test_empty_and_invalid(void **state)
{
	struct fc_stripped s;
	struct fc_error err;

	(void)state;
	fc_stripped_init(&s);
	assert_int_equal(fc_strip_text("", 0, &s, &err), FC_OK);
	assert_int_equal(s.nseg, 0);
	fc_stripped_release(&s);
	fc_stripped_init(&s);
	assert_int_equal(fc_strip_text("Caf\xe9 prices rose by 5 per cent.\n", 31, &s, &err), FC_OK);
	assert_int_equal(s.replaced, 1);
	assert_string_equal(body(&s), "Caf\xef\xbf\xbd prices rose by 5 per cent.");
	fc_stripped_release(&s);
}

static void test_stripped_add(void **state)
{
	struct fc_stripped s;

	(void)state;
	fc_stripped_init(&s);
	fc_stripped_add(&s, FC_SEG_BODY, "  \n ", 4, NULL, NULL);
	assert_int_equal(s.nseg, 0);
	fc_stripped_add(&s, FC_SEG_COMMENT, "\n  hello  \n", 11, "Al", "2016-09-22");
	assert_int_equal(s.nseg, 1);
	assert_string_equal(s.seg[0].text, "hello");
	assert_int_equal(s.seg[0].len, 5);
	assert_string_equal(s.seg[0].author, "Al");
	assert_string_equal(s.seg[0].published, "2016-09-22");
	assert_string_equal(fc_seg_kind_name(FC_SEG_COMMENT), "comment");
	assert_string_equal(fc_seg_kind_name(FC_SEG_TITLE), "title");
	assert_string_equal(fc_seg_kind_name(FC_SEG_BODY), "body");
	fc_stripped_release(&s);
	assert_int_equal(s.nseg, 0);
	assert_null(s.seg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comment_thread),
		cmocka_unit_test(test_appeal_glued_to_article),
		cmocka_unit_test(test_comment_form_dropped),
		cmocka_unit_test(test_subscription_and_labels_dropped),
		cmocka_unit_test(test_prose_first_line_is_not_a_title),
		cmocka_unit_test(test_crafted),
		cmocka_unit_test(test_empty_and_invalid),
		cmocka_unit_test(test_stripped_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
