/* sentence.c - split segment text into sentences and paragraphs, by byte offsets. */
#include "sentence.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void fc_spans_init(struct fc_spans *s)
{
	memset(s, 0, sizeof(*s));
}

void fc_spans_release(struct fc_spans *s)
{
	free(s->v);
	fc_spans_init(s);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * Length of horizontal white space at t[i]: a space or tab, a no-break space
 * (U+00A0) or a narrow no-break space (U+202F), which pages often put after
 * a full stop; 0 if none.
 */
static size_t hspace(const char *t, size_t i, size_t len)
{
	if (t[i] == ' ' || t[i] == '\t')
		return 1;
	if (i + 2 <= len && (unsigned char)t[i] == 0xC2 &&
	    (unsigned char)t[i + 1] == 0xA0)
		return 2;
	if (i + 3 <= len && memcmp(t + i, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

static void push(struct fc_spans *out, const char *t, size_t a, size_t b,
		 size_t para)
{
	while (a < b && is_space(t[a]))
		a++;
	while (b > a && is_space(t[b - 1]))
		b--;
	if (a == b)
		return;
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 32;
		out->v = fc_xrealloc(out->v, out->cap * sizeof(*out->v));
	}
	out->v[out->n].start = a;
	out->v[out->n].end = b;
	out->v[out->n].para = para;
	out->n++;
}

/* Words after which a full stop does not end a sentence. */
static int is_abbrev(const char *t, size_t dot)
{
	static const char *const abbr[] = {
		"Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "St", "Rev", "Gen", "Col",
		"Capt", "Lt", "Sgt", "Jr", "Sr", "Mt", "No", "vs", "etc", "e.g",
		"i.e", "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
		"Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp",
		"U.S", "U.K", "a.m", "p.m", "cf", "Cllr", "Rt", "Hon",
	};
	size_t i, w = dot;

	while (w > 0 && (t[w - 1] == '.' || (t[w - 1] >= 'A' && t[w - 1] <= 'Z') ||
			 (t[w - 1] >= 'a' && t[w - 1] <= 'z')))
		w--;
	for (i = 0; i < sizeof(abbr) / sizeof(abbr[0]); i++) {
		size_t n = strlen(abbr[i]);

		if (dot - w == n && memcmp(t + w, abbr[i], n) == 0)
			return 1;
	}
	/* A single capital ("J. Smith") is an initial. */
	return dot - w == 1 && t[w] >= 'A' && t[w] <= 'Z';
}

/* Length of a closing quote or bracket at t[i], 0 if none. */
static size_t closer(const char *t, size_t i, size_t len)
{
	if (t[i] == '"' || t[i] == '\'' || t[i] == ')' || t[i] == ']')
		return 1;
	if (i + 3 <= len && (memcmp(t + i, "\xE2\x80\x9D", 3) == 0 ||
			     memcmp(t + i, "\xE2\x80\x99", 3) == 0))
		return 3;
	return 0;
}

/* Does a new sentence plausibly start at t[i]? */
static int starter(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];

	if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
	    c == '\'' || c == '(' || c == '[')
		return 1;
	/* Opening curly quotes and other non-ASCII letters (É, Ö, ...). */
	if (i + 3 <= len && (memcmp(t + i, "\xE2\x80\x9C", 3) == 0 ||
			     memcmp(t + i, "\xE2\x80\x98", 3) == 0))
		return 1;
	return c >= 0xC3 && c <= 0xC5;
}

/* The first i >= from where t has a newline, '.', '!' or '?'; len if none.  Eight bytes at a time. */
static size_t next_mark(const char *t, size_t i, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w, m;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, t + i, 8);
		m = fc_bytes_equal8(w, '\n') | fc_bytes_equal8(w, '.') | fc_bytes_equal8(w, '!') |
		    fc_bytes_equal8(w, '?');
		if (m)
			return i + (size_t)(__builtin_ctzll(m) >> 3);
	}
#endif
	while (i < len && t[i] != '\n' && t[i] != '.' && t[i] != '!' && t[i] != '?')
		i++;
	return i;
}

void fc_sentences(const char *t, size_t len, struct fc_spans *out)
{
	size_t i = 0, start = 0, para = 0;

	while ((i = next_mark(t, i, len)) < len) {
		char c = t[i];

		if (c == '\n') {
			/* A line break always ends a sentence; a blank line a paragraph. */
			push(out, t, start, i, para);
			start = i + 1;
			if (i + 1 < len && (t[i + 1] == '\n' ||
					    (t[i + 1] == '\r' && i + 2 < len &&
					     t[i + 2] == '\n')))
				para++;
			i++;
			continue;
		}
		if (c == '.' || c == '!' || c == '?') {
			size_t j = i + 1, k, n;

			/* Decimal points and runs like "..." stay inside. */
			if (c == '.' && i > 0 && j < len && t[i - 1] >= '0' &&
			    t[i - 1] <= '9' && t[j] >= '0' && t[j] <= '9') {
				i++;
				continue;
			}
			while (j < len && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
				j++;
			while (j < len && (k = closer(t, j, len)))
				j += k;
			if (j >= len || !(is_space(t[j]) || hspace(t, j, len))) {
				i = j;
				continue;
			}
			k = j;
			while (k < len && (n = hspace(t, k, len)))
				k += n;
			if (k < len && t[k] != '\n' && starter(t, k, len) &&
			    !(c == '.' && j == i + 1 && is_abbrev(t, i))) {
				push(out, t, start, j, para);
				start = k;
			}
			i = k > j ? k : j;
			continue;
		}
	}
	push(out, t, start, len, para);
}

struct fc_span fc_paragraph_at(const char *t, size_t len, size_t off)
{
	struct fc_span s = { 0, len, 0 };
	size_t i;

	for (i = off; i > 0; i--)
		if (t[i - 1] == '\n' && i >= 2 && t[i - 2] == '\n') {
			s.start = i;
			break;
		}
	for (i = off; i + 1 < len; i++)
		if (t[i] == '\n' && t[i + 1] == '\n') {
			s.end = i;
			break;
		}
	return s;
}
