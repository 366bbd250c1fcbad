/* claims.c - the claim layer: figures linked to actors, metrics, speakers and periods. */
#include "claims.h"

#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far (bytes) a subject may stand from its figure. */
#define LINK_WINDOW 90
/* How many earlier claims of a document a bare figure may echo. */
#define ECHO_WINDOW 4096

/* Where a metric's context is searched, nearest first. */
enum { CTX_CLAUSE, CTX_SENTENCE, CTX_PARAGRAPH, CTX_SEGMENT, CTX_KINDS };

/* Whether each metric's context holds in one span (-1: not yet known). */
struct ctx_cache {
	const char *t;
	size_t start, end;
	signed char *v;
};

/* The paragraph last found (see paragraph_at). */
struct para_cache {
	const char *t;		/* NULL: none */
	struct fc_span span;
};

/*
 * The pack's aliases by first byte, for a literal test of where alias_re
 * could match (see alias_next).  aliases[first[b] .. first[b + 1])
 * start with byte b.  Without a usable index (an alias starting with a
 * space or holding a control character), alias_re searches alone.
 */
struct alias_index {
	const char **aliases;
	size_t first[257];
	int usable;
};

/*
 * Classes for the literal tests before name_re and alias_re: of each byte,
 * and of the characters U+0080-07FF (two bytes: accented Latin, Greek,
 * Cyrillic ...) and U+2000-207F (punctuation: ’ “ ” –), the last two as
 * PCRE2's own tables class them.
 */
enum {
	C_ALIAS = 1,		/* byte: an alias starts with it */
	C_NAME = 2,		/* byte: A-Z, or a lead byte outside ASCII */
	C_WORD = 4,		/* \w, or an apostrophe: no match right after it */
	C_HYPHEN = 8,		/* no name right after it either */
	C_UPPER = 16,		/* \p{Lu}: a name may start with it */
	C_KNOWN = 32,		/* a character classed */
};
#define CH2_FIRST 0x80
#define CH2_END 0x800
#define PUNCT_FIRST 0x2000
#define PUNCT_END 0x2080

struct fc_extractor {
	struct fc_engine *engine;
	struct fc_pack *pack;
	pcre2_code *name_re;		/* capitalised word runs: candidate names (anchored) */
	pcre2_code *speech_re;		/* "X said/claimed (that)" after a name */
	pcre2_code *forward_re;		/* "for / nominated / backing" before a name */
	pcre2_code *object_re;		/* "beat / in / of" before a name */
	pcre2_code *total_re;		/* "from / out of / a total of" before a figure */
	pcre2_code *pronoun_re;
	pcre2_code *adjacent_re;	/* "Okonjo-Brandt on 15,977", "the Harbour Party with 46%" */
	pcre2_code *estimate_re;	/* "the council's own estimate" */
	pcre2_code *self_re;		/* "TVT said it ran 41" */
	pcre2_code *part_of_re;		/* "39 of the 44", "868 out of 1,240" */
	pcre2_code *poss_of_re;		/* "the union's claim of 9 per cent" */
	pcre2_code *predicate_re;	/* "turnout was 70%", "a turnout of 75 per cent" */
	pcre2_code *poss_total_re;	/* "of its 120" */
	pcre2_code *apposed_re;		/* "N things, or 35 per cent", "N things – 88.5 per cent" */
	pcre2_code *quote_after_re;	/* '" managing director X said', '" said X' */
	pcre2_code *quote_before_re;	/* 'X said: "' */
	pcre2_code *first_person_re;	/* "we", "our", "us" */
	pcre2_code *duration_of_re;	/* "half of that time" */
	pcre2_code *appos_lead_re;	/* "biggest, the " between ranks and names */
	pcre2_code *appos_join_re;	/* ", " or " and " between names */
	pcre2_code *poss_pred_re;	/* "the Harbour Party's vote share rose 6.5 points" */
	pcre2_code *it_re;		/* "71 per cent opposed it" */
	pcre2_code *negated_re;		/* "not one councillor" */
	pcre2_code *generic_noun_re;	/* "three times the size of", "the number" */
	pcre2_code *topic_of_re;	/* "Membership of the " opening a sentence */
	pcre2_code *sum_re;		/* "781 plus 97 is " before a figure */
	pcre2_match_data *md;
	struct alias_index alias_ix;
	struct para_cache para;
	unsigned char bytes[256];	/* C_* of each byte */
	unsigned char ch2[CH2_END - CH2_FIRST];		/* C_KNOWN, C_WORD, C_UPPER */
	unsigned char punct[PUNCT_END - PUNCT_FIRST];	/* likewise */
	struct ctx_cache cache[CTX_KINDS];
};

/*
 * A pattern matched only at its start offset is compiled with
 * PCRE2_ANCHORED (opts): given at match time instead, that option makes
 * PCRE2 run its interpreter rather than the JIT code.
 */
static pcre2_code *re_opts(const char *pat, uint32_t opts, struct fc_error *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;
	pcre2_code *r = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF | PCRE2_UCP | opts, &code, &off, NULL);

	if (!r) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		fc_error_set(err, FC_ESYS, "internal pattern at %zu: %s",
			     (size_t)off, (char *)msg);
		return NULL;
	}
	pcre2_jit_compile(r, PCRE2_JIT_COMPLETE);
	return r;
}

static pcre2_code *re(const char *pat, struct fc_error *err)
{
	return re_opts(pat, 0, err);
}

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20)
			return 1;
	return 0;
}

/* Index the pack's aliases by first byte (for alias_next). */
static void alias_index_build(struct alias_index *ix, const struct fc_pack *p)
{
	size_t i, j, n = 0, at[256] = { 0 };
	unsigned b;

	for (i = 0; i < p->nactors; i++)
		for (j = 0; j < p->actors[i].nalias; j++) {
			const char *a = p->actors[i].aliases[j];

			/*
			 * White space first (\s+ starts on any space
			 * character), or a control character (matched as
			 * itself, where alias_prefix would take it for
			 * \s+): no index.
			 */
			if (!*a || *a == ' ' || has_control(a))
				return;
			at[(unsigned char)*a]++;
			n++;
		}
	ix->aliases = fc_xcalloc(n + 1, sizeof(*ix->aliases));
	for (b = 0; b < 256; b++) {
		ix->first[b + 1] = ix->first[b] + at[b];
		at[b] = ix->first[b];
	}
	for (i = 0; i < p->nactors; i++)
		for (j = 0; j < p->actors[i].nalias; j++) {
			const char *a = p->actors[i].aliases[j];

			ix->aliases[at[(unsigned char)*a]++] = a;
		}
	ix->usable = 1;
}

/* The classes of the character UTF-8 encodes in s[0..n), as PCRE2 sees it. */
static unsigned char class_of(struct fc_extractor *x, pcre2_code *word,
			      pcre2_code *upper, const unsigned char *s, size_t n)
{
	unsigned char c = C_KNOWN;

	if (pcre2_match(word, s, n, 0, 0, x->md, NULL) >= 0)
		c |= C_WORD;
	if (pcre2_match(upper, s, n, 0, 0, x->md, NULL) >= 0)
		c |= C_UPPER;
	return c;
}

/*
 * Class the bytes, and the characters of ch2 and punct as PCRE2 classes
 * them (\w and \p{Lu} follow its Unicode tables, whatever their version).
 */
static int char_classes(struct fc_extractor *x, struct fc_error *err)
{
	pcre2_code *w = re_opts("[\\w'’]", PCRE2_ANCHORED, err);
	pcre2_code *u = w ? re_opts("\\p{Lu}", PCRE2_ANCHORED, err) : NULL;
	unsigned char s[3];
	unsigned c;

	if (!u) {
		pcre2_code_free(w);
		return FC_ESYS;
	}
	for (c = 0; c < 256; c++) {
		unsigned char b = 0;

		if (x->alias_ix.first[c] < x->alias_ix.first[c + 1])
			b |= C_ALIAS;
		if ((c >= 'A' && c <= 'Z') || c >= 0xC0)
			b |= C_NAME;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '\'')
			b |= C_WORD;
		if (c == '-')
			b |= C_HYPHEN;
		x->bytes[c] = b;
	}
	for (c = CH2_FIRST; c < CH2_END; c++) {
		s[0] = (unsigned char)(0xC0 | c >> 6);
		s[1] = (unsigned char)(0x80 | (c & 0x3F));
		x->ch2[c - CH2_FIRST] = class_of(x, w, u, s, 2);
	}
	for (c = PUNCT_FIRST; c < PUNCT_END; c++) {
		s[0] = (unsigned char)(0xE0 | c >> 12);
		s[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		s[2] = (unsigned char)(0x80 | (c & 0x3F));
		x->punct[c - PUNCT_FIRST] = class_of(x, w, u, s, 3);
	}
	pcre2_code_free(w);
	pcre2_code_free(u);
	return FC_OK;
}

int fc_extractor_new(const char *datadir, const char *packdir,
		     struct fc_extractor **out, struct fc_error *err)
{
	struct fc_extractor *x = fc_xcalloc(1, sizeof(*x));
	int rc;

	*out = NULL;
	if ((rc = fc_pack_load(packdir, &x->pack, err)) ||
	    (rc = fc_engine_load(datadir, packdir, &x->engine, err)))
		goto fail;
	rc = FC_ESYS;
	/* Two or more capitalised words: a name the pack may be missing. */
	if (!(x->name_re = re_opts("(?<![\\w'’-])(?!(?:The|This|That|These|Those|A|An|In|On|At|But|And|If|So|It|He|She|They|We|I|Despite|While|Since|When|Mr|Mrs|Ms|Dr|Sir)\\b)"
			      "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?\\p{Ll}+)?(?:\\s+\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?\\p{Ll}+)?)+(?![\\w-])",
			      PCRE2_ANCHORED, err)) ||
	    !(x->speech_re = re("^(?:\\s+(?:himself|herself|themselves))?\\s+(?:has\\s+|had\\s+|have\\s+)?(?:also\\s+)?(?:said|says|claimed|claims|argued|argues|told|tells|insisted|insists|stated|states|wrote|writes|tweeted|tweets|suggested|suggests|believes?|thinks?|estimated|estimates|reported|reports|announced|announces|counted|reckoned|reckons|put\\s+(?:the\\s+)?(?:figure|number|total|count|crowd|turnout)\\s+at)\\b(?:\\s+that\\b)?",
				err)) ||
	    !(x->forward_re = re("(?i:\\b(?:for|nominated|nominating|nominate|backing|backed|back|behind|supporting|supported|support|endorsing|endorsed)\\s+)$",
				 err)) ||
	    !(x->object_re = re("(?i:\\b(?:beat|beats|beating|defeat|defeated|defeating|against|than|over|in|at|from|of|with|by|on|to|about|under|told|tells|telling)\\s+)$",
				err)) ||
	    !(x->total_re = re("(?i:\\b(?:from|out\\s+of|a\\s+total\\s+of|total\\s+of|in\\s+all|altogether)\\s+)$",
			       err)) ||
	    !(x->pronoun_re = re("(?i:\\b(?:he|she|his|her|him|himself|herself)\\b)", err)) ||
	    !(x->adjacent_re = re("^\\s+(?:on|with)\\s+$", err)) ||
	    !(x->estimate_re = re("^(?:'s|’s)?\\s+(?:own\\s+)?(?:estimates?|figures?|count|tally|calculations?|projections?)\\b(?:\\s+(?:of|was|is|at))?", err)) ||
	    !(x->self_re = re("^\\s+(?:it|they|we)\\b", err)) ||
	    !(x->poss_of_re = re("^\\s+(?:[\\w-]+\\s+){0,2}(?:of|at)\\s+$", err)) ||
	    !(x->predicate_re = re("(?i:\\b([\\w-]+(?:\\s+[\\w-]+)?)\\s+(?:was|is|were|are|stood\\s+at|reached|hit|fell\\s+to|rose\\s+to|(?<!\\bout\\s)of)\\s*[\"“]?\\s*)$", err)) ||
	    !(x->poss_total_re = re("\\b(?:its|their|our|his|her)\\s+$", err)) ||
	    !(x->appos_lead_re = re("^(?:\\s+[\\w-]+){0,2}\\s*,\\s+(?:the\\s+)?$", err)) ||
	    !(x->appos_join_re = re("^(?:\\s*,)?\\s+(?:and\\s+)?(?:the\\s+)?$|^\\s*,\\s*$", err)) ||
	    !(x->duration_of_re = re("^\\s+of\\s+(?:that|the|this|its|their|his|her|our)\\s+(?:time|years?|period|months?|weeks?|days?|decades?|hours?)\\b", err)) ||
	    !(x->quote_after_re = re_opts("[,.]?\\s*(?:(said|says|added|adds|told\\s+\\w+)\\s+|([^\"“”\\n.]{1,80}?)\\s+(?:said|says|added|adds|told|tells|explained|insisted|claimed|argued|warned|wrote|tweeted)\\b)", PCRE2_ANCHORED, err)) ||
	    !(x->quote_before_re = re("\\b(?:said|says|added|adds|told\\s+(?:\\w+\\s+){0,3}?|tells\\s+(?:\\w+\\s+){0,3}?|wrote|writes|tweeted|insisted|warned|declared)\\s*[:,]?\\s*$", err)) ||
	    !(x->first_person_re = re("(?i:\\b(?:we|our|us|ours)\\b)", err)) ||
	    !(x->apposed_re = re("^[^.;:!?]*(?:,\\s*(?:or|that\\s+is|i\\.e\\.)|\\s[–—-]|\\(|\\s(?:is|was|makes|equals|gives|comes\\s+to))\\s*$", err)) ||
	    !(x->poss_pred_re = re("^\\s+(?:[\\w-]+\\s+){1,3}(?:has\\s+|had\\s+|have\\s+)?(?:risen|rose|rises|fallen|fell|falls|grew|grown|grows|dropped|drops|increased|decreased|climbed|slipped|narrowed|widened|shrank|shrunk|jumped|was|is|were|are|stood\\s+at|stands\\s+at|reached|totalled|totals)(?:\\s+(?:by|to|from))?\\s+$", err)) ||
	    !(x->it_re = re("^(?:\\s+[\\w-]+){1,2}\\s+(?:it|them)\\b(?!\\s+(?:is|was|were|are|has|had|would|will)\\b)", err)) ||
	    !(x->negated_re = re("(?i:\\bnot\\s+)$", err)) ||
	    !(x->generic_noun_re = re("^(?:the\\s+)?(?:size|number|total|figure|level|amount|count)\\b(?!\\s+of\\s+(?!(?:the|that|this|last|its|their|his|her)\\b))", err)) ||
	    !(x->topic_of_re = re("^\\W*(?:The\\s+)?\\p{Lu}[\\w-]*\\s+(?:of|in|among|within)\\s+(?:the\\s+)?$", err)) ||
	    !(x->sum_re = re("(?:\\bplus\\b|\\+|\\band\\b)\\s*[\\d,.]+\\s*(?:is|are|makes|make|equals|=|gives)\\s+(?:not\\s+|only\\s+|just\\s+)?$", err)) ||
	    !(x->part_of_re = re("^\\s+(?:of|out\\s+of)\\s+(?:(?:the|its|their|our|his|her|all)\\s+)?$", err)))
		goto fail;
	x->md = pcre2_match_data_create(16, NULL);
	alias_index_build(&x->alias_ix, x->pack);
	if (char_classes(x, err))
		goto fail;
	*out = x;
	return FC_OK;
fail:
	fc_extractor_free(x);
	return rc;
}

void fc_extractor_free(struct fc_extractor *x)
{
	int i;

	if (!x)
		return;
	fc_engine_free(x->engine);
	fc_pack_free(x->pack);
	pcre2_code_free(x->name_re);
	pcre2_code_free(x->speech_re);
	pcre2_code_free(x->forward_re);
	pcre2_code_free(x->object_re);
	pcre2_code_free(x->total_re);
	pcre2_code_free(x->pronoun_re);
	pcre2_code_free(x->adjacent_re);
	pcre2_code_free(x->estimate_re);
	pcre2_code_free(x->self_re);
	pcre2_code_free(x->part_of_re);
	pcre2_code_free(x->poss_of_re);
	pcre2_code_free(x->predicate_re);
	pcre2_code_free(x->apposed_re);
	pcre2_code_free(x->quote_after_re);
	pcre2_code_free(x->quote_before_re);
	pcre2_code_free(x->first_person_re);
	pcre2_code_free(x->duration_of_re);
	pcre2_code_free(x->appos_lead_re);
	pcre2_code_free(x->appos_join_re);
	pcre2_code_free(x->poss_total_re);
	pcre2_code_free(x->poss_pred_re);
	pcre2_code_free(x->it_re);
	pcre2_code_free(x->negated_re);
	pcre2_code_free(x->generic_noun_re);
	pcre2_code_free(x->sum_re);
	pcre2_code_free(x->topic_of_re);
	pcre2_match_data_free(x->md);
	free(x->alias_ix.aliases);
	for (i = 0; i < CTX_KINDS; i++)
		free(x->cache[i].v);
	free(x);
}

const struct fc_pack *fc_extractor_pack(const struct fc_extractor *x)
{
	return x->pack;
}

struct fc_engine *fc_extractor_engine(struct fc_extractor *x)
{
	return x->engine;
}

void fc_seg_out_init(struct fc_seg_out *o)
{
	memset(o, 0, sizeof(*o));
	fc_spans_init(&o->sentences);
	fc_claim_vec_init(&o->claims);
	fc_figure_list_init(&o->figures);
}

void fc_seg_out_release(struct fc_seg_out *o)
{
	fc_spans_release(&o->sentences);
	free(o->mentions.v);
	fc_claim_vec_release(&o->claims);
	fc_figure_list_release(&o->figures);
	memset(o, 0, sizeof(*o));
}

/*
 * Text is checked once per segment (invalid bytes masked), so matches skip
 * PCRE2's UTF-8 check (fc_re_match), which would otherwise rescan the whole
 * subject on every call; every offset passed is therefore at a character
 * start.
 */

/* The first character start at or after i (before limit). */
static size_t cp_start(const char *t, size_t i, size_t limit)
{
	while (i < limit && ((unsigned char)t[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* The start of the character after the one at i. */
static size_t cp_next(const char *t, size_t i, size_t limit)
{
	return i < limit ? cp_start(t, i + 1, limit) : limit;
}

/* Does re match text[a..b) (anchored by the pattern itself)? */
static int match_in(struct fc_extractor *x, pcre2_code *r, const char *t,
		    size_t a, size_t b)
{
	return fc_re_match(r, t + a, b - a, 0, 0, x->md) >= 0;
}

static void add_mention(struct fc_mentions *m, size_t sent, size_t a, size_t b,
			const struct fc_actor *actor)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->v = fc_xrealloc(m->v, m->cap * sizeof(*m->v));
	}
	m->v[m->n].sentence = sent;
	m->v[m->n].start = a;
	m->v[m->n].end = b;
	m->v[m->n].actor = actor;
	m->n++;
}

static int overlaps_mention(const struct fc_mentions *m, size_t from, size_t a,
			    size_t b)
{
	size_t i;

	for (i = from; i < m->n; i++)
		if (a < m->v[i].end && m->v[i].start < b)
			return 1;
	return 0;
}

/*
 * The patterns below search a sentence for names; run unanchored they try
 * every character of the text (half the linker's time went there).  A
 * match can only start where a few literal tests pass, so the sentence is
 * scanned for those places and the pattern is tried there, anchored: at
 * each start it matches exactly as the unanchored search would, so the
 * mentions are the same.  The tests only ever reject what the pattern
 * could not match; what they cannot judge they leave to the pattern.
 */

/*
 * ASCII white space, and the separators 0x1C-0x1F that some tables count
 * as space: taking too much for a space only leaves more to the pattern.
 */
static int ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

/*
 * The classes (C_KNOWN, C_WORD, C_UPPER) of the character at t[i] (or,
 * with back, the one ending at t[i - 1]); 0 if it is not one classed.
 */
static unsigned char char_class(const struct fc_extractor *x, const char *t,
				size_t i, size_t end, int back)
{
	const unsigned char *u = (const unsigned char *)t;
	unsigned c;

	if (back) {
		if (i >= 2 && u[i - 2] >= 0xC2 && u[i - 2] < 0xE0)
			i -= 2;
		else if (i >= 3 && u[i - 3] == 0xE2)
			i -= 3;
		else
			return 0;
	}
	if (u[i] >= 0xC2 && u[i] < 0xE0 && i + 1 < end) {
		c = (unsigned)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F);
		return x->ch2[c - CH2_FIRST];
	}
	if (u[i] == 0xE2 && i + 2 < end && (u[i + 1] & 0xFE) == 0x80) {
		c = (unsigned)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
		return x->punct[c];
	}
	return 0;
}

/*
 * Is the character before t[i] one that the patterns' look-behind
 * ((?<![\w'’]), with hyphen (?<![\w'’-])) refuses?
 */
static int after_word(const struct fc_extractor *x, const char *t, size_t i,
		      int hyphen)
{
	unsigned char p;

	if (i == 0)
		return 0;
	p = (unsigned char)t[i - 1];
	if (p < 0x80)
		return x->bytes[p] & (hyphen ? C_WORD | C_HYPHEN : C_WORD);
	return char_class(x, t, i, i, 1) & C_WORD;
}

/*
 * Could alias a (a space in it stands for \s+) match at t[i..end)?  False
 * only if it cannot; a byte outside ASCII where a space is wanted may be a
 * space character, so it says yes there.
 */
static int alias_prefix(const char *a, const char *t, size_t i, size_t end)
{
	while (*a) {
		size_t k = 0, n = 0;

		if (*a != ' ') {
			if (i >= end || t[i] != *a)
				return 0;
			a++;
			i++;
			continue;
		}
		while (a[k] == ' ')
			k++;
		while (i < end && ascii_space((unsigned char)t[i])) {
			i++;
			n++;
		}
		if (i < end && (unsigned char)t[i] >= 0x80)
			return 1;
		if (n < k)
			return 0;
		a += k;
	}
	return 1;
}

/*
 * The first offset from i on where alias_re ((?<![\w'’])(?:alias|...))
 * could match: where an alias's letters are, not after a word character
 * or an apostrophe; end if none.
 */
/* Can an alias of the pack begin at t[i]: a byte one begins with, not after a word, its first letters? */
static int alias_at(const struct fc_extractor *x, const char *t, size_t i, size_t end)
{
	const struct alias_index *ix = &x->alias_ix;
	unsigned char c = (unsigned char)t[i];
	size_t k;

	if (!(x->bytes[c] & C_ALIAS) || after_word(x, t, i, 0))
		return 0;
	for (k = ix->first[c]; k < ix->first[c + 1]; k++) {
		const char *a = ix->aliases[k];

		/* its second letter first, where it has one */
		if (a[1] && a[1] != ' ' && (i + 1 >= end || t[i + 1] != a[1]))
			continue;
		if (alias_prefix(a, t, i, end))
			return 1;
	}
	return 0;
}

static size_t alias_next(const struct fc_extractor *x, const char *t, size_t i,
			 size_t end)
{
	size_t k;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * Eight bytes at a time: a byte after an ASCII word character (a
	 * letter, digit, _ or ') is after a word, and skipped; only the rest,
	 * a fifth of text, is looked up.
	 */
	uint64_t w, wd, m, before;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, t + i, 8);
		wd = fc_letters8(w) | fc_digits8(w) | fc_bytes_equal8(w, '_') | fc_bytes_equal8(w, '\'');
		before = i > 0 && (unsigned char)t[i - 1] < 0x80 && (x->bytes[(unsigned char)t[i - 1]] & C_WORD) ?
			 0x80 : 0;
		for (m = ~(wd << 8 | before) & 0x8080808080808080ull; m; m &= m - 1) {
			k = i + (size_t)(__builtin_ctzll(m) >> 3);
			if (alias_at(x, t, k, end))
				return k;
		}
	}
#endif
	for (; i < end; i++)
		if (alias_at(x, t, i, end))
			return i;
	return end;
}

/*
 * Could name_re match at t[i], a C_NAME byte?  It wants an upper-case
 * letter (\p{Lu}) not after a word character, an apostrophe or a hyphen,
 * then one or more lower-case letters or apostrophes, white space and
 * another upper-case letter.  In ASCII all of that is tested; outside it,
 * only the first character (if it is one classed).  The character itself
 * is looked at first: in Cyrillic or Greek text every letter starts with
 * a C_NAME byte, and few are capitals.
 */
static int name_could_start(const struct fc_extractor *x, const char *t,
			    size_t i, size_t end)
{
	unsigned char c = (unsigned char)t[i], k;
	size_t w;

	if (c >= 0x80) {
		k = char_class(x, t, i, end, 0);
		return (!(k & C_KNOWN) || (k & C_UPPER)) && !after_word(x, t, i, 1);
	}
	if (after_word(x, t, i, 1))
		return 0;
	for (w = ++i; i < end && ((t[i] >= 'a' && t[i] <= 'z') || t[i] == '\''); i++)
		;
	if (i < end && ((unsigned char)t[i] >= 0x80 || (i > w && t[i] == '-')))
		return 1;	/* "’", a letter outside ASCII, "Okonjo-Brandt" */
	if (i == w)
		return 0;
	for (w = i; i < end && ascii_space((unsigned char)t[i]); i++)
		;
	return i > w && i < end &&
		((unsigned char)t[i] >= 0x80 || (t[i] >= 'A' && t[i] <= 'Z'));
}

/* The first offset from i on where name_re could match; end if none. */
static size_t name_next(const struct fc_extractor *x, const char *t, size_t i,
			size_t end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * Eight bytes at a time: the C_NAME bytes (A-Z, and the lead bytes
	 * 0xC0-0xFF) come out as bits; most text has a capital in a few
	 * words.
	 */
	const uint64_t high = 0x8080808080808080ull;
	uint64_t w, y, m;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, t + i, 8);
		y = w & 0x7f7f7f7f7f7f7f7full;
		/* 'A'-'Z': y + 0x3f reaches bit 7 from 'A' on, y + 0x25 from '[' on */
		m = ((y + 0x3f3f3f3f3f3f3f3full) & ~(y + 0x2525252525252525ull) & ~w & high) |
		    (w & w << 1 & high);
		for (; m; m &= m - 1) {
			size_t k = i + (size_t)(__builtin_ctzll(m) >> 3);

			if (name_could_start(x, t, k, end))
				return k;
		}
	}
#endif
	for (; i < end; i++)
		if ((x->bytes[(unsigned char)t[i]] & C_NAME) &&
		    name_could_start(x, t, i, end))
			return i;
	return end;
}

/* Actor mentions (from the pack) and unresolved names in one sentence. */
static void find_mentions(struct fc_extractor *x, const char *t,
			  const struct fc_span *s, size_t si,
			  struct fc_mentions *out)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	const struct alias_index *ix = &x->alias_ix;
	size_t first = out->n, off = s->start;

	while (x->pack->alias_re && off < s->end) {
		size_t a, b;

		if (ix->usable) {
			off = alias_next(x, t, off, s->end);
			if (off == s->end)
				break;
			if (fc_re_match(x->pack->alias_at_re, t, s->end, off, 0, x->md) < 0) {
				off = cp_next(t, off, s->end);
				continue;
			}
		} else if (fc_re_match(x->pack->alias_re, t, s->end, off, 0, x->md) < 0) {
			break;
		}
		a = ov[0];
		b = ov[1];
		add_mention(out, si, a, b, fc_pack_alias(x->pack, t + a, b - a));
		off = b > a ? b : cp_next(t, a, s->end);
	}
	off = s->start;
	while (off < s->end) {
		size_t a, b;

		off = name_next(x, t, off, s->end);
		if (off == s->end)
			break;
		if (fc_re_match(x->name_re, t, s->end, off, 0, x->md) < 0) {
			off = cp_next(t, off, s->end);
			continue;
		}
		a = ov[0];
		b = ov[1];
		/* "Jo Cox's funeral": the name is "Jo Cox". */
		if (b - a > 4 && memcmp(t + b - 4, "’s", 4) == 0)
			b -= 4;
		else if (b - a > 2 && t[b - 2] == '\'' && t[b - 1] == 's')
			b -= 2;
		if (!overlaps_mention(out, first, a, b))
			add_mention(out, si, a, b, NULL);
		off = b > a ? b : a + 1;
	}
	/* Keep mentions in text order for the linker. */
	for (size_t i = first + 1; i < out->n; i++) {
		struct fc_mention m = out->v[i];
		size_t j = i;

		while (j > first && out->v[j - 1].start > m.start) {
			out->v[j] = out->v[j - 1];
			j--;
		}
		out->v[j] = m;
	}
}

/* Length of a possessive "'s" (straight or curly) right after a name, else 0. */
static size_t possessive_len(const char *t, size_t end, size_t limit)
{
	if (end + 2 <= limit && t[end] == '\'' && t[end + 1] == 's')
		return 2;
	if (end + 4 <= limit && memcmp(t + end, "\xE2\x80\x99s", 4) == 0)
		return 4;
	return 0;
}

/* Any figure other than self starting inside [a, b)? */
static int figure_between(const struct fc_figure_list *fl, size_t self,
			  size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		if (i != self && fl->v[i].start >= a && fl->v[i].start < b)
			return 1;
	return 0;
}

/* A quotation and the actor it is attributed to (NULL if none is found). */
struct quote {
	size_t start, end;		/* the quoted words, marks excluded */
	const struct fc_actor *speaker;
};

struct quotes {
	struct quote *v;
	size_t n, cap;
};

struct link {
	const struct fc_actor *subject, *object, *speaker;
	const char *rule;
	int total;
};

/*
 * Link figure fi of sentence s to its subject, object and speaker with
 * general rules, in order of reliability.
 */
static void link_figure(struct fc_extractor *x, const char *t,
			const struct fc_span *s, const struct fc_mentions *m,
			size_t m0, size_t m1, const struct fc_figure_list *fl,
			size_t fi, const struct fc_actor *prev_person,
			const struct fc_metric *met, struct link *l)
{
	const struct fc_figure *f = &fl->v[fi];
	int rel = f->unit == FC_UNIT_RATIO || f->unit == FC_UNIT_MULTIPLE;
	size_t i, from = s->start;

	memset(l, 0, sizeof(*l));
	/*
	 * Reported speech and estimates: "Smith himself has claimed that ...",
	 * "police said", "the council's own estimate ... is" before the figure.
	 * "TVT said it ran 41": a speaker speaking of itself is the subject.
	 */
	for (i = m0; i < m1 && m->v[i].end <= f->start; i++) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);

		if (!m->v[i].actor)
			continue;
		if (match_in(x, x->speech_re, t, m->v[i].end, f->start) ||
		    match_in(x, x->estimate_re, t, m->v[i].end, f->start)) {
			l->speaker = m->v[i].actor;
			from = m->v[i].end + ov[1];
			l->subject = NULL;
			if (match_in(x, x->self_re, t, from, f->start) &&
			    fc_metric_takes(met, l->speaker)) {
				l->subject = l->speaker;
				l->rule = "link.self";
			}
		}
	}
	if (l->subject)
		goto object;
	/*
	 * "53 who nominated Mr Smith", "90 per cent backing Mr Smith": people
	 * or votes for someone (not "£25 paid to support Smith").
	 */
	for (i = m0; !rel && (f->unit == FC_UNIT_COUNT || f->unit == FC_UNIT_PERCENT ||
			      f->unit == FC_UNIT_FRACTION) && i < m1; i++) {
		const struct fc_mention *k = &m->v[i];

		if (k->start < f->end || !k->actor || !fc_metric_takes(met, k->actor))
			continue;
		if (k->start - f->end > LINK_WINDOW ||
		    figure_between(fl, fi, f->end, k->start))
			break;
		if (match_in(x, x->forward_re, t, f->end, k->start)) {
			l->subject = k->actor;
			l->rule = "link.forward";
		}
		break;
	}
	/* "Smith's 41": a possessive right before the figure. */
	for (i = m0; !l->subject && i < m1; i++) {
		const struct fc_mention *k = &m->v[i];
		size_t pl = possessive_len(t, k->end, s->end);

		if (k->end <= f->start && k->actor && pl &&
		    fc_metric_takes(met, k->actor) &&
		    (f->start - k->end - pl <= 1 ||
		     /* "the union's claim of 9 per cent" */
		     match_in(x, x->poss_of_re, t, k->end + pl, f->start) ||
		     /* "the Harbour Party's vote share rose 6.5 points" */
		     match_in(x, x->poss_pred_re, t, k->end + pl, f->start))) {
			l->subject = k->actor;
			l->rule = "link.possessive";
		}
	}
	/* "Okonjo-Brandt on 15,977": a name right before, joined by on or with. */
	for (i = m0; !l->subject && i < m1; i++) {
		const struct fc_mention *k = &m->v[i];

		if (k->actor && fc_metric_takes(met, k->actor) &&
		    k->end <= f->start && f->start - k->end <= 8 &&
		    match_in(x, x->adjacent_re, t, k->end, f->start)) {
			l->subject = k->actor;
			l->rule = "link.adjacent";
		}
	}
	/* The nearest actor before the figure that is not an object or place. */
	for (i = m1; !l->subject && i > m0; i--) {
		const struct fc_mention *k = &m->v[i - 1];
		size_t ctx = k->start >= s->start + 24 ? cp_start(t, k->start - 24, k->start) : s->start;

		if (k->end > f->start || k->start < from || !k->actor ||
		    !fc_metric_takes(met, k->actor))
			continue;
		if (f->start - k->end > LINK_WINDOW * 2)
			break;
		if (match_in(x, x->object_re, t, ctx, k->start) &&
		    /* "Membership of the FCW has more than doubled" */
		    !match_in(x, x->topic_of_re, t, s->start, k->start))
			continue;
		/* "Smith's campaign ... 240": a possessive governs its own noun. */
		if (possessive_len(t, k->end, s->end))
			continue;
		l->subject = k->actor;
		l->rule = "link.before";
	}
	/*
	 * "the strike would cost it around £95,000 a day": a metric whose
	 * subject must be of some kinds (an employer, a union) takes the one
	 * actor of those kinds the sentence names, if it names only one.
	 */
	if (!l->subject && met && met->subject && strcmp(met->subject, "-") != 0) {
		const struct fc_actor *only = NULL;

		for (i = m0; i < m1; i++) {
			const struct fc_actor *a = m->v[i].actor;

			if (!a || a == l->speaker || !fc_metric_takes(met, a))
				continue;
			if (only && only != a) {
				only = NULL;
				break;
			}
			only = a;
		}
		if (only) {
			l->subject = only;
			l->rule = "link.kind";
		}
	}
	/*
	 * "he can only gain 15%": the last person named before the pronoun in
	 * this sentence (not the speaker), else the one the previous sentence
	 * was about.
	 */
	if (!l->subject && fc_re_match(x->pronoun_re, t, f->start, s->start, 0, x->md) >= 0) {
		size_t p = pcre2_get_ovector_pointer(x->md)[0];

		for (i = m0; i < m1 && m->v[i].end <= p; i++)
			if (m->v[i].actor && m->v[i].actor != l->speaker &&
			    strcmp(m->v[i].actor->kind, "person") == 0 &&
			    fc_metric_takes(met, m->v[i].actor))
				l->subject = m->v[i].actor;
		if (!l->subject && fc_metric_takes(met, prev_person))
			l->subject = prev_person;
		if (l->subject)
			l->rule = "link.pronoun";
	}
object:
	if (!l->rule)
		l->rule = "link.none";
	/* Ratios and multiples: the other side is the next actor named. */
	for (i = m0; rel && i < m1; i++) {
		const struct fc_mention *k = &m->v[i];

		if (k->start >= f->end && k->actor && k->actor != l->subject &&
		    fc_metric_takes(met, k->actor)) {
			l->object = k->actor;
			break;
		}
	}
	/* "from 271 nominations so far": a stated total. */
	if (!l->subject && !rel && f->unit == FC_UNIT_COUNT) {
		size_t a = f->start >= s->start + 16 ? cp_start(t, f->start - 16, f->start) : s->start;

		l->total = match_in(x, x->total_re, t, a, f->start);
	}
}

/*
 * The pack's share metrics name what they divide: share_of "N/D" (N over
 * D) or "N" (N over the total of N).  Does share metric m have numerator
 * id?  Its denominator is copied to den ("" for the total of N).
 */
static int share_parts(const struct fc_metric *m, const char *id, char *den,
		       size_t dlen)
{
	const char *slash;
	size_t n;

	if (!m->share_of || !id)
		return 0;
	slash = strchr(m->share_of, '/');
	n = slash ? (size_t)(slash - m->share_of) : strlen(m->share_of);
	if (strlen(id) != n || memcmp(m->share_of, id, n) != 0)
		return 0;
	snprintf(den, dlen, "%s", slash ? slash + 1 : "");
	return 1;
}

/* The share metric of unit percent whose numerator is count metric id. */
static const struct fc_metric *share_metric_of(const struct fc_pack *p,
					       const char *id)
{
	char den[64];
	size_t i;

	for (i = 0; i < p->nmetrics; i++)
		if (strcmp(p->metrics[i].unit, "percent") == 0 &&
		    share_parts(&p->metrics[i], id, den, sizeof(den)))
			return &p->metrics[i];
	return NULL;
}

/*
 * For a part and its total ("41 of its 120 services"): the share metric
 * "N/D" where each of the two figures counts N, D or nothing known (not
 * both nothing); den gets D.  NULL if none.
 */
static const struct fc_metric *share_pair(const struct fc_pack *p,
					  const char *ma, const char *mb,
					  char *den, size_t dlen)
{
	size_t i, n;
	int strict;

	if (!ma && !mb)
		return NULL;
	/*
	 * First the share that takes the part as its N and the total as its D
	 * (a part already known to count D, the pair the other way round).
	 */
	for (strict = 1; strict >= 0; strict--)
		for (i = 0; i < p->nmetrics; i++) {
			const struct fc_metric *s = &p->metrics[i];
			const char *slash = s->share_of ? strchr(s->share_of, '/') : NULL;

			if (!slash)
				continue;
			n = (size_t)(slash - s->share_of);
#define IS_N(x) ((x) && strlen(x) == n && memcmp((x), s->share_of, n) == 0)
#define IS_D(x) ((x) && strcmp((x), slash + 1) == 0)
			if (strict ? (!ma || IS_N(ma)) && (!mb || IS_D(mb)) :
			    (!ma || IS_N(ma) || IS_D(ma)) && (!mb || IS_N(mb) || IS_D(mb))) {
				snprintf(den, dlen, "%s", slash + 1);
				return s;
			}
#undef IS_N
#undef IS_D
		}
	return NULL;
}

static char *span_dup(const char *t, size_t a, size_t b)
{
	return b > a ? fc_xstrndup(t + a, b - a) : NULL;
}

/* Does metric i's context hold in t[sp)?  Cached per sentence, paragraph, segment. */
static int ctx_holds(struct fc_extractor *x, const char *t, const struct fc_span *sp,
		     int kind, size_t i)
{
	const struct fc_pack *p = x->pack;
	struct ctx_cache *c = &x->cache[kind];

	if (kind == CTX_CLAUSE)
		return match_in(x, p->metrics[i].context, t, sp->start, sp->end);
	if (c->t != t || c->start != sp->start || c->end != sp->end) {
		if (!c->v)
			c->v = fc_xmalloc(p->nmetrics + 1);
		memset(c->v, -1, p->nmetrics + 1);
		c->t = t;
		c->start = sp->start;
		c->end = sp->end;
	}
	if (c->v[i] < 0)
		c->v[i] = (signed char)match_in(x, p->metrics[i].context, t, sp->start, sp->end);
	return c->v[i];
}

struct near {
	struct fc_extractor *x;
	const char *t;
	const struct fc_span *span[CTX_KINDS];	/* NULL where not searched */
	struct fc_span doc;
};

static int near_level(void *arg, size_t i)
{
	struct near *n = arg;
	int k;

	/* not in the segment: nowhere nearer either */
	if (!ctx_holds(n->x, n->t, &n->doc, CTX_SEGMENT, i))
		return -1;
	for (k = 0; k < CTX_KINDS; k++)
		if (n->span[k] && ctx_holds(n->x, n->t, n->span[k], k, i))
			return k;
	return -1;
}

/*
 * The metric for this noun whose context holds nearest: in the figure's
 * clause if given ("868 returned their papers – a turnout of 70 per cent,
 * smashing the legal threshold"), the sentence, the paragraph, then the
 * whole segment (a story's topic is often set a paragraph or two earlier);
 * then the longest noun match.
 */
static const struct fc_metric *match_ctx(struct fc_extractor *x, const char *unit,
					 const char *noun, size_t nlen,
					 const char *t, size_t len,
					 const struct fc_span *cl,
					 const struct fc_span *s,
					 const struct fc_span *para, int notempty,
					 size_t max_start)
{
	struct near n = { x, t, { cl, s, para, NULL }, { 0, len, 0 } };

	/* A bare figure needs its context close by. */
	if (nlen > 0)
		n.span[CTX_SEGMENT] = &n.doc;
	return fc_pack_match_metric_near(x->pack, unit, noun, nlen, notempty, max_start,
					 near_level, &n);
}

/* A clause boundary: ; : ( ) . or a comma that is not inside a number. */
static int boundary(const char *t, size_t i, size_t end)
{
	switch (t[i]) {
	case ';': case ':': case '(': case ')': case '.':
	case '\0':	/* as strchr(";:().", c) had it */
		return 1;
	case ',':
		return !(i + 1 < end && t[i + 1] >= '0' && t[i + 1] <= '9');
	default:
		return 0;
	}
}

/* End of the clause that starts at a: the next boundary or figure. */
static size_t clause_end(const char *t, size_t a, size_t end,
			 const struct fc_figure *next)
{
	size_t b;

	if (next && next->start > a && next->start < end)
		end = next->start;
	for (b = a; b < end && b - a < 60 && !boundary(t, b, end); b++)
		;
	/* not inside a character: the text up to b is matched as UTF-8 */
	while (b > a && b < end && ((unsigned char)t[b] & 0xC0) == 0x80)
		b--;
	return b;
}

/* The clause around a figure, between boundaries. */
static struct fc_span clause_around(const char *t, const struct fc_span *s,
				    const struct fc_figure *f)
{
	struct fc_span c = { f->start, f->end, 0 };

	while (c.start > s->start && !boundary(t, c.start - 1, s->end))
		c.start--;
	while (c.end < s->end && !boundary(t, c.end, s->end))
		c.end++;
	return c;
}

/*
 * "868 out of 1,240 is 70%" in a reader's comment under an article that
 * reported 868 papers returned: a bare figure in a comment repeating a
 * value the document stated before counts what that one counts.  (In the
 * body, a figure repeating a value is as often a coincidence.)  Small counts repeat
 * by chance and are left alone; only the last ECHO_WINDOW claims are looked at.
 */
static const struct fc_metric *echo_metric(struct fc_extractor *x,
					   const struct fc_seg_in *in,
					   const struct fc_claim_vec *here,
					   const struct fc_figure *f)
{
	const char *unit = fc_unit_name(f->unit);
	size_t i, k, seen = 0;

	if (!in->kind || strcmp(in->kind, "comment") != 0 ||
	    (f->unit == FC_UNIT_COUNT && f->value < 10))
		return NULL;
	for (i = in->nprior + 1; i-- > 0;) {
		const struct fc_claim_vec *cv = i < in->nprior ? &in->prior[i].claims : here;

		for (k = cv->n; k-- > 0 && seen++ < ECHO_WINDOW;) {
			const struct fc_claim *c = &cv->v[k];

			if (c->metric && c->value == f->value && strcmp(c->unit, unit) == 0)
				return fc_pack_metric(x->pack, c->metric);
		}
	}
	return NULL;
}

/*
 * fc_paragraph_at(t, len, off), remembered: the figures of a paragraph
 * share it, and finding its ends scans it.  For any two offsets that are
 * not line feeds, if the second lies in the paragraph found for the first,
 * it has the same one: no paragraph break (two line feeds) can lie
 * between them.
 */
static struct fc_span paragraph_at(struct fc_extractor *x, const char *t,
				   size_t len, size_t off)
{
	struct para_cache *c = &x->para;

	if (c->t == t && off >= c->span.start && off < c->span.end && t[off] != '\n')
		return c->span;
	c->span = fc_paragraph_at(t, len, off);
	c->t = off < len && t[off] != '\n' ? t : NULL;
	return c->span;
}

/*
 * Literal tests before three patterns that end in a word and then only
 * white space and a mark (or start with one); each is matched thousands of
 * times over up to 160 bytes, mostly in vain.  A test says no only where
 * the pattern cannot match; where the text leaves ASCII it says yes.
 */

/*
 * The end of t[a..e) without its trailing white space and then one mark
 * from marks (and the white space before it); *in_ascii is 0 if a byte
 * outside ASCII was met (a space or a mark the test does not know).
 */
static size_t strip_tail(const char *t, size_t a, size_t e, const char *marks,
			 int *in_ascii)
{
	while (e > a && ascii_space((unsigned char)t[e - 1]))
		e--;
	if (e > a && t[e - 1] && strchr(marks, t[e - 1])) {
		e--;
		while (e > a && ascii_space((unsigned char)t[e - 1]))
			e--;
	}
	*in_ascii = !(e > a && (unsigned char)t[e - 1] >= 0x80);
	return e;
}

/*
 * Could predicate_re ("... (?:was|is|were|are|stood\s+at|reached|hit|
 * fell\s+to|rose\s+to|of)\s*["“]?\s*$", caseless) match t[a..b)?  Its
 * words end in "as", "is", "re", "at", "ed", "it", "to" or "of".
 */
static int predicate_may_end(const char *t, size_t a, size_t b)
{
	static const char ends[][3] = { "as", "is", "re", "at", "ed", "it", "to", "of" };
	int in_ascii;
	size_t e = strip_tail(t, a, b, "\"", &in_ascii), i;
	char c1, c2;

	if (!in_ascii)
		return 1;
	if (e - a < 2)
		return 0;
	if ((unsigned char)t[e - 2] >= 0x80)
		return 1;
	c1 = (char)((t[e - 2] >= 'A' && t[e - 2] <= 'Z') ? t[e - 2] + 32 : t[e - 2]);
	c2 = (char)((t[e - 1] >= 'A' && t[e - 1] <= 'Z') ? t[e - 1] + 32 : t[e - 1]);
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (c1 == ends[i][0] && c2 == ends[i][1])
			return 1;
	return 0;
}

/* A word and its length, for the tests below. */
struct word {
	const char *s;
	size_t n;
};
#define WORD(w) { w, sizeof(w) - 1 }

/* Does word v or w (the same first letter) occur in t[a..b)? */
static int has_word(const char *t, size_t a, size_t b, const struct word *v,
		    const struct word *w)
{
	const char *p;

	for (; a < b && (p = memchr(t + a, v->s[0], b - a)); a++) {
		a = (size_t)(p - t);
		if ((a + v->n <= b && memcmp(t + a, v->s, v->n) == 0) ||
		    (a + w->n <= b && memcmp(t + a, w->s, w->n) == 0))
			return 1;
	}
	return 0;
}

/*
 * Could quote_before_re ("\b(?:said|...|told\s+(?:\w+\s+){0,3}?|...)
 * \s*[:,]?\s*$") match t[a..b)?  It ends in one of its verbs, or has
 * "told" or "tells" a few words before the end.
 */
static int speech_verb_ends(const char *t, size_t a, size_t b)
{
	static const struct word verbs[] = {
		WORD("said"), WORD("says"), WORD("added"), WORD("adds"),
		WORD("wrote"), WORD("writes"), WORD("tweeted"), WORD("insisted"),
		WORD("warned"), WORD("declared"),
	}, told = WORD("told"), tells = WORD("tells");
	int in_ascii;
	size_t e, i;

	if (has_word(t, a, b, &told, &tells))
		return 1;
	e = strip_tail(t, a, b, ":,", &in_ascii);
	if (!in_ascii)
		return 1;
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (e - a >= verbs[i].n &&
		    memcmp(t + e - verbs[i].n, verbs[i].s, verbs[i].n) == 0)
			return 1;
	return 0;
}

/*
 * Could quote_after_re ('[,.]?\s*(?:(said|...)\s+|([^"“”\n.]{1,80}?)
 * \s+(?:said|...)\b)', anchored) match at t[i]?  After an optional comma
 * or full stop, one of its verbs must start before the next full stop or
 * quotation mark: nothing the pattern takes before the verb is one.
 */
static int speech_verb_after(const char *t, size_t len, size_t i)
{
	static const struct word verbs[] = {
		WORD("said"), WORD("says"), WORD("added"), WORD("adds"),
		WORD("told"), WORD("tells"), WORD("explained"), WORD("insisted"),
		WORD("claimed"), WORD("argued"), WORD("warned"), WORD("wrote"),
		WORD("tweeted"),
	};
	size_t k;

	if (i < len && (t[i] == ',' || t[i] == '.'))
		i++;
	for (; i < len && t[i] != '.' && t[i] != '"'; i++) {
		if (i + 3 <= len && memcmp(t + i, "\xE2\x80", 2) == 0 &&
		    (t[i + 2] == '\x9C' || t[i + 2] == '\x9D'))
			break;	/* “ ” */
		switch (t[i]) {	/* the verbs' first letters */
		case 's': case 'a': case 't': case 'e': case 'i': case 'c': case 'w':
			break;
		default:
			continue;
		}
		for (k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++)
			if (t[i] == verbs[k].s[0] && i + verbs[k].n <= len &&
			    memcmp(t + i, verbs[k].s, verbs[k].n) == 0)
				return 1;
	}
	return 0;
}

/*
 * What a figure counts, nearest words first: its noun as the pack's noun
 * patterns see it, then the noun with the rest of its clause ("300 workers
 * joined the picket").  For a bare figure: the rest of its clause ("431
 * against"); the pack's rows for bare figures whose context is in the
 * figure's own clause ("the union is asking for 9 per cent"); what the
 * nearest earlier figure of its kind in the sentence counts ("4 per cent
 * of those who took part ..., with over 90 per cent"); the rows for bare
 * figures in a wider context.  Then the words before it back to a boundary
 * ("a higher margin than last year's 59.5%"), and for shares and ratios
 * the whole sentence.  Running text is matched with empty matches refused,
 * so a noun pattern's empty alternative means "no noun" and nothing else.
 */
static const struct fc_metric *metric_for(struct fc_extractor *x, const char *t,
					  size_t len, const struct fc_span *s,
					  const struct fc_figure *f,
					  const struct fc_figure *next,
					  const struct fc_metric *inherit,
					  const struct fc_seg_in *in,
					  const struct fc_claim_vec *here)
{
	const char *unit = fc_unit_name(f->unit);
	struct fc_span para = paragraph_at(x, t, len, f->start);
	struct fc_span cl = clause_around(t, s, f);
	const struct fc_metric *m;
	size_t a, b;
	/*
	 * "three times the size of last year's march": a word that only
	 * points back at what the sentence is about is no counted noun.
	 */
	int noun = f->noun_end > f->noun_start &&
		!match_in(x, x->generic_noun_re, t, f->noun_start, s->end);

	if (noun) {
		/*
		 * The noun with the rest of its clause, so the most specific
		 * pattern wins ("3 papers were spoilt" over "papers").
		 */
		b = clause_end(t, f->noun_start, s->end, next);
		if (b < f->noun_end)
			b = f->noun_end;
		/*
		 * The match must begin within the noun or the few words after
		 * it ("staff walked out", "people had been arrested"), not at
		 * the far end of the clause ("seats leave it short of a majority").
		 */
		if ((m = match_ctx(x, unit, t + f->noun_start, b - f->noun_start,
				   t, len, &cl, s, &para, 1,
				   f->noun_end - f->noun_start + 20)))
			return m;
		/* "three depots": a counted noun the pack does not know. */
		if (f->unit == FC_UNIT_COUNT)
			return NULL;
	} else {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);

		/* "turnout was 70%", "a turnout of 75 per cent": the noun before. */
		a = f->start > s->start + 40 ? cp_start(t, f->start - 40, f->start) : s->start;
		if (predicate_may_end(t, a, f->start) &&
		    fc_re_match(x->predicate_re, t + a, f->start - a, 0, 0, x->md) >= 0 &&
		    ov[3] > ov[2]) {
			size_t n0 = a + ov[2], n1 = a + ov[3];

			if ((m = match_ctx(x, unit, t + n0, n1 - n0, t, len, &cl, s, &para,
					   1, SIZE_MAX)))
				return m;
		}
		b = clause_end(t, f->end, s->end, next);
		if (b > f->end && (m = match_ctx(x, unit, t + f->end, b - f->end, t,
						 len, &cl, s, &para, 1, SIZE_MAX)))
			return m;
		if ((m = fc_pack_match_metric(x->pack, unit, "", 0, t + cl.start,
					      cl.end - cl.start, 0, SIZE_MAX)))
			return m;
		if ((m = echo_metric(x, in, here, f)))
			return m;
		if (inherit && !match_in(x, x->sum_re, t, s->start, f->start))
			return inherit;
		if ((m = match_ctx(x, unit, "", 0, t, len, &cl, s, &para, 0, SIZE_MAX)))
			return m;
	}
	for (a = f->start; a > s->start && f->start - a < 60 &&
	     !boundary(t, a - 1, s->end); a--)
		;
	a = cp_start(t, a, f->start);
	if (a < f->start && (m = match_ctx(x, unit, t + a, f->start - a, t, len,
					   &cl, s, &para, 1, SIZE_MAX)))
		return m;
	if (f->unit == FC_UNIT_COUNT || f->unit == FC_UNIT_RANK ||
	    f->unit == FC_UNIT_CURRENCY || f->unit == FC_UNIT_ODDS)
		return NULL;
	return match_ctx(x, unit, t + s->start, s->end - s->start, t, len, &cl, s,
			 &para, 1, SIZE_MAX);
}

/*
 * A figure in quoted words is asserted by the speaker of the quotation; the
 * speaker's "we" and "our" are the actor they speak for ("We employ 1,500
 * drivers," the managing director said: the company employs them).
 */
static void quoted(struct fc_extractor *x, const char *t, const struct fc_span *s,
		   const struct quote *q, const struct fc_metric *m, struct link *l)
{
	const struct fc_actor *sp = q->speaker, *who;
	size_t a = q->start > s->start ? q->start : s->start;
	size_t b = q->end < s->end ? q->end : s->end;

	if (!l->speaker)
		l->speaker = sp;
	if (l->subject || !m || l->speaker != sp)
		return;
	who = sp->member_of ? fc_pack_actor(x->pack, sp->member_of) :
		strcmp(sp->kind, "person") != 0 ? sp : NULL;
	if (who && fc_metric_takes(m, who) && b > a &&
	    fc_re_match(x->first_person_re, t, b, a, 0, x->md) >= 0) {
		l->subject = who;
		l->rule = "link.we";
	}
}

/*
 * A claim's rule names both steps, "figure-rule+link.x" (in a malloc'd
 * string): one for every claim, so it is not formatted with printf.
 */
static char *rule_name(const char *figure, const char *link)
{
	size_t a = strlen(figure), b = strlen(link);
	char *r = fc_xmalloc(a + b + 2);

	memcpy(r, figure, a);
	r[a] = '+';
	memcpy(r + a + 1, link, b + 1);
	return r;
}

static void fill_claim(struct fc_claim *c, const char *t, const struct fc_span *s,
		       size_t si, const struct fc_figure *f, const struct link *l,
		       const struct fc_metric *m, const char *speaker,
		       const char *ref_date)
{
	const char *q = fc_qualifier_name(f->qualifier);

	c->sentence = (int64_t)si;
	c->start = s->start;
	c->end = s->end;
	c->fig_start = f->start;
	c->fig_end = f->end;
	c->fig_text = span_dup(t, f->start, f->end);
	c->speaker = speaker ? fc_xstrdup(speaker) : NULL;
	c->estimator = l->speaker ? fc_xstrdup(l->speaker->id) : NULL;
	c->subject = l->subject ? fc_xstrdup(l->subject->id) : NULL;
	c->object = l->object ? fc_xstrdup(l->object->id) : NULL;
	c->metric = m ? fc_xstrdup(m->id) : NULL;
	c->noun = span_dup(t, f->noun_start, f->noun_end);
	c->period = f->period[0] ? fc_xstrdup(f->period) : NULL;
	/* Without a stated period, a figure is about the time it was written. */
	if (!c->period && ref_date && strlen(ref_date) >= 4)
		c->period = fc_xstrndup(ref_date, 4);
	c->value = f->value;
	c->low = f->low;
	c->high = f->high;
	c->low_open = f->low_open;
	c->high_open = f->high_open;
	c->unit = fc_xstrdup(fc_unit_name(f->unit));
	c->hedge = f->hedge[0] ? fc_xstrdup(f->hedge) : NULL;
	c->qualifier = q ? fc_xstrdup(q) : NULL;
	c->role = l->total ? fc_xstrdup("total") : NULL;
	c->rule = rule_name(f->rule ? f->rule : "figure", l->rule);
}

/* Length of an opening quotation mark at t[i], else 0. */
static size_t open_mark(const char *t, size_t i, size_t len)
{
	if (i + 3 <= len && memcmp(t + i, "\xE2\x80\x9C", 3) == 0)
		return 3;
	if (t[i] == '"' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n' ||
			    t[i - 1] == '(' || t[i - 1] == '\t'))
		return 1;
	return 0;
}

/* Length of a closing quotation mark at t[i], else 0. */
static size_t close_mark(const char *t, size_t i, size_t len)
{
	if (i + 3 <= len && memcmp(t + i, "\xE2\x80\x9D", 3) == 0)
		return 3;
	return t[i] == '"';
}

/* The last actor mention inside [a, b), or NULL. */
static const struct fc_actor *actor_in(const struct fc_mentions *m, size_t a,
				       size_t b)
{
	const struct fc_actor *who = NULL;
	size_t i;

	for (i = 0; i < m->n && m->v[i].start < b; i++)
		if (m->v[i].start >= a && m->v[i].end <= b && m->v[i].actor)
			who = m->v[i].actor;
	return who;
}

/* The last person named before offset b. */
static const struct fc_actor *person_before(const struct fc_mentions *m, size_t b)
{
	const struct fc_actor *who = NULL;
	size_t i;

	for (i = 0; i < m->n && m->v[i].end <= b; i++)
		if (m->v[i].actor && strcmp(m->v[i].actor->kind, "person") == 0)
			who = m->v[i].actor;
	return who;
}

/* The offset of the first byte c in t[i..len), or len. */
static size_t next_byte(const char *t, size_t i, size_t len, char c)
{
	const char *p = i < len ? memchr(t + i, c, len - i) : NULL;

	return p ? (size_t)(p - t) : len;
}

/*
 * Quotations within paragraphs, each attributed where the text says who
 * spoke: after it ('," managing director Gideon Ashcombe-Prill said',
 * '," said Mr Smith', '," she said') or before it ('Vantrell told the
 * crowd: "').  A quotation left open runs to the end of its paragraph.
 */
static void find_quotes(struct fc_extractor *x, const char *t, size_t len,
			const struct fc_mentions *m, struct quotes *out)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
	size_t i = 0, ol, cl = 0, j;
	size_t dq = next_byte(t, 0, len, '"'), e2 = next_byte(t, 0, len, '\xE2');

	while (i < len) {
		struct quote q = { 0, 0, NULL };
		size_t a, end;

		/*
		 * Only '"' and the first byte of '“' (E2) can open one: go to
		 * the next of either (memchr, much faster than a byte loop).
		 */
		if (dq < i)
			dq = next_byte(t, i, len, '"');
		if (e2 < i)
			e2 = next_byte(t, i, len, '\xE2');
		if ((i = dq < e2 ? dq : e2) >= len)
			break;
		if (!(ol = open_mark(t, i, len))) {
			i++;
			continue;
		}
		q.start = i + ol;
		cl = 0;
		for (j = q.start; j < len; j++) {
			if (t[j] == '\n' && j + 1 < len && t[j + 1] == '\n')
				break;
			if ((cl = close_mark(t, j, len)))
				break;
		}
		q.end = end = j;
		if (j < len && cl && speech_verb_after(t, len, j + cl) &&
		    fc_re_match(x->quote_after_re, t, len, j + cl, 0, x->md) >= 0) {
			if (ov[2] != PCRE2_UNSET) {	/* '" said Mr Smith' */
				size_t k;

				for (k = 0; k < m->n; k++)
					if (m->v[k].start == ov[1] && m->v[k].actor)
						q.speaker = m->v[k].actor;
			} else if (ov[5] - ov[4] <= 3 &&
				   (memcmp(t + ov[4], "he", 2) == 0 ||
				    memcmp(t + ov[4], "she", 3) == 0)) {
				q.speaker = person_before(m, i);
			} else {
				q.speaker = actor_in(m, ov[4], ov[5]);
			}
		}
		a = i > 160 ? cp_start(t, i - 160, i) : 0;
		if (!q.speaker && speech_verb_ends(t, a, i) &&
		    fc_re_match(x->quote_before_re, t + a, i - a, 0, 0, x->md) >= 0) {
			size_t verb = a + ov[0], from = verb > 100 ? verb - 100 : 0;

			for (j = verb; j > from && t[j - 1] != '.' && t[j - 1] != '\n'; j--)
				;
			q.speaker = actor_in(m, j, verb);
		}
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 8;
			out->v = fc_xrealloc(out->v, out->cap * sizeof(*out->v));
		}
		out->v[out->n++] = q;
		/* Past the closing mark, or past the paragraph break. */
		i = end < len ? end + (cl ? cl : 1) : len;
	}
}

/* Is the sentence only the figure and a question mark ("Five thousand?")? */
static int echo_question(const char *t, const struct fc_span *s,
			 const struct fc_figure *f)
{
	size_t i, q = 0;

	for (i = s->start; i < s->end; i++) {
		unsigned char c = (unsigned char)t[i];

		if (i >= f->start && i < f->end)
			continue;
		if (c == '?')
			q = 1;
		else if (c >= 0x80 || isalnum(c))
			return 0;
	}
	return q;
}

/* The figure that starts at offset start (figures are in text order). */
static const struct fc_figure *figure_at(const struct fc_figure_list *fl, size_t start)
{
	size_t lo = 0, hi = fl->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (fl->v[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < fl->n && fl->v[lo].start == start ? &fl->v[lo] : NULL;
}

/*
 * A total with a noun and a clause after it that names another count
 * ("of its 4,000 staff had joined the strike"): *part is what the clause
 * counts, *total what the noun alone counts.
 */
static int part_predicate(struct fc_extractor *x, const char *t, size_t len,
			  const struct fc_span *s, const struct fc_figure *tf,
			  const struct fc_metric **part, const struct fc_metric **total)
{
	struct fc_span para = paragraph_at(x, t, len, tf->start);
	size_t e;

	if (tf->noun_end <= tf->noun_start)
		return 0;
	e = clause_end(t, tf->noun_end, s->end, NULL);
	if (e <= tf->noun_end)
		return 0;
	*part = match_ctx(x, "count", t + tf->noun_end, e - tf->noun_end, t, len,
			  NULL, s, &para, 1, 20);
	*total = match_ctx(x, "count", t + tf->noun_start, tf->noun_end - tf->noun_start,
			   t, len, NULL, s, &para, 1, SIZE_MAX);
	return *part && *total && *part != *total;
}

/* Replace the link part of a claim's rule ("figure+link.x"). */
static void rename_link(struct fc_claim *c, const char *link)
{
	char *plus = strchr(c->rule, '+');
	struct fc_buf b = FC_BUF_INIT;

	fc_buf_printf(&b, "%.*s+%s", (int)(plus ? plus - c->rule : (ptrdiff_t)strlen(c->rule)),
		      c->rule, link);
	free(c->rule);
	c->rule = fc_buf_detach(&b, NULL);
}

static int streq_opt(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/*
 * A figure is never cut in two: where the splitter ended a sentence inside
 * one ("c. 1", "No. 10"), the sentences it spans become one.
 */
static void merge_split_figures(struct fc_spans *ss, const struct fc_figure_list *fl)
{
	size_t i, f = 0;

	for (i = 0; i < ss->n; i++) {
		while (f < fl->n && fl->v[f].start < ss->v[i].end) {
			while (fl->v[f].start >= ss->v[i].start &&
			       fl->v[f].end > ss->v[i].end && i + 1 < ss->n) {
				ss->v[i].end = ss->v[i + 1].end;
				memmove(&ss->v[i + 1], &ss->v[i + 2],
					(ss->n - i - 2) * sizeof(ss->v[0]));
				ss->n--;
			}
			f++;
		}
	}
}

int fc_extract_segment(struct fc_extractor *x, const struct fc_seg_in *in,
		       struct fc_seg_out *out, struct fc_error *err)
{
	const struct fc_actor *prev_person = NULL;
	const char *speaker = in->outlet;
	struct quotes qs = { NULL, 0, 0 };
	struct fc_seg_in masked;
	char *copy = NULL;
	int ck;
	size_t si, fi = 0, qi = 0, *mstart;
	int rc;

	/* A new text may sit where the last one was: forget what was cached. */
	for (ck = 0; ck < CTX_KINDS; ck++)
		x->cache[ck].t = NULL;
	x->para.t = NULL;
	if (!fc_utf8_valid(in->text, in->len)) {
		masked = *in;
		masked.text = copy = fc_utf8_mask_copy(in->text, in->len);
		in = &masked;
	}
	if (in->kind && strcmp(in->kind, "comment") == 0)
		speaker = in->author ? in->author : "commenter";
	fc_sentences(in->text, in->len, &out->sentences);
	if ((rc = fc_engine_scan(x->engine, in->text, in->len, in->ref_date,
				 &out->figures, &out->limited, err))) {
		free(copy);
		return rc;
	}
	merge_split_figures(&out->sentences, &out->figures);
	mstart = fc_xcalloc(out->sentences.n + 1, sizeof(*mstart));
	for (si = 0; si < out->sentences.n; si++) {
		mstart[si] = out->mentions.n;
		find_mentions(x, in->text, &out->sentences.v[si], si, &out->mentions);
	}
	mstart[si] = out->mentions.n;
	find_quotes(x, in->text, in->len, &out->mentions, &qs);
	for (si = 0; si < out->sentences.n; si++) {
		const struct fc_span *s = &out->sentences.v[si];
		size_t m0 = mstart[si], m1 = mstart[si + 1], first_claim = out->claims.n, k;
		const struct fc_actor *first_person = NULL;

		for (; fi < out->figures.n && out->figures.v[fi].start < s->start; fi++)
			;
		for (; fi < out->figures.n && out->figures.v[fi].start < s->end; fi++) {
			const struct fc_figure *f = &out->figures.v[fi];
			const struct fc_metric *m, *inherit = NULL;
			struct link l;

			/*
			 * "finished fourth-bottom": without the size of the field a
			 * rank from the bottom cannot be set against other ranks.
			 */
			if (f->unit == FC_UNIT_RANK && f->rank_from_bottom)
				continue;
			/*
			 * "thousands of people": a vague quantity stays a figure
			 * but asserts no number that can be checked.
			 */
			if (f->rule && strcmp(f->rule, "count.lots") == 0)
				continue;
			/* "Five thousand?": a figure echoed back as a question. */
			if (echo_question(in->text, s, f))
				continue;
			/* "Not one councillor voted against", "not 300 but 240". */
			if (match_in(x, x->negated_re, in->text, s->start, f->start))
				continue;
			/* "half of that time": a share of a span of time is a duration. */
			if ((f->unit == FC_UNIT_FRACTION || f->unit == FC_UNIT_PERCENT) &&
			    match_in(x, x->duration_of_re, in->text, f->end, s->end))
				continue;

			/*
			 * A bare figure counts what the nearest earlier one of its
			 * kind and period counts.
			 */
			for (k = out->claims.n; k-- > first_claim;) {
				const struct fc_claim *g = &out->claims.v[k];

				/* "has more than doubled, to 21,000": the new level */
				if (strcmp(g->unit, fc_unit_name(f->unit)) != 0 &&
				    !(f->unit == FC_UNIT_COUNT && strcmp(g->unit, "multiple") == 0))
					continue;
				if (f->period[0] && !streq_opt(g->period, f->period))
					break;
				if (g->metric) {
					inherit = fc_pack_metric(x->pack, g->metric);
					break;
				}
			}
			m = metric_for(x, in->text, in->len, s, f,
				       fi + 1 < out->figures.n ? &out->figures.v[fi + 1] : NULL,
				       inherit, in, &out->claims);
			/* "the police figure of 1,200 sounds about right" */
			if (!m && f->noun_end > f->noun_start)
				m = echo_metric(x, in, &out->claims, f);
			link_figure(x, in->text, s, &out->mentions, m0, m1,
				    &out->figures, fi, prev_person, m, &l);
			while (qi < qs.n && qs.v[qi].end <= f->start)
				qi++;
			if (qi < qs.n && qs.v[qi].start <= f->start && qs.v[qi].speaker)
				quoted(x, in->text, s, &qs.v[qi], m, &l);
			/*
			 * "12 per cent backed the Civic Union's plan, while 71 per
			 * cent opposed it": "it" is what an earlier figure of the
			 * sentence was for.
			 */
			if (!l.subject && match_in(x, x->it_re, in->text, f->end, s->end))
				for (k = out->claims.n; k-- > first_claim;) {
					const struct fc_claim *g = &out->claims.v[k];
					const struct fc_actor *a;

					if (!g->subject || strcmp(g->unit, fc_unit_name(f->unit)) != 0 ||
					    !strstr(g->rule, "link.forward"))
						continue;
					if ((a = fc_pack_actor(x->pack, g->subject)) &&
					    fc_metric_takes(m, a)) {
						l.subject = a;
						l.rule = "link.it";
					}
					break;
				}
			fill_claim(fc_claim_vec_push(&out->claims), in->text, s,
				   si, f, &l, m, l.speaker ? l.speaker->name : speaker,
				   in->ref_date);
		}
		/*
		 * "39 of the 44 bus routes", "868 out of 1,240": the second is a
		 * total, about no one in particular, and the first counts what it
		 * counts.
		 */
		for (k = first_claim; k + 1 < out->claims.n; k++) {
			struct fc_claim *a = &out->claims.v[k], *b = &out->claims.v[k + 1];

			if (strcmp(a->unit, "count") != 0 || strcmp(b->unit, "count") != 0 ||
			    b->fig_start < a->fig_end ||
			    !match_in(x, x->part_of_re, in->text, a->fig_end, b->fig_start))
				continue;
			const struct fc_metric *sh, *bm, *pm, *nm;
			const struct fc_figure *bf = figure_at(&out->figures, b->fig_start);
			char den[64];

			free(b->role);
			b->role = fc_xstrdup("total");
			/*
			 * "600 of its 4,000 staff had joined the strike": what the
			 * clause says of them is what the part counts, and the
			 * total's own noun what the total counts.
			 */
			if (bf && part_predicate(x, in->text, in->len, s, bf, &pm, &nm)) {
				free(a->metric);
				a->metric = fc_xstrdup(pm->id);
				free(b->metric);
				b->metric = fc_xstrdup(nm->id);
			/*
			 * Where the pack has a share of the one over the other
			 * ("services_run/services_scheduled"), the part counts
			 * the numerator and the total the denominator.
			 */
			} else if ((sh = share_pair(x->pack, a->metric,
						    /* the total took the part's metric as its own */
						    streq_opt(a->metric, b->metric) ? NULL : b->metric,
						    den, sizeof(den)))) {
				size_t n = (size_t)(strchr(sh->share_of, '/') - sh->share_of);

				free(a->metric);
				a->metric = fc_xstrndup(sh->share_of, n);
				free(b->metric);
				b->metric = fc_xstrdup(den);
			} else if (!a->metric && b->metric) {
				a->metric = fc_xstrdup(b->metric);
			}
			/*
			 * "41 of its 120": the total is the part's subject's, if
			 * its metric takes one; "39 of the 44": nobody's.
			 */
			bm = b->metric ? fc_pack_metric(x->pack, b->metric) : NULL;
			free(b->subject);
			b->subject = a->subject && bm && bm->subject &&
				match_in(x, x->poss_total_re, in->text, a->fig_end, b->fig_start) &&
				fc_metric_takes(bm, fc_pack_actor(x->pack, a->subject)) ?
				fc_xstrdup(a->subject) : NULL;
		}
		/*
		 * "the third and fourth biggest, the GMB and Usdaw": ranks
		 * without a subject, followed by as many names set in
		 * apposition, take them in order.
		 */
		for (k = first_claim; k < out->claims.n; k++) {
			size_t e = k, nr, j, mi;
			const char *t = in->text;

			while (e < out->claims.n && strcmp(out->claims.v[e].unit, "rank") == 0 &&
			       !out->claims.v[e].subject)
				e++;
			if ((nr = e - k) == 0)
				continue;
			/* the first mention after the ranks, in this sentence */
			for (mi = m0; mi < m1 && out->mentions.v[mi].start < out->claims.v[e - 1].fig_end; mi++)
				;
			if (mi + nr > m1 ||
			    !match_in(x, x->appos_lead_re, t, out->claims.v[e - 1].fig_end,
				      out->mentions.v[mi].start))
				goto next_group;
			for (j = 1; j < nr; j++)
				if (!match_in(x, x->appos_join_re, t, out->mentions.v[mi + j - 1].end,
					      out->mentions.v[mi + j].start))
					goto next_group;
			for (j = 0; j < nr; j++)
				if (!out->mentions.v[mi + j].actor)
					goto next_group;
			for (j = 0; j < nr; j++) {
				struct fc_claim *c = &out->claims.v[k + j];

				c->subject = fc_xstrdup(out->mentions.v[mi + j].actor->id);
				rename_link(c, "link.apposition");
			}
next_group:
			k = e;
		}
		/*
		 * "540 of them backed strike action – 88.5 per cent", "41 of its
		 * 120 services, or 35 per cent", "868 out of 1,240 is 70%": a bare
		 * share set right after a count is that count's share, where the
		 * pack has one.
		 */
		for (k = first_claim + 1; k < out->claims.n; k++) {
			struct fc_claim *c = &out->claims.v[k], *g = &out->claims.v[k - 1];
			const struct fc_metric *sh;

			if ((strcmp(c->unit, "percent") != 0 &&
			     strcmp(c->unit, "fraction") != 0) || c->noun ||
			    strcmp(g->unit, "count") != 0 || c->fig_start < g->fig_end ||
			    c->fig_start - g->fig_end > 60 ||
			    !match_in(x, x->apposed_re, in->text, g->fig_end, c->fig_start))
				continue;
			if (g->role && strcmp(g->role, "total") == 0 && k >= first_claim + 2 &&
			    strcmp(out->claims.v[k - 2].unit, "count") == 0)
				g = &out->claims.v[k - 2];
			if (g->metric && (sh = share_metric_of(x->pack, g->metric))) {
				free(c->metric);
				c->metric = fc_xstrdup(sh->id);
				/* a turnout is nobody's: drop a subject it cannot take */
				if (c->subject &&
				    !fc_metric_takes(sh, fc_pack_actor(x->pack, c->subject))) {
					free(c->subject);
					c->subject = NULL;
					rename_link(c, "link.none");
				}
			}
		}
		/*
		 * An interim qualifier ("from 271 nominations so far") covers the
		 * other figures of its sentence that count the same thing.
		 */
		for (k = first_claim; k < out->claims.n; k++) {
			struct fc_claim *c = &out->claims.v[k];
			size_t j;

			if (!c->qualifier || strcmp(c->qualifier, "interim") != 0 ||
			    !c->metric)
				continue;
			for (j = first_claim; j < out->claims.n; j++) {
				struct fc_claim *o = &out->claims.v[j];

				if (!o->qualifier && o->metric &&
				    strcmp(o->metric, c->metric) == 0)
					o->qualifier = fc_xstrdup("interim");
			}
		}
		for (k = m0; k < m1; k++) {
			const struct fc_actor *a = out->mentions.v[k].actor;

			if (a && strcmp(a->kind, "person") == 0) {
				first_person = a;
				break;
			}
		}
		if (first_person)
			prev_person = first_person;
	}
	free(mstart);
	free(qs.v);
	free(copy);
	return FC_OK;
}
