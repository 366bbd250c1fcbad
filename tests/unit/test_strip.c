/* test_strip.c - unit tests for the plain-text stripper on the sample corpus and crafted pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ingest.h"
#include "strip.h"

/* Strip a corpus file (front matter skipped, as the strip stage does). */
static void strip_file(const char *path, struct fc_stripped *s)
{
	struct fc_error err;
	struct fc_front fm;
	char *data;
	size_t len;

	assert_int_equal(fc_read_file(path, 0, &data, &len, &err), FC_OK);
	assert_int_equal(fc_front_parse(data, len, &fm, &err), FC_OK);
	fc_stripped_init(s);
	assert_int_equal(fc_strip_text(data + fm.body_off, len - fm.body_off, s, &err), FC_OK);
	fc_front_release(&fm);
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

static void test_comment_thread(void **state)
{
	static const char *const authors[] = {
		"Bill", "jeffrey davies", "Tony", "Barry Hearth", "Bazza",
	};
	struct fc_stripped s;
	size_t i;

	(void)state;
	strip_file("corpus/labour-2016/001-ballot-closes-corbyn-set-to-win.txt", &s);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text,
			    "Ballot closes with Corbyn set to win, as party gears up for conference");
	assert_int_equal(count(&s, FC_SEG_COMMENT), 5);
	for (i = 0; i < 5; i++)
		assert_string_equal(seg(&s, FC_SEG_COMMENT, i)->author, authors[i]);
	assert_string_equal(seg(&s, FC_SEG_COMMENT, 1)->text, "spot on bill");
	/* The comments are not in the body; the body ends with the article. */
	assert_null(strstr(seg(&s, FC_SEG_BODY, 0)->text, "says:"));
	assert_null(strstr(seg(&s, FC_SEG_BODY, 0)->text, "500,000"));
	assert_non_null(strstr(seg(&s, FC_SEG_COMMENT, 4)->text, "500,000 members"));
	/* Segments come in order: title, body, comments. */
	assert_int_equal(s.seg[0].kind, FC_SEG_TITLE);
	assert_int_equal(s.seg[1].kind, FC_SEG_BODY);
	fc_stripped_release(&s);
}

static void test_appeal_dropped(void **state)
{
	struct fc_stripped s;
	const char *body;

	(void)state;
	strip_file("corpus/labour-2016/002-corbyn-five-times-as-many-nominations.txt", &s);
	body = seg(&s, FC_SEG_BODY, 0)->text;
	assert_null(strstr(body, "Your support"));
	assert_null(strstr(body, "paywalls"));
	assert_null(strstr(body, "Your donation"));
	assert_null(strstr(body, "commenting forum"));
	/* The sentence glued to the appeal's last line is kept. */
	assert_non_null(strstr(body, "\n\nJeremy Corbyn has secured more than five times as many"));
	assert_non_null(strstr(body, "285 constituency Labour Parties"));
	assert_true(body[strlen(body) - 1] != 's');	/* not "...Comments" */
	assert_int_equal(count(&s, FC_SEG_COMMENT), 0);
	fc_stripped_release(&s);
}

static void test_comment_form_and_chrome(void **state)
{
	struct fc_stripped s;
	const char *body;

	(void)state;
	strip_file("corpus/labour-2016/003-nec-victory-corbyn-style.txt", &s);
	body = seg(&s, FC_SEG_BODY, 0)->text;
	assert_null(strstr(body, "Leave a Reply"));
	assert_null(strstr(body, "commenting using"));
	assert_null(strstr(body, "Connecting to"));
	assert_null(strstr(body, "Twitter picture"));
	assert_non_null(strstr(body, "finished fourth-bottom"));
	fc_stripped_release(&s);

	strip_file("corpus/labour-2016/004-akehurst-clp-nomination-votes.txt", &s);
	body = seg(&s, FC_SEG_BODY, 0)->text;
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text,
			    "Luke Akehurst encouraging CLPs to exclude members from leadership nomination votes");
	assert_null(strstr(body, "Uncategorized"));
	assert_null(strstr(body, "13 comments"));
	assert_null(strstr(body, "Discover more"));
	assert_null(strstr(body, "cojuwlkxeaacwt5"));
	assert_null(strstr(body, "Continue reading"));
	assert_non_null(strstr(body, "from 271 nominations so far"));
	fc_stripped_release(&s);
}

static void test_no_title_when_first_line_is_prose(void **state)
{
	struct fc_stripped s;

	(void)state;
	strip_file("corpus/labour-2016/000-clp-nominations-closed.txt", &s);
	assert_null(seg(&s, FC_SEG_TITLE, 0));
	assert_int_equal(strncmp(seg(&s, FC_SEG_BODY, 0)->text, "This post will be short", 23), 0);
	fc_stripped_release(&s);
}

static void test_invalid_utf8_and_paragraphs(void **state)
{
	const char t[] = "A headline for the test\nFirst line caf\xE9.\n\n\nSecond line.\n";
	struct fc_stripped s;
	struct fc_error err;

	(void)state;
	fc_stripped_init(&s);
	assert_int_equal(fc_strip_text(t, sizeof(t) - 1, &s, &err), FC_OK);
	assert_int_equal(s.replaced, 1);
	assert_string_equal(seg(&s, FC_SEG_BODY, 0)->text,
			    "First line caf\xEF\xBF\xBD.\n\nSecond line.");
	assert_true(fc_utf8_valid(s.seg[1].text, s.seg[1].len));
	fc_stripped_release(&s);
	/* Nothing but chrome: no segments at all. */
	fc_stripped_init(&s);
	assert_int_equal(fc_strip_text("Leave a Reply\n13 comments\n", 26, &s, &err), FC_OK);
	assert_int_equal(s.nseg, 0);
	fc_stripped_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comment_thread),
		cmocka_unit_test(test_appeal_dropped),
		cmocka_unit_test(test_comment_form_and_chrome),
		cmocka_unit_test(test_no_title_when_first_line_is_prose),
		cmocka_unit_test(test_invalid_utf8_and_paragraphs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
