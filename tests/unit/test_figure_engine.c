/* test_figure_engine.c - the engine's edges: broken rule files, match limits, the code budget, explain, bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "datadir.h"
#include "fig_internal.h"
#include "figure.h"
#include "rules.h"
#include "util.h"

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/rules/%s", tmpdir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void reset_dir(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -f %s/rules/*", tmpdir);
	assert_int_equal(system(cmd), 0);
	write_file("hedges.tsv", "(none)\t[x-0.5u\tx+0.5u)\nmore than\t(x\tinf)\n");
}

static int setup(void **state)
{
	char sub[96];

	(void)state;
	strcpy(tmpdir, "/tmp/fc-figtest-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(sub, sizeof(sub), "%s/rules", tmpdir);
	return mkdir(sub, 0700);
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Load tmpdir and expect failure with a message containing each of want[]. */
static void expect_error(const char *const *want)
{
	struct fc_engine *e = NULL;
	struct fc_error err;
	int rc = fc_engine_load(tmpdir, NULL, &e, &err);

	assert_int_equal(rc, FC_EDATA);
	assert_null(e);
	for (; *want; want++)
		if (!strstr(err.msg, *want))
			fail_msg("message '%s' lacks '%s'", err.msg, *want);
}

static void test_missing_pattern(void **state)
{
	static const char *const want[] = { "cannot load rules '", "x.rules': line 3: missing pattern", NULL };

	(void)state;
	reset_dir();
	write_file("x.rules", "# x\n\nrule a.b\n\tunit count\n");
	expect_error(want);
}

static void test_bad_lines(void **state)
{
	static const char *const unknown_key[] = { "y.rules': line 2: unknown key 'colour'", NULL };
	static const char *const bad_unit[] = { "y.rules': line 3: unknown unit 'apples'", NULL };
	static const char *const bad_re[] = { "y.rules': line 2: rule 'r': bad pattern", NULL };
	static const char *const bad_part[] = { "y.rules': line 2: unknown part '{NOPE}'", NULL };
	static const char *const bad_expect[] = { "y.rules': line 4: bad expect", NULL };
	static const char *const bad_group[] = { "unknown group name 'value'", NULL };
	static const char *const dup_rule[] = { "y.rules': line 3: rule 'r' already defined", NULL };
	static const char *const top[] = { "y.rules': line 1: expected 'rule ID'", NULL };

	(void)state;
	reset_dir();
	write_file("y.rules", "rule r\n\tcolour blue\n");
	expect_error(unknown_key);
	write_file("y.rules", "rule r\n\tmatch (?<num>[0-9]+)\n\tunit apples\n");
	expect_error(bad_unit);
	write_file("y.rules", "rule r\n\tmatch (?<num>[0-9]+\n");
	expect_error(bad_re);
	write_file("y.rules", "rule r\n\tmatch (?<num>{NOPE})\n");
	expect_error(bad_part);
	write_file("y.rules", "rule r\n\tmatch (?<num>[0-9]+)\n\texample 3 cats\n\texpect three cats\n");
	expect_error(bad_expect);
	write_file("y.rules", "rule r\n\tmatch (?<value>[0-9]+)\n");
	expect_error(bad_group);
	write_file("y.rules", "rule r\n\tmatch (?<num>[0-9]+)\nrule r\n\tmatch (?<num>[0-9]+)\n");
	expect_error(dup_rule);
	write_file("y.rules", "match (?<num>[0-9]+)\n");
	expect_error(top);
}

static void test_bad_hedges(void **state)
{
	static const char *const want[] = { "cannot load hedges '", "hedges.tsv': line 2: bad bound", NULL };

	(void)state;
	reset_dir();
	write_file("hedges.tsv", "(none)\t[x-0.5u\tx+0.5u)\nabout\tx-10%\tx+10%]\n");
	write_file("z.rules", "rule r\n\tmatch (?<num>[0-9]+)\n");
	expect_error(want);
}

/* Load the rules in tmpdir and scan text into l (initialised here); the engine, to free. */
static struct fc_engine *load_and_scan(const char *text, struct fc_figure_list *l, int *limited)
{
	struct fc_engine *e = NULL;
	struct fc_error err;

	if (fc_engine_load(tmpdir, NULL, &e, &err))
		fail_msg("%s", err.msg);
	fc_figure_list_init(l);
	assert_int_equal(fc_engine_scan(e, text, strlen(text), NULL, l, limited, &err), FC_OK);
	return e;
}

/* A rule that backtracks without end hits the match limit; the scan goes on. */
static void test_match_limit(void **state)
{
	/* the x at the end lets the evil rule try every way to split the digits */
	static const char text[] = "We have 5 cats and 11111111111111111111111111111111111111 y, then 7 dogs x.";
	struct fc_engine *e;
	struct fc_figure_list l;
	int limited = 0;

	(void)state;
	reset_dir();
	write_file("a.rules", "rule evil\n\tpriority 90\n\tmatch (?<num>(?:[0-9]+)+x)\n"
		   "rule count\n\tmatch (?<num>[0-9]+) (?:\\s+(?<noun>\\p{L}+))?\n");
	e = load_and_scan(text, &l, &limited);
	assert_true(limited);
	assert_true(l.n >= 2);
	assert_int_equal((int)l.v[0].value, 5);
	assert_int_equal((int)l.v[l.n - 1].value, 7);
	fc_figure_list_release(&l);
	fc_engine_free(e);
}

/*
 * A words part may join others ({NAME} entries): one alternation with
 * every word once, whatever the lists' order; a word ending in a sign
 * ("approx.") keeps its own end.  Joining an unknown or a non-words part,
 * or a list into itself, is an error at the list's line.
 */
static void test_words_join(void **state)
{
	static const char text[] = "5 mice, 7 dogs, 8 approx. 9 cats and 6 cows";
	static const char *const unknown[] = { "j.rules': line 2: words 'B': '{NOPE}' is no words part", NULL };
	static const char *const pattern[] = { "j.rules': line 2: words 'B': '{P}' is no words part", NULL };
	static const char *const self[] = { "j.rules': line 1: words part 'A' includes itself", NULL };
	struct fc_engine *e;
	struct fc_figure_list l;
	int limited = 0;

	(void)state;
	reset_dir();
	write_file("j.rules", "words A cats dogs approx.\nwords B {A} mice cats\n"
		   "rule r\n\tmatch (?<num>[0-9]+) \\s+ (?<noun>{B})\n");
	e = load_and_scan(text, &l, &limited);
	assert_int_equal((int)l.n, 4);
	assert_int_equal((int)l.v[0].value, 5);
	assert_int_equal((int)l.v[1].value, 7);
	assert_int_equal((int)l.v[2].value, 8);
	assert_int_equal((int)(l.v[2].noun_end - l.v[2].noun_start), 7);	/* "approx." */
	assert_int_equal((int)l.v[3].value, 9);
	fc_figure_list_release(&l);
	fc_engine_free(e);

	write_file("j.rules", "words A cats\nwords B {A} {NOPE}\nrule r\n\tmatch (?<num>[0-9]+) \\s+ {B}\n");
	expect_error(unknown);
	write_file("j.rules", "define P cats\nwords B {P}\nrule r\n\tmatch (?<num>[0-9]+) \\s+ {B}\n");
	expect_error(pattern);
	write_file("j.rules", "words A cats {B}\nwords B {A}\nrule r\n\tmatch (?<num>[0-9]+) \\s+ {B}\n");
	expect_error(self);
}

/*
 * A rule whose compiled code would pass the budget with its parts inlined
 * calls the part whose copies cost most (the word list, eight times over)
 * as a subroutine, keeps the rest inlined, and matches as before.
 */
static void test_code_budget(void **state)
{
	static const char text[] = "We saw 5 ba be bi bo bu ca ce ci here, and 6 ba be.";
	static const char vowels[] = "aeiou";
	struct fc_buf b = FC_BUF_INIT;
	struct fc_engine *e;
	struct fc_figure_list l;
	const struct rule *r = NULL;
	size_t i, size = 0;
	int limited = 0, c, v;

	(void)state;
	reset_dir();
	fc_buf_addstr(&b, "words W");
	for (c = 'b'; c <= 'z'; c++)
		for (v = 0; v < 5; v++)
			fc_buf_printf(&b, " %c%c %c%cn %c%crow", c, vowels[v], c, vowels[v], c, vowels[v]);
	fc_buf_addstr(&b, "\ndefine TWO {W} \\s+ {W}\n"
			  "define EIGHT {TWO} \\s+ {TWO} \\s+ {TWO} \\s+ {TWO}\n"
			  "rule big\n\tmatch (?<num>[0-9]+) \\s+ (?<noun>{EIGHT})\n");
	write_file("b.rules", b.data);
	fc_buf_release(&b);
	e = load_and_scan(text, &l, &limited);
	assert_int_equal((int)l.n, 1);
	assert_int_equal((int)l.v[0].value, 5);
	assert_int_equal((int)(l.v[0].noun_end - l.v[0].noun_start), (int)strlen("ba be bi bo bu ca ce ci"));
	for (i = 0; i < e->nrules; i++)
		if (strcmp(e->rules[i].id, "big") == 0)
			r = &e->rules[i];
	assert_non_null(r);
	assert_non_null(strstr(r->pattern, "(?&W)"));
	assert_null(strstr(r->pattern, "(?&TWO)"));
	assert_int_equal(pcre2_pattern_info(r->code, PCRE2_INFO_SIZE, &size), 0);
	assert_true(size <= 16 * 1024);
	fc_figure_list_release(&l);
	fc_engine_free(e);
}

/*
 * needs is a filter that must lose nothing: on random text of words,
 * digits, signs and wider characters, rules whose match needs "kiwi",
 * "£" or "77" near the number give the same figures with and without
 * their needs lines (the text's tokens are cut eight bytes at a time).
 */
static void test_needs_lose_nothing(void **state)
{
	static const char *const vocab[] = {
		"kiwi", "kiwis", "Kiwi", "skiwi", "12", "7", "77", "777", "£", "£5", "½", "日本", "é",
		"café", "-", ",", ".", "(", "x", "of", "the", "numbers", "kiwi-fruit", "\t", "—",
	};
	static const char rules[] =
		"rule k\n%s\tmatch (?<num>[0-9]+) (?= [^\\n]{0,40}? \\b kiwi \\b )\n"
		"rule p\n%s\tmatch (?<num>[0-9]+) (?= [^\\n]{0,30}? £ )\n"
		"rule s\n%s\tmatch (?<![0-9]) 77 (?![0-9]) [^\\n]{0,20}? (?<num>[0-9]+)\n";
	char text[2048], buf[1024];
	struct fc_engine *with, *without;
	struct fc_figure_list a, b;
	struct fc_error err;
	uint64_t x = 0x9E3779B97F4A7C15ull;
	size_t n, i, w;
	int t, la, lb;

	(void)state;
	reset_dir();
	snprintf(buf, sizeof(buf), rules, "\tneeds kiwi\n", "\tneeds £\n", "\tneeds 77\n");
	write_file("n.rules", buf);
	if (fc_engine_load(tmpdir, NULL, &with, &err))
		fail_msg("%s", err.msg);
	snprintf(buf, sizeof(buf), rules, "", "", "");
	write_file("n.rules", buf);
	if (fc_engine_load(tmpdir, NULL, &without, &err))
		fail_msg("%s", err.msg);
	for (t = 0; t < 3000; t++) {
		n = 0;
		for (w = 0; w < 60 && n < sizeof(text) - 32; w++) {
			const char *v;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			v = vocab[x % (sizeof(vocab) / sizeof(vocab[0]))];
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s", v, (x >> 20) % 3 ? " " : "");
		}
		fc_figure_list_init(&a);
		fc_figure_list_init(&b);
		assert_int_equal(fc_engine_scan(with, text, n, NULL, &a, &la, &err), FC_OK);
		assert_int_equal(fc_engine_scan(without, text, n, NULL, &b, &lb, &err), FC_OK);
		if (a.n != b.n)
			fail_msg("%zu figures with needs, %zu without, in '%s'", a.n, b.n, text);
		for (i = 0; i < a.n; i++)
			if (a.v[i].start != b.v[i].start || a.v[i].end != b.v[i].end)
				fail_msg("figure %zu differs in '%s'", i, text);
		fc_figure_list_release(&a);
		fc_figure_list_release(&b);
	}
	fc_engine_free(with);
	fc_engine_free(without);
}

static struct fc_engine *tree_engine(void)
{
	struct fc_engine *e = NULL;
	struct fc_error err;
	const char *d = getenv("FIGCHECK_DATADIR");

	if (fc_engine_load(d && *d ? d : "extractors", NULL, &e, &err))
		fail_msg("%s", err.msg);
	return e;
}

/*
 * The qualifier search visits only the places a qualifier can start (word
 * starts, the bytes and prefixes partial matching allows): on random text
 * of qualifier words, numbers, punctuation and wider characters it must
 * find what trying the anchored pattern at every byte finds.
 */
static void test_qualifier_search_lose_nothing(void **state)
{
	static const char *const vocab[] = {
		"so", "far", "So", "FAR", "as", "of", "last", "night", "this", "year", "year's",
		"year\u2019s", "in", "the", "during", "2015", "1999", "20150", "285", "53", "7am",
		"final", "count", "still", "climbing", "and", "counting", "at", "latest", "when",
		"nominations", "closed", "provisional", "to", "date", "people", "(", ")", ",", ".",
		"\u2014", "'", "-", "_", "\u00a0", "\u00e9", "\u65e5\u672c", "\n", "votes", "next",
	};
	struct fc_engine *fast = tree_engine(), *slow = tree_engine();
	struct fc_figure_list a, b;
	struct fc_error err;
	char text[2048];
	uint64_t x = 0x2545F4914F6CDD1Dull;
	size_t n, i, w, checked = 0;
	int t, la, lb;

	(void)state;
	/* every shortcut off: the anchored pattern is tried at every byte */
	slow->qual_at_words = 0;
	slow->qual_word_starts = 0;
	free(slow->qual_char);
	slow->qual_char = NULL;
	memset(slow->qual_start, 1, sizeof(slow->qual_start));
	assert_true(fast->qual_word_starts);
	for (t = 0; t < 3000; t++) {
		n = 0;
		for (w = 0; w < 40 && n < sizeof(text) - 32; w++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s",
					      vocab[x % (sizeof(vocab) / sizeof(vocab[0]))],
					      (x >> 20) % 4 ? " " : "");
		}
		fc_figure_list_init(&a);
		fc_figure_list_init(&b);
		assert_int_equal(fc_engine_scan(fast, text, n, "2016-09-21", &a, &la, &err), FC_OK);
		assert_int_equal(fc_engine_scan(slow, text, n, "2016-09-21", &b, &lb, &err), FC_OK);
		if (a.n != b.n)
			fail_msg("%zu figures with the shortcuts, %zu without, in '%s'", a.n, b.n, text);
		for (i = 0; i < a.n; i++) {
			if (a.v[i].qualifier != b.v[i].qualifier || a.v[i].qual_start != b.v[i].qual_start ||
			    a.v[i].qual_end != b.v[i].qual_end || strcmp(a.v[i].period, b.v[i].period) != 0)
				fail_msg("figure %zu's qualifier differs in '%s'", i, text);
			checked += a.v[i].qual_end > a.v[i].qual_start;
		}
		fc_figure_list_release(&a);
		fc_figure_list_release(&b);
	}
	/* the texts did give qualifiers to compare */
	assert_true(checked > 1000);
	fc_engine_free(fast);
	fc_engine_free(slow);
}

/*
 * A qualifier that begins with a sign ("(provisional)" right after a
 * number) keeps the search at every place \b holds, not only at word
 * starts; one that begins with a word does not.
 */
static void test_qualifier_sign_start(void **state)
{
	static const char text[] = "Turnout was 285(provisional) and 300 so far.";
	struct fc_engine *e;
	struct fc_figure_list l;
	int limited = 0;

	(void)state;
	reset_dir();
	write_file("a.rules", "rule count\n\tmatch (?<num>[0-9]+)\n"
		   "rule q.sign\n\tqualifier interim\n\tmatch \\b \\( provisional \\)\n");
	e = load_and_scan(text, &l, &limited);
	assert_false(e->qual_word_starts);
	assert_int_equal((int)l.n, 2);
	assert_int_equal(l.v[0].qualifier, FC_QUAL_INTERIM);
	assert_int_equal((int)l.v[0].qual_start, 15);
	fc_figure_list_release(&l);
	fc_engine_free(e);
	write_file("a.rules", "rule count\n\tmatch (?<num>[0-9]+)\n"
		   "rule q.word\n\tqualifier interim\n\tmatch \\b so \\s+ far \\b\n");
	e = load_and_scan(text, &l, &limited);
	assert_true(e->qual_word_starts);
	assert_int_equal((int)l.n, 2);
	assert_int_equal(l.v[1].qualifier, FC_QUAL_INTERIM);
	fc_figure_list_release(&l);
	fc_engine_free(e);
}

static void test_explain(void **state)
{
	static const char text[] = "On 19 July 2016, just under 300 local parties backed him.";
	struct fc_engine *e = tree_engine();
	struct fc_explain x;
	struct fc_error err;
	struct fc_buf out = FC_BUF_INIT;
	size_t i;
	int saw_ignore = 0, saw_num = 0;

	(void)state;
	fc_explain_init(&x);
	assert_int_equal(fc_engine_explain(e, text, strlen(text), NULL, &x, &err), FC_OK);
	assert_int_equal(x.figures.n, 1);
	for (i = 0; i < x.n; i++) {
		size_t g;

		if (strcmp(x.v[i].kind, "ignore") == 0)
			saw_ignore = 1;
		for (g = 0; g < x.v[i].ngroups; g++)
			if (strcmp(x.v[i].groups[g].name, "num") == 0 && x.v[i].figure == 0)
				saw_num = 1;
	}
	assert_true(saw_ignore);
	assert_true(saw_num);
	fc_explain_format(&x, text, &out);
	assert_non_null(strstr(out.data, "ignore rule ignore.date.day-month"));
	assert_non_null(strstr(out.data, "\"hedge\":\"just under\""));
	fc_buf_release(&out);
	fc_explain_release(&x);
	fc_engine_free(e);
}

/* Invalid UTF-8 is not fatal: offsets stay those of the input. */
static void test_bad_utf8(void **state)
{
	static const char text[] = "\xff\xfe 42 members \xc3";
	struct fc_engine *e = tree_engine();
	struct fc_figure_list l;
	struct fc_error err;

	(void)state;
	fc_figure_list_init(&l);
	assert_int_equal(fc_engine_scan(e, text, sizeof(text) - 1, NULL, &l, NULL, &err), FC_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].start, 3);
	assert_int_equal(l.v[0].end, 5);
	fc_figure_list_release(&l);
	fc_engine_free(e);
}

static void test_datadir_env(void **state)
{
	(void)state;
	setenv("FIGCHECK_DATADIR", "/some/where", 1);
	assert_string_equal(fc_datadir(), "/some/where");
	unsetenv("FIGCHECK_DATADIR");
	assert_non_null(fc_datadir());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_pattern),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_bad_hedges),
		cmocka_unit_test(test_match_limit),
		cmocka_unit_test(test_words_join),
		cmocka_unit_test(test_code_budget),
		cmocka_unit_test(test_needs_lose_nothing),
		cmocka_unit_test(test_qualifier_search_lose_nothing),
		cmocka_unit_test(test_qualifier_sign_start),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_datadir_env),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
