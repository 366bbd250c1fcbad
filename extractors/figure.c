/* figure.c - the figure scanner: cheap candidate search, anchored rule matching, bounds, qualifiers and periods. */
#include "fig_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
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
	int c;

	for (c = 0; c < 256; c++)
		e->token_class[c] = is_space((unsigned char)c) ? TC_SPACE : is_alpha(c) ? TC_LETTER :
				    c >= '0' && c <= '9' ? TC_DIGIT : c >= 0xC0 ? TC_LEAD :
				    c >= 0x80 ? TC_CONT : TC_OTHER;

	memset(e->anchor_word, 0, sizeof(e->anchor_word));
	memset(e->number_part, 0, sizeof(e->number_part));
	memset(e->number_prefix, 0, sizeof(e->number_prefix));
	for (i = 0; i < sizeof(number_words) / sizeof(number_words[0]); i++) {
		const char *w = number_words[i];
		size_t k = (size_t)(w[0] - 'a') * 676 + (size_t)(w[1] - 'a') * 26 + (size_t)(w[2] - 'a');

		word_table_add(e->anchor_word, w);
		word_table_add(e->number_part, w);
		e->number_prefix[k / 8] |= (uint8_t)(1u << (k % 8));
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

/*
 * Byte classes for the anchor scan: letters that can begin a number word
 * (the cheap first test), other letters, digits, and the first bytes of
 * vulgar fractions (U+00BC-U+00BE, U+2150-U+215E).
 */
enum { AC_OTHER, AC_INITIAL, AC_LETTER, AC_DIGIT, AC_C2, AC_E2 };

static const unsigned char anchor_class[256] = {
	['0'] = AC_DIGIT, ['1'] = AC_DIGIT, ['2'] = AC_DIGIT, ['3'] = AC_DIGIT, ['4'] = AC_DIGIT,
	['5'] = AC_DIGIT, ['6'] = AC_DIGIT, ['7'] = AC_DIGIT, ['8'] = AC_DIGIT, ['9'] = AC_DIGIT,
	['a'] = AC_LETTER, ['b'] = AC_INITIAL, ['c'] = AC_INITIAL, ['d'] = AC_INITIAL,
	['e'] = AC_INITIAL, ['f'] = AC_INITIAL, ['g'] = AC_LETTER, ['h'] = AC_INITIAL,
	['i'] = AC_LETTER, ['j'] = AC_LETTER, ['k'] = AC_LETTER, ['l'] = AC_LETTER,
	['m'] = AC_INITIAL, ['n'] = AC_INITIAL, ['o'] = AC_INITIAL, ['p'] = AC_LETTER,
	['q'] = AC_INITIAL, ['r'] = AC_LETTER, ['s'] = AC_INITIAL, ['t'] = AC_INITIAL,
	['u'] = AC_LETTER, ['v'] = AC_LETTER, ['w'] = AC_LETTER, ['x'] = AC_LETTER,
	['y'] = AC_LETTER, ['z'] = AC_INITIAL,
	['A'] = AC_LETTER, ['B'] = AC_INITIAL, ['C'] = AC_INITIAL, ['D'] = AC_INITIAL,
	['E'] = AC_INITIAL, ['F'] = AC_INITIAL, ['G'] = AC_LETTER, ['H'] = AC_INITIAL,
	['I'] = AC_LETTER, ['J'] = AC_LETTER, ['K'] = AC_LETTER, ['L'] = AC_LETTER,
	['M'] = AC_INITIAL, ['N'] = AC_INITIAL, ['O'] = AC_INITIAL, ['P'] = AC_LETTER,
	['Q'] = AC_INITIAL, ['R'] = AC_LETTER, ['S'] = AC_INITIAL, ['T'] = AC_INITIAL,
	['U'] = AC_LETTER, ['V'] = AC_LETTER, ['W'] = AC_LETTER, ['X'] = AC_LETTER,
	['Y'] = AC_LETTER, ['Z'] = AC_INITIAL,
	[0xC2] = AC_C2, [0xE2] = AC_E2,
};

/* Is the word of n letters packed in key (its first letters, n >= 3) worth packing whole: do its first three begin a number word? */
static int number_prefix(const struct fc_engine *e, const unsigned char *t)
{
	size_t k = (size_t)((t[0] | 0x20) - 'a') * 676 + (size_t)((t[1] | 0x20) - 'a') * 26 +
		   (size_t)((t[2] | 0x20) - 'a');

	return e->number_prefix[k / 8] >> (k % 8) & 1;
}

/* Do t[0..3) begin a number word, whatever the bytes are (ASCII letters either case, or not)? */
static int number_prefix_any(const struct fc_engine *e, const unsigned char *t)
{
	unsigned a = (t[0] | 0x20u) - 'a', b = (t[1] | 0x20u) - 'a', c = (t[2] | 0x20u) - 'a';
	/* anything but three letters: the table's last bit, past every prefix, never set */
	size_t k = ((a < 26) & (b < 26) & (c < 26)) ? (size_t)a * 676 + (size_t)b * 26 + (size_t)c : 26 * 26 * 26;

	return e->number_prefix[k / 8] >> (k % 8) & 1;
}

/* Is the word at t[0..len) (a word start, its first letter one a number word can begin with) a number word? */
static int number_word_at(const struct fc_engine *e, const unsigned char *t, size_t len)
{
	uint64_t key = 0;
	size_t k;

	/* fewer than three letters, or three that begin no number word: not one */
	if (len < 3 || !is_alpha(t[1]) || !is_alpha(t[2]) || !number_prefix(e, t))
		return 0;
	for (k = 0; k < len && is_alpha(t[k]); k++)
		if (k < 12)
			key = key * 32 + (uint64_t)((t[k] | 0x20) - 'a' + 1);
	return number_word(e, key, k);
}

/* Is a vulgar fraction (U+00BC-U+00BE, U+2150-U+215E) at i? */
static int vulgar_at(const unsigned char *u, size_t len, size_t i)
{
	if (u[i] == 0xC2)
		return i + 1 < len && u[i + 1] >= 0xBC && u[i + 1] <= 0xBE;
	return u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x85 && u[i + 2] >= 0x90 && u[i + 2] <= 0x9E;
}

#define BYTES_HIGH 0x8080808080808080ull


/*
 * Next position >= from where a number begins: a digit, a vulgar fraction
 * or a number word.  Returns len if none.  This loop is what most text
 * costs, so it reads eight bytes at a time: digits, the bytes that can
 * begin a vulgar fraction and word starts come out as bits, and of those
 * only words whose first three letters begin a number word are read whole.
 */
static size_t next_anchor(const struct fc_engine *e, const char *text, size_t len, size_t from)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = from, q;
	uint64_t w, lt, dg, hi, ev, before;

	/* a word begun before from cannot be a number word that starts here */
	if (i > 0 && i < len && is_alpha(u[i - 1]))
		while (i < len && is_alpha(u[i]))
			i++;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, u + i, 8);
		lt = fc_letters8(w);
		dg = fc_digits8(w);
		/* the first bytes of vulgar fractions (vulgar_at()), only where w has wider characters */
		hi = w & BYTES_HIGH ? fc_bytes_equal8(w, 0xC2) | fc_bytes_equal8(w, 0xE2) : 0;
		before = i > 0 && is_alpha(u[i - 1]) ? 0x80 : 0;
		/* digits, vulgar fractions' first bytes, and letters after no letter */
		for (ev = dg | hi | (lt & ~(lt << 8 | before)); ev; ev &= ev - 1) {
			q = i + (size_t)(__builtin_ctzll(ev) >> 3);
			if (u[q] >= '0' && u[q] <= '9')
				return q;
			if (u[q] >= 0x80) {
				if (vulgar_at(u, len, q))
					return q;
				continue;
			}
			/*
			 * A word start: read whole only if its first three letters
			 * begin a number word, tested without a branch on the first
			 * letter (which one is as hard to predict as the next word).
			 */
			if (q + 2 < len && number_prefix_any(e, u + q) && number_word_at(e, u + q, len - q))
				return q;
		}
	}
	/* the last bytes: a word that began before i goes on here */
	if (i > 0 && i < len && is_alpha(u[i - 1]))
		while (i < len && is_alpha(u[i]))
			i++;
#endif
	while (i < len) {
		switch (anchor_class[u[i]]) {
		case AC_OTHER:
			i++;
			break;
		case AC_DIGIT:
			return i;
		case AC_LETTER:
			for (i++; i < len && is_alpha(u[i]); i++)
				;
			break;
		case AC_INITIAL:
			if (number_word_at(e, u + i, len - i))
				return i;
			for (i++; i < len && is_alpha(u[i]); i++)
				;
			break;
		default:
			if (vulgar_at(u, len, i))
				return i;
			i++;
			break;
		}
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

/* Initialisers of a byte table: every ASCII letter, either case, maps to v. */
#define ASCII_LETTERS(v) \
	['a'] = v, ['b'] = v, ['c'] = v, ['d'] = v, ['e'] = v, ['f'] = v, ['g'] = v, ['h'] = v, \
	['i'] = v, ['j'] = v, ['k'] = v, ['l'] = v, ['m'] = v, ['n'] = v, ['o'] = v, ['p'] = v, \
	['q'] = v, ['r'] = v, ['s'] = v, ['t'] = v, ['u'] = v, ['v'] = v, ['w'] = v, ['x'] = v, \
	['y'] = v, ['z'] = v, \
	['A'] = v, ['B'] = v, ['C'] = v, ['D'] = v, ['E'] = v, ['F'] = v, ['G'] = v, ['H'] = v, \
	['I'] = v, ['J'] = v, ['K'] = v, ['L'] = v, ['M'] = v, ['N'] = v, ['O'] = v, ['P'] = v, \
	['Q'] = v, ['R'] = v, ['S'] = v, ['T'] = v, ['U'] = v, ['V'] = v, ['W'] = v, ['X'] = v, \
	['Y'] = v, ['Z'] = v

/* A byte a word whose answers are cached may hold: letters, apostrophes, hyphens, dots, commas. */
static const unsigned char plain_byte[256] = {
	['\''] = 1, ['-'] = 1, ['.'] = 1, [','] = 1,
	ASCII_LETTERS(1),
};

#define NO_SLOT ((size_t)-1)

/*
 * The word and phrase caches are tables of slots of 1 + 2 mw words: a
 * 64-bit hash of the lower-case text (0: free), the rules already probed
 * with it, those of them that can start with it.  The hash stands for the
 * text, as token hashes do in the needs index: one slot is one cache line
 * or two, where keeping the text itself cost a miss more per lookup.
 */
static uint64_t *cache_slot(const struct fc_engine *e, uint64_t *tab, size_t slot)
{
	return tab + slot * (1 + 2 * e->mw);
}

_Static_assert(STARTER_KEY == 32, "starter_hash() hashes four words of a key");

static uint64_t rotl64(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

/* The starter cache's hash of the plain word t[0..n) (1 <= n < STARTER_KEY), never 0. */
static uint64_t starter_hash(const char *t, size_t n)
{
	uint64_t key[STARTER_KEY / 8] = { 0, 0, 0, 0 }, h;
	size_t i;

	/*
	 * Every byte of a plain word has bit 5 set but an upper-case letter:
	 * setting it lowers the word (and turns the zero padding into spaces,
	 * the same for every word of that length; the length is hashed too).
	 */
	memcpy(key, t, n);
	for (i = 0; i < STARTER_KEY / 8; i++)
		key[i] |= 0x2020202020202020ull;
	/* four independent products, then mixed: a short chain of multiplies */
	h = key[0] * 0x9E3779B97F4A7C15ull ^ rotl64(key[1] * 0xC2B2AE3D27D4EB4Full, 17) ^
	    rotl64(key[2] * 0x165667B19E3779F9ull, 31) ^ rotl64(key[3] * 0xD6E8FEB86659FD93ull, 47) ^ n;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 32;
	return h ? h : 1;
}

/* The starter cache slot where the search for hash h begins. */
static uint64_t *starter_first(struct fc_engine *e, uint64_t h)
{
	return cache_slot(e, e->starters, (size_t)(h >> 40) % STARTER_SLOTS);
}

/*
 * The starter cache slot of the plain word of hash h (starter_hash()),
 * taken if the word is new; NO_SLOT when the cache is full (it only stops
 * learning, it never forgets).
 */
static size_t starter_slot(struct fc_engine *e, uint64_t h)
{
	uint64_t *sl;
	size_t slot;

	for (slot = (size_t)(h >> 40) % STARTER_SLOTS;; slot = (slot + 1) % STARTER_SLOTS) {
		sl = cache_slot(e, e->starters, slot);
		if (!sl[0])
			break;
		if (sl[0] == h)
			return slot;
	}
	if (e->nstarters >= STARTER_SLOTS * 3 / 4)
		return NO_SLOT;
	sl[0] = h;
	e->nstarters++;
	return slot;
}

/*
 * Can figure rule j (index into fig_rule) start with the word t[0..n) of
 * the cache slot?  Partial matching of "word " tells: no match at all
 * means no text after the word can make one.  Learnt once per word and
 * rule, when the rule is about to run there, in the interpreter (partial
 * matching is not compiled).  A rule holding a positive lookbehind may:
 * what stands before the word is not in the probe.
 */
static int starter_can(struct fc_engine *e, size_t slot, size_t j, const char *t, size_t n)
{
	uint64_t *known = cache_slot(e, e->starters, slot) + 1 + j / 64, *can = known + e->mw;
	uint64_t bit = (uint64_t)1 << (j % 64);
	char key[STARTER_KEY + 1];
	size_t i;
	int rc;

	if (!(*known & bit)) {
		*known |= bit;
		if (e->rules[e->fig_rule[j]].behind) {
			*can |= bit;
		} else {
			for (i = 0; i < n; i++)
				key[i] = (char)(t[i] | 0x20);
			key[n] = ' ';
			rc = pcre2_match(e->rules[e->fig_rule[j]].code, (PCRE2_SPTR)key, n + 1, 0,
					 PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD | PCRE2_NO_JIT,
					 e->md, e->mctx);
			if (rc != PCRE2_ERROR_NOMATCH)
				*can |= bit;
		}
	}
	return (*can & bit) != 0;
}

/* A place a rule may start at, with the rules that may match there. */
struct start {
	size_t at;
	uint64_t *set;			/* e->mw words: rules whose first byte fits, less those known not to */
	size_t slot;			/* the starter slot of the word there, or NO_SLOT */
	size_t wlen;			/* that word's length */
	size_t phrase;			/* the phrase slot from here to the number, NO_SLOT, or PHRASE_UNKNOWN */
};

#define PHRASE_UNKNOWN ((size_t)-2)

/*
 * The phrase cache slot of text[a..p] (a start before the number at p,
 * through the number's first byte, which must be ASCII), taken if the
 * phrase is new; NO_SLOT if it is too long or the cache is full.  The
 * low two bits of a phrase slot's hash count the times it was met, up to
 * 2: a phrase is probed from its second time on.
 */
static size_t phrase_slot(struct fc_engine *e, const char *t, size_t a, size_t p)
{
	size_t i, n = p + 1 - a, slot;
	uint64_t h = 14695981039346656037ull, *ph;

	if (n > PHRASE_KEY || (unsigned char)t[p] >= 0x80)
		return NO_SLOT;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)lower((unsigned char)t[a + i]);
		h *= 1099511628211ull;
	}
	h = (h ^ h >> 32) * 0x9E3779B97F4A7C15ull;
	h = (h | 4) & ~(uint64_t)3;
	for (slot = (size_t)(h >> 40) % PHRASE_SLOTS;; slot = (slot + 1) % PHRASE_SLOTS) {
		ph = cache_slot(e, e->phrases, slot);
		if (!ph[0])
			break;
		if ((ph[0] & ~(uint64_t)3) == h) {
			if ((ph[0] & 3) < 2)
				ph[0]++;
			return slot;
		}
	}
	if (e->nphrases >= PHRASE_SLOTS * 3 / 4)
		return NO_SLOT;
	ph[0] = h | 1;
	e->nphrases++;
	return slot;
}

/*
 * Can figure rule j match from the start a of the phrase in the slot, that
 * is, with the text from a through the first byte of the number at p?
 * Partial matching of the phrase tells, as for a starting word
 * (starter_can()).  A phrase met once is not probed (the answer is "may"):
 * most long phrases are met once, and a probe costs more than a match.
 */
static int phrase_can(struct fc_engine *e, size_t slot, size_t j, const char *t, size_t a, size_t p)
{
	uint64_t *ph = cache_slot(e, e->phrases, slot), *known = ph + 1 + j / 64, *can = known + e->mw;
	uint64_t bit = (uint64_t)1 << (j % 64);
	char key[PHRASE_KEY];
	size_t i, n = p + 1 - a;
	int rc;

	if (!(*known & bit)) {
		if ((ph[0] & 3) < 2)
			return 1;
		*known |= bit;
		for (i = 0; i < n; i++)
			key[i] = (char)lower((unsigned char)t[a + i]);
		rc = pcre2_match(e->rules[e->fig_rule[j]].code, (PCRE2_SPTR)key, n, 0,
				 PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD | PCRE2_NO_JIT, e->md, e->mctx);
		if (rc != PCRE2_ERROR_NOMATCH)
			*can |= bit;
	}
	return (*can & bit) != 0;
}

/*
 * The word at start a: its end (*b, the end of the run of plain bytes
 * there) and, when it is a whole word followed by a space that the
 * starter cache keys, its starter_hash(); 0 if none.  The cache slot its
 * search begins at is fetched meanwhile: the cache is larger than the
 * CPU's nearest caches, and a number's starts are looked up together.
 */
FC_INLINE uint64_t start_word(struct fc_engine *e, const char *t, size_t a, size_t end, size_t *b)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i;
	uint64_t h;

	for (i = a; i < end && plain_byte[u[i]]; i++)
		;
	*b = i;
	if (!e->start_map[u[a]] || i == a || i >= end || !is_space(u[i]) || i - a >= STARTER_KEY)
		return 0;
	h = starter_hash(t + a, i - a);
	__builtin_prefetch(starter_first(e, h));
	return h;
}

/*
 * Add start a with the rules that may match there: those that can start
 * with its byte and, when a whole word followed by a space begins there
 * (h its hash, b its end: start_word()), those that can start with that
 * word (known so far: the rest are probed when they are about to run).
 * A start no rule fits is dropped.
 */
FC_INLINE void add_start(struct fc_engine *e, const char *t, size_t a, size_t b, uint64_t h,
			 struct start *st, size_t *out)
{
	const unsigned char *u = (const unsigned char *)t;
	const uint64_t *first = e->byte_mask + u[a] * e->mw;
	uint64_t *set = st[*out].set;
	size_t j, slot = NO_SLOT;

	if (!e->start_map[u[a]])
		return;
	memcpy(set, first, e->mw * sizeof(*set));
	if (h && (slot = starter_slot(e, h)) != NO_SLOT) {
		const uint64_t *known = cache_slot(e, e->starters, slot) + 1;
		const uint64_t *can = known + e->mw;
		uint64_t maybe = 0;

		for (j = 0; j < e->mw; j++) {
			set[j] &= ~known[j] | can[j];
			maybe |= set[j];
		}
		if (!maybe)
			return;
	}
	st[*out].at = a;
	st[*out].slot = slot;
	st[*out].wlen = b - a;
	st[*out].phrase = PHRASE_UNKNOWN;
	(*out)++;
}

/*
 * Start positions worth trying for the number at p: the starts of up to
 * BACK_TOKENS words before it (hedges, "between", "by a ratio of", "£"),
 * its own token's start and p itself, ascending, none before floor.
 */
static size_t start_points(struct fc_engine *e, const char *t, size_t floor,
			   size_t p, size_t end, struct start *st)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t tmp[BACK_TOKENS + 2], wend[BACK_TOKENS + 2], n = 0, i = p, a, k, out = 0, pend;
	uint64_t hash[BACK_TOKENS + 2], ph;

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
	/* the starts' words first, so that their cache slots are fetched together */
	for (k = 0; k < n; k++) {
		tmp[k] = skip_opening(t, tmp[k], p);
		hash[k] = tmp[k] <= p ? start_word(e, t, tmp[k], end, &wend[k]) : 0;
	}
	ph = start_word(e, t, p, end, &pend);
	/* ascending, p last */
	for (k = n; k-- > 0;) {
		a = tmp[k];
		if (a > p || (out && st[out - 1].at >= a))
			continue;
		add_start(e, t, a, wend[k], hash[k], st, &out);
	}
	/* "x>10": a comparison sign glued before the number */
	a = p;
	while (a > floor && strchr("<>=~", t[a - 1]) && t[a - 1])
		a--;
	if (a < p && (out == 0 || st[out - 1].at < a)) {
		st[out].at = a;
		memcpy(st[out].set, e->byte_mask + u[a] * e->mw, e->mw * sizeof(*st[out].set));
		st[out].slot = NO_SLOT;
		st[out].phrase = NO_SLOT;
		out++;
	}
	if (out == 0 || st[out - 1].at < p)
		add_start(e, t, p, pend, ph, st, &out);
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

/*
 * Match code (anchored) at start in text[0..end), with the engine's match
 * data and context.  JIT-compiled code goes to pcre2_jit_match()
 * directly: that is what pcre2_match() calls for it, less its checks of
 * arguments this caller gets right.  The limits are the same: a JIT match
 * keeps the match limit and the bounded JIT stack of the context, and
 * PCRE2 applies the depth and heap limits to the interpreter only, which
 * runs code that JIT could not compile.
 */
static int rule_match(const pcre2_code *code, int jit, const char *text, size_t end, size_t start,
		      struct fc_engine *e)
{
	if (jit)
		return pcre2_jit_match(code, (PCRE2_SPTR)text, end, start, PCRE2_NO_UTF_CHECK, e->md,
				       e->mctx);
	return pcre2_match(code, (PCRE2_SPTR)text, end, start, PCRE2_NO_UTF_CHECK, e->md, e->mctx);
}

/*
 * Match figure or ignore rule r at start (rule_match()), JIT-compiling it
 * first when the interpreter has run it JIT_AFTER times.  Results are the
 * same either way; so are the limits that count (a match limit for both,
 * the depth and heap limits for the interpreter, the bounded JIT stack for
 * JIT code), short of a rule that comes near them.
 */
static int rule_code_match(struct fc_engine *e, struct rule *r, const char *text, size_t end,
			   size_t start)
{
	if (!r->jit && !r->jit_tried && ++r->runs >= JIT_AFTER) {
		r->jit_tried = 1;
		r->jit = pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0;
	}
	return rule_match(r->code, r->jit, text, end, start, e);
}

/* ---- qualifiers and periods ----------------------------------------------------------- */

/* Bytes that end a sentence: 2 always (a newline), 1 before white space or the end (. ! ?). */
static const unsigned char sentence_mark[256] = { ['\n'] = 2, ['.'] = 1, ['!'] = 1, ['?'] = 1 };

static int sentence_end_at(const char *t, size_t len, size_t i)
{
	unsigned m = sentence_mark[(unsigned char)t[i]];

	return m && (m == 2 || i + 1 >= len || is_space((unsigned char)t[i + 1]));
}


/* The first i >= from (< len) where sentence_end_at() holds, or len; eight bytes at a time. */
static size_t next_sentence_end(const char *t, size_t len, size_t i)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w, m;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, t + i, 8);
		m = fc_bytes_equal8(w, '\n') | fc_bytes_equal8(w, '.') | fc_bytes_equal8(w, '!') | fc_bytes_equal8(w, '?');
		for (; m; m &= m - 1)
			if (sentence_end_at(t, len, i + (size_t)(__builtin_ctzll(m) >> 3)))
				return i + (size_t)(__builtin_ctzll(m) >> 3);
	}
#endif
	while (i < len && !sentence_end_at(t, len, i))
		i++;
	return i;
}

static void sentence_of(const char *t, size_t len, size_t s, size_t e, size_t *ss, size_t *se)
{
	size_t i = s;

	while (i > 0 && !sentence_end_at(t, len, i - 1))
		i--;
	*ss = i;
	i = next_sentence_end(t, len, e);
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

/*
 * A byte as a character of a qualifier prefix key: 1-26 a letter (either
 * case), 27 a space, 28-37 a digit; 0 none of those.
 */
static const unsigned char qual_class[256] = {
	['a'] = 1, ['A'] = 1, ['b'] = 2, ['B'] = 2, ['c'] = 3, ['C'] = 3, ['d'] = 4, ['D'] = 4,
	['e'] = 5, ['E'] = 5, ['f'] = 6, ['F'] = 6, ['g'] = 7, ['G'] = 7, ['h'] = 8, ['H'] = 8,
	['i'] = 9, ['I'] = 9, ['j'] = 10, ['J'] = 10, ['k'] = 11, ['K'] = 11,
	['l'] = 12, ['L'] = 12, ['m'] = 13, ['M'] = 13, ['n'] = 14, ['N'] = 14,
	['o'] = 15, ['O'] = 15, ['p'] = 16, ['P'] = 16, ['q'] = 17, ['Q'] = 17,
	['r'] = 18, ['R'] = 18, ['s'] = 19, ['S'] = 19, ['t'] = 20, ['T'] = 20,
	['u'] = 21, ['U'] = 21, ['v'] = 22, ['V'] = 22, ['w'] = 23, ['W'] = 23,
	['x'] = 24, ['X'] = 24, ['y'] = 25, ['Y'] = 25, ['z'] = 26, ['Z'] = 26, [' '] = 27,
	['0'] = 28, ['1'] = 29, ['2'] = 30, ['3'] = 31, ['4'] = 32, ['5'] = 33, ['6'] = 34,
	['7'] = 35, ['8'] = 36, ['9'] = 37,
};
static const char qual_class_char[38] = " abcdefghijklmnopqrstuvwxyz 0123456789";

/*
 * Can a qualifier match start with t[0..n) (whole characters)?  Partial
 * matching of them alone tells, after a word character and after a
 * newline, which covers whatever a rule that does not look behind can
 * see of the text before its start (\b, \B, ^ in multiline mode).
 */
static int qual_probe(struct fc_engine *e, const unsigned char *t, size_t n)
{
	static const char before[] = { 'a', '\n' };
	unsigned char buf[QUAL_KEY + 1];
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
 * Can a qualifier match start with the letters, spaces and digits t[0..n)
 * (4 to QUAL_KEY of them)?  Learnt once per such run, in a table that
 * only stops learning when it is full: "in the" may begin "in the year
 * 2015", "in a" cannot.  An entry is the run packed six bits a character,
 * bit 63 set if a qualifier can start with it; 0 is free.
 */
static int qual_can_start_long(struct fc_engine *e, const unsigned char *t, size_t n)
{
	unsigned char key[QUAL_KEY];
	uint64_t packed = 0, yes = (uint64_t)1 << 63;
	size_t i, slot, mask = QUAL_SLOTS - 1;

	for (i = 0; i < n; i++) {
		key[i] = (unsigned char)qual_class_char[qual_class[t[i]]];
		packed = packed << 6 | qual_class[t[i]];
	}
	for (slot = (size_t)(packed * 0x9E3779B97F4A7C15ull >> 40) & mask; e->qual_key[slot];
	     slot = (slot + 1) & mask)
		if ((e->qual_key[slot] & ~yes) == packed)
			return (e->qual_key[slot] & yes) != 0;
	if (e->nqual_keys >= QUAL_SLOTS * 3 / 4)
		return 1;
	e->qual_key[slot] = packed | (qual_probe(e, key, n) ? yes : 0);
	e->nqual_keys++;
	return (e->qual_key[slot] & yes) != 0;
}

/* The answer for a short prefix whose index is k in a known/yes bit table, probing t[0..n) if unknown. */
FC_INLINE int qual_bits(struct fc_engine *e, uint8_t *known, uint8_t *can, size_t k,
		     const unsigned char *t, size_t n)
{
	unsigned char key[3];
	size_t i;

	if (!(known[k / 8] >> (k % 8) & 1)) {
		for (i = 0; i < n; i++)
			key[i] = (unsigned char)qual_class_char[qual_class[t[i]]];
		known[k / 8] |= (uint8_t)(1u << (k % 8));
		if (qual_probe(e, key, n))
			can[k / 8] |= (uint8_t)(1u << (k % 8));
	}
	return can[k / 8] >> (k % 8) & 1;
}

/*
 * Can a qualifier match start at t[0..n)?  When it begins with three
 * letters, spaces or digits (either case), learnt once per those three
 * and, when they may, once per the longer such run there
 * (qual_can_start_long()); with two, once per those two; else once per
 * character below U+10000 (longer characters may).  qual_char entries
 * are 0 unknown, 1 no, 2 yes.
 */
FC_INLINE int qual_can_start(struct fc_engine *e, const unsigned char *t, size_t n)
{
	unsigned cp;
	size_t k;
	int len, a = n >= 1 ? qual_class[t[0]] : 0, b = n >= 2 ? qual_class[t[1]] : 0;
	int c = n >= 3 ? qual_class[t[2]] : 0;

	if (a && b && c) {
		k = ((size_t)(a - 1) * 37 + (size_t)(b - 1)) * 37 + (size_t)(c - 1);
		if (!qual_bits(e, e->qual3_known, e->qual3_can, k, t, 3))
			return 0;
		for (k = 3; k < n && k < QUAL_KEY && qual_class[t[k]]; k++)
			;
		return k == 3 || qual_can_start_long(e, t, k);
	}
	if (a && b)
		return qual_bits(e, e->qual2_known, e->qual2_can, (size_t)(a - 1) * 37 + (size_t)(b - 1), t, 2);
	len = fc_utf8_decode((const char *)t, n, &cp);
	if (len <= 0 || cp >= 0x10000)
		return 1;
	if (!e->qual_char[cp])
		e->qual_char[cp] = qual_probe(e, t, (size_t)len) ? 2 : 1;
	return e->qual_char[cp] == 2;
}

/* Word class of a byte for \b: 0 another ASCII byte, 1 an ASCII word character, 2 part of a wider character. */
static const unsigned char word_kind[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['_'] = 1,
	ASCII_LETTERS(1),
	[0x80] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/*
 * Once loaded (match data and context made): where PCRE2 gave the joined
 * qualifier pattern no start bitmap and no rule looks behind, clear the
 * ASCII bytes of qual_start that a match cannot begin with, by
 * qual_probe() of the byte alone; and when only word characters are
 * left (and every rule starts at \b), let the search try word starts
 * only (qual_word_starts).
 */
void fc_qual_start_init(struct fc_engine *e)
{
	unsigned char c;
	size_t i;

	if (!e->qual_anchored)
		return;
	if (e->qual_char)
		for (c = 0; c < 0x80; c++)
			if (e->qual_start[c] && !qual_probe(e, &c, 1))
				e->qual_start[c] = 0;
	e->qual_word_starts = e->qual_at_words;
	for (i = 0; i < 0x80; i++)
		if (e->qual_start[i] && word_kind[i] != 1)
			e->qual_word_starts = 0;
}

/*
 * Try the anchored qualifier pattern at q, if a match can start there:
 * at a character start whose byte can begin one and, when no rule looks
 * behind, where qual_can_start() says so.  PCRE2_ERROR_NOMATCH if not.
 */
FC_INLINE int qual_try(struct fc_engine *e, const char *text, size_t se, size_t q)
{
	const unsigned char *u = (const unsigned char *)text;

	if (!e->qual_start[u[q]] || (u[q] & 0xC0) == 0x80)
		return PCRE2_ERROR_NOMATCH;
	if (e->qual_char && q > 0 && !qual_can_start(e, u + q, se - q))
		return PCRE2_ERROR_NOMATCH;
	return rule_match(e->qual_anchored, e->qual_jit, text, se, q, e);
}

/*
 * The first match of the qualifier rules in text[off..se), as
 * pcre2_match() of the unanchored pattern would find it, but trying the
 * anchored pattern only where a match can start (qual_try()).  When every
 * rule begins with \b, that is only where a word character meets another
 * kind, so a run of ASCII bytes of one kind is stepped over after its
 * first byte.
 */
static int qual_search(struct fc_engine *e, const char *text, size_t se, size_t off)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t q = off;
	int rc, k;

	if (!e->qual_at_words) {
		for (; q < se; q++)
			if ((rc = qual_try(e, text, se, q)) != PCRE2_ERROR_NOMATCH)
				return rc;
		return PCRE2_ERROR_NOMATCH;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * Eight bytes at a time: the places where an ASCII byte's kind (word
	 * character or not) differs from the byte's before, and every byte of
	 * a wider character, are the loop's below.
	 */
	for (; q + 8 <= se; q += 8) {
		uint64_t w, wd, ot, pwd = 0, pot = 0, ev;

		memcpy(&w, u + q, 8);
		wd = fc_letters8(w) | fc_digits8(w) | fc_bytes_equal8(w, '_');
		ot = ~wd & ~w & BYTES_HIGH;
		if (q > 0) {
			pwd = word_kind[u[q - 1]] == 1 ? 0x80 : 0;
			pot = word_kind[u[q - 1]] == 0 ? 0x80 : 0;
		}
		ev = ~((wd & (wd << 8 | pwd)) | (ot & (ot << 8 | pot))) & BYTES_HIGH;
		if (e->qual_word_starts)
			ev &= wd | (w & BYTES_HIGH);
		for (; ev; ev &= ev - 1) {
			size_t at = q + (size_t)(__builtin_ctzll(ev) >> 3);

			if (e->qual_start[u[at]] && (rc = qual_try(e, text, se, at)) != PCRE2_ERROR_NOMATCH)
				return rc;
		}
	}
#endif
	while (q < se) {
		k = word_kind[u[q]];
		if (q > 0 && k < 2 && word_kind[u[q - 1]] == k) {
			/* no \b here, nor before the end of this run */
			while (q < se && word_kind[u[q]] == k)
				q++;
			continue;
		}
		if (e->qual_start[u[q]] && (rc = qual_try(e, text, se, q)) != PCRE2_ERROR_NOMATCH)
			return rc;
		q++;
	}
	return PCRE2_ERROR_NOMATCH;
}

static int qualify(struct fc_engine *e, const char *text, size_t len, const char *ref_date,
		   struct fc_figure_list *out, size_t first, int *limited,
		   struct fc_explain *x, struct fc_error *err)
{
	size_t i, j, ss, se, prev_ss = (size_t)-1, prev_start = 0, off, q;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md);
	uint32_t count = pcre2_get_ovector_count(e->md);
	int rc;

	if (!e->nqual)
		return FC_OK;
	for (i = first; i < out->n; i++) {
		/*
		 * Figures come in order: one with no sentence end between it and
		 * the figure before is in that figure's sentence, done already.
		 */
		q = out->v[i].start;
		if (prev_ss != (size_t)-1 && q >= prev_start) {
			while (q > prev_start && !sentence_end_at(text, len, q - 1))
				q--;
			if (q == prev_start) {
				prev_start = out->v[i].start;
				continue;
			}
		}
		prev_start = out->v[i].start;
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

/*
 * What the words and signs near one number allow, found at most once per
 * number and only when a rule asks: the needs groups they meet (bits of
 * the engine's needs index) and, from those, the figure rules whose needs
 * are met (a rule set, rules without needs included).
 */
struct near {
	size_t at;			/* the number they are near; (size_t)-1 if none */
	uint64_t *have;			/* e->need_gw words */
	uint64_t *ok;			/* e->mw words */
	/*
	 * The needed tokens of the line, cut once: text[from..upto) of the
	 * line that starts at line has been cut into tokens (upto is a token
	 * boundary), and e->near_hit[first..n) are those of them that are
	 * needed, in order.  Windows move right as numbers do.
	 */
	size_t line, from, upto, first, n;
};

/* fc_token_hash() of t[0..n), inline. */
static uint64_t token_hash(const unsigned char *t, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32u : t[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* End of the token at i, cut at lim as fc_token_len() cuts it (i < lim). */
FC_INLINE size_t cut_token(const struct fc_engine *e, const unsigned char *u, size_t i, size_t lim)
{
	int cls = e->token_class[u[i]];
	size_t j = i + 1;

	if (cls == TC_LETTER || cls == TC_DIGIT) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* a run of ASCII letters or digits: eight bytes at a time */
		for (; j + 8 <= lim; j += 8) {
			uint64_t w, other;

			memcpy(&w, u + j, 8);
			other = ~(cls == TC_LETTER ? fc_letters8(w) : fc_digits8(w)) & BYTES_HIGH;
			if (other)
				return j + (size_t)(__builtin_ctzll(other) >> 3);
		}
#endif
		while (j < lim && e->token_class[u[j]] == cls)
			j++;
	} else if (cls == TC_LEAD) {
		while (j < lim && e->token_class[u[j]] == TC_CONT)
			j++;
	}
	return j;
}

/* The needs index slot of the token t[0..k), or NO_SLOT: only a token of a needed shape is hashed. */
FC_INLINE size_t need_slot(const struct fc_engine *e, const unsigned char *t, size_t k)
{
	size_t mask = e->need_slots - 1, slot;
	uint64_t h;

	if (e->token_class[t[0]] == TC_SPACE || !(e->need_shape[t[0]] >> (k < 63 ? k : 63) & 1) ||
	    !(e->need_ends[need_ends_at(t, k)] >> (k < 63 ? k : 63) & 1))
		return NO_SLOT;
	h = token_hash(t, k);
	if (!h)
		h = 1;
	for (slot = h & mask; e->need_key[slot]; slot = (slot + 1) & mask)
		if (e->need_key[slot] == h)
			return slot;
	return NO_SLOT;
}

static void near_add(const struct fc_engine *e, struct near *nr, size_t slot)
{
	size_t w;

	if (slot == NO_SLOT)
		return;
	for (w = 0; w < e->need_gw; w++)
		nr->have[w] |= e->need_mask[slot * e->need_gw + w];
}

/*
 * The needs the tokens of text[i..end) meet, cut from i (a token start)
 * as one window, each hashed here.
 */
static void near_window(const struct fc_engine *e, struct near *nr, const unsigned char *u,
			size_t i, size_t end)
{
	size_t j;

	for (; i < end; i = j) {
		j = cut_token(e, u, i, end);
		near_add(e, nr, need_slot(e, u + i, j - i));
	}
}

/*
 * What the words within NEEDS_BEFORE bytes before and NEEDS_AFTER after
 * the number at p meet: the window of text[ls..le) (a line) begins at a
 * whole word and is cut into tokens from there, the last one cut at the
 * window's end.  Cutting is local (a token ends where the kind of byte
 * changes), so every token of the window but a first one that began
 * before it (digits) and a last one that goes on after it is a token of
 * the line as a whole: those are cut once per line and kept with their
 * needs slots (e->near_hit), and only the two ends are cut here.
 */
static void near_build(struct fc_engine *e, struct near *nr, const char *text, size_t ls,
		       size_t le, size_t p)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = p > ls + NEEDS_BEFORE ? p - NEEDS_BEFORE : ls;
	size_t end = le - p > NEEDS_AFTER ? p + NEEDS_AFTER : le, mid, k, w, slot;

	/* begin at a whole word, and never inside a UTF-8 character */
	while (i > ls && (is_alpha(u[i - 1]) || (u[i] & 0xC0) == 0x80))
		i--;
	nr->at = p;
	memset(nr->have, 0, e->need_gw * sizeof(nr->have[0]));
	/* the first token, when it began before i: the rest of a run of digits */
	if (i > ls && i < end && e->token_class[u[i]] == TC_DIGIT && e->token_class[u[i - 1]] == TC_DIGIT) {
		k = cut_token(e, u, i, end);
		near_add(e, nr, need_slot(e, u + i, k - i));
		i = k;
	}
	/* the last token, when it goes on after end */
	mid = end;
	if (end < le && end > i &&
	    ((e->token_class[u[end]] == TC_CONT) ||
	     ((e->token_class[u[end]] == TC_LETTER || e->token_class[u[end]] == TC_DIGIT) &&
	      e->token_class[u[end - 1]] == e->token_class[u[end]]))) {
		int cls = e->token_class[u[end]];

		if (cls == TC_CONT)
			while (mid > i && e->token_class[u[mid - 1]] == TC_CONT)
				mid--;
		else
			while (mid > i && e->token_class[u[mid - 1]] == cls)
				mid--;
		if (cls == TC_CONT && mid > i && e->token_class[u[mid - 1]] == TC_LEAD)
			mid--;
		near_add(e, nr, need_slot(e, u + mid, end - mid));
	}
	/* the tokens between, as the line cuts them */
	if (nr->line != ls || i < nr->from) {
		if (nr->line != ls && i >= ls) {
			nr->line = ls;
			nr->from = nr->upto = i;
			nr->first = nr->n = 0;
		} else {
			near_window(e, nr, u, i, mid);
			goto done;
		}
	}
	if (i > nr->upto) {
		nr->from = nr->upto = i;
		nr->first = nr->n = 0;
	}
	while (nr->upto < mid) {
		k = cut_token(e, u, nr->upto, le);
		if ((slot = need_slot(e, u + nr->upto, k - nr->upto)) != NO_SLOT) {
			if (nr->n == e->near_cap) {
				e->near_cap = e->near_cap ? 2 * e->near_cap : 64;
				e->near_hit = fc_xrealloc(e->near_hit, e->near_cap * sizeof(*e->near_hit));
			}
			e->near_hit[nr->n].at = nr->upto;
			e->near_hit[nr->n].slot = slot;
			nr->n++;
		}
		nr->upto = k;
	}
	while (nr->first < nr->n && e->near_hit[nr->first].at < i)
		nr->first++;
	for (k = nr->first; k < nr->n && e->near_hit[k].at < mid; k++)
		near_add(e, nr, e->near_hit[k].slot);
done:
	/* rules whose needs are met: every group, the first one's bit is the rule's */
	for (w = 0; w < e->mw; w++)
		nr->ok[w] = ~e->needers[w] | nr->have[w];
	for (k = 0; k < e->nneed_extra; k++) {
		size_t b = e->mw * 64 + k, r = e->need_extra[k];

		if (!(nr->have[b / 64] >> (b % 64) & 1))
			nr->ok[r / 64] &= ~((uint64_t)1 << (r % 64));
	}
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
	uint64_t *ok;			/* e->mw words: the rules whose after is met (or that have none) */
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
	size_t i = p, k, j, w, slot, mask = e->after_slots - 1;

	af->at = p;
	af->n = 0;
	while (i < le) {
		k = fc_token_len(text + i, le - i);
		if (!is_space(u[i])) {
			if (af->n == AFTER_TOKENS) {
				af->n = (size_t)-1;
				break;
			}
			af->h[af->n++] = fc_token_hash(text + i, k);
		}
		if (!number_glue(u + i, k) && !number_token(e, u + i, k))
			break;
		i += k;
	}
	/* the rules one of whose words follows; with too many to tell, all */
	for (w = 0; w < e->mw; w++)
		af->ok[w] = af->n == (size_t)-1 ? ~(uint64_t)0 : ~e->afters[w];
	if (af->n == (size_t)-1)
		return;
	for (j = 0; j < af->n; j++) {
		uint64_t h = af->h[j] ? af->h[j] : 1;

		for (slot = h & mask; e->after_key[slot]; slot = (slot + 1) & mask)
			if (e->after_key[slot] == h) {
				for (w = 0; w < e->mw; w++)
					af->ok[w] |= e->after_mask[slot * e->mw + w];
				break;
			}
	}
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
static int try_rules(struct fc_engine *e, const char *text, size_t ls, size_t end,
		     struct start *sp, size_t p, struct near *nr, struct after *af,
		     struct fc_figure_list *out,
		     size_t *pos, int *limited, struct fc_explain *x, struct fc_error *err)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md);
	uint32_t count = pcre2_get_ovector_count(e->md);
	size_t start = sp->at;
	struct fc_figure f;
	size_t j, w;
	uint64_t bits;
	int m;

	for (w = 0; w < e->mw; w++)
	for (bits = sp->set[w]; bits; bits &= bits - 1) {
		struct rule *r;

		/* the rules whose after and needs the text near the number meets (after is cheaper) */
		if (bits & e->afters[w]) {
			if (af->at != p)
				after_build(e, af, text, end, p);
			if (!(bits &= af->ok[w]))
				break;
		}
		if (bits & e->needers[w]) {
			if (nr->at != p)
				near_build(e, nr, text, ls, end, p);
			if (!(bits &= nr->ok[w]))
				break;
		}
		j = w * 64 + (size_t)__builtin_ctzll(bits);
		r = &e->rules[e->fig_rule[j]];
		if (sp->slot != NO_SLOT && !starter_can(e, sp->slot, j, text + start, sp->wlen))
			continue;
		/* from a word before the number: can the rule get through to its first byte? */
		if (start < p && !r->behind) {
			if (sp->phrase == PHRASE_UNKNOWN)
				sp->phrase = phrase_slot(e, text, start, p);
			if (sp->phrase != NO_SLOT && !phrase_can(e, sp->phrase, j, text, start, p))
				continue;
		}
		m = rule_code_match(e, r, text, end, start);
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
		     int *limited, int *invalid, struct fc_explain *x, struct fc_error *err)
{
	char *copy = NULL;
	size_t pos = 0, p, first = out->n, line_start = 0, line_end = 0, k, nst;
	struct start st[BACK_TOKENS + 4];
	struct near near, *nr = &near;
	struct after af;
	int rc = FC_OK, done;

	/* the engine's scratch (needs_index()): needs words, needs rules, after rules, start sets */
	nr->have = e->scratch;
	nr->ok = nr->have + e->need_gw;
	af.ok = nr->ok + e->mw;
	for (k = 0; k < BACK_TOKENS + 4; k++)
		st[k].set = af.ok + e->mw + k * e->mw;
	nr->at = (size_t)-1;
	nr->line = (size_t)-1;
	nr->from = nr->upto = nr->first = nr->n = 0;
	af.at = (size_t)-1;
	af.n = 0;
	if (limited)
		*limited = 0;
	if (invalid)
		*invalid = 0;
	if (!text || !len)
		goto out;
	if (!fc_utf8_valid(text, len)) {
		text = copy = fc_utf8_mask_copy(text, len);	/* offsets stay put */
		if (invalid)
			*invalid = 1;
	}
	while ((p = next_anchor(e, text, len, pos)) < len) {
		if (p >= line_end) {
			const char *nl = memchr(text + p, '\n', len - p);

			line_end = nl ? (size_t)(nl - text) : len;
			line_start = p;
			while (line_start > 0 && text[line_start - 1] != '\n')
				line_start--;
		}
		nst = start_points(e, text, pos > line_start ? pos : line_start, p, line_end, st);
		done = 0;
		for (k = 0; k < nst && !done; k++) {
			done = try_rules(e, text, line_start, line_end, &st[k], p, nr, &af, out,
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
	return rc;
}

int fc_engine_scan(struct fc_engine *e, const char *text, size_t len,
		   const char *ref_date, struct fc_figure_list *out,
		   int *limited, struct fc_error *err)
{
	return fc_scan_internal(e, text, len, ref_date, out, limited, NULL, NULL, err);
}

int fc_engine_scan_text(struct fc_engine *e, const char *text, size_t len,
			const char *ref_date, struct fc_figure_list *out,
			int *limited, int *invalid, struct fc_error *err)
{
	return fc_scan_internal(e, text, len, ref_date, out, limited, invalid, NULL, err);
}

/* ---- records --------------------------------------------------------------------------- */

/*
 * Records are written straight into the output buffer: fc_figure_json()
 * reserves room for the longest record the figure can make, then each
 * put_*() writes at p and returns the end.
 */

static char *put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

#define PUT_LIT(p, s) put((p), (s), sizeof(s) - 1)

/* The digits of n. */
static char *put_uint(char *p, unsigned long long n)
{
	char tmp[24];
	size_t k = sizeof(tmp);

	do {
		tmp[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return put(p, tmp + k, sizeof(tmp) - k);
}

/* The longest number put_num() writes. */
#define NUM_MAX 40

/*
 * v as fc_fmt_num() writes it (the shortest "%.*g" that reads back as v,
 * whole numbers below 1e15 in full), byte for byte.  Most figures are
 * whole numbers or short decimals, which are written here from their
 * digits; anything else goes to fc_fmt_num().
 */
static char *put_num(char *p, double v)
{
	char tmp[NUM_MAX];
	unsigned long long n, t;
	double m;
	int d;

	if (v == floor(v) && fabs(v) < 1e15) {
		if (signbit(v))
			*p++ = '-';
		return put_uint(p, (unsigned long long)fabs(v));
	}
	if ((d = short_decimal(v, &m)) > 0) {
		if (m < 0)
			*p++ = '-';
		n = (unsigned long long)fabs(m);
		for (t = 1; d > 0; d--)
			t *= 10;
		p = put_uint(p, n / t);
		*p++ = '.';
		n %= t;
		for (t /= 10; t > n && t > 1; t /= 10)
			*p++ = '0';
		return put_uint(p, n);
	}
	fc_fmt_num(tmp, sizeof(tmp), v);
	return put(p, tmp, strlen(tmp));
}

/* An end of an interval: inf, -inf or the number. */
static char *put_end(char *p, double v)
{
	if (isinf(v))
		return v < 0 ? PUT_LIT(p, "-inf") : PUT_LIT(p, "inf");
	return put_num(p, v);
}

/* fc_json_num(): null for what JSON cannot hold. */
static char *put_json_num(char *p, double v)
{
	if (isnan(v) || isinf(v))
		return PUT_LIT(p, "null");
	return put_num(p, v);
}

/* The longest put_json_str() of n bytes. */
#define JSON_STR_MAX(n) (6 * (n) + 2)

/* fc_json_str(): quoted, with ", \, control characters escaped; the rest as it is. */
static char *put_json_str(char *p, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	*p++ = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\') {
			*p++ = (char)c;
			continue;
		}
		*p++ = '\\';
		switch (c) {
		case '"': *p++ = '"'; break;
		case '\\': *p++ = '\\'; break;
		case '\n': *p++ = 'n'; break;
		case '\r': *p++ = 'r'; break;
		case '\t': *p++ = 't'; break;
		default:
			p = PUT_LIT(p, "u00");
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p++ = '"';
	return p;
}

/* A C string as a JSON string, or null when it is empty. */
static char *put_json_opt(char *p, const char *s)
{
	return *s ? put_json_str(p, s, strlen(s)) : PUT_LIT(p, "null");
}

static char *put_interval(char *p, const struct fc_figure *f)
{
	*p++ = f->low_open ? '(' : '[';
	p = put_end(p, f->low);
	*p++ = ',';
	p = put_end(p, f->high);
	*p++ = f->high_open ? ')' : ']';
	return p;
}

void fc_figure_interval(const struct fc_figure *f, struct fc_buf *out)
{
	char tmp[2 * NUM_MAX + 3];

	fc_buf_add(out, tmp, (size_t)(put_interval(tmp, f) - tmp));
}

void fc_figure_json(const struct fc_figure *f, const char *text, long line,
		    struct fc_buf *out)
{
	const char *q = fc_qualifier_name(f->qualifier), *unit = fc_unit_name(f->unit);
	const char *rule = f->rule ? f->rule : "";
	size_t nnoun = f->noun_end > f->noun_start ? f->noun_end - f->noun_start : 0, nlow, nhigh;
	char *p, *start, *low, *high;

	/* every key and number, and each string escaped at worst */
	fc_buf_grow(out, 256 + 10 * NUM_MAX + JSON_STR_MAX(f->end - f->start) + JSON_STR_MAX(nnoun) +
			 JSON_STR_MAX(strlen(unit)) + JSON_STR_MAX(sizeof(f->hedge)) +
			 JSON_STR_MAX(strlen(q ? q : "")) + JSON_STR_MAX(sizeof(f->period)) +
			 JSON_STR_MAX(sizeof(f->currency)) + JSON_STR_MAX(strlen(rule)));
	p = start = out->data + out->len;
	*p++ = '{';
	if (line >= 0) {
		p = PUT_LIT(p, "\"line\":");
		p = put_uint(p, (unsigned long long)line);
		*p++ = ',';
	}
	p = PUT_LIT(p, "\"start\":");
	p = put_uint(p, f->start);
	p = PUT_LIT(p, ",\"end\":");
	p = put_uint(p, f->end);
	p = PUT_LIT(p, ",\"text\":");
	p = put_json_str(p, text + f->start, f->end - f->start);
	p = PUT_LIT(p, ",\"value\":");
	p = put_json_num(p, f->value);
	p = PUT_LIT(p, ",\"low\":");
	low = p;
	p = put_json_num(p, f->low);
	nlow = (size_t)(p - low);
	p = PUT_LIT(p, ",\"high\":");
	high = p;
	p = put_json_num(p, f->high);
	nhigh = (size_t)(p - high);
	/* an interval holds no character JSON escapes; its finite ends are written above */
	p = PUT_LIT(p, ",\"interval\":\"");
	if (isfinite(f->low) && isfinite(f->high)) {
		*p++ = f->low_open ? '(' : '[';
		p = put(p, low, nlow);
		*p++ = ',';
		p = put(p, high, nhigh);
		*p++ = f->high_open ? ')' : ']';
	} else {
		p = put_interval(p, f);
	}
	p = PUT_LIT(p, "\",\"unit\":");
	p = put_json_str(p, unit, strlen(unit));
	p = PUT_LIT(p, ",\"hedge\":");
	p = put_json_opt(p, f->hedge);
	p = PUT_LIT(p, ",\"noun\":");
	p = nnoun ? put_json_str(p, text + f->noun_start, nnoun) : PUT_LIT(p, "null");
	p = PUT_LIT(p, ",\"qualifier\":");
	p = put_json_opt(p, q ? q : "");
	p = PUT_LIT(p, ",\"period\":");
	p = put_json_opt(p, f->period);
	if (f->currency[0]) {
		p = PUT_LIT(p, ",\"currency\":");
		p = put_json_str(p, f->currency, strlen(f->currency));
	}
	if ((f->unit == FC_UNIT_RATIO || f->unit == FC_UNIT_ODDS) && f->b != 0) {
		p = PUT_LIT(p, ",\"a\":");
		p = put_json_num(p, f->a);
		p = PUT_LIT(p, ",\"b\":");
		p = put_json_num(p, f->b);
	}
	if (f->unit == FC_UNIT_RANK)
		p = f->rank_from_bottom ? PUT_LIT(p, ",\"from_bottom\":true") :
					  PUT_LIT(p, ",\"from_bottom\":false");
	p = PUT_LIT(p, ",\"rule\":");
	p = put_json_str(p, rule, strlen(rule));
	*p++ = '}';
	out->len += (size_t)(p - start);
	out->data[out->len] = '\0';
}
