/* figure.c - the figure scanner: cheap candidate search, anchored rule matching, bounds, qualifiers and periods. */
#include "fig_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many words before a number a rule may start ("by a ratio of almost 7 to 1"). */
#define BACK_TOKENS 6
/* How far (bytes) a period phrase may stand from the figure it dates. */
#define PERIOD_GAP 40
/* How far a sentence-wide qualifier ("so far") reaches: long sentences hold unrelated figures. */
#define QUAL_GAP 160
/* Closer than this, a qualifier reaches across a comma or bracket ("271 so far (and still climbing)"). */
#define QUAL_NEAR 24

void fc_figure_list_init(struct fc_figure_list *l)
{
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}

void fc_figure_list_release(struct fc_figure_list *l)
{
	free(l->v);
	fc_figure_list_init(l);
}

static struct fc_figure *list_add(struct fc_figure_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = fc_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	memset(&l->v[l->n], 0, sizeof(l->v[0]));
	return &l->v[l->n++];
}

/* ---- candidates ----------------------------------------------------------- */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Words that start or are a number.  Ordinary words such as "a", "one
 * of", "score" are left to the rules: only these make a position worth
 * matching at.  Each is looked up by its letters packed five bits each
 * (a=1 .. z=26; at most 12 letters), in the engine's anchor_word table.
 */
static const char *const number_words[] = {
	"couple", "dozen", "dozens", "double", "doubled", "doubling",
	"eight", "eighteen", "eighty", "eleven", "eighth", "eighths", "eleventh", "eighteenth",
	"eightieth",
	"four", "five", "fourteen", "fifteen", "forty", "fifty", "fourth", "fourths", "fifth",
	"fifths", "first", "fourteenth", "fifteenth", "fortieth", "fiftieth", "fourty",
	"hundred", "hundreds", "half", "halves", "halved", "halving", "hundredth", "hundredths",
	"million", "millions", "millionth", "minus", "billion", "billions",
	"nine", "nineteen", "ninety", "ninth", "ninths", "nought", "naught", "nineteenth",
	"ninetieth", "negative",
	"one", "quarter", "quarters", "quadruple", "quadrupled",
	"six", "seven", "sixteen", "seventeen", "sixty", "seventy", "sixth", "sixths", "seventh",
	"sevenths", "second", "sixteenth", "seventeenth", "sixtieth", "seventieth",
	"two", "three", "ten", "twelve", "thirteen", "twenty", "thirty", "thousand", "thousands",
	"trillion", "trillions", "third", "thirds", "tenth", "tenths", "twelfth", "thirteenth",
	"twentieth", "thirtieth", "twice", "triple", "tripled", "treble", "trebled", "tens",
	"thousandth", "thousandths",
	"zero",
};

/* Other words a number may hold: scales, abbreviations, ordinal endings, joining words. */
static const char *const number_parts[] = {
	"a", "an", "and", "of", "point", "nil", "plus", "lakh", "lakhs", "crore", "crores",
	"k", "m", "b", "g", "bn", "mn", "tn", "trn", "bln", "mln", "tln", "mil", "mm",
	"dz", "dzs", "doz", "dozs", "st", "nd", "rd", "th", "fold",
	"twelfths", "twentieths", "thirtieths", "millionths",
};

#define WORD_KEY_FOLD ((((uint64_t)6 * 32 + 15) * 32 + 12) * 32 + 4)	/* "fold" */

static size_t word_key_slot(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (ANCHOR_WORD_SLOTS - 1);
}

static void word_table_add(uint64_t *table, const char *w)
{
	uint64_t key;
	size_t slot;

	for (key = 0; *w; w++)
		key = key * 32 + (uint64_t)(*w - 'a' + 1);
	for (slot = word_key_slot(key); table[slot]; slot = (slot + 1) & (ANCHOR_WORD_SLOTS - 1))
		;
	table[slot] = key;
}

static int word_table_has(const uint64_t *table, uint64_t key)
{
	size_t slot;

	for (slot = word_key_slot(key); table[slot]; slot = (slot + 1) & (ANCHOR_WORD_SLOTS - 1))
		if (table[slot] == key)
			return 1;
	return 0;
}

void fc_anchor_words_init(struct fc_engine *e)
{
	size_t i;

	memset(e->anchor_word, 0, sizeof(e->anchor_word));
	memset(e->number_part, 0, sizeof(e->number_part));
	for (i = 0; i < sizeof(number_words) / sizeof(number_words[0]); i++) {
		word_table_add(e->anchor_word, number_words[i]);
		word_table_add(e->number_part, number_words[i]);
	}
	for (i = 0; i < sizeof(number_parts) / sizeof(number_parts[0]); i++)
		word_table_add(e->number_part, number_parts[i]);
}

/*
 * Is the word of n letters (3-12) packed in key a number word, or one
 * glued to "fold" ("threefold", "tenfold")?
 */
static int number_word(const struct fc_engine *e, uint64_t key, size_t n)
{
	if (n < 3 || n > 12)
		return 0;
	if (word_table_has(e->anchor_word, key))
		return 1;
	if (n > 6 && (key & ((1u << 20) - 1)) == WORD_KEY_FOLD)
		return number_word(e, key >> 20, n - 4);
	return 0;
}

/* Letters that can begin a number word: the cheap first test. */
static const unsigned char word_initial[256] = {
	['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['h'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['q'] = 1, ['s'] = 1, ['t'] = 1, ['z'] = 1,
	['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['H'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['Q'] = 1, ['S'] = 1, ['T'] = 1, ['Z'] = 1,
};

/*
 * Next position >= from where a number begins: a digit, a vulgar fraction
 * or a number word.  Returns len if none.  This loop is what most text
 * costs, so it looks at each byte once and at whole words only when their
 * first letter could start a number word.
 */
static size_t next_anchor(const struct fc_engine *e, const char *text, size_t len, size_t from)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = from, k;
	uint64_t key;

	while (i < len) {
		unsigned c = u[i];

		if (c >= '0' && c <= '9')
			return i;
		if (word_initial[c] && (i == 0 || !is_alpha(u[i - 1]))) {
			key = 0;
			for (k = 0; i + k < len && is_alpha(u[i + k]); k++)
				if (k < 12)
					key = key * 32 + (uint64_t)(lower(u[i + k]) - 'a' + 1);
			if (number_word(e, key, k))
				return i;
			i += k ? k : 1;
			continue;
		}
		if (c == 0xC2 && i + 1 < len && u[i + 1] >= 0xBC && u[i + 1] <= 0xBE)
			return i;
		if (c == 0xE2 && i + 2 < len && u[i + 1] == 0x85 && u[i + 2] >= 0x90 && u[i + 2] <= 0x9E)
			return i;
		i++;
	}
	return len;
}

/* End of the anchor's own token: digits and separators, or letters. */
static size_t anchor_end(const char *text, size_t len, size_t p)
{
	const unsigned char *u = (const unsigned char *)text;

	if (u[p] >= '0' && u[p] <= '9') {
		while (p < len && ((u[p] >= '0' && u[p] <= '9') || u[p] == ',' || u[p] == '.'))
			p++;
		return p;
	}
	if (is_alpha(u[p])) {
		while (p < len && is_alpha(u[p]))
			p++;
		return p;
	}
	return p + (u[p] == 0xC2 ? 2 : 3);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Opening punctuation a rule never starts with: skip it to reach the word. */
static size_t skip_opening(const char *t, size_t i, size_t end)
{
	const unsigned char *u = (const unsigned char *)t;

	for (;;) {
		if (i < end && (u[i] == '(' || u[i] == '[' || u[i] == '"' || u[i] == '\'')) {
			i++;
			continue;
		}
		/* ‘ ’ “ ” */
		if (i + 2 < end && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] >= 0x98 && u[i + 2] <= 0x9D) {
			i += 3;
			continue;
		}
		return i;
	}
}

/*
 * The figure rules that can start with the word t[0..n), as a rule set.
 * Partial matching of "word " tells: no match at all means no text after
 * the word can make one.  The answer is cached per word, so each distinct
 * word costs one probe per rule that may start with its first byte; words
 * too long for the cache, or met when it is full, may start any rule.
 */
static const uint64_t *starter_rules(struct fc_engine *e, const char *t, size_t n)
{
	char key[STARTER_KEY + 1];
	size_t i, h = 5381, slot;
	const uint64_t *first;
	uint64_t *m;
	int rc;

	if (n >= STARTER_KEY)
		return e->all_mask;
	for (i = 0; i < n; i++) {
		key[i] = (char)lower((unsigned char)t[i]);
		h = h * 33 + (unsigned char)key[i];
	}
	key[n] = '\0';
	for (slot = h % STARTER_SLOTS;; slot = (slot + 1) % STARTER_SLOTS) {
		struct starter *sl = &e->starters[slot];

		if (!sl->key[0])
			break;
		if (strcmp(sl->key, key) == 0)
			return e->starter_mask + slot * e->mw;
	}
	/* a full table only stops learning; it never forgets */
	if (e->nstarters >= STARTER_SLOTS * 3 / 4)
		return e->all_mask;
	m = e->starter_mask + slot * e->mw;
	first = e->byte_mask + (unsigned char)t[0] * e->mw;
	key[n] = ' ';
	for (i = 0; i < e->nfig; i++) {
		if (!(first[i / 64] >> (i % 64) & 1))
			continue;
		/* what stands before the word is not in the probe */
		if (e->rules[e->fig_rule[i]].behind) {
			m[i / 64] |= (uint64_t)1 << (i % 64);
			continue;
		}
		rc = pcre2_match(e->rules[e->fig_rule[i]].code, (PCRE2_SPTR)key, n + 1, 0,
				 PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD, e->md, e->mctx);
		if (rc != PCRE2_ERROR_NOMATCH)
			m[i / 64] |= (uint64_t)1 << (i % 64);
	}
	key[n] = '\0';
	memcpy(e->starters[slot].key, key, n + 1);
	e->nstarters++;
	return m;
}

/* A word a cached answer can be kept for: letters, apostrophes, dots, hyphens, valid UTF-8. */
static int plain_word(const char *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (!(is_alpha(c) || c == '\'' || c == '-' || c == '.' || c == ','))
			return 0;
	}
	return n > 0;
}

/*
 * Add start a with the rules that may match there: those that can start
 * with its byte and, when a whole word followed by a space begins there,
 * those that can start with that word.  A start no rule fits is dropped.
 */
static void add_start(struct fc_engine *e, const char *t, size_t a, size_t end,
		      size_t *st, const uint64_t **sets, size_t *out)
{
	const unsigned char *u = (const unsigned char *)t;
	const uint64_t *set = e->byte_mask + u[a] * e->mw, *w;
	size_t b, j, any = 0;

	if (!e->start_map[u[a]])
		return;
	for (b = a; b < end && !is_space(u[b]); b++)
		;
	if (b < end && plain_word(t + a, b - a)) {
		w = starter_rules(e, t + a, b - a);
		for (j = 0; j < e->mw; j++)
			any |= (w[j] & set[j]) != 0;
		if (!any)
			return;
		set = w;
	}
	sets[*out] = set;
	st[(*out)++] = a;
}

/*
 * Start positions worth trying for the number at p: the starts of up to
 * BACK_TOKENS words before it (hedges, "between", "by a ratio of", "£"),
 * its own token's start and p itself, ascending, none before floor.  Each
 * comes with the set of rules that may match there (sets[k]).
 */
static size_t start_points(struct fc_engine *e, const char *t, size_t floor,
			   size_t p, size_t end, size_t *st, const uint64_t **sets)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t tmp[BACK_TOKENS + 2], n = 0, i = p, a, k, out = 0;

	/* own token */
	while (i > floor && !is_space(u[i - 1]))
		i--;
	if (i < p)
		tmp[n++] = i;
	while (n < BACK_TOKENS + 1 && i > floor) {
		while (i > floor && is_space(u[i - 1]))
			i--;
		if (i == floor || u[i] == '\n' || (i < p && u[i] == '\n'))
			break;
		a = i;
		while (a > floor && !is_space(u[a - 1]))
			a--;
		tmp[n++] = a;
		i = a;
	}
	/* ascending, p last */
	for (k = n; k-- > 0;) {
		a = skip_opening(t, tmp[k], p);
		if (a > p || (out && st[out - 1] >= a))
			continue;
		add_start(e, t, a, end, st, sets, &out);
	}
	/* "x>10": a comparison sign glued before the number */
	a = p;
	while (a > floor && strchr("<>=~", t[a - 1]) && t[a - 1])
		a--;
	if (a < p && (out == 0 || st[out - 1] < a)) {
		sets[out] = e->byte_mask + u[a] * e->mw;
		st[out++] = a;
	}
	if (out == 0 || st[out - 1] < p)
		add_start(e, t, p, end, st, sets, &out);
	return out;
}

/* ---- building a figure --------------------------------------------------------- */

struct span {
	size_t s, e;
	int set;
};

/*
 * Group numbers are those of the combined pattern; a match of the rule on
 * its own (the fallback) numbers them from 1, which rebase undoes.
 */
static struct span group(const struct rule *r, const PCRE2_SIZE *ov, uint32_t count,
			 uint32_t rebase, int g)
{
	struct span sp = { 0, 0, 0 };
	uint32_t nums[2] = { r->group[g], r->dup[g] };
	int i;

	for (i = 0; i < 2; i++) {
		uint32_t k = nums[i] ? nums[i] - rebase : 0;

		if (k && k < count && ov[2 * k] != PCRE2_UNSET) {
			sp.s = ov[2 * k];
			sp.e = ov[2 * k + 1];
			sp.set = 1;
			return sp;
		}
	}
	return sp;
}

/* Powers of ten a double holds exactly. */
static const double pow10_exact[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };

/*
 * The number of decimals (0-6) with which v is written exactly as m/10^d,
 * m an integer below 10^12 in magnitude, the double nearest that decimal
 * being v itself; -1 if there is none.  Such a v is what both "%.12g" and
 * the shortest "%.*g" print as the plain decimal, so callers can skip them.
 */
static int short_decimal(double v, double *m)
{
	int d;

	if (!(fabs(v) < 1e12) || (v != 0 && fabs(v) < 1e-3))
		return -1;
	for (d = 0; d < (int)(sizeof(pow10_exact) / sizeof(pow10_exact[0])); d++) {
		double k = nearbyint(v * pow10_exact[d]);

		if (fabs(k) < 1e12 && k / pow10_exact[d] == v) {
			*m = k;
			return d;
		}
	}
	return -1;
}

/* Drop floating-point noise ("1.2 million" is 1200000, not 1199999.9999999998). */
static double tidy(double v)
{
	char buf[40];
	double m;

	if (!isfinite(v) || v == 0)
		return v;
	/* a decimal of at most 12 digits prints and reads back as itself */
	if (short_decimal(v, &m) >= 0)
		return v;
	snprintf(buf, sizeof(buf), "%.12g", v);
	return strtod(buf, NULL);
}

static void copy_hedge(struct fc_figure *f, const char *s, size_t n)
{
	size_t i, k = 0;
	int sp = 0;

	for (i = 0; i < n && k < sizeof(f->hedge) - 1; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_space(c)) {
			sp = k > 0;
			continue;
		}
		if (sp && k < sizeof(f->hedge) - 2)
			f->hedge[k++] = ' ';
		sp = 0;
		f->hedge[k++] = (char)lower(c);
	}
	f->hedge[k] = '\0';
}

static void apply_policy(const struct fc_engine *e, const struct hedge *h, double x,
			 double u, double s, double *lo, double *hi, unsigned char *lo_open,
			 unsigned char *hi_open)
{
	const struct hedge *p = h ? h : &e->plain;

	/* An exact word ("half", "doubled") under a hedge: "almost" still needs room below. */
	if (h && u == 0 && s == 0)
		u = s = fabs(x) * 0.1;

	*lo = tidy(fc_bound_eval(&p->lo, x, u, s));
	*hi = tidy(fc_bound_eval(&p->hi, x, u, s));
	*lo_open = (unsigned char)p->lo.open;
	*hi_open = (unsigned char)p->hi.open;
	if (*lo > *hi) {
		double t = *lo;

		*lo = *hi;
		*hi = t;
	}
	/* "less than 50%", "fewer than 300": what is counted or shared is never below zero */
	if (isinf(*lo) && *lo < 0 && x >= 0) {
		*lo = 0;
		*lo_open = 0;
	}
	if (*lo == *hi)
		*lo_open = *hi_open = 0;
}

static int parse_span(const char *text, struct span sp, struct fc_number *n)
{
	if (!sp.set || sp.e <= sp.s)
		return -1;
	return fc_number_parse(text + sp.s, sp.e - sp.s, n);
}

/* Words that end a figure's own text when its noun was split off ("4 per cent of"). */
static size_t trim_tail(const char *t, size_t s, size_t e)
{
	static const char *const tails[] = { "of", "the", "a", "an", NULL };
	size_t a, k;
	int again = 1;

	while (again) {
		again = 0;
		while (e > s && (is_space((unsigned char)t[e - 1]) || t[e - 1] == ','))
			e--;
		a = e;
		while (a > s && is_alpha((unsigned char)t[a - 1]))
			a--;
		if (a == e || a == s || !is_space((unsigned char)t[a - 1]))
			break;
		for (k = 0; tails[k]; k++)
			if (strlen(tails[k]) == e - a && fc_strncasecmp(tails[k], t + a, e - a) == 0) {
				e = a;
				again = 1;
				break;
			}
	}
	return e;
}

/*
 * Turn one match of rule r into a figure.  Returns 0, or -1 if what the
 * rule captured is not a number after all (the caller tries elsewhere).
 */
static int make_figure(const struct fc_engine *e, const struct rule *r, const char *text,
		       const PCRE2_SIZE *ov, uint32_t count, uint32_t rb, struct fc_figure *f)
{
	struct span num = group(r, ov, count, rb, G_NUM), lo = group(r, ov, count, rb, G_LO),
		    hi = group(r, ov, count, rb, G_HI), a = group(r, ov, count, rb, G_A),
		    b = group(r, ov, count, rb, G_B), hedge = group(r, ov, count, rb, G_HEDGE),
		    noun = group(r, ov, count, rb, G_NOUN), cur = group(r, ov, count, rb, G_CUR),
		    fig = group(r, ov, count, rb, G_FIG), neg = group(r, ov, count, rb, G_NEG),
		    lh = group(r, ov, count, rb, G_LOHEDGE), hh = group(r, ov, count, rb, G_HIHEDGE);
	struct fc_number n, n2;
	const struct hedge *h = NULL;
	double x, u, s;
	const char *code;

	memset(f, 0, sizeof(*f));
	f->unit = r->unit;
	f->rule = r->id;
	if (hedge.set) {
		struct span later = hedge;
		uint32_t k = r->dup[G_HEDGE] ? r->dup[G_HEDGE] - rb : 0;

		/* "about five hundred or more": the hedge after the number sets the bounds */
		if (k && k < count && ov[2 * k] != PCRE2_UNSET && ov[2 * k] > hedge.s) {
			later.s = ov[2 * k];
			later.e = ov[2 * k + 1];
		}
		copy_hedge(f, text + later.s, later.e - later.s);
		h = fc_hedge_find(e, text + later.s, later.e - later.s);
	}
	if (lo.set && hi.set) {
		const struct hedge *hl = NULL, *hr = NULL;
		double l1, h1, l2, h2;
		unsigned char o1, c1, o2, c2;

		if (parse_span(text, lo, &n) || parse_span(text, hi, &n2))
			return -1;
		if (neg.set)
			n.value = -n.value;
		/* "7-15%": a bare first number takes its scale from the second ("5-20k" is rare; "1.2-1.5 million" common) */
		if (n2.value >= 1000 && n.value < n2.value / 1000 && n.value < 1000 &&
		    (n2.quantum >= 1000)) {
			double scale = 1;

			while (scale * 1000 <= n2.value && n.value * scale * 1000 <= n2.value)
				scale *= 1000;
			n.value *= scale;
		}
		if (lh.set)
			hl = fc_hedge_find(e, text + lh.s, lh.e - lh.s);
		if (hh.set)
			hr = fc_hedge_find(e, text + hh.s, hh.e - hh.s);
		if (lh.set || hh.set) {
			/* each end under its own hedge: the figure is what both allow */
			if (lh.set && !hedge.set)
				copy_hedge(f, text + lh.s, lh.e - lh.s);
			if (hl)
				apply_policy(e, hl, n.value, n.quantum, n.sig, &l1, &h1, &o1, &c1);
			else
				l1 = h1 = tidy(n.value), o1 = c1 = 0;
			if (hr)
				apply_policy(e, hr, n2.value, n2.quantum, n2.sig, &l2, &h2, &o2, &c2);
			else
				l2 = h2 = tidy(n2.value), o2 = c2 = 0;
			f->low = l1 > l2 ? l1 : l2;
			f->low_open = l1 > l2 ? o1 : l2 > l1 ? o2 : (o1 || o2);
			f->high = h1 < h2 ? h1 : h2;
			f->high_open = h1 < h2 ? c1 : h2 < h1 ? c2 : (c1 || c2);
			if (f->low > f->high || !isfinite(f->low) || !isfinite(f->high))
				return -1;	/* bounds that cannot both hold are two figures */
		} else {
			/* a stated range: its ends as written */
			f->low = tidy(n.value);
			f->high = tidy(n2.value);
			f->low_open = f->high_open = 0;
		}
		if (f->low > f->high) {
			double t = f->low;

			f->low = f->high;
			f->high = t;
		}
		f->value = isfinite(f->low) && isfinite(f->high) ? tidy((f->low + f->high) / 2) :
			   isfinite(f->low) ? f->low : f->high;
		goto rest;
	}
	if (r->has_value) {
		x = r->value;
		u = s = 0;
		if (num.set && !parse_span(text, num, &n))
			x = n.value;
	} else if (a.set && b.set) {
		if (parse_span(text, a, &n) || parse_span(text, b, &n2) || n2.value == 0)
			return -1;
		f->a = tidy(n.value);
		f->b = tidy(n2.value);
		if (r->unit == FC_UNIT_FRACTION && (n.value > n2.value || n.value < 0))
			return -1;	/* "12 out of 10" is no share */
		x = n.value / n2.value;
		u = n.quantum / n2.value;
		s = n.sig / n2.value;
		if (n2.value != 1)
			u = s = 0;	/* "3:2" is exact; only "N to 1" is rounded like N */
	} else {
		if (parse_span(text, num, &n))
			return -1;
		x = n.value;
		u = n.quantum;
		s = n.sig;
		if (n.lower_only) {
			f->value = tidy(x);
			f->low = tidy(x);
			f->high = INFINITY;
			f->high_open = 1;
			goto rest;
		}
	}
	if (neg.set)
		x = -x;
	if (r->unit == FC_UNIT_RANK || r->unit == FC_UNIT_ODDS)
		u = s = 0;	/* positions and quoted odds are exact */
	f->value = tidy(x);
	apply_policy(e, h, x, u, s, &f->low, &f->high, &f->low_open, &f->high_open);
rest:
	if (cur.set && (code = fc_currency_code(text + cur.s, cur.e - cur.s)))
		memcpy(f->currency, code, 4);
	else if (r->currency[0])
		memcpy(f->currency, r->currency, 4);
	if (group(r, ov, count, rb, G_BOTTOM).set)
		f->rank_from_bottom = 1;
	if (fig.set) {
		f->start = fig.s;
		f->end = fig.e;
	} else {
		f->start = ov[0];
		f->end = ov[1];
	}
	if (noun.set && noun.e > noun.s) {
		f->noun_start = noun.s;
		f->noun_end = noun.e;
		if (!fig.set && noun.s >= f->start && noun.s <= f->end)
			f->end = trim_tail(text, f->start, noun.s);
	} else {
		f->noun_start = f->noun_end = f->end;
	}
	while (f->end > f->start && is_space((unsigned char)text[f->end - 1]))
		f->end--;
	if (!noun.set || noun.e <= noun.s)
		f->noun_start = f->noun_end = f->end;
	return 0;
}

/* ---- explain records -------------------------------------------------------------- */

static const char *kind_name(enum rule_kind k)
{
	switch (k) {
	case RK_IGNORE: return "ignore";
	case RK_QUALIFIER: return "qualifier";
	case RK_PERIOD: return "period";
	default: return "figure";
	}
}

static void add_hit(struct fc_explain *x, const struct rule *r, const PCRE2_SIZE *ov,
		    uint32_t count, uint32_t rb, long figure)
{
	struct fc_explain_hit *h;
	int g;

	if (!x)
		return;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->v = fc_xrealloc(x->v, x->cap * sizeof(*x->v));
	}
	h = &x->v[x->n++];
	memset(h, 0, sizeof(*h));
	h->rule = r->id;
	h->file = r->file;
	h->line = r->line;
	h->kind = kind_name(r->kind);
	h->start = ov[0];
	h->end = ov[1];
	h->figure = figure;
	for (g = 0; g < G_NGROUPS && h->ngroups < FC_EXPLAIN_GROUPS; g++) {
		struct span sp = group(r, ov, count, rb, g);

		if (sp.set) {
			h->groups[h->ngroups].name = fc_group_names[g];
			h->groups[h->ngroups].start = sp.s;
			h->groups[h->ngroups].end = sp.e;
			h->ngroups++;
		}
	}
}

/* ---- qualifiers and periods ----------------------------------------------------------- */

static int sentence_end_at(const char *t, size_t len, size_t i)
{
	if (t[i] == '\n')
		return 1;
	if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && (i + 1 >= len || is_space((unsigned char)t[i + 1])))
		return 1;
	return 0;
}

static void sentence_of(const char *t, size_t len, size_t s, size_t e, size_t *ss, size_t *se)
{
	size_t i = s;

	while (i > 0 && !sentence_end_at(t, len, i - 1))
		i--;
	*ss = i;
	i = e;
	while (i < len && !sentence_end_at(t, len, i))
		i++;
	*se = i < len ? i + 1 : len;
}

/* Does t[s..e) hold a clause boundary: a comma, semicolon, colon, bracket or dash? */
static int clause_break(const char *t, size_t s, size_t e)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i;

	for (i = s; i < e; i++) {
		if (strchr(",;:()[]", u[i]) && u[i])
			return 1;
		/* – — */
		if (u[i] == 0xE2 && i + 2 < e && u[i + 1] == 0x80 && (u[i + 2] == 0x93 || u[i + 2] == 0x94))
			return 1;
	}
	return 0;
}

static void set_period(const struct rule *r, const char *text, const PCRE2_SIZE *ov,
		       uint32_t count, const char *ref_date, char *out, size_t outsz)
{
	struct span y = group(r, ov, count, 0, G_YEAR), rel = group(r, ov, count, 0, G_REL);
	int year;
	char w[16];
	size_t n, i;

	out[0] = '\0';
	if (y.set && y.e - y.s == 4) {
		snprintf(out, outsz, "%.4s", text + y.s);
		return;
	}
	if (!rel.set || !ref_date || strlen(ref_date) < 4)
		return;
	year = atoi(ref_date);
	n = rel.e - rel.s;
	if (n >= sizeof(w))
		return;
	for (i = 0; i < n; i++)
		w[i] = (char)lower((unsigned char)text[rel.s + i]);
	w[n] = '\0';
	if (strcmp(w, "last") == 0 || strcmp(w, "previous") == 0 || strcmp(w, "past") == 0)
		year--;
	else if (strcmp(w, "next") == 0 || strcmp(w, "coming") == 0)
		year++;
	else if (strcmp(w, "this") != 0 && strcmp(w, "current") != 0)
		return;
	snprintf(out, outsz, "%04d", year);
}

static int match_limited(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	       rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
	       rc == PCRE2_ERROR_NOMEMORY;
}

/* Is c an ASCII word character (1), another ASCII byte (0), or part of a wider character (-1)? */
static int word_class(unsigned char c)
{
	if (c >= 0x80)
		return -1;
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

/* A byte as a letter of a qualifier prefix: a-z (either case) 0-25, space 26, else -1. */
static int prefix_class(unsigned char c)
{
	if (c == ' ')
		return 26;
	c = (unsigned char)lower(c);
	return c >= 'a' && c <= 'z' ? c - 'a' : -1;
}

/*
 * Can a qualifier match start with t[0..n) (whole characters)?  Partial
 * matching of them alone tells, after a word character and after a
 * newline, which covers whatever a rule that does not look behind can
 * see of the text before its start (\b, \B, ^ in multiline mode).
 */
static int qual_probe(struct fc_engine *e, const unsigned char *t, size_t n)
{
	static const char before[] = { 'a', '\n' };
	unsigned char buf[8];
	size_t i;

	if (n > sizeof(buf) - 1)
		return 1;
	memcpy(buf + 1, t, n);
	for (i = 0; i < sizeof(before); i++) {
		buf[0] = (unsigned char)before[i];
		if (pcre2_match(e->qual_anchored, buf, n + 1, 1, PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD,
				e->md, e->mctx) != PCRE2_ERROR_NOMATCH)
			return 1;
	}
	return 0;
}

/*
 * Can a qualifier match start at t[0..n)?  Learnt once per three bytes
 * of letters (either case) and spaces, else once per character below
 * U+10000; longer characters may.  Each cache entry is 0 unknown, 1 no,
 * 2 yes.
 */
static int qual_can_start(struct fc_engine *e, const unsigned char *t, size_t n)
{
	unsigned char key[3];
	unsigned cp;
	size_t k;
	int a, b, c, len;

	if (n >= 3 && (a = prefix_class(t[0])) >= 0 && (b = prefix_class(t[1])) >= 0 &&
	    (c = prefix_class(t[2])) >= 0) {
		k = ((size_t)a * 27 + (size_t)b) * 27 + (size_t)c;
		if (!e->qual_prefix[k]) {
			key[0] = (unsigned char)(a == 26 ? ' ' : 'a' + a);
			key[1] = (unsigned char)(b == 26 ? ' ' : 'a' + b);
			key[2] = (unsigned char)(c == 26 ? ' ' : 'a' + c);
			e->qual_prefix[k] = qual_probe(e, key, 3) ? 2 : 1;
		}
		return e->qual_prefix[k] == 2;
	}
	len = fc_utf8_decode((const char *)t, n, &cp);
	if (len <= 0 || cp >= 0x10000)
		return 1;
	if (!e->qual_char[cp])
		e->qual_char[cp] = qual_probe(e, t, (size_t)len) ? 2 : 1;
	return e->qual_char[cp] == 2;
}

/*
 * The first match of the qualifier rules in text[off..se), as
 * pcre2_match() of the unanchored pattern would find it, but trying the
 * anchored pattern only where a match can start: at a character start;
 * when every rule begins with \b, where a word character meets another
 * kind; when no rule looks behind, where qual_can_start() says so.
 */
static int qual_search(struct fc_engine *e, const char *text, size_t se, size_t off)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t q;
	int cw, pw, rc;

	for (q = off; q < se; q++) {
		if (!e->qual_start[u[q]] || (u[q] & 0xC0) == 0x80)
			continue;
		if (e->qual_at_words && q > 0) {
			cw = word_class(u[q]);
			pw = word_class(u[q - 1]);
			if (cw >= 0 && pw >= 0 && cw == pw)
				continue;	/* no \b here */
		}
		if (e->qual_char && q > 0 && !qual_can_start(e, u + q, se - q))
			continue;
		rc = pcre2_match(e->qual_anchored, (PCRE2_SPTR)text, se, q, PCRE2_NO_UTF_CHECK,
				 e->md, e->mctx);
		if (rc != PCRE2_ERROR_NOMATCH)
			return rc;
	}
	return PCRE2_ERROR_NOMATCH;
}

static int qualify(struct fc_engine *e, const char *text, size_t len, const char *ref_date,
		   struct fc_figure_list *out, size_t first, int *limited,
		   struct fc_explain *x, struct fc_error *err)
{
	size_t i, j, ss, se, prev_ss = (size_t)-1, off;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md);
	uint32_t count = pcre2_get_ovector_count(e->md);
	int rc;

	if (!e->nqual)
		return FC_OK;
	for (i = first; i < out->n; i++) {
		sentence_of(text, len, out->v[i].start, out->v[i].end, &ss, &se);
		if (ss == prev_ss)
			continue;
		prev_ss = ss;
		for (off = ss; off < se;) {
			const struct rule *r;
			PCRE2_SPTR mark;
			size_t ms, me, best = (size_t)-1, bestgap = (size_t)-1;

			rc = qual_search(e, text, se, off);
			if (rc == PCRE2_ERROR_NOMATCH)
				break;
			if (rc < 0) {
				if (match_limited(rc)) {
					if (limited)
						*limited = 1;
					break;
				}
				return fc_error_set(err, FC_ESYS, "cannot match qualifiers: PCRE2 error %d", rc);
			}
			ms = ov[0];
			me = ov[1];
			mark = pcre2_get_mark(e->md);
			off = me > off ? me : off + 1;
			while (off < se && ((unsigned char)text[off] & 0xC0) == 0x80)
				off++;
			if (!mark)
				continue;
			r = &e->rules[e->qual_rule[strtoul((const char *)mark, NULL, 10)]];
			add_hit(x, r, ov, count, 0, -1);
			for (j = first; j < out->n; j++) {
				struct fc_figure *f = &out->v[j];
				size_t gap;

				if (f->start < ss || f->start >= se)
					continue;
				if (r->attach == AT_SENTENCE) {
					size_t d = f->start >= me ? f->start - me :
						   ms >= f->end ? ms - f->end : 0;

					if (d > QUAL_GAP)
						continue;
					/*
					 * A qualifier belongs to its own clause ("his performance
					 * in the debates so far" says nothing of the figures
					 * before the comma), unless it opens the sentence ("When
					 * nominations closed, Corbyn had 285") or stands close by.
					 */
					if (d > QUAL_NEAR &&
					    !(f->start >= me && !clause_break(text, ss, ms)) &&
					    (f->start >= me ? clause_break(text, me, f->start) :
					     ms >= f->end && clause_break(text, f->end, ms)))
						continue;
					if (r->kind == RK_QUALIFIER &&
					    (f->qualifier == FC_QUAL_NONE || r->qual == FC_QUAL_FINAL)) {
						f->qualifier = r->qual;
						f->qual_start = ms;
						f->qual_end = me;
					}
					continue;
				}
				if (f->start < me && f->end > ms)
					continue;	/* the phrase is inside the figure */
				if (f->start >= me)
					gap = f->start - me;
				else
					gap = ms - f->end;
				if ((r->attach == AT_NEXT && f->start < me) ||
				    (r->attach == AT_PREVIOUS && f->end > ms))
					continue;
				if (gap < bestgap) {
					bestgap = gap;
					best = j;
				}
			}
			if (best != (size_t)-1 && bestgap <= PERIOD_GAP) {
				struct fc_figure *f = &out->v[best];

				if (r->kind == RK_PERIOD) {
					set_period(r, text, ov, count, ref_date, f->period, sizeof(f->period));
				} else if (f->qualifier == FC_QUAL_NONE || r->qual == FC_QUAL_FINAL) {
					f->qualifier = r->qual;
					f->qual_start = ms;
					f->qual_end = me;
				}
			}
		}
	}
	return FC_OK;
}

/* ---- the scan ------------------------------------------------------------------------ */

/* A copy of text with each invalid UTF-8 byte replaced by '?', so offsets stay put. */
static char *valid_copy(const char *text, size_t len)
{
	char *c = fc_xmalloc(len + 1);
	size_t i = 0;
	unsigned cp;
	int k;

	memcpy(c, text, len);
	c[len] = '\0';
	while (i < len) {
		if ((unsigned char)c[i] < 0x80) {
			i++;
			continue;
		}
		k = fc_utf8_decode(c + i, len - i, &cp);
		if (k <= 0) {
			c[i++] = '?';
			continue;
		}
		i += (size_t)k;
	}
	return c;
}

/*
 * The needs groups that the words and signs near one number meet (bits
 * of the engine's needs index), found at most once per number and only
 * when a rule asks.
 */
struct near {
	size_t at;			/* the number they are near; (size_t)-1 if none */
	uint64_t have[];		/* e->need_gw words */
};

static void near_build(const struct fc_engine *e, struct near *nr, const char *text, size_t ls,
		       size_t le, size_t p)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = p > ls + NEEDS_BEFORE ? p - NEEDS_BEFORE : ls;
	size_t end = le - p > NEEDS_AFTER ? p + NEEDS_AFTER : le, k, slot, w;
	size_t mask = e->need_slots - 1;
	uint64_t h;

	/* begin at a whole word, and never inside a UTF-8 character */
	while (i > ls && (is_alpha(u[i - 1]) || (u[i] & 0xC0) == 0x80))
		i--;
	nr->at = p;
	memset(nr->have, 0, e->need_gw * sizeof(nr->have[0]));
	while (i < end) {
		k = fc_token_len(text + i, end - i);
		if (is_space(u[i])) {
			i += k;
			continue;
		}
		h = fc_token_hash(text + i, k);
		if (!h)
			h = 1;
		for (slot = h & mask; e->need_key[slot]; slot = (slot + 1) & mask)
			if (e->need_key[slot] == h) {
				for (w = 0; w < e->need_gw; w++)
					nr->have[w] |= e->need_mask[slot * e->need_gw + w];
				break;
			}
		i += k;
	}
}

/* Does one word of each "needs" line of r stand near the number at p? */
static int needs_met(const struct fc_engine *e, const struct rule *r, struct near *nr,
		     const char *text, size_t ls, size_t le, size_t p)
{
	size_t g, b;

	if (!r->nneeds)
		return 1;
	if (nr->at != p)
		near_build(e, nr, text, ls, le, p);
	for (g = 0; g < r->nneedgroups; g++) {
		b = r->need_bit + g;
		if (!(nr->have[b / 64] >> (b % 64) & 1))
			return 0;
	}
	return 1;
}

/*
 * The words and signs from the number at p up to the first one after it,
 * for rules' "after": every token of the number's longest possible
 * reading (digits, number words, scales, "and", "a", "of", ordinal
 * endings, vulgar fractions, with spaces, hyphens, commas, dots, slashes
 * and apostrophes between) and then the first other token, as hashes.
 * Whatever the rule's number turns out to be, the token after it is
 * among them.  n (size_t)-1: too many to tell, any rule may match.
 */
#define AFTER_TOKENS 48

struct after {
	size_t at;			/* the number; (size_t)-1 if none */
	size_t n;
	uint64_t h[AFTER_TOKENS];
};

static int number_glue(const unsigned char *u, size_t k)
{
	if (k == 1)
		return is_space(u[0]) || u[0] == '-' || u[0] == ',' || u[0] == '.' || u[0] == '/' ||
		       u[0] == '\'';
	/* no-break, thin and narrow no-break space, right quote, minus sign */
	return (k == 2 && u[0] == 0xC2 && u[1] == 0xA0) ||
	       (k == 3 && u[0] == 0xE2 && u[1] == 0x80 &&
		(u[2] == 0x89 || u[2] == 0xAF || u[2] == 0x99)) ||
	       (k == 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92);
}

static int number_token(const struct fc_engine *e, const unsigned char *u, size_t k)
{
	uint64_t key = 0;
	size_t i;

	if (u[0] >= '0' && u[0] <= '9')
		return 1;
	if ((k == 2 && u[0] == 0xC2 && u[1] >= 0xBC && u[1] <= 0xBE) ||
	    (k == 3 && u[0] == 0xE2 && u[1] == 0x85 && u[2] >= 0x90 && u[2] <= 0x9E))
		return 1;
	if (!is_alpha(u[0]) || k > 12)
		return 0;
	for (i = 0; i < k; i++)
		key = key * 32 + (uint64_t)(lower(u[i]) - 'a' + 1);
	return word_table_has(e->number_part, key) || number_word(e, key, k);
}

static void after_build(const struct fc_engine *e, struct after *af, const char *text, size_t le,
			size_t p)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = p, k;

	af->at = p;
	af->n = 0;
	while (i < le) {
		k = fc_token_len(text + i, le - i);
		if (!is_space(u[i])) {
			if (af->n == AFTER_TOKENS) {
				af->n = (size_t)-1;
				return;
			}
			af->h[af->n++] = fc_token_hash(text + i, k);
		}
		if (!number_glue(u + i, k) && !number_token(e, u + i, k))
			return;
		i += k;
	}
}

/* Does one of the words r wants after its number follow the number at p? */
static int after_met(const struct fc_engine *e, const struct rule *r, struct after *af,
		     const char *text, size_t le, size_t p)
{
	size_t i, j;

	if (!r->nafter)
		return 1;
	if (af->at != p)
		after_build(e, af, text, le, p);
	if (af->n == (size_t)-1)
		return 1;
	for (i = 0; i < af->n; i++)
		for (j = 0; j < r->nafter; j++)
			if (af->h[i] == r->after[j])
				return 1;
	return 0;
}

/*
 * Try the rules of set, in priority order, anchored at
 * start; the first that matches settles the start.  Its match must take in
 * the number at p, else the start is given up.  An ignore rule consumes
 * its text; a figure rule whose captures are no figure ("12 out of 10")
 * hands the start over to the rules after it.  A rule that hits a match
 * limit is passed over and *limited set.  Returns 1 if the text at start
 * was settled, 0 if not, -1 on a PCRE2 error (err set).
 */
static int try_rules(struct fc_engine *e, const char *text, size_t ls, size_t end, size_t start,
		     size_t p, const uint64_t *set, struct near *nr, struct after *af,
		     struct fc_figure_list *out,
		     size_t *pos, int *limited, struct fc_explain *x, struct fc_error *err)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md);
	uint32_t count = pcre2_get_ovector_count(e->md);
	struct fc_figure f;
	size_t j;
	int m;

	for (j = 0; j < e->nfig; j++) {
		const struct rule *r;

		if (!(set[j / 64] >> (j % 64) & 1))
			continue;
		r = &e->rules[e->fig_rule[j]];
		if (!needs_met(e, r, nr, text, ls, end, p) || !after_met(e, r, af, text, end, p))
			continue;
		m = pcre2_match(r->code, (PCRE2_SPTR)text, end, start, PCRE2_NO_UTF_CHECK,
				e->md, e->mctx);
		if (m == PCRE2_ERROR_NOMATCH)
			continue;
		if (m < 0) {
			if (match_limited(m)) {
				if (limited)
					*limited = 1;
				continue;
			}
			fc_error_set(err, FC_ESYS, "cannot match figures: rule '%s': PCRE2 error %d",
				     r->id, m);
			return -1;
		}
		if (ov[1] <= p || ov[1] <= start)
			return 0;	/* a match elsewhere: the number is not part of it */
		if (r->kind == RK_IGNORE) {
			add_hit(x, r, ov, count, 0, -1);
			*pos = ov[1];
			return 1;
		}
		if (!make_figure(e, r, text, ov, count, 0, &f)) {
			add_hit(x, r, ov, count, 0, (long)out->n);
			*list_add(out) = f;
			*pos = ov[1];
			return 1;
		}
	}
	return 0;
}

int fc_scan_internal(struct fc_engine *e, const char *text, size_t len,
		     const char *ref_date, struct fc_figure_list *out,
		     int *limited, struct fc_explain *x, struct fc_error *err)
{
	char *copy = NULL;
	size_t pos = 0, p, first = out->n, line_start = 0, line_end = 0, k, nst;
	size_t st[BACK_TOKENS + 4];
	const uint64_t *sets[BACK_TOKENS + 4];
	struct near *nr = fc_xmalloc(sizeof(*nr) + e->need_gw * sizeof(nr->have[0]));
	struct after af;
	int rc = FC_OK, done;

	nr->at = (size_t)-1;
	af.at = (size_t)-1;
	af.n = 0;
	if (limited)
		*limited = 0;
	if (!text || !len)
		goto out;
	if (!fc_utf8_valid(text, len))
		text = copy = valid_copy(text, len);
	while ((p = next_anchor(e, text, len, pos)) < len) {
		if (p >= line_end) {
			const char *nl = memchr(text + p, '\n', len - p);

			line_end = nl ? (size_t)(nl - text) : len;
			line_start = p;
			while (line_start > 0 && text[line_start - 1] != '\n')
				line_start--;
		}
		nst = start_points(e, text, pos > line_start ? pos : line_start, p, line_end, st, sets);
		done = 0;
		for (k = 0; k < nst && !done; k++) {
			done = try_rules(e, text, line_start, line_end, st[k], p, sets[k], nr, &af, out,
					 &pos, limited, x, err);
			if (done < 0) {
				rc = FC_ESYS;
				goto out;
			}
		}
		if (!done)
			pos = anchor_end(text, len, p);
	}
	rc = qualify(e, text, len, ref_date, out, first, limited, x, err);
	if (rc)
		goto out;
out:
	free(copy);
	free(nr);
	return rc;
}

int fc_engine_scan(struct fc_engine *e, const char *text, size_t len,
		   const char *ref_date, struct fc_figure_list *out,
		   int *limited, struct fc_error *err)
{
	return fc_scan_internal(e, text, len, ref_date, out, limited, NULL, err);
}

/* ---- records --------------------------------------------------------------------------- */

/* Append the digits of n. */
static void add_uint(struct fc_buf *out, unsigned long long n)
{
	char tmp[24];
	size_t k = sizeof(tmp);

	do {
		tmp[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	fc_buf_add(out, tmp + k, sizeof(tmp) - k);
}

/*
 * Append v as fc_fmt_num() writes it (the shortest "%.*g" that reads back
 * as v, whole numbers below 1e15 in full), byte for byte.  Most figures
 * are whole numbers or short decimals, which are written here from their
 * digits; anything else goes to fc_fmt_num().
 */
static void add_num(struct fc_buf *out, double v)
{
	char tmp[40];
	unsigned long long n, p;
	double m;
	int d;

	if (v == floor(v) && fabs(v) < 1e15) {
		if (signbit(v))
			fc_buf_addch(out, '-');
		add_uint(out, (unsigned long long)fabs(v));
		return;
	}
	if ((d = short_decimal(v, &m)) > 0) {
		if (m < 0)
			fc_buf_addch(out, '-');
		n = (unsigned long long)fabs(m);
		for (p = 1; d > 0; d--)
			p *= 10;
		add_uint(out, n / p);
		fc_buf_addch(out, '.');
		n %= p;
		for (p /= 10; p > n && p > 1; p /= 10)
			fc_buf_addch(out, '0');
		add_uint(out, n);
		return;
	}
	fc_fmt_num(tmp, sizeof(tmp), v);
	fc_buf_addstr(out, tmp);
}

static void add_end(struct fc_buf *out, double v)
{
	if (isinf(v)) {
		fc_buf_addstr(out, v < 0 ? "-inf" : "inf");
		return;
	}
	add_num(out, v);
}

/* fc_json_num() through add_num(). */
static void add_json_num(struct fc_buf *out, double v)
{
	if (isnan(v) || isinf(v)) {
		fc_buf_addstr(out, "null");
		return;
	}
	add_num(out, v);
}

void fc_figure_interval(const struct fc_figure *f, struct fc_buf *out)
{
	fc_buf_addch(out, f->low_open ? '(' : '[');
	add_end(out, f->low);
	fc_buf_addch(out, ',');
	add_end(out, f->high);
	fc_buf_addch(out, f->high_open ? ')' : ']');
}

void fc_figure_json(const struct fc_figure *f, const char *text, long line,
		    struct fc_buf *out)
{
	struct fc_buf iv = FC_BUF_INIT;
	const char *q = fc_qualifier_name(f->qualifier);

	fc_buf_addch(out, '{');
	if (line >= 0) {
		fc_buf_addstr(out, "\"line\":");
		add_uint(out, (unsigned long long)line);
		fc_buf_addch(out, ',');
	}
	fc_buf_addstr(out, "\"start\":");
	add_uint(out, f->start);
	fc_buf_addstr(out, ",\"end\":");
	add_uint(out, f->end);
	fc_buf_addstr(out, ",\"text\":");
	fc_json_str(out, text + f->start, f->end - f->start);
	fc_buf_addstr(out, ",\"value\":");
	add_json_num(out, f->value);
	fc_buf_addstr(out, ",\"low\":");
	add_json_num(out, f->low);
	fc_buf_addstr(out, ",\"high\":");
	add_json_num(out, f->high);
	fc_figure_interval(f, &iv);
	fc_buf_addstr(out, ",\"interval\":");
	fc_json_str(out, iv.data, iv.len);
	fc_buf_addstr(out, ",\"unit\":");
	fc_json_str(out, fc_unit_name(f->unit), strlen(fc_unit_name(f->unit)));
	fc_buf_addstr(out, ",\"hedge\":");
	if (f->hedge[0])
		fc_json_str(out, f->hedge, strlen(f->hedge));
	else
		fc_buf_addstr(out, "null");
	fc_buf_addstr(out, ",\"noun\":");
	if (f->noun_end > f->noun_start)
		fc_json_str(out, text + f->noun_start, f->noun_end - f->noun_start);
	else
		fc_buf_addstr(out, "null");
	fc_buf_addstr(out, ",\"qualifier\":");
	if (q)
		fc_json_str(out, q, strlen(q));
	else
		fc_buf_addstr(out, "null");
	fc_buf_addstr(out, ",\"period\":");
	if (f->period[0])
		fc_json_str(out, f->period, strlen(f->period));
	else
		fc_buf_addstr(out, "null");
	if (f->currency[0]) {
		fc_buf_addstr(out, ",\"currency\":");
		fc_json_str(out, f->currency, strlen(f->currency));
	}
	if (f->unit == FC_UNIT_RATIO || f->unit == FC_UNIT_ODDS) {
		if (f->b != 0) {
			fc_buf_addstr(out, ",\"a\":");
			add_json_num(out, f->a);
			fc_buf_addstr(out, ",\"b\":");
			add_json_num(out, f->b);
		}
	}
	if (f->unit == FC_UNIT_RANK)
		fc_buf_printf(out, ",\"from_bottom\":%s", f->rank_from_bottom ? "true" : "false");
	fc_buf_addstr(out, ",\"rule\":");
	fc_json_str(out, f->rule ? f->rule : "", f->rule ? strlen(f->rule) : 0);
	fc_buf_addch(out, '}');
	fc_buf_release(&iv);
}
