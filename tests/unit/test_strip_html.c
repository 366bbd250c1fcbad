/* test_strip_html.c - unit tests for fc_strip_html: comment markups, metadata, encodings, broken input (fixtures in tests/strip). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strip.h"

#define DIR "tests/strip/"

static void strip_file(const char *path, const char *charset, struct fc_stripped *s)
{
	struct fc_error err;
	char *data;
	size_t len;

	assert_int_equal(fc_read_file(path, 0, &data, &len, &err), FC_OK);
	fc_stripped_init(s);
	assert_int_equal(fc_strip_html(data, len, charset, s, &err), FC_OK);
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

/* Every comment, in order: author, date (NULL for none), text. */
struct want {
	const char *author, *date, *text;
};

static void assert_comments(const struct fc_stripped *s, const struct want *w, size_t n)
{
	size_t i;

	assert_int_equal(count(s, FC_SEG_COMMENT), n);
	for (i = 0; i < n; i++) {
		const struct fc_segment *c = seg(s, FC_SEG_COMMENT, i);

		assert_non_null(c->author);
		assert_string_equal(c->author, w[i].author);
		if (w[i].date) {
			assert_non_null(c->published);
			assert_string_equal(c->published, w[i].date);
		}
		assert_string_equal(c->text, w[i].text);
	}
}

/* The segments come as title, body, comments; paragraphs "\n\n" apart. */
static void assert_shape(const struct fc_stripped *s)
{
	size_t i;

	assert_true(s->nseg >= 2);
	assert_int_equal(s->seg[0].kind, FC_SEG_TITLE);
	assert_int_equal(s->seg[1].kind, FC_SEG_BODY);
	for (i = 2; i < s->nseg; i++)
		assert_int_equal(s->seg[i].kind, FC_SEG_COMMENT);
	for (i = 0; i < s->nseg; i++) {
		const char *p;

		assert_int_equal(strlen(s->seg[i].text), s->seg[i].len);
		for (p = strchr(s->seg[i].text, '\n'); p; p = strchr(p + 2, '\n'))
			assert_true(p[1] == '\n' && p[2] != '\n' && p[2] != '\0');
	}
}

static void test_wordpress(void **state)
{
	static const struct want w[] = {
		{ "Bill", "2016-09-22T09:15",
		  "This is exactly what a lot of us predicted.\n\nIt is urgent that rule changes are introduced." },
		{ "jeffrey davies", "2016-09-22T10:40:00+00:00", "spot on bill" },
		{ "Tony", "2016-09-23T19:02",
		  "Corbyn needs to be careful about who he is conciliatory towards." },
	};
	struct fc_stripped s;
	const char *b;

	(void)state;
	strip_file(DIR "wordpress.html", NULL, &s);
	assert_shape(&s);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text,
			    "Ballot closes with Corbyn set to win, as party gears up for conference");
	b = body(&s);
	assert_true(strncmp(b, "Labour's leadership ballot closed at noon yesterday", 51) == 0);
	assert_non_null(strstr(b, "59.5%.\n\nThe party is now braced"));
	assert_null(strstr(b, "Share this"));
	assert_null(strstr(b, "Home"));
	assert_null(strstr(b, "Leave a Reply"));
	assert_null(strstr(b, "spot on"));
	assert_null(strstr(b, "WordPress"));
	assert_comments(&s, w, 3);
	assert_string_equal(s.meta.site, "Left Blog");
	assert_string_equal(s.meta.url, "https://example.org/2016/09/ballot-closes/");
	assert_string_equal(s.meta.lang, "en-GB");
	assert_string_equal(s.meta.published, "2016-09-22T08:00:00+00:00");
	fc_stripped_release(&s);
}

static void test_disqus(void **state)
{
	static const struct want w[] = {
		{ "Red Rose", "2016-09-22T10:03", "Five times as many is a landslide." },
		{ "Sceptic", "2016-09-22T11:30", "Nominations are not votes." },
	};
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "disqus.html", NULL, &s);
	assert_shape(&s);
	assert_non_null(strstr(body(&s), "285 constituency Labour Parties"));
	assert_null(strstr(body(&s), "landslide"));
	assert_comments(&s, w, 2);
	fc_stripped_release(&s);
}

static void test_itemprop_comment(void **state)
{
	static const struct want w[] = {
		{ "Barry Hearth", "2016-08-09T12:00:00Z", "My woodwork is creaking." },
		{ "Bazza", "2016-08-10", "Labour now has 500,000 members.\n\nUnite behind JC." },
	};
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "itemprop.html", NULL, &s);
	assert_shape(&s);
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text, "Labour NEC: Victory, Corbyn-Style");
	assert_string_equal(body(&s),
		"A clean sweep of all six open positions on Labour's National Executive Committee is the clearest indicator yet that Corbyn is on course.\n\n"
		"Despite the best efforts of party headquarters to disqualify voters, Corbyn supporters broke the record for turnout in an NEC election.");
	assert_comments(&s, w, 2);
	fc_stripped_release(&s);
}

static void test_generic_comment_blocks(void **state)
{
	static const struct want w[] = {
		{ "Anne Other", "2016-08-12", "Shameful exclusion of members." },
		{ "P. Smith", "2016-08-13", "Rules are rules." },
	};
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "generic.html", NULL, &s);
	assert_shape(&s);
	assert_null(strstr(body(&s), "Comments"));
	assert_null(strstr(body(&s), "Shameful"));
	assert_comments(&s, w, 2);
	fc_stripped_release(&s);
}

static void test_says_pattern(void **state)
{
	static const struct want w[] = {
		{ "Tony", NULL, "He should not be conciliatory to those MPs." },
		{ "Bazza", NULL, "Read the article by David Miliband.\n\nIt was turgid." },
	};
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "says.html", NULL, &s);
	assert_shape(&s);
	assert_null(strstr(body(&s), "says"));
	assert_comments(&s, w, 2);
	fc_stripped_release(&s);
}

static void test_metadata(void **state)
{
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "meta.html", NULL, &s);
	assert_shape(&s);
	/* Open Graph first, then JSON-LD (through @graph and an author array); a profile URL is no name. */
	assert_string_equal(s.meta.title, "Corbyn secures five times as many nominations");
	assert_string_equal(s.meta.author, "Jo Reporter");
	assert_string_equal(s.meta.published, "2016-08-15T18:30:00+01:00");
	assert_string_equal(s.meta.modified, "2016-08-16T09:00:00+01:00");
	assert_string_equal(s.meta.url, "https://paper.example/news/corbyn-nominations");
	assert_string_equal(s.meta.site, "The Paper");
	assert_string_equal(s.meta.lang, "en-GB");
	assert_string_equal(seg(&s, FC_SEG_TITLE, 0)->text, "Corbyn secures five times as many nominations");
	/* The headline is the title segment, not the body's first paragraph. */
	assert_true(strncmp(body(&s), "Jeremy Corbyn has secured", 25) == 0);
	fc_stripped_release(&s);
}

static void test_latin1(void **state)
{
	struct fc_stripped s;

	(void)state;
	strip_file(DIR "latin1.html", NULL, &s);
	assert_int_equal(s.replaced, 0);
	assert_string_equal(s.meta.title, "Caf\xC3\xA9 soci\xC3\xA9t\xC3\xA9");
	assert_non_null(strstr(body(&s), "The caf\xC3\xA9 on the corner"));
	/* windows-1252 quotes, and a no-break space read as a space. */
	assert_non_null(strstr(body(&s), "\xE2\x80\x9Cmore than ever\xE2\x80\x9D"));
	assert_non_null(strstr(body(&s), "5 per cent, to \xC2\xA3" "3.20"));
	fc_stripped_release(&s);
	/* The same bytes, told by the caller what they are. */
	strip_file(DIR "latin1.html", "ISO-8859-1", &s);
	assert_non_null(strstr(body(&s), "The caf\xC3\xA9 on the corner"));
	fc_stripped_release(&s);
}

static void test_invalid_utf8(void **state)
{
	struct fc_stripped s;
	size_t i;

	(void)state;
	strip_file(DIR "badutf8.html", NULL, &s);
	assert_int_equal(s.replaced, 3);
	for (i = 0; i < s.nseg; i++)
		assert_true(fc_utf8_valid(s.seg[i].text, s.seg[i].len));
	assert_non_null(strstr(body(&s), "the caf\xC3\xA9 on the square"));
	assert_non_null(strstr(body(&s), "\n\nTurnout was 64 per cent"));
	fc_stripped_release(&s);
}

static void test_broken_input(void **state)
{
	static const char *const pages[] = {
		"<", "<html>", "<p>Just a paragraph, unclosed",
		"<div><div><div><p>deep</div>", "\xEF\xBB\xBF<p>BOM first, then text.</p>",
		"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[[[[[[</script><p>x</p>",
		"<table><tr><td>a<td>b</table><ol class=commentlist><li class=comment>no author</li></ol>",
		"\xFF\xFE<\0p\0>\0h\0i\0",
	};
	struct fc_stripped s;
	struct fc_error err;
	size_t i, k;

	(void)state;
	fc_stripped_init(&s);
	assert_int_equal(fc_strip_html("", 0, NULL, &s, &err), FC_EDATA);
	fc_stripped_release(&s);
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		size_t len = i == 7 ? 12 : strlen(pages[i]);

		fc_stripped_init(&s);
		fc_strip_html(pages[i], len, NULL, &s, &err);
		for (k = 0; k < s.nseg; k++)
			assert_true(fc_utf8_valid(s.seg[k].text, s.seg[k].len));
		fc_stripped_release(&s);
	}
	/* Nesting far deeper than any page: no recursion to run out of. */
	{
		struct fc_buf b = FC_BUF_INIT;

		for (i = 0; i < 100000; i++)
			fc_buf_addstr(&b, "<div>");
		fc_buf_addstr(&b, "<p>Bottom of the well, with text enough to count as a paragraph.</p>");
		fc_stripped_init(&s);
		assert_int_equal(fc_strip_html(b.data, b.len, NULL, &s, &err), FC_OK);
		fc_stripped_release(&s);
		fc_buf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wordpress),
		cmocka_unit_test(test_disqus),
		cmocka_unit_test(test_itemprop_comment),
		cmocka_unit_test(test_generic_comment_blocks),
		cmocka_unit_test(test_says_pattern),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_broken_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
