/* number.c - turns the text of one number ("two hundred and eighty-five", "£3bn"'s "3bn") into a value and its precision. */
#include "number.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum tok_kind { T_NUM, T_WORD, T_SLASH, T_FRAC };

struct tok {
	enum tok_kind kind;
	double v;		/* T_NUM, T_FRAC */
	double q, sig;		/* T_NUM: place of the last digit, of the last non-zero one */
	int has_point;		/* T_NUM written with a decimal point */
	char w[24];		/* T_WORD, lower case */
};

#define MAXTOK 48

enum word_kind {
	W_UNIT, W_TENS, W_HUNDRED, W_SCALE, W_SUFFIX, W_DOZEN, W_A, W_AND,
	W_HALF, W_DEN, W_ORD, W_MULT, W_FOLD, W_POINT, W_COUPLE, W_OF,
	W_SIGN, W_ORDSUF,
};

struct word {
	const char *w;
	enum word_kind kind;
	double v;
	int plural;
};

/*
 * The vocabulary.  Ordinals double as fraction denominators ("one eighth"),
 * which is decided by what stands before them, not here.
 */
static const struct word words[] = {
	{ "zero", W_UNIT, 0, 0 }, { "nought", W_UNIT, 0, 0 }, { "naught", W_UNIT, 0, 0 },
	{ "nil", W_UNIT, 0, 0 },
	{ "one", W_UNIT, 1, 0 }, { "two", W_UNIT, 2, 0 }, { "three", W_UNIT, 3, 0 },
	{ "four", W_UNIT, 4, 0 }, { "five", W_UNIT, 5, 0 }, { "six", W_UNIT, 6, 0 },
	{ "seven", W_UNIT, 7, 0 }, { "eight", W_UNIT, 8, 0 }, { "nine", W_UNIT, 9, 0 },
	{ "ten", W_UNIT, 10, 0 }, { "eleven", W_UNIT, 11, 0 }, { "twelve", W_UNIT, 12, 0 },
	{ "thirteen", W_UNIT, 13, 0 }, { "fourteen", W_UNIT, 14, 0 },
	{ "fifteen", W_UNIT, 15, 0 }, { "sixteen", W_UNIT, 16, 0 },
	{ "seventeen", W_UNIT, 17, 0 }, { "eighteen", W_UNIT, 18, 0 },
	{ "nineteen", W_UNIT, 19, 0 },
	{ "twenty", W_TENS, 20, 0 }, { "thirty", W_TENS, 30, 0 }, { "forty", W_TENS, 40, 0 },
	{ "fourty", W_TENS, 40, 0 }, { "fifty", W_TENS, 50, 0 }, { "sixty", W_TENS, 60, 0 },
	{ "seventy", W_TENS, 70, 0 }, { "eighty", W_TENS, 80, 0 }, { "ninety", W_TENS, 90, 0 },
	{ "hundred", W_HUNDRED, 100, 0 }, { "hundreds", W_HUNDRED, 100, 1 },
	{ "thousand", W_SCALE, 1e3, 0 }, { "thousands", W_SCALE, 1e3, 1 },
	{ "million", W_SCALE, 1e6, 0 }, { "millions", W_SCALE, 1e6, 1 },
	{ "billion", W_SCALE, 1e9, 0 }, { "billions", W_SCALE, 1e9, 1 },
	{ "trillion", W_SCALE, 1e12, 0 }, { "trillions", W_SCALE, 1e12, 1 },
	{ "lakh", W_SCALE, 1e5, 0 }, { "lakhs", W_SCALE, 1e5, 0 },
	{ "crore", W_SCALE, 1e7, 0 }, { "crores", W_SCALE, 1e7, 0 },
	{ "tens", W_TENS, 10, 1 },
	/* Abbreviated scales only count right after digits ("5k", "£3bn"). */
	{ "k", W_SUFFIX, 1e3, 0 }, { "m", W_SUFFIX, 1e6, 0 }, { "mn", W_SUFFIX, 1e6, 0 },
	{ "mm", W_SUFFIX, 1e6, 0 }, { "mil", W_SUFFIX, 1e6, 0 }, { "mln", W_SUFFIX, 1e6, 0 },
	{ "b", W_SUFFIX, 1e9, 0 }, { "bn", W_SUFFIX, 1e9, 0 }, { "bln", W_SUFFIX, 1e9, 0 },
	{ "g", W_SUFFIX, 1e9, 0 }, { "tn", W_SUFFIX, 1e12, 0 }, { "tln", W_SUFFIX, 1e12, 0 },
	{ "trn", W_SUFFIX, 1e12, 0 },
	{ "dozen", W_DOZEN, 12, 0 }, { "dozens", W_DOZEN, 12, 1 }, { "dz", W_DOZEN, 12, 0 },
	{ "dzs", W_DOZEN, 12, 0 }, { "doz", W_DOZEN, 12, 0 }, { "dozs", W_DOZEN, 12, 0 },
	{ "a", W_A, 1, 0 }, { "an", W_A, 1, 0 },
	{ "and", W_AND, 0, 0 },
	{ "of", W_OF, 0, 0 },
	{ "half", W_HALF, 2, 0 }, { "halves", W_HALF, 2, 1 },
	{ "quarter", W_DEN, 4, 0 }, { "quarters", W_DEN, 4, 1 },
	{ "thirds", W_DEN, 3, 1 }, { "fourths", W_DEN, 4, 1 }, { "fifths", W_DEN, 5, 1 },
	{ "sixths", W_DEN, 6, 1 }, { "sevenths", W_DEN, 7, 1 }, { "eighths", W_DEN, 8, 1 },
	{ "ninths", W_DEN, 9, 1 }, { "tenths", W_DEN, 10, 1 },
	{ "hundredths", W_DEN, 100, 1 }, { "thousandths", W_DEN, 1000, 1 },
	{ "millionths", W_DEN, 1e6, 1 },
	{ "first", W_ORD, 1, 0 }, { "second", W_ORD, 2, 0 }, { "third", W_ORD, 3, 0 },
	{ "fourth", W_ORD, 4, 0 }, { "fifth", W_ORD, 5, 0 }, { "sixth", W_ORD, 6, 0 },
	{ "seventh", W_ORD, 7, 0 }, { "eighth", W_ORD, 8, 0 }, { "ninth", W_ORD, 9, 0 },
	{ "tenth", W_ORD, 10, 0 }, { "eleventh", W_ORD, 11, 0 }, { "twelfth", W_ORD, 12, 0 },
	{ "thirteenth", W_ORD, 13, 0 }, { "fourteenth", W_ORD, 14, 0 },
	{ "fifteenth", W_ORD, 15, 0 }, { "sixteenth", W_ORD, 16, 0 },
	{ "seventeenth", W_ORD, 17, 0 }, { "eighteenth", W_ORD, 18, 0 },
	{ "nineteenth", W_ORD, 19, 0 }, { "twentieth", W_ORD, 20, 0 },
	{ "thirtieth", W_ORD, 30, 0 }, { "fortieth", W_ORD, 40, 0 },
	{ "fiftieth", W_ORD, 50, 0 }, { "sixtieth", W_ORD, 60, 0 },
	{ "seventieth", W_ORD, 70, 0 }, { "eightieth", W_ORD, 80, 0 },
	{ "ninetieth", W_ORD, 90, 0 }, { "hundredth", W_ORD, 100, 0 },
	{ "thousandth", W_ORD, 1000, 0 }, { "millionth", W_ORD, 1e6, 0 },
	{ "twice", W_MULT, 2, 0 }, { "double", W_MULT, 2, 0 }, { "doubled", W_MULT, 2, 0 },
	{ "doubling", W_MULT, 2, 0 }, { "triple", W_MULT, 3, 0 }, { "tripled", W_MULT, 3, 0 },
	{ "tripling", W_MULT, 3, 0 }, { "treble", W_MULT, 3, 0 }, { "trebled", W_MULT, 3, 0 },
	{ "quadruple", W_MULT, 4, 0 }, { "quadrupled", W_MULT, 4, 0 },
	{ "halved", W_MULT, 0.5, 0 }, { "halving", W_MULT, 0.5, 0 },
	{ "fold", W_FOLD, 0, 0 },
	{ "point", W_POINT, 0, 0 },
	{ "couple", W_COUPLE, 2, 0 },
	{ "minus", W_SIGN, -1, 0 }, { "negative", W_SIGN, -1, 0 }, { "plus", W_SIGN, 1, 0 },
	{ "st", W_ORDSUF, 0, 0 }, { "nd", W_ORDSUF, 0, 0 }, { "rd", W_ORDSUF, 0, 0 },
	{ "th", W_ORDSUF, 0, 0 },
};

static const struct word *lookup(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].w, w) == 0)
			return &words[i];
	return NULL;
}

/* Length of the white space (ASCII, no-break and thin spaces) at s. */
static size_t space_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' || u[0] == '\r'))
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	/* U+2009 thin space, U+202F narrow no-break space */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF))
		return 3;
	return 0;
}

/* Length of a dash (hyphen, en dash, minus sign) at s. */
static size_t dash_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && u[0] == '-')
		return 1;
	if (n >= 3 && u[0] == 0xE2 && ((u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x90 || u[2] == 0x91)) ||
				      (u[1] == 0x88 && u[2] == 0x92)))
		return 3;
	return 0;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int count_digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_digit((unsigned char)s[i]))
		i++;
	return (int)i;
}

/*
 * Lex digits with their group separators: "1,234,567", "1 234 567",
 * "12,34,567.89".  A separator counts only if exactly three digits follow
 * it (two for the Indian lakh grouping before a final group of three).
 */
static size_t lex_digits(const char *s, size_t n, struct tok *t)
{
	char buf[64];
	size_t i = 0, bl = 0, sl;
	int d, tz = 0, decimals = 0, k;

	while (i < n) {
		if (is_digit((unsigned char)s[i])) {
			if (bl < sizeof(buf) - 2)
				buf[bl++] = s[i];
			i++;
			continue;
		}
		if (s[i] == ',' && i + 1 < n) {
			d = count_digits(s + i + 1, n - i - 1);
			if (d == 3 || (d == 2 && i + 3 < n && s[i + 3] == ',')) {
				i++;
				continue;
			}
			break;
		}
		sl = space_len(s + i, n - i);
		if (sl && i + sl < n && count_digits(s + i + sl, n - i - sl) == 3) {
			i += sl;
			continue;
		}
		break;
	}
	for (k = (int)bl - 1; k > 0 && buf[k] == '0'; k--)
		tz++;
	if (i + 1 < n && s[i] == '.' && is_digit((unsigned char)s[i + 1])) {
		t->has_point = 1;
		buf[bl++] = '.';
		i++;
		while (i < n && is_digit((unsigned char)s[i])) {
			if (bl < sizeof(buf) - 1)
				buf[bl++] = s[i];
			decimals++;
			i++;
		}
	}
	buf[bl] = '\0';
	t->kind = T_NUM;
	t->v = strtod(buf, NULL);
	t->q = pow(10, -decimals);
	t->sig = decimals ? t->q : pow(10, tz);
	return i;
}

/* Vulgar fraction characters: U+00BC..U+00BE and U+2150..U+215E. */
static size_t lex_vulgar(const char *s, size_t n, double *v)
{
	const unsigned char *u = (const unsigned char *)s;
	static const double latin[] = { 0.25, 0.5, 0.75 };
	static const double forms[] = { 1.0 / 7, 1.0 / 9, 0.1, 1.0 / 3, 2.0 / 3,
					0.2, 0.4, 0.6, 0.8, 1.0 / 6, 5.0 / 6,
					0.125, 0.375, 0.625, 0.875 };

	if (n >= 2 && u[0] == 0xC2 && u[1] >= 0xBC && u[1] <= 0xBE) {
		*v = latin[u[1] - 0xBC];
		return 2;
	}
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x85 && u[2] >= 0x90 && u[2] <= 0x9E) {
		*v = forms[u[2] - 0x90];
		return 3;
	}
	return 0;
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int tokenize(const char *s, size_t n, struct tok *t, int max)
{
	size_t i = 0, k, l;
	int nt = 0;
	double v;

	while (i < n) {
		if ((l = space_len(s + i, n - i)) || (l = dash_len(s + i, n - i))) {
			/* A dash right before the first token is a minus sign. */
			if (nt == 0 && dash_len(s + i, n - i) && i + l < n) {
				if (nt >= max)
					return -1;
				memset(&t[nt], 0, sizeof(t[nt]));
				t[nt].kind = T_WORD;
				strcpy(t[nt].w, "minus");
				nt++;
			}
			i += l;
			continue;
		}
		if (nt >= max)
			return -1;
		memset(&t[nt], 0, sizeof(t[nt]));
		if (s[i] == ',' || s[i] == '+') {
			i++;
			continue;
		}
		if (is_digit((unsigned char)s[i]) ||
		    (s[i] == '.' && i + 1 < n && is_digit((unsigned char)s[i + 1]))) {
			i += lex_digits(s + i, n - i, &t[nt]);
			nt++;
			continue;
		}
		if (s[i] == '/') {
			t[nt++].kind = T_SLASH;
			i++;
			continue;
		}
		if ((l = lex_vulgar(s + i, n - i, &v))) {
			t[nt].kind = T_FRAC;
			t[nt++].v = v;
			i += l;
			continue;
		}
		if (is_alpha((unsigned char)s[i])) {
			for (k = 0; i + k < n && is_alpha((unsigned char)s[i + k]); k++)
				;
			if (k >= sizeof(t[nt].w))
				return -1;
			t[nt].kind = T_WORD;
			for (l = 0; l < k; l++)
				t[nt].w[l] = (char)(s[i + l] | 0x20);
			t[nt].w[k] = '\0';
			/* "’s" after a figure ("last year's") belongs to no number. */
			i += k;
			nt++;
			continue;
		}
		/* apostrophes (straight or curly) and dots are noise inside a number phrase */
		if (s[i] == '\'' || s[i] == '.') {
			i++;
			continue;
		}
		if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			i += 3;
			continue;
		}
		return -1;
	}
	return nt;
}

/* "threefold", "tenfold": a number word glued to "fold". */
static const struct word *fold_word(const char *w)
{
	size_t n = strlen(w);
	char head[24];
	const struct word *x;

	if (n <= 4 || strcmp(w + n - 4, "fold") != 0)
		return NULL;
	memcpy(head, w, n - 4);
	head[n - 4] = '\0';
	x = lookup(head);
	if (x && (x->kind == W_UNIT || x->kind == W_TENS || x->kind == W_HUNDRED))
		return x;
	return NULL;
}

static int is_numerator(const struct tok *t)
{
	const struct word *x;

	if (t->kind == T_NUM)
		return !t->has_point;
	if (t->kind != T_WORD)
		return 0;
	x = lookup(t->w);
	return x && (x->kind == W_UNIT || x->kind == W_TENS || x->kind == W_A);
}

int fc_number_parse(const char *s, size_t n, struct fc_number *out)
{
	struct tok t[MAXTOK];
	int nt, i, cur_set = 0, any = 0, point = 0, pending_half = 0;
	int after_and = 0, plural_lead = 0, group_in_cur = 0, prev_scale = 0;
	double sign = 1, total = 0, cur = 0, frac = 0, q = 1, sig = 1;
	double group = 0;	/* value added since the last "and" or scale: a fraction's numerator */
	double last_scale = 0, pdiv = 1;
	const struct word *x;

	memset(out, 0, sizeof(*out));
	nt = tokenize(s, n, t, MAXTOK);
	if (nt <= 0)
		return -1;
	for (i = 0; i < nt; i++) {
		if (t[i].kind == T_NUM) {
			if (point)
				return -1;
			if (i + 2 < nt && t[i + 1].kind == T_SLASH && t[i + 2].kind == T_NUM) {
				if (t[i + 2].v == 0)
					return -1;
				frac += t[i].v / t[i + 2].v;
				out->fraction = 1;
				q = sig = 0;
				i += 2;
				any = 1;
				continue;
			}
			if (cur_set && group != 0)
				return -1;	/* two numbers side by side */
			cur += t[i].v;
			group = t[i].v;
			group_in_cur = 1;
			cur_set = any = 1;
			q = t[i].q;
			sig = t[i].sig;
			continue;
		}
		if (t[i].kind == T_FRAC) {
			frac += t[i].v;
			out->fraction = 1;
			q = sig = 0;
			any = 1;
			continue;
		}
		if (t[i].kind == T_SLASH)
			return -1;
		x = lookup(t[i].w);
		if (!x && (x = fold_word(t[i].w))) {
			cur += x->kind == W_HUNDRED ? 100 : x->v;
			cur_set = any = 1;
			out->multiplier = 1;
			q = sig = 1;
			continue;
		}
		if (!x)
			return -1;
		switch (x->kind) {
		case W_SIGN:
			if (any)
				return -1;
			sign *= x->v;
			break;
		case W_UNIT:
		case W_TENS:
			if (point) {
				/* "point seventy-one": each word is one or two digits */
				if (x->v >= 10 && x->v < 20) {
					pdiv *= 100;
				} else if (x->kind == W_TENS) {
					pdiv *= 100;
				} else if (i > 0 && t[i - 1].kind == T_WORD && lookup(t[i - 1].w) &&
					   lookup(t[i - 1].w)->kind == W_TENS) {
					cur += x->v / pdiv;
					break;
				} else {
					pdiv *= 10;
				}
				cur += x->v / pdiv;
				q = 1 / pdiv;
				break;
			}
			if (x->plural) {	/* "tens of thousands" */
				cur = 20;
				cur_set = any = 1;
				out->lower_only = 1;
				plural_lead = 1;
				break;
			}
			if (x->kind == W_UNIT && group != 0 && i > 0 && t[i - 1].kind == T_WORD &&
			    lookup(t[i - 1].w) && lookup(t[i - 1].w)->kind == W_UNIT)
				return -1;	/* "three four" */
			cur += x->v;
			group = (i > 0 && t[i - 1].kind == T_WORD && lookup(t[i - 1].w) &&
				 lookup(t[i - 1].w)->kind == W_TENS) ? group + x->v : x->v;
			group_in_cur = 1;
			cur_set = any = 1;
			q = 1;
			sig = (x->kind == W_TENS) ? 10 : 1;
			break;
		case W_HUNDRED:
			if (x->plural && !cur_set) {
				cur = 200;
				out->lower_only = 1;
				plural_lead = 1;
			} else if (plural_lead) {
				cur *= 100;
			} else {
				if (frac) {	/* "half a hundred" */
					cur += frac;
					frac = 0;
				}
				cur = (cur_set ? cur : 1) * 100;
			}
			q = (q ? q : 1) * 100;
			sig = q;
			cur_set = any = 1;
			group = 0;
			break;
		case W_SUFFIX:
			/* abbreviations only right after digits */
			if (i == 0 || t[i - 1].kind != T_NUM)
				return -1;
			/* fall through */
		case W_SCALE:
			prev_scale = i > 0 && t[i - 1].kind == T_WORD && lookup(t[i - 1].w) &&
				     lookup(t[i - 1].w)->kind == W_SCALE;
			if (prev_scale && !cur_set && total) {	/* "three lakh crore" */
				total *= x->v;
				q = (q ? q : 1) * x->v;
				sig = (sig ? sig : 1) * x->v;
				last_scale = x->v;
				break;
			}
			if (x->plural && !cur_set) {
				cur = 2;
				out->lower_only = 1;
			}
			if (frac && !cur_set) {		/* "half million", "two thirds of a million" */
				cur = frac;
				frac = 0;
			} else if (frac && after_and) {	/* "five and a half million" */
				cur += frac;
				frac = 0;
			}
			total += (cur_set || cur ? cur : 1) * x->v;
			q = (q ? q : 1) * x->v;
			sig = (sig ? sig : 1) * x->v;
			if (out->fraction)
				q = sig = 0;
			cur = 0;
			cur_set = 0;
			any = 1;
			group = 0;
			after_and = 0;
			last_scale = x->v;
			break;
		case W_DOZEN:
			if (x->plural && !cur_set) {
				cur = 24;
				out->lower_only = 1;
			} else if (pending_half) {
				cur = 6;
				frac -= 0.5;
				pending_half = 0;
			} else {
				cur = (cur_set ? cur : 1) * 12;
			}
			cur_set = any = 1;
			q = sig = 1;
			group = 0;
			break;
		case W_A:
			/* "a" only means one before a scale, a fraction or "couple" */
			if (pending_half)
				break;
			if (i + 1 >= nt)
				return -1;
			if (frac && !cur_set)
				break;	/* "two thirds of a million" */
			group = 1;
			group_in_cur = !after_and;
			if (!after_and) {
				cur += 1;
				cur_set = 1;
			}
			any = 1;
			break;
		case W_AND:
			if (!any)
				return -1;
			after_and = 1;
			group = 0;
			break;
		case W_OF:
			if (!any)
				return -1;
			break;
		case W_COUPLE:
			if (cur_set && cur == 1)
				cur = 2;
			else if (!cur_set)
				cur = 2;
			else
				return -1;
			cur_set = any = 1;
			q = sig = 1;
			group = 0;
			break;
		case W_POINT:
			if (point || !any)
				return -1;
			point = 1;
			break;
		case W_HALF:
		case W_DEN:
		case W_ORD: {
			int has_num = i > 0 && is_numerator(&t[i - 1]) && group != 0;
			double den = x->kind == W_HALF ? 2 : x->v;

			if (x->kind == W_ORD && (x->v == 1 || x->v == 2)) {
				has_num = 0;	/* "first", "second" are never denominators */
			} else if (x->kind == W_ORD && i > 0 && t[i - 1].kind == T_WORD &&
				   lookup(t[i - 1].w) && lookup(t[i - 1].w)->kind == W_TENS) {
				has_num = 0;	/* "twenty-first" */
			}
			if (x->kind == W_ORD && !has_num) {
				cur += x->v;
				cur_set = any = 1;
				out->ordinal = 1;
				q = sig = 1;
				break;
			}
			if (has_num) {
				if (group_in_cur)
					cur -= group;
				frac += group / den;
				group = 0;
				if (cur == 0 && !after_and)
					cur_set = 0;
			} else if (x->kind == W_HALF && i + 2 < nt && t[i + 1].kind == T_WORD &&
				   strcmp(t[i + 1].w, "a") == 0) {
				pending_half = 1;	/* "half a dozen", "half a million" */
				frac += 0.5;
			} else {
				frac += 1 / den;
			}
			out->fraction = 1;
			any = 1;
			q = sig = 0;
			break;
		}
		case W_MULT:
			if (any)
				return -1;
			cur = x->v;
			cur_set = any = 1;
			out->multiplier = 1;
			q = sig = 0;
			break;
		case W_FOLD:
			if (!any)
				return -1;
			out->multiplier = 1;
			break;
		case W_ORDSUF:
			if (i == 0 || t[i - 1].kind != T_NUM || t[i - 1].has_point)
				return -1;
			out->ordinal = 1;
			q = sig = 1;
			break;
		}
	}
	if (!any)
		return -1;
	if (pending_half && frac == 0.5 && total == 0 && cur == 0)
		pending_half = 0;
	/* "one million and a half": the fraction is of the last scale */
	if (frac && after_and && cur == 0 && last_scale > 0 && total > 0) {
		total += frac * last_scale;
		frac = 0;
	}
	out->value = sign * (total + cur + frac);
	out->quantum = q;
	out->sig = sig;
	if (out->fraction && out->value > 1 && frac == 0)
		out->fraction = 0;
	if (out->lower_only)
		out->quantum = out->sig = 0;
	if (!isfinite(out->value))
		return -1;
	return 0;
}

struct currency {
	const char *name;
	const char *code;
};

static const struct currency currencies[] = {
	{ "£", "GBP" }, { "$", "USD" }, { "US$", "USD" }, { "€", "EUR" }, { "¥", "JPY" },
	{ "A$", "AUD" }, { "AU$", "AUD" }, { "C$", "CAD" }, { "CA$", "CAD" }, { "NZ$", "NZD" },
	{ "HK$", "HKD" }, { "₹", "INR" }, { "₩", "KRW" }, { "₽", "RUB" }, { "₺", "TRY" },
	{ "GBP", "GBP" }, { "USD", "USD" }, { "EUR", "EUR" }, { "JPY", "JPY" },
	{ "CHF", "CHF" }, { "CNY", "CNY" }, { "RMB", "CNY" }, { "INR", "INR" },
	{ "pound", "GBP" }, { "pounds", "GBP" }, { "pounds sterling", "GBP" },
	{ "sterling", "GBP" }, { "quid", "GBP" },
	{ "dollar", "USD" }, { "dollars", "USD" }, { "us dollars", "USD" },
	{ "euro", "EUR" }, { "euros", "EUR" }, { "yen", "JPY" }, { "yuan", "CNY" },
	{ "renminbi", "CNY" }, { "rupee", "INR" }, { "rupees", "INR" },
	{ "swiss francs", "CHF" }, { "francs", "CHF" }, { "roubles", "RUB" },
	{ "rubles", "RUB" }, { "canadian dollars", "CAD" }, { "australian dollars", "AUD" },
	{ "usd", "USD" }, { "eur", "EUR" }, { "gbp", "GBP" }, { "rmb", "CNY" }, { "franc", "CHF" },
	{ "bitcoin", "XBT" }, { "bitcoins", "XBT" }, { "btc", "XBT" },
};

const char *fc_currency_code(const char *s, size_t n)
{
	size_t i, l;

	while (n && (s[0] == ' ' || s[0] == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++) {
		l = strlen(currencies[i].name);
		if (l == n && fc_strncasecmp(currencies[i].name, s, n) == 0)
			return currencies[i].code;
	}
	return NULL;
}
