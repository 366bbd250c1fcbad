/* rules.c - loads rule files and the hedge policy, expands named parts and compiles one JIT pattern per rule kind. */
#include "fig_internal.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Bounds on what a rule may cost at match time: pathological text must not stall a batch. */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	5000
#define HEAP_LIMIT_KB	8192
#define JIT_STACK_MIN	(32 * 1024)
#define JIT_STACK_MAX	(512 * 1024)

/*
 * The most compiled code (PCRE2's own, in bytes) a figure or ignore rule
 * keeps with its parts inlined: above it, the parts whose copies cost
 * most are called as subroutines instead (compile_rule()).  JIT machine
 * code is ten to twenty-five times the size; inlined whole, the shipped
 * rules made 11 MB of it, which the CPU's caches cannot hold, and a call
 * costs less than the cache misses of a copy.  Measured on the bench:
 * 32 KB saves little, 10 to 20 KB the most.
 */
#define RULE_CODE_BUDGET (16 * 1024)

const char *const fc_group_names[G_NGROUPS] = {
	"num", "hedge", "noun", "lo", "hi", "lohedge", "hihedge", "a", "b",
	"cur", "bottom", "fig", "year", "rel", "neg",
};

struct macro {
	char *name;
	char *body;
	int words;		/* a "words" list, not a pattern */
	char *file;
	int line;
	char *inl;		/* the body with every part inlined, once built */
	int busy;		/* being inlined: a part that calls itself */
	int joining;		/* a words part being read: one that includes itself */
	int call;		/* EXPAND_MIXED: called as a subroutine, not inlined */
	int used;		/* EXPAND_MIXED: called by the rule being compiled (1 new, 2 written) */
	size_t uses;		/* times the rule being compiled inlines it: see part_uses() */
};

/* How expand() writes a {PART}: inlined, called, or called when its call flag is set. */
enum { EXPAND_INLINE, EXPAND_CALLS, EXPAND_MIXED };

struct loader {
	struct fc_engine *e;
	struct macro *macros;
	size_t nmacros, capmacros;
	size_t caprules;
	struct fc_error *err;
};

static const char *const unit_names[] = {
	"count", "percent", "ppoint", "ratio", "multiple", "fraction",
	"currency", "odds", "rank",
};

static int unit_from_name(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(unit_names) / sizeof(unit_names[0]); i++)
		if (strcmp(unit_names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *fc_unit_name(enum fc_unit u)
{
	if ((size_t)u < sizeof(unit_names) / sizeof(unit_names[0]))
		return unit_names[u];
	return "count";
}

const char *fc_qualifier_name(enum fc_qualifier q)
{
	switch (q) {
	case FC_QUAL_INTERIM: return "interim";
	case FC_QUAL_FINAL: return "final";
	default: return NULL;
	}
}

/* ---- tokens near a number ---------------------------------------------- */

static int ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Length of the token at s[0..n): a run of ASCII letters, a run of digits,
 * one UTF-8 character, or one other byte.  Rules' "needs" and the text
 * near a number are cut the same way.
 */
size_t fc_token_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = 1;

	if (!n)
		return 0;
	if (ascii_letter(u[0])) {
		while (k < n && ascii_letter(u[k]))
			k++;
	} else if (u[0] >= '0' && u[0] <= '9') {
		while (k < n && u[k] >= '0' && u[k] <= '9')
			k++;
	} else if (u[0] >= 0xC0) {
		while (k < n && (u[k] & 0xC0) == 0x80)
			k++;
	}
	return k;
}

/* FNV-1a of the token, ASCII letters folded to lower case. */
uint64_t fc_token_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		h ^= c >= 'A' && c <= 'Z' ? c + 32 : c;
		h *= 1099511628211ull;
	}
	return h;
}

/*
 * Record the first byte (either case), the first and last letters and
 * the length of a needed token, so that the scan hashes only the tokens
 * near a number that could be one ("the" and "and" are near every
 * number; few needed words begin with t and end with e).
 */
static void need_shape(struct fc_engine *e, const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	uint64_t bit = (uint64_t)1 << (n < 63 ? n : 63);

	if (!n)
		return;
	e->need_shape[c] |= bit;
	if (ascii_letter(c))
		e->need_shape[c ^ 0x20] |= bit;
	e->need_ends[need_ends_at((const unsigned char *)s, n)] |= bit;
}

/* ---- hedge policy ---------------------------------------------------- */

/*
 * Parse one side of a policy: an optional bracket, then a base (x, inf,
 * -inf or a constant) and terms such as -0.5u, +10%, -1s.
 */
static int parse_bound(const char *s, int low, struct bound *b)
{
	const char *p = s;
	char *end;
	double k;
	size_t n = strlen(s);

	memset(b, 0, sizeof(*b));
	if (low) {
		if (*p != '[' && *p != '(')
			return -1;
		b->open = *p == '(';
		p++;
	} else {
		if (n == 0 || (s[n - 1] != ']' && s[n - 1] != ')'))
			return -1;
		b->open = s[n - 1] == ')';
	}
	if (strncmp(p, "-inf", 4) == 0) {
		b->inf = -1;
		b->open = 1;
		return 0;
	}
	if (strncmp(p, "inf", 3) == 0 || strncmp(p, "+inf", 4) == 0) {
		b->inf = 1;
		b->open = 1;
		return 0;
	}
	if (*p == 'x') {
		b->has_x = 1;
		p++;
	} else {
		b->c = strtod(p, &end);
		if (end == p)
			return -1;
		p = end;
	}
	while (*p && *p != ']' && *p != ')') {
		if (*p != '+' && *p != '-')
			return -1;
		k = strtod(p, &end);
		if (end == p)
			return -1;
		p = end;
		if (*p == 'u')
			b->ku += k, p++;
		else if (*p == 's')
			b->ks += k, p++;
		else if (*p == '%')
			b->kpct += k, p++;
		else
			b->c += k;
	}
	return 0;
}

double fc_bound_eval(const struct bound *b, double x, double u, double s)
{
	if (b->inf)
		return b->inf < 0 ? -INFINITY : INFINITY;
	return (b->has_x ? x : 0) + b->c + b->ku * u + b->ks * s +
	       b->kpct / 100.0 * fabs(x);
}

/* Lower-case s[0..n) with runs of white space made one space. */
static char *norm_words(const char *s, size_t n)
{
	char *o = fc_xmalloc(n + 1);
	size_t i, k = 0;
	int sp = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = k > 0;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			sp = k > 0;
			continue;
		}
		if (sp)
			o[k++] = ' ';
		sp = 0;
		o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	o[k] = '\0';
	return o;
}

const struct hedge *fc_hedge_find(const struct fc_engine *e, const char *s, size_t n)
{
	char *w = norm_words(s, n);
	const struct hedge *h = NULL;
	size_t i;

	for (i = 0; i < e->nhedges; i++)
		if (strcmp(e->hedges[i].text, w) == 0) {
			h = &e->hedges[i];
			break;
		}
	free(w);
	return h;
}

static int load_hedges(struct loader *L, const char *path)
{
	struct fc_engine *e = L->e;
	char *data = NULL, *line, *next, *f[4];
	size_t len, cap = 0;
	int rc, lineno = 0, nf, have_plain = 0;
	struct hedge h;

	if ((rc = fc_read_file(path, 1 << 20, &data, &len, L->err)))
		goto out;
	for (line = data; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (*line == '#' || *fc_trim(line) == '\0')
			continue;
		nf = 0;
		f[nf++] = line;
		while (nf < 4 && (line = strchr(line, '\t'))) {
			*line++ = '\0';
			f[nf++] = line;
		}
		if (nf < 3) {
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load hedges '%s': line %d: expected hedge, low and high separated by tabs",
					  path, lineno);
			goto out;
		}
		if (parse_bound(fc_trim(f[1]), 1, &h.lo) || parse_bound(fc_trim(f[2]), 0, &h.hi)) {
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load hedges '%s': line %d: bad bound (write e.g. [x-0.5u or x+10%%])",
					  path, lineno);
			goto out;
		}
		if (strcmp(fc_trim(f[0]), "(none)") == 0) {
			h.text = NULL;
			e->plain = h;
			have_plain = 1;
			continue;
		}
		h.after = nf > 3 && strcmp(fc_trim(f[3]), "after") == 0;
		if (nf > 3 && !h.after && strcmp(fc_trim(f[3]), "before") != 0 && *fc_trim(f[3])) {
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load hedges '%s': line %d: position must be before or after",
					  path, lineno);
			goto out;
		}
		h.text = norm_words(f[0], strlen(f[0]));
		if (e->nhedges == cap) {
			cap = cap ? cap * 2 : 32;
			e->hedges = fc_xrealloc(e->hedges, cap * sizeof(*e->hedges));
		}
		e->hedges[e->nhedges++] = h;
	}
	if (!have_plain) {
		/* A stated figure is rounded at its last digit unless the file says otherwise. */
		parse_bound("[x-0.5u", 1, &e->plain.lo);
		parse_bound("x+0.5u)", 0, &e->plain.hi);
	}
out:
	free(data);
	return rc;
}

/* ---- macros ----------------------------------------------------------- */

static struct macro *find_macro(struct loader *L, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < L->nmacros; i++)
		if (strlen(L->macros[i].name) == n && memcmp(L->macros[i].name, name, n) == 0)
			return &L->macros[i];
	return NULL;
}

static void add_macro(struct loader *L, const char *name, char *body,
		      const char *file, int line)
{
	struct macro *m;

	if (L->nmacros == L->capmacros) {
		L->capmacros = L->capmacros ? L->capmacros * 2 : 32;
		L->macros = fc_xrealloc(L->macros, L->capmacros * sizeof(*L->macros));
	}
	m = &L->macros[L->nmacros++];
	memset(m, 0, sizeof(*m));
	m->name = fc_xstrdup(name);
	m->body = body;
	m->file = fc_xstrdup(file);
	m->line = line;
}

/* Does the word end in a letter or digit (so must end where a word does)? */
static int ends_word(const char *w)
{
	size_t n = strlen(w);

	return n && ((w[n - 1] >= 'a' && w[n - 1] <= 'z') || (w[n - 1] >= '0' && w[n - 1] <= '9'));
}

/* A word's end: (?!\w) if it ends in a letter or digit, then suffix. */
static void word_end(struct fc_buf *b, int word, const char *suffix)
{
	if (word)
		fc_buf_addstr(b, "(?!\\w)");
	if (suffix)
		fc_buf_addstr(b, suffix);
}

/*
 * Append an alternation of words grouped by their first letter:
 * "(?:a(?:bout|lmost)|o(?:ver|nly))(?!\w)".  PCRE2 tries alternatives one
 * by one, so a flat list of a hundred words costs a hundred tries at
 * every position; grouped, a position whose letter starts no word fails
 * at once.  Spaces in a word match any run of white space; a word ending
 * in a letter or digit must end where the word does; suffix (may be
 * NULL) is appended to each word.
 *
 * The end test, when every word of the list (else of a letter) has the
 * same one, is written once, after the alternation: PCRE2 still tries the
 * words in the same order, backtracking into the alternation when the
 * test fails, so the matches are the same, but the test is compiled once
 * instead of once a word.  With Unicode properties (?!\w) is some 300
 * bytes of JIT code; written once a word, the rules' JIT code came to
 * 7 MB, and matching ran mostly out of cache (docs/rules.md).
 */
static void word_alternation(struct fc_buf *b, char **w, size_t n, const char *suffix)
{
	size_t i, j, t, ends = 0, gends;
	char *tmp;
	const char *p;
	int all, group;

	/* by first letter, longest first within a letter */
	for (i = 1; i < n; i++)
		for (j = i; j > 0; j--) {
			int c0 = (unsigned char)w[j - 1][0], c1 = (unsigned char)w[j][0];

			if (c0 < c1 || (c0 == c1 && strlen(w[j - 1]) >= strlen(w[j])))
				break;
			tmp = w[j], w[j] = w[j - 1], w[j - 1] = tmp;
		}
	for (i = 0; i < n; i++)
		ends += ends_word(w[i]) != 0;
	all = n && (ends == n || ends == 0);
	fc_buf_addstr(b, "(?:");
	for (i = 0; i < n; i = j) {
		for (j = i, gends = 0; j < n && w[j][0] == w[i][0]; j++)
			gends += ends_word(w[j]) != 0;
		group = !all && (gends == j - i || gends == 0);
		if (i)
			fc_buf_addch(b, '|');
		if (strchr("\\^$.|?*+()[]{}#-<>=~", w[i][0]))
			fc_buf_addch(b, '\\');
		fc_buf_addch(b, w[i][0]);
		fc_buf_addstr(b, "(?:");
		for (t = i; t < j; t++) {
			size_t k;

			/* a word listed twice (lists joined) is tried once */
			for (k = i; k < t && strcmp(w[k], w[t]) != 0; k++)
				;
			if (k < t)
				continue;
			if (t > i)
				fc_buf_addch(b, '|');
			for (p = w[t] + 1; *p; p++) {
				if (*p == ' ')
					fc_buf_addstr(b, "\\s+");
				else if (strchr("\\^$.|?*+()[]{}#-<>=~", *p))
					fc_buf_addch(b, '\\'), fc_buf_addch(b, *p);
				else
					fc_buf_addch(b, *p);
			}
			if (!all && !group)
				word_end(b, ends_word(w[t]), suffix);
		}
		fc_buf_addch(b, ')');
		if (group)
			word_end(b, gends != 0, suffix);
	}
	if (!n)
		fc_buf_addstr(b, "(*FAIL)");
	fc_buf_addch(b, ')');
	if (all)
		word_end(b, ends != 0, suffix);
}

/*
 * The hedge parts: HEDGE (written before the number, after 0, side 0),
 * HEDGE_AFTER (after 1), HEDGE_LOWER (side 1: hedges that only bound from
 * below) and HEDGE_UPPER (side -1: only from above).
 */
static const struct {
	const char *name;
	int after, side;
} hedge_parts[] = {
	{ "HEDGE", 0, 0 }, { "HEDGE_AFTER", 1, 0 }, { "HEDGE_LOWER", 0, 1 }, { "HEDGE_UPPER", 0, -1 },
};

static int hedge_in_part(const struct hedge *h, int after, int side)
{
	if (h->after != after)
		return 0;
	if ((side > 0 && !(h->hi.inf > 0 && !h->lo.inf)) ||
	    (side < 0 && !(h->lo.inf < 0 && !h->hi.inf)))
		return 0;
	return 1;
}

/* Every hedge of a hedge part, longest first, words joined by \s+. */
static void hedge_macro(struct loader *L, int after, int side)
{
	struct fc_engine *e = L->e;
	struct fc_buf b = FC_BUF_INIT;
	char **w = fc_xcalloc(e->nhedges + 1, sizeof(*w));
	size_t i, n = 0;

	for (i = 0; i < e->nhedges; i++) {
		const struct hedge *h = &e->hedges[i];

		if (hedge_in_part(h, after, side))
			w[n++] = h->text;
	}
	/* "or less than 6000" starts a new figure, it does not bound this one */
	word_alternation(&b, w, n, after ? "(?!-)(?!\\s*(?:than|equal)\\b)" : "(?!-)");
	add_macro(L, after ? "HEDGE_AFTER" : side > 0 ? "HEDGE_LOWER" : side < 0 ? "HEDGE_UPPER" : "HEDGE",
		  fc_buf_detach(&b, NULL), "hedges.tsv", 0);
	free(w);
}

static int is_name_char(int c, int first)
{
	return (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

static int part_body(struct loader *L, struct macro *m, struct fc_buf *out, int calls);
static int part_body_marked(struct loader *L, struct macro *m, struct fc_buf *out, int mode);

/*
 * Replace each {NAME} by the part: with EXPAND_INLINE its body, inlined
 * as (?:...); with EXPAND_CALLS a call (?&NAME) to the DEFINE block of
 * define_block(); with EXPAND_MIXED a call when the part's call flag is
 * set (marking it used, for used_define_block()), else its body expanded
 * the same way, inlined.  Each rule is compiled on its own, so inlining
 * keeps it small enough, and an inlined part costs nothing at match time
 * where a subroutine call saves and restores the match state of the part
 * on every use.
 */
static int expand(struct loader *L, const char *src, struct fc_buf *out,
		  const char *file, int line, int mode)
{
	const char *p = src, *q;
	struct macro *m;
	int rc;

	while (*p) {
		if (*p == '\\' && p[1]) {
			/* \p{L}, \x{a0}, \k{name}: the braces belong to the escape */
			q = p + 2;
			if (*q == '{' && strchr("pPxNgko", p[1])) {
				while (*q && *q != '}')
					q++;
				if (*q)
					q++;
			}
			fc_buf_add(out, p, (size_t)(q - p));
			p = q;
			continue;
		}
		if (*p == '{' && is_name_char((unsigned char)p[1], 1)) {
			for (q = p + 1; is_name_char((unsigned char)*q, 0); q++)
				;
			if (*q == '}') {
				if (!(m = find_macro(L, p + 1, (size_t)(q - p - 1))))
					return fc_error_set(L->err, FC_EDATA,
							    "cannot load rules '%s': line %d: unknown part '{%.*s}'",
							    file, line, (int)(q - p - 1), p + 1);
				if (mode == EXPAND_CALLS || (mode == EXPAND_MIXED && m->call)) {
					fc_buf_printf(out, "(?&%s)", m->name);
					if (mode == EXPAND_MIXED && !m->used)
						m->used = 1;
					p = q + 1;
					continue;
				}
				if (m->busy)
					return fc_error_set(L->err, FC_EDATA,
							    "cannot load rules '%s': line %d: part '%s' uses itself",
							    m->file, m->line, m->name);
				if (mode == EXPAND_MIXED) {
					/* the body as this rule's call flags have it */
					fc_buf_addstr(out, "(?:");
					rc = part_body_marked(L, m, out, EXPAND_MIXED);
					if (rc)
						return rc;
					fc_buf_addstr(out, "\n)");
					p = q + 1;
					continue;
				}
				if (!m->inl) {
					struct fc_buf b = FC_BUF_INIT;

					rc = part_body_marked(L, m, &b, EXPAND_INLINE);
					if (rc) {
						fc_buf_release(&b);
						return rc;
					}
					if (m->inl) {
						fc_buf_release(&b);	/* a words part sets its own */
					} else {
						if (!b.data)
							fc_buf_addstr(&b, "");
						m->inl = fc_buf_detach(&b, NULL);
					}
				}
				/* the newline ends a trailing # comment of the part */
				fc_buf_addstr(out, "(?:");
				fc_buf_addstr(out, m->inl);
				fc_buf_addstr(out, "\n)");
				p = q + 1;
				continue;
			}
		}
		fc_buf_addch(out, *p++);
	}
	return FC_OK;
}

/*
 * Add the words of words part m to list: each word lower-cased, "_"
 * (which joins the words of a phrase) a space, and an entry {NAME} the
 * words of the words part NAME, so one list can join others ("words
 * NOTNOUN {STOP} {UNITW}") and be one alternation, not several.
 */
static int add_words(struct loader *L, struct macro *m, char ***list, size_t *nl)
{
	char *copy, *save = NULL, *q, *c;
	struct macro *inc;
	size_t n;
	int rc = FC_OK;

	if (m->joining)
		return fc_error_set(L->err, FC_EDATA, "cannot load rules '%s': line %d: words part '%s' includes itself",
				    m->file, m->line, m->name);
	m->joining = 1;
	copy = fc_xstrdup(m->body);
	for (q = strtok_r(copy, " \t\n", &save); q; q = strtok_r(NULL, " \t\n", &save)) {
		n = strlen(q);
		if (n > 2 && q[0] == '{' && q[n - 1] == '}') {
			if (!(inc = find_macro(L, q + 1, n - 2)) || !inc->words) {
				rc = fc_error_set(L->err, FC_EDATA,
						  "cannot load rules '%s': line %d: words '%s': '%s' is no words part",
						  m->file, m->line, m->name, q);
				break;
			}
			if ((rc = add_words(L, inc, list, nl)))
				break;
			continue;
		}
		*list = fc_xrealloc(*list, (*nl + 1) * sizeof(**list));
		(*list)[*nl] = fc_xstrdup(q);
		/* matching is caseless anyway */
		for (c = (*list)[*nl]; *c; c++)
			*c = *c == '_' ? ' ' : (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
		(*nl)++;
	}
	free(copy);
	m->joining = 0;
	return rc;
}

/*
 * A "words" part as a pattern: "a an the" -> grouped alternation, built
 * once (m->inl: a list calls no part, so it reads the same in any mode).
 */
static int words_pattern(struct loader *L, struct macro *m, struct fc_buf *out)
{
	struct fc_buf b = FC_BUF_INIT;
	char **list = NULL;
	size_t nl = 0;
	int rc;

	if (m->inl) {
		fc_buf_addstr(out, m->inl);
		return FC_OK;
	}
	rc = add_words(L, m, &list, &nl);
	if (!rc) {
		word_alternation(&b, list, nl, NULL);
		m->inl = b.data ? fc_buf_detach(&b, NULL) : fc_xstrdup("");
		fc_buf_addstr(out, m->inl);
	}
	while (nl)
		free(list[--nl]);
	free(list);
	return rc;
}

static int part_body(struct loader *L, struct macro *m, struct fc_buf *out, int mode)
{
	if (m->words)
		return words_pattern(L, m, out);
	return expand(L, m->body, out, m->file, m->line, mode);
}

/* part_body() with m marked busy meanwhile, so a part that uses itself is caught. */
static int part_body_marked(struct loader *L, struct macro *m, struct fc_buf *out, int mode)
{
	int rc;

	m->busy = 1;
	rc = part_body(L, m, out, mode);
	m->busy = 0;
	return rc;
}

/*
 * Every part as a subroutine in a DEFINE block: for a rule too large to
 * compile with its parts inlined ("between N and M" four times over).
 */
static int define_block(struct loader *L, struct fc_buf *out)
{
	size_t i;
	int rc;

	fc_buf_addstr(out, "(?(DEFINE)");
	for (i = 0; i < L->nmacros; i++) {
		fc_buf_printf(out, "(?<%s>", L->macros[i].name);
		if ((rc = part_body(L, &L->macros[i], out, EXPAND_CALLS)))
			return rc;
		fc_buf_addstr(out, "\n)");
	}
	fc_buf_addstr(out, ")");
	return FC_OK;
}

/*
 * The parts a rule expanded with EXPAND_MIXED calls (marked used), and
 * those their bodies call in turn, as a DEFINE block.
 */
static int used_define_block(struct loader *L, struct fc_buf *out)
{
	size_t i;
	int more = 1, rc;

	fc_buf_addstr(out, "(?(DEFINE)");
	while (more) {
		more = 0;
		for (i = 0; i < L->nmacros; i++) {
			struct macro *m = &L->macros[i];

			if (m->used != 1)
				continue;
			m->used = 2;
			more = 1;
			fc_buf_printf(out, "(?<%s>", m->name);
			rc = part_body_marked(L, m, out, EXPAND_MIXED);
			if (rc)
				return rc;
			fc_buf_addstr(out, "\n)");
		}
	}
	fc_buf_addstr(out, ")");
	return FC_OK;
}

/* Does pattern p hold a capturing group (named or numbered)? */
static int has_capture(const char *p)
{
	int cls = 0;

	for (; *p; p++) {
		if (*p == '\\') {
			if (p[1])
				p++;
			continue;
		}
		if (cls) {
			cls = *p != ']';
			continue;
		}
		if (*p == '[') {
			cls = 1;
			/* a ] first in a class is a member */
			if (p[1] == '^')
				p++;
			if (p[1] == ']')
				p++;
			continue;
		}
		if (*p == '#') {
			/* extended mode: a comment to the end of the line */
			while (p[1] && p[1] != '\n')
				p++;
			continue;
		}
		if (*p != '(')
			continue;
		if (p[1] != '?' && p[1] != '*')
			return 1;
		if (p[1] == '?' && ((p[2] == '<' && p[3] != '=' && p[3] != '!') || p[2] == '\'' ||
				    (p[2] == 'P' && p[3] == '<')))
			return 1;
	}
	return 0;
}

/*
 * Count in m->uses how often each part is inlined in src, mult times
 * over: a called part's body counts once, in the DEFINE block (mult 0
 * outside it stops the count of what it calls being multiplied).
 */
static void part_uses(struct loader *L, const char *src, size_t mult, int depth)
{
	const char *p = src, *q;
	struct macro *m;

	if (depth > 64)
		return;
	while (*p) {
		if (*p == '\\' && p[1]) {
			p += 2;
			continue;
		}
		if (*p == '{' && is_name_char((unsigned char)p[1], 1)) {
			for (q = p + 1; is_name_char((unsigned char)*q, 0); q++)
				;
			if (*q == '}' && (m = find_macro(L, p + 1, (size_t)(q - p - 1)))) {
				if (m->call) {
					if (!m->uses++ && !m->words)
						part_uses(L, m->body, 1, depth + 1);
				} else {
					m->uses += mult;
					if (!m->words)
						part_uses(L, m->body, mult, depth + 1);
				}
				p = q + 1;
				continue;
			}
		}
		p++;
	}
}

/*
 * For a rule too large with its parts inlined: set the call flag of the
 * part whose inlined copies cost most beyond the first (it captures
 * nothing, and is inlined at least twice), so that one copy of it is
 * compiled instead.  Returns the length of pattern that saves (the
 * copies beyond the first), 0 when there is no such part.
 */
static size_t call_one_more(struct loader *L, const char *pattern)
{
	struct macro *best = NULL;
	size_t i, cost = 0;

	for (i = 0; i < L->nmacros; i++)
		L->macros[i].uses = 0;
	part_uses(L, pattern, 1, 0);
	for (i = 0; i < L->nmacros; i++) {
		struct macro *m = &L->macros[i];
		size_t c;

		if (m->call || m->uses < 2 || !m->inl || has_capture(m->inl))
			continue;
		c = (m->uses - 1) * strlen(m->inl);
		if (c > cost) {
			cost = c;
			best = m;
		}
	}
	if (!best)
		return 0;
	best->call = 1;
	return cost;
}

/* ---- rule files --------------------------------------------------------- */

static const char *const rule_keys[] = {
	"match", "unit", "ignore", "qualifier", "period", "value", "priority",
	"example", "expect", "date", "attach", "currency", "note", "needs", "after", NULL,
};

static int is_key(const char *w, size_t n)
{
	int i;

	for (i = 0; rule_keys[i]; i++)
		if (strlen(rule_keys[i]) == n && memcmp(rule_keys[i], w, n) == 0)
			return 1;
	return 0;
}

static struct rule *new_rule(struct loader *L, const char *id, const char *file, int line)
{
	struct fc_engine *e = L->e;
	struct rule *r;

	if (e->nrules == L->caprules) {
		L->caprules = L->caprules ? L->caprules * 2 : 64;
		e->rules = fc_xrealloc(e->rules, L->caprules * sizeof(*e->rules));
	}
	r = &e->rules[e->nrules];
	memset(r, 0, sizeof(*r));
	r->id = fc_xstrdup(id);
	r->file = (char *)file;
	r->line = line;
	r->kind = RK_FIGURE;
	r->unit = FC_UNIT_COUNT;
	r->priority = 50;
	r->order = e->nrules;
	r->attach = AT_SENTENCE;
	e->nrules++;
	return r;
}

static char *unquote(const char *s, size_t n)
{
	struct fc_buf b = FC_BUF_INIT;
	size_t i;

	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		for (i = 1; i + 1 < n; i++) {
			if (s[i] == '\\' && i + 2 < n)
				i++;
			fc_buf_addch(&b, s[i]);
		}
		if (!b.data)
			fc_buf_addstr(&b, "");
		return fc_buf_detach(&b, NULL);
	}
	return fc_xstrndup(s, n);
}

/* Read one interval end as written ("270", "-inf", "83.5"). */
static char *interval_num(const char **pp, const char *stop)
{
	const char *p = *pp, *q = p;

	while (*q && !strchr(stop, *q))
		q++;
	if (q == p)
		return NULL;
	*pp = q;
	return fc_xstrndup(p, (size_t)(q - p));
}

/*
 * "expect 300 count [270,300) hedge="just under" noun="local parties""
 * or "expect nothing".
 */
static int parse_expect(struct loader *L, struct example *ex, const char *v,
			const char *file, int line)
{
	struct expect x;
	const char *p = v, *q;
	char word[32];
	size_t n;
	int u;

	if (strcmp(v, "nothing") == 0) {
		ex->nothing = 1;
		return FC_OK;
	}
	memset(&x, 0, sizeof(x));
	x.line = line;
	x.bottom = -1;
	q = p;
	while (*q && *q != ' ' && *q != '\t')
		q++;
	x.value = fc_xstrndup(p, (size_t)(q - p));
	while (*q == ' ' || *q == '\t')
		q++;
	p = q;
	while (*q && *q != ' ' && *q != '\t')
		q++;
	n = (size_t)(q - p);
	if (n == 0 || n >= sizeof(word))
		goto bad;
	memcpy(word, p, n);
	word[n] = '\0';
	if ((u = unit_from_name(word)) < 0)
		goto bad;
	x.unit = u;
	while (*q == ' ' || *q == '\t')
		q++;
	if (*q != '[' && *q != '(')
		goto bad;
	x.low_open = *q++ == '(';
	if (!(x.low = interval_num(&q, ",")) || *q++ != ',' ||
	    !(x.high = interval_num(&q, "])")) || !*q)
		goto bad;
	x.high_open = *q++ == ')';
	for (;;) {
		const char *k, *val;
		size_t kn, vn;
		char *s;

		while (*q == ' ' || *q == '\t')
			q++;
		if (!*q)
			break;
		k = q;
		while (*q && *q != '=')
			q++;
		if (!*q)
			goto bad;
		kn = (size_t)(q - k);
		val = ++q;
		if (*q == '"') {
			q++;
			while (*q && *q != '"')
				q += (*q == '\\' && q[1]) ? 2 : 1;
			if (!*q)
				goto bad;
			q++;
		} else {
			while (*q && *q != ' ' && *q != '\t')
				q++;
		}
		vn = (size_t)(q - val);
		s = unquote(val, vn);
#define KEY(name) (kn == strlen(name) && memcmp(k, name, kn) == 0)
		if (KEY("hedge"))
			x.hedge = s;
		else if (KEY("noun"))
			x.noun = s;
		else if (KEY("qualifier"))
			x.qualifier = s;
		else if (KEY("period"))
			x.period = s;
		else if (KEY("currency"))
			x.currency = s;
		else if (KEY("text"))
			x.text = s;
		else if (KEY("rule"))
			x.rule = s;
		else if (KEY("bottom"))
			x.bottom = atoi(s), free(s);
		else {
			free(s);
			fc_error_set(L->err, FC_EDATA,
				     "cannot load rules '%s': line %d: unknown expect field '%.*s'",
				     file, line, (int)kn, k);
			goto fail;
		}
#undef KEY
	}
	ex->exp = fc_xrealloc(ex->exp, (ex->nexp + 1) * sizeof(*ex->exp));
	ex->exp[ex->nexp++] = x;
	return FC_OK;
bad:
	fc_error_set(L->err, FC_EDATA,
		     "cannot load rules '%s': line %d: bad expect (write e.g. expect 300 count [270,300) hedge=\"just under\")",
		     file, line);
fail:
	free(x.value);
	free(x.low);
	free(x.high);
	free(x.hedge);
	free(x.noun);
	free(x.qualifier);
	free(x.period);
	free(x.currency);
	free(x.text);
	free(x.rule);
	return FC_EDATA;
}

/* Apply "key value" to rule r. */
static int rule_key(struct loader *L, struct rule *r, const char *key, size_t kn,
		    char *val, const char *file, int line, char **cont)
{
	struct example *ex;
	char *end;
	int u;

#define IS(k) (kn == strlen(k) && memcmp(key, k, kn) == 0)
	*cont = NULL;
	if (IS("match")) {
		if (r->pattern)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: rule '%s' has two patterns",
					    file, line, r->id);
		r->pattern = fc_xstrdup(val);
		r->match_line = line;
		*cont = r->pattern;
	} else if (IS("unit")) {
		if ((u = unit_from_name(val)) < 0)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: unknown unit '%s'",
					    file, line, val);
		r->unit = u;
	} else if (IS("ignore")) {
		r->kind = RK_IGNORE;
	} else if (IS("qualifier")) {
		r->kind = RK_QUALIFIER;
		if (strcmp(val, "interim") == 0)
			r->qual = FC_QUAL_INTERIM;
		else if (strcmp(val, "final") == 0)
			r->qual = FC_QUAL_FINAL;
		else
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: qualifier must be interim or final, not '%s'",
					    file, line, val);
	} else if (IS("period")) {
		r->kind = RK_PERIOD;
		r->attach = AT_NEAREST;
	} else if (IS("attach")) {
		if (strcmp(val, "sentence") == 0)
			r->attach = AT_SENTENCE;
		else if (strcmp(val, "nearest") == 0)
			r->attach = AT_NEAREST;
		else if (strcmp(val, "next") == 0)
			r->attach = AT_NEXT;
		else if (strcmp(val, "previous") == 0)
			r->attach = AT_PREVIOUS;
		else
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: attach must be sentence, nearest, next or previous",
					    file, line);
	} else if (IS("value")) {
		r->value = strtod(val, &end);
		if (end == val || *end)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: value is not a number: '%s'",
					    file, line, val);
		r->has_value = 1;
	} else if (IS("priority")) {
		r->priority = (int)strtol(val, &end, 10);
		if (end == val || *end)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: priority is not a number: '%s'",
					    file, line, val);
	} else if (IS("currency")) {
		if (strlen(val) != 3)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: currency must be an ISO 4217 code",
					    file, line);
		memcpy(r->currency, val, 4);
	} else if (IS("example")) {
		if (!*val)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: empty example",
					    file, line);
		r->ex = fc_xrealloc(r->ex, (r->nex + 1) * sizeof(*r->ex));
		ex = &r->ex[r->nex++];
		memset(ex, 0, sizeof(*ex));
		ex->line = line;
		ex->text = unquote(val, strlen(val));
		if (r->nex > 1 && r->ex[r->nex - 2].date)
			ex->date = fc_xstrdup(r->ex[r->nex - 2].date);
	} else if (IS("date")) {
		if (!r->nex)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: date before any example",
					    file, line);
		free(r->ex[r->nex - 1].date);
		r->ex[r->nex - 1].date = fc_xstrdup(val);
	} else if (IS("expect")) {
		if (!r->nex)
			return fc_error_set(L->err, FC_EDATA,
					    "cannot load rules '%s': line %d: expect before any example",
					    file, line);
		return parse_expect(L, &r->ex[r->nex - 1], val, file, line);
	} else if (IS("needs")) {
		const char *q = val;
		size_t n, g = r->nneedgroups++;

		r->needs_end = fc_xrealloc(r->needs_end, r->nneedgroups * sizeof(*r->needs_end));
		r->needs_bits = fc_xrealloc(r->needs_bits, r->nneedgroups * sizeof(*r->needs_bits));
		r->needs_bits[g] = 0;
		while (*q) {
			while (*q == ' ' || *q == '\t')
				q++;
			if (!*q)
				break;
			for (n = 0; q[n] && q[n] != ' ' && q[n] != '\t'; n++)
				;
			if (q[0] == '{' && n > 2 && q[n - 1] == '}') {
				/* a hedge part: the first word of each of its hedges */
				size_t k, i;

				for (k = 0; k < sizeof(hedge_parts) / sizeof(hedge_parts[0]); k++)
					if (strlen(hedge_parts[k].name) == n - 2 &&
					    memcmp(hedge_parts[k].name, q + 1, n - 2) == 0)
						break;
				if (k == sizeof(hedge_parts) / sizeof(hedge_parts[0]))
					return fc_error_set(L->err, FC_EDATA,
							    "cannot load rules '%s': line %d: needs '%.*s': only a hedge part can be named",
							    file, line, (int)n, q);
				for (i = 0; i < L->e->nhedges; i++) {
					const struct hedge *h = &L->e->hedges[i];

					if (!hedge_in_part(h, hedge_parts[k].after, hedge_parts[k].side))
						continue;
					r->needs = fc_xrealloc(r->needs, (r->nneeds + 1) * sizeof(*r->needs));
					need_shape(L->e, h->text, fc_token_len(h->text, strlen(h->text)));
					r->needs[r->nneeds] = fc_token_hash(h->text, fc_token_len(h->text, strlen(h->text)));
					r->needs_bits[g] |= (uint64_t)1 << (r->needs[r->nneeds] % 64);
					r->nneeds++;
				}
				q += n;
				continue;
			}
			if (fc_token_len(q, n) != n)
				return fc_error_set(L->err, FC_EDATA,
						    "cannot load rules '%s': line %d: needs '%.*s': not one word or sign",
						    file, line, (int)n, q);
			r->needs = fc_xrealloc(r->needs, (r->nneeds + 1) * sizeof(*r->needs));
			need_shape(L->e, q, n);
			r->needs[r->nneeds] = fc_token_hash(q, n);
			r->needs_bits[g] |= (uint64_t)1 << (r->needs[r->nneeds] % 64);
			r->nneeds++;
			q += n;
		}
		r->needs_end[g] = r->nneeds;
		if (r->needs_end[g] == (g ? r->needs_end[g - 1] : 0))
			r->nneedgroups--;	/* an empty line asks for nothing */
	} else if (IS("after")) {
		const char *q = val;
		size_t n;

		while (*q) {
			while (*q == ' ' || *q == '\t')
				q++;
			if (!*q)
				break;
			for (n = 0; q[n] && q[n] != ' ' && q[n] != '\t'; n++)
				;
			if (fc_token_len(q, n) != n)
				return fc_error_set(L->err, FC_EDATA,
						    "cannot load rules '%s': line %d: after '%.*s': not one word or sign",
						    file, line, (int)n, q);
			r->after = fc_xrealloc(r->after, (r->nafter + 1) * sizeof(*r->after));
			r->after[r->nafter++] = fc_token_hash(q, n);
			q += n;
		}
	} else if (IS("note")) {
		/* free text for readers */
	}
#undef IS
	return FC_OK;
}

static int load_rule_file(struct loader *L, const char *path)
{
	char *data = NULL, *line, *next, *p, *w;
	char **cont = NULL, *contv = NULL;
	struct rule *r = NULL;
	struct macro *m;
	size_t len, wn;
	int rc, lineno = 0;
	char *file = NULL;

	if ((rc = fc_read_file(path, 4 << 20, &data, &len, L->err))) {
		fc_error_set(L->err, rc, "cannot load rules '%s': %s", path,
			     strerror(errno ? errno : EIO));
		goto out;
	}
	if (!fc_utf8_valid(data, len)) {
		rc = fc_error_set(L->err, FC_EDATA, "cannot load rules '%s': not UTF-8", path);
		goto out;
	}
	file = fc_xstrdup(path);
	L->e->files = fc_xrealloc(L->e->files, (L->e->nfiles + 1) * sizeof(char *));
	L->e->files[L->e->nfiles++] = file;
	for (line = data; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if ((p = strchr(line, '\r')) && p[1] == '\0')
			*p = '\0';
		p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#') {
			continue;
		}
		if (p == line) {
			/* a statement at the left margin */
			cont = NULL;
			w = p;
			while (*p && *p != ' ' && *p != '\t')
				p++;
			wn = (size_t)(p - w);
			while (*p == ' ' || *p == '\t')
				p++;
			fc_trim(p);
			if (wn == 6 && memcmp(w, "define", 6) == 0) {
				char *name = p;

				r = NULL;
				while (is_name_char((unsigned char)*p, p == name))
					p++;
				if (p == name || (*p && *p != ' ' && *p != '\t')) {
					rc = fc_error_set(L->err, FC_EDATA,
							  "cannot load rules '%s': line %d: a part's name is upper case letters, digits and _",
							  path, lineno);
					goto out;
				}
				if (*p)
					*p++ = '\0';
				if ((m = find_macro(L, name, strlen(name)))) {
					rc = fc_error_set(L->err, FC_EDATA,
							  "cannot load rules '%s': line %d: part '%s' already defined at '%s' line %d",
							  path, lineno, name, m->file, m->line);
					goto out;
				}
				while (*p == ' ' || *p == '\t')
					p++;
				if (*p == '=')
					p++;
				add_macro(L, name, fc_xstrdup(fc_trim(p)), path, lineno);
				cont = &L->macros[L->nmacros - 1].body;
			} else if (wn == 5 && memcmp(w, "words", 5) == 0) {
				/* "words NAME a b c": a part matching any of the words, quickly */
				char *name = p;

				r = NULL;
				while (is_name_char((unsigned char)*p, p == name))
					p++;
				if (p == name || (*p && *p != ' ' && *p != '\t')) {
					rc = fc_error_set(L->err, FC_EDATA,
							  "cannot load rules '%s': line %d: expected 'words NAME word...'",
							  path, lineno);
					goto out;
				}
				if (*p)
					*p++ = '\0';
				if ((m = find_macro(L, name, strlen(name)))) {
					rc = fc_error_set(L->err, FC_EDATA,
							  "cannot load rules '%s': line %d: part '%s' already defined at '%s' line %d",
							  path, lineno, name, m->file, m->line);
					goto out;
				}
				add_macro(L, name, fc_xstrdup(fc_trim(p)), path, lineno);
				L->macros[L->nmacros - 1].words = 1;
				cont = &L->macros[L->nmacros - 1].body;
			} else if (wn == 4 && memcmp(w, "rule", 4) == 0) {
				size_t i;

				if (!*p || strpbrk(p, " \t")) {
					rc = fc_error_set(L->err, FC_EDATA,
							  "cannot load rules '%s': line %d: rule needs one id",
							  path, lineno);
					goto out;
				}
				for (i = 0; i < L->e->nrules; i++)
					if (strcmp(L->e->rules[i].id, p) == 0) {
						rc = fc_error_set(L->err, FC_EDATA,
								  "cannot load rules '%s': line %d: rule '%s' already defined at '%s' line %d",
								  path, lineno, p, L->e->rules[i].file,
								  L->e->rules[i].line);
						goto out;
					}
				r = new_rule(L, p, file, lineno);
			} else {
				rc = fc_error_set(L->err, FC_EDATA,
						  "cannot load rules '%s': line %d: expected 'rule ID', 'define NAME' or 'words NAME', not '%.*s'",
						  path, lineno, (int)wn, w);
				goto out;
			}
			continue;
		}
		/* an indented line: "key value" or the continuation of a pattern */
		w = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		wn = (size_t)(p - w);
		if (!is_key(w, wn)) {
			if (!cont) {
				rc = fc_error_set(L->err, FC_EDATA,
						  "cannot load rules '%s': line %d: unknown key '%.*s'",
						  path, lineno, (int)wn, w);
				goto out;
			}
			{
				struct fc_buf b = FC_BUF_INIT;

				fc_buf_addstr(&b, *cont);
				fc_buf_addch(&b, '\n');
				fc_buf_addstr(&b, fc_trim(w));
				free(*cont);
				*cont = fc_buf_detach(&b, NULL);
			}
			continue;
		}
		if (!r) {
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load rules '%s': line %d: '%.*s' outside a rule",
					  path, lineno, (int)wn, w);
			goto out;
		}
		while (*p == ' ' || *p == '\t')
			p++;
		fc_trim(p);
		if ((rc = rule_key(L, r, w, wn, p, path, lineno, &contv)))
			goto out;
		cont = contv ? &r->pattern : NULL;
	}
	/* every rule of the file must have a pattern */
	{
		size_t i;

		for (i = 0; i < L->e->nrules; i++) {
			r = &L->e->rules[i];
			if (r->file == file && !r->pattern) {
				rc = fc_error_set(L->err, FC_EDATA,
						  "cannot load rules '%s': line %d: missing pattern",
						  path, r->line);
				goto out;
			}
		}
	}
out:
	free(data);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every *.rules file of dir, in name order.  A missing dir is an error only if required. */
static int load_dir(struct loader *L, const char *dir, int required)
{
	DIR *d = NULL;
	struct dirent *de;
	char **names = NULL, *path = NULL;
	size_t n = 0, i, l;
	int rc = FC_OK;

	if (!(d = opendir(dir))) {
		if (required || errno != ENOENT)
			rc = fc_error_set(L->err, errno == ENOENT || errno == ENOTDIR ? FC_EDATA : FC_ESYS,
					  "cannot load rules '%s': %s", dir, strerror(errno));
		goto out;
	}
	while ((de = readdir(d))) {
		l = strlen(de->d_name);
		if (l > 6 && strcmp(de->d_name + l - 6, ".rules") == 0 && de->d_name[0] != '.') {
			names = fc_xrealloc(names, (n + 1) * sizeof(*names));
			names[n++] = fc_xstrdup(de->d_name);
		}
	}
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		struct fc_buf b = FC_BUF_INIT;

		fc_buf_printf(&b, "%s/%s", dir, names[i]);
		path = fc_buf_detach(&b, NULL);
		rc = load_rule_file(L, path);
		free(path);
		if (rc)
			goto out;
	}
out:
	if (d)
		closedir(d);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* ---- compiling ------------------------------------------------------------ */

#define COMPILE_OPTS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_EXTENDED | PCRE2_DUPNAMES)

static int group_index(const char *name)
{
	int i;

	for (i = 0; i < G_NGROUPS; i++)
		if (strcmp(fc_group_names[i], name) == 0)
			return i;
	return -1;
}

/*
 * The bytes a match of re may start with, as bits of rule bit in
 * e->byte_mask.  PCRE2 learns them from the pattern; when it cannot tell,
 * every byte may start a match.
 */
static void start_bytes(struct fc_engine *e, const pcre2_code *re, size_t bit)
{
	const uint8_t *map = NULL;
	uint32_t type = 0, unit, c;
	uint64_t m = (uint64_t)1 << (bit % 64);
	size_t w = bit / 64;
	int i;

	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &map) == 0 && map) {
		for (i = 0; i < 256; i++)
			if (map[i / 8] & (1u << (i % 8)))
				e->byte_mask[i * e->mw + w] |= m;
		return;
	}
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type);
	if (type == 1 && pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0) {
		c = unit & 0xff;
		e->byte_mask[c * e->mw + w] |= m;
		if (c >= 'a' && c <= 'z')
			e->byte_mask[(c - 32) * e->mw + w] |= m;
		if (c >= 'A' && c <= 'Z')
			e->byte_mask[(c + 32) * e->mw + w] |= m;
		/* a caseless letter outside ASCII: its other case starts elsewhere */
		if (c >= 0x80)
			for (i = 0x80; i < 256; i++)
				e->byte_mask[i * e->mw + w] |= m;
		return;
	}
	for (i = 0; i < 256; i++)
		e->byte_mask[i * e->mw + w] |= m;
}

/*
 * Clear the ASCII bytes of rule bit (code is the rule's anchored pattern)
 * that no match can start with, where PCRE2 could not tell (a rule that
 * calls its parts as subroutines has no start bitmap): partial matching
 * of the byte alone fails outright.  A rule that looks behind its start
 * keeps every byte, since the probe has no text before it.
 */
static void probe_start_bytes(struct fc_engine *e, const struct rule *r, size_t bit)
{
	pcre2_match_data *md;
	uint64_t m = (uint64_t)1 << (bit % 64);
	size_t w = bit / 64;
	unsigned char c;
	int rc;

	if (r->behind || !(md = pcre2_match_data_create_from_pattern(r->code, NULL)))
		return;
	for (c = 0; c < 0x80; c++) {
		if (!(e->byte_mask[c * e->mw + w] & m))
			continue;
		rc = pcre2_match(r->code, &c, 1, 0, PCRE2_PARTIAL_HARD, md, NULL);
		if (rc == PCRE2_ERROR_NOMATCH)
			e->byte_mask[c * e->mw + w] &= ~m;
	}
	pcre2_match_data_free(md);
}

/*
 * Expand rule r's pattern in mode into b, wrap it (with the DEFINE block
 * of the parts it calls) into whole, and compile that with COMPILE_OPTS
 * and opts: *re, or NULL with *code and *off set.
 */
static int expand_compile(struct loader *L, const struct rule *r, int mode, uint32_t opts,
			  struct fc_buf *b, struct fc_buf *whole, pcre2_code **re, int *code,
			  PCRE2_SIZE *off)
{
	size_t i;
	int rc;

	for (i = 0; i < L->nmacros; i++)
		L->macros[i].used = 0;
	fc_buf_reset(b);
	fc_buf_reset(whole);
	if ((rc = expand(L, r->pattern, b, r->file, r->match_line, mode)))
		return rc;
	fc_buf_addstr(whole, "(?:");
	fc_buf_add(whole, b->data ? b->data : "", b->len);
	fc_buf_addstr(whole, "\n)");
	if ((mode == EXPAND_MIXED && (rc = used_define_block(L, whole))) ||
	    (mode == EXPAND_CALLS && (rc = define_block(L, whole))))
		return rc;
	*re = pcre2_compile((PCRE2_SPTR)whole->data, whole->len, COMPILE_OPTS | opts, code, off, NULL);
	return FC_OK;
}

/* The size of re's compiled code (not its JIT code), in bytes. */
static size_t code_size(const pcre2_code *re)
{
	size_t n = 0;

	pcre2_pattern_info(re, PCRE2_INFO_SIZE, &n);
	return n;
}

/*
 * Compile one rule alone, its parts inlined (the costliest called as
 * subroutines when that would be too large): errors are reported at its
 * line, its groups are learnt, and a figure or ignore rule keeps its own
 * anchored JIT code (r->code).  Group numbers are those of the rule alone
 * plus base.  bit >= 0 records the bytes a match may start with.
 */
static int compile_rule(struct loader *L, struct rule *r, uint32_t base, long bit)
{
	struct fc_buf b = FC_BUF_INIT, whole = FC_BUF_INIT;
	pcre2_code *re = NULL, *inlined = NULL;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	uint32_t count, size, i, caps;
	PCRE2_SPTR table;
	int code, rc = FC_OK, g;
	/*
	 * A figure or ignore rule is matched anchored, and compiled so once
	 * (JIT code ignores PCRE2_ANCHORED given at match time); PCRE2 finds
	 * its first bytes the same way.  Qualifier and period rules are also
	 * joined into one pattern that searches (build()).
	 */
	uint32_t anchored = r->kind == RK_FIGURE || r->kind == RK_IGNORE ? PCRE2_ANCHORED : 0;

	if ((rc = expand_compile(L, r, EXPAND_INLINE, anchored, &b, &whole, &re, &code, &off)))
		goto out;
	/*
	 * Too large inlined (over RULE_CODE_BUDGET, or PCRE2's limit of 64
	 * KB): call the parts whose copies cost most, one more at a time,
	 * until it fits.  Each compile costs: as many are called at once as
	 * the compiled size per byte of pattern says will do.  The qualifier
	 * rules are joined into one pattern and get no DEFINE block of their
	 * own.
	 */
	while ((r->kind == RK_FIGURE || r->kind == RK_IGNORE) &&
	       (re ? code_size(re) > RULE_CODE_BUDGET : code == PCRE2_ERROR_PATTERN_TOO_LARGE)) {
		double per_byte = re ? (double)code_size(re) / (double)whole.len : 0;
		size_t saved = 0, c;

		while ((c = call_one_more(L, r->pattern)) != 0) {
			saved += c;
			if (saved >= whole.len ||
			    per_byte * (double)(whole.len - saved) <= (double)RULE_CODE_BUDGET)
				break;
		}
		if (!saved)
			break;
		/*
		 * The same pattern inlined knows its first bytes, where PCRE2
		 * cannot tell them through a call: keep it for start_bytes().
		 */
		if (!inlined)
			inlined = re;
		else
			pcre2_code_free(re);
		re = NULL;
		if ((rc = expand_compile(L, r, EXPAND_MIXED, anchored, &b, &whole, &re, &code, &off)))
			goto out;
	}
	for (i = 0; i < L->nmacros; i++)
		L->macros[i].call = L->macros[i].used = 0;
	/* too large still: call every part */
	if (!re && code == PCRE2_ERROR_PATTERN_TOO_LARGE &&
	    (rc = expand_compile(L, r, EXPAND_CALLS, anchored, &b, &whole, &re, &code, &off)))
		goto out;
	free(r->pattern);
	r->pattern = fc_buf_detach(&b, NULL);
	if (!r->pattern)
		r->pattern = fc_xstrdup("");
	/*
	 * What a probe of lower-case text with nothing before it cannot tell:
	 * lookbehind, \B, options set inside; in the rule or the parts it
	 * calls.
	 */
	r->behind = whole.data && (strstr(whole.data, "(?<=") != NULL || strstr(whole.data, "\\B") != NULL ||
				   strstr(whole.data, "(?-") != NULL || strstr(whole.data, "(?^") != NULL ||
				   strstr(whole.data, "(?c") != NULL);
	if (!re) {
		size_t o = off >= 3 ? (size_t)off - 3 : 0;

		pcre2_get_error_message(code, msg, sizeof(msg));
		if (o > strlen(r->pattern))
			o = strlen(r->pattern);
		/* the parts compiled alone, so the rule's own pattern is at fault */
		rc = fc_error_set(L->err, FC_EDATA,
				  "cannot load rules '%s': line %d: rule '%s': bad pattern at offset %zu (near '%.20s'): %s",
				  r->file, r->match_line, r->id, o, r->pattern + o, (char *)msg);
		goto out;
	}
	pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &caps);
	r->ncaps = caps;
	r->base = base;
	pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &size);
	pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &table);
	for (i = 0; i < count; i++) {
		const unsigned char *ent = table + i * size;
		uint32_t num = ((uint32_t)ent[0] << 8) | ent[1];
		const char *name = (const char *)ent + 2;

		if ((name[0] == 'x' && name[1] == '_') || is_name_char((unsigned char)name[0], 1))
			continue;	/* private helper groups, and parts called as subroutines */
		if ((g = group_index(name)) < 0) {
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load rules '%s': line %d: rule '%s': unknown group name '%s'",
					  r->file, r->line, r->id, name);
			goto out;
		}
		if (!r->group[g])
			r->group[g] = base + num;
		else if (!r->dup[g])
			r->dup[g] = base + num;
	}
	if (r->kind == RK_FIGURE && !r->group[G_NUM] && !r->group[G_LO] &&
	    !r->group[G_A] && !r->has_value) {
		rc = fc_error_set(L->err, FC_EDATA,
				  "cannot load rules '%s': line %d: rule '%s' captures no number (name a group num, lo/hi or a/b, or give a value)",
				  r->file, r->line, r->id);
		goto out;
	}
	if (bit >= 0)
		start_bytes(L->e, inlined ? inlined : re, (size_t)bit);
	if (anchored) {
		r->code = re;
		re = NULL;
		/*
		 * Not JIT-compiled yet: a rule is matched by the interpreter
		 * until it has run often enough to repay compiling it (see
		 * rule_code_match() in figure.c).
		 */
		r->jit = 0;
		if (bit >= 0)
			probe_start_bytes(L->e, r, (size_t)bit);
	}
out:
	pcre2_code_free(re);
	pcre2_code_free(inlined);
	fc_buf_release(&b);
	fc_buf_release(&whole);
	return rc;
}

/* Check each part on its own, so a broken one is named. */
static int compile_parts(struct loader *L)
{
	struct fc_buf b = FC_BUF_INIT;
	pcre2_code *re = NULL;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	size_t i;
	int code, rc = FC_OK;

	for (i = 0; i < L->nmacros; i++) {
		struct macro *m = &L->macros[i];

		fc_buf_reset(&b);
		fc_buf_printf(&b, "{%s}", m->name);
		{
			struct fc_buf d = FC_BUF_INIT;

			rc = expand(L, b.data, &d, m->file, m->line, EXPAND_INLINE);
			fc_buf_release(&b);
			b = d;
		}
		if (rc)
			goto out;
		re = pcre2_compile((PCRE2_SPTR)b.data, b.len, COMPILE_OPTS, &code, &off, NULL);
		if (!re) {
			pcre2_get_error_message(code, msg, sizeof(msg));
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load rules '%s': line %d: part '%s': %s",
					  m->file, m->line, m->name, (char *)msg);
			goto out;
		}
		pcre2_code_free(re);
		re = NULL;
	}
out:
	pcre2_code_free(re);
	fc_buf_release(&b);
	return rc;
}

/* Does pattern p (expanded) begin with \b, after white space and comments? */
static int starts_at_boundary(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p != '#')
			break;
		while (*p && *p != '\n')
			p++;
	}
	return p[0] == '\\' && p[1] == 'b';
}

/*
 * The anchored form of the joined qualifier pattern (b) and what the
 * search needs to skip places no match starts at: the bytes a match can
 * start with (PCRE2's start bitmap, or every byte), whether only places
 * where \b holds need be tried (every rule begins with \b) and, when no
 * rule looks behind, the caches of what can start a match.
 */
static int qual_search_setup(struct loader *L, const struct fc_buf *b, const size_t *v, size_t n)
{
	struct fc_engine *e = L->e;
	const uint8_t *map = NULL;
	PCRE2_SIZE off;
	size_t i;
	int code, words = n > 0, behind = 0;

	e->qual_anchored = pcre2_compile((PCRE2_SPTR)b->data, b->len, COMPILE_OPTS | PCRE2_ANCHORED,
					 &code, &off, NULL);
	if (!e->qual_anchored)
		return fc_error_set(L->err, FC_ESYS, "cannot load rules: qualifier rules joined: cannot compile");
	e->qual_jit = pcre2_jit_compile(e->qual_anchored, PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD) == 0;
	if (pcre2_pattern_info(e->qual_re, PCRE2_INFO_FIRSTBITMAP, &map) == 0 && map) {
		for (i = 0; i < 256; i++)
			e->qual_start[i] = (map[i / 8] >> (i % 8)) & 1;
	} else {
		memset(e->qual_start, 1, sizeof(e->qual_start));
	}
	for (i = 0; i < n; i++) {
		const struct rule *r = &e->rules[v[i]];

		if (strstr(r->pattern, "(?<=") || strstr(r->pattern, "(?<!"))
			behind = 1;
		if (!starts_at_boundary(r->pattern))
			words = 0;
	}
	e->qual_at_words = words;
	if (!behind) {
		e->qual_char = fc_xcalloc(0x10000, 1);
		e->qual_key = fc_xcalloc(QUAL_SLOTS, sizeof(*e->qual_key));
	}
	return FC_OK;
}

/* A rule's place in priority order: higher priority first, then file order. */
struct rank {
	int priority;
	size_t order, index;
};

static int cmp_rank(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;

	if (x->priority != y->priority)
		return y->priority - x->priority;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * The indexes of the rules (qualifier and period rules if qual, else the
 * others) in v, in priority order; their count.  The keys travel with
 * the indexes, so no comparison reaches for the engine and several
 * engines can be loaded at once.
 */
static size_t rules_in_order(const struct fc_engine *e, int qual, size_t *v)
{
	struct rank *rk = fc_xcalloc(e->nrules + 1, sizeof(*rk));
	size_t i, n = 0;

	for (i = 0; i < e->nrules; i++) {
		const struct rule *r = &e->rules[i];
		int isq = r->kind == RK_QUALIFIER || r->kind == RK_PERIOD;

		if (isq == qual) {
			rk[n].priority = r->priority;
			rk[n].order = r->order;
			rk[n++].index = i;
		}
	}
	qsort(rk, n, sizeof(*rk), cmp_rank);
	for (i = 0; i < n; i++)
		v[i] = rk[i].index;
	free(rk);
	return n;
}

/*
 * Figure and ignore rules: each compiled alone, in priority order (the
 * scanner tries them in that order and the first match wins).
 * Qualifier and period rules: joined into one unanchored alternation,
 * each branch marked with its index, searched over whole sentences.
 */
static int build(struct loader *L, int qual, size_t **idx, size_t *nidx)
{
	struct fc_engine *e = L->e;
	struct fc_buf b = FC_BUF_INIT;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	uint32_t base = 0;
	size_t i, n = 0;
	int code, rc = FC_OK;
	size_t *v = fc_xcalloc(e->nrules + 1, sizeof(*v));

	n = rules_in_order(e, qual, v);
	if (!qual) {
		e->mw = (n + 63) / 64 ? (n + 63) / 64 : 1;
		e->byte_mask = fc_xcalloc(256 * e->mw, sizeof(*e->byte_mask));
	}
	fc_buf_addstr(&b, "(?:");
	for (i = 0; i < n; i++) {
		struct rule *r = &e->rules[v[i]];

		if ((rc = compile_rule(L, r, qual ? base : 0, qual ? -1 : (long)i)))
			goto out;
		base += r->ncaps;
		if (qual)
			fc_buf_printf(&b, "%s(*MARK:%zu)(?:%s\n)", i ? "|" : "", i, r->pattern);
	}
	if (qual) {
		if (!n)
			fc_buf_addstr(&b, "(*FAIL)");
		fc_buf_addstr(&b, ")");
		e->qual_re = pcre2_compile((PCRE2_SPTR)b.data, b.len, COMPILE_OPTS, &code, &off, NULL);
		if (!e->qual_re) {
			pcre2_get_error_message(code, msg, sizeof(msg));
			rc = fc_error_set(L->err, FC_EDATA,
					  "cannot load rules: qualifier rules joined, at offset %zu: %s (a rule uses numbered groups or back references?)",
					  (size_t)off, (char *)msg);
			goto out;
		}
		if ((rc = qual_search_setup(L, &b, v, n)))
			goto out;
	} else {
		for (i = 0; i < 256; i++) {
			size_t w;

			for (w = 0; w < e->mw; w++)
				if (e->byte_mask[i * e->mw + w])
					e->start_map[i] = 1;
		}
	}
	*idx = v;
	*nidx = n;
	v = NULL;
out:
	free(v);
	fc_buf_release(&b);
	return rc;
}

/*
 * Build the needs index, so that the words near a number are looked up
 * once each instead of once per rule, and the rules whose needs they meet
 * come out as one rule set.  The first needs group of figure rule j is
 * bit j of the index's first mw words; every further group (a rule with
 * several needs lines) gets a bit of its own after those, owned by
 * need_extra[bit].  Qualifier and period rules are not indexed: they are
 * searched for over whole sentences.
 */
static void needs_index(struct fc_engine *e)
{
	size_t i, j, g, k, slot, nwords = 0, nextra = 0, b;

	e->needers = fc_xcalloc(e->mw, sizeof(*e->needers));
	e->afters = fc_xcalloc(e->mw, sizeof(*e->afters));
	for (j = 0; j < e->nfig; j++) {
		const struct rule *r = &e->rules[e->fig_rule[j]];

		if (r->nneeds) {
			e->needers[j / 64] |= (uint64_t)1 << (j % 64);
			nwords += r->nneeds;
			nextra += r->nneedgroups - 1;
		}
		if (r->nafter)
			e->afters[j / 64] |= (uint64_t)1 << (j % 64);
	}
	e->need_extra = fc_xcalloc(nextra + 1, sizeof(*e->need_extra));
	e->need_gw = e->mw + (nextra + 63) / 64;
	for (e->need_slots = 64; e->need_slots < 2 * nwords; e->need_slots *= 2)
		;
	e->need_key = fc_xcalloc(e->need_slots, sizeof(*e->need_key));
	e->need_mask = fc_xcalloc(e->need_slots * e->need_gw, sizeof(*e->need_mask));
	for (j = 0; j < e->nfig; j++) {
		const struct rule *r = &e->rules[e->fig_rule[j]];

		for (g = 0, k = 0; r->nneeds && g < r->nneedgroups; g++) {
			if (g == 0) {
				b = j;
			} else {
				e->need_extra[e->nneed_extra] = j;
				b = e->mw * 64 + e->nneed_extra++;
			}
			for (; k < r->needs_end[g]; k++) {
				uint64_t h = r->needs[k] ? r->needs[k] : 1;

				for (slot = h & (e->need_slots - 1); e->need_key[slot] && e->need_key[slot] != h;
				     slot = (slot + 1) & (e->need_slots - 1))
					;
				e->need_key[slot] = h;
				e->need_mask[slot * e->need_gw + b / 64] |= (uint64_t)1 << (b % 64);
			}
		}
	}
	/* the after index: each word some rule wants after its number, with those rules */
	for (j = 0, nwords = 0; j < e->nfig; j++)
		nwords += e->rules[e->fig_rule[j]].nafter;
	for (e->after_slots = 64; e->after_slots < 2 * nwords; e->after_slots *= 2)
		;
	e->after_key = fc_xcalloc(e->after_slots, sizeof(*e->after_key));
	e->after_mask = fc_xcalloc(e->after_slots * e->mw, sizeof(*e->after_mask));
	for (j = 0; j < e->nfig; j++) {
		const struct rule *r = &e->rules[e->fig_rule[j]];

		for (k = 0; k < r->nafter; k++) {
			uint64_t h = r->after[k] ? r->after[k] : 1;

			for (slot = h & (e->after_slots - 1); e->after_key[slot] && e->after_key[slot] != h;
			     slot = (slot + 1) & (e->after_slots - 1))
				;
			e->after_key[slot] = h;
			e->after_mask[slot * e->mw + j / 64] |= (uint64_t)1 << (j % 64);
		}
	}
	/* the scan's scratch: the index's words, needs and after sets, start sets */
	i = e->need_gw + 2 * e->mw + (BACK_TOKENS + 4) * e->mw;
	e->scratch = fc_xcalloc(i, sizeof(*e->scratch));
}

void fc_engine_free(struct fc_engine *e)
{
	size_t i, j, k;

	if (!e)
		return;
	for (i = 0; i < e->nrules; i++) {
		struct rule *r = &e->rules[i];

		free(r->id);
		free(r->pattern);
		pcre2_code_free(r->code);
		for (j = 0; j < r->nex; j++) {
			struct example *ex = &r->ex[j];

			free(ex->text);
			free(ex->date);
			for (k = 0; k < ex->nexp; k++) {
				struct expect *x = &ex->exp[k];

				free(x->value);
				free(x->low);
				free(x->high);
				free(x->hedge);
				free(x->noun);
				free(x->qualifier);
				free(x->period);
				free(x->currency);
				free(x->text);
				free(x->rule);
			}
			free(ex->exp);
		}
		free(r->ex);
		free(r->needs);
		free(r->needs_end);
		free(r->after);
		free(r->needs_bits);
	}
	free(e->rules);
	for (i = 0; i < e->nhedges; i++)
		free(e->hedges[i].text);
	free(e->hedges);
	for (i = 0; i < e->nfiles; i++)
		free(e->files[i]);
	free(e->files);
	free(e->fig_rule);
	free(e->qual_rule);
	free(e->starters);
	free(e->phrases);
	free(e->byte_mask);
	free(e->need_key);
	free(e->need_mask);
	free(e->need_extra);
	free(e->after_key);
	free(e->after_mask);
	free(e->needers);
	free(e->afters);
	free(e->scratch);
	free(e->near_hit);
	pcre2_code_free(e->qual_re);
	pcre2_code_free(e->qual_anchored);
	free(e->qual_char);
	free(e->qual_key);
	pcre2_match_data_free(e->md);
	pcre2_match_context_free(e->mctx);
	pcre2_jit_stack_free(e->jit);
	free(e);
}

int fc_engine_load(const char *datadir, const char *packdir,
		   struct fc_engine **out, struct fc_error *err)
{
	struct loader L;
	struct fc_engine *e = fc_xcalloc(1, sizeof(*e));
	struct fc_buf path = FC_BUF_INIT;
	size_t i;
	int rc;

	*out = NULL;
	memset(&L, 0, sizeof(L));
	L.e = e;
	L.err = err;
	if (!datadir) {
		rc = fc_error_set(err, FC_EUSAGE, "cannot load rules: no data directory");
		goto out;
	}
	fc_buf_printf(&path, "%s/rules/hedges.tsv", datadir);
	if ((rc = load_hedges(&L, path.data)))
		goto out;
	for (i = 0; i < sizeof(hedge_parts) / sizeof(hedge_parts[0]); i++)
		hedge_macro(&L, hedge_parts[i].after, hedge_parts[i].side);
	fc_buf_reset(&path);
	fc_buf_printf(&path, "%s/rules", datadir);
	if ((rc = load_dir(&L, path.data, 1)))
		goto out;
	if (packdir) {
		fc_buf_reset(&path);
		fc_buf_printf(&path, "%s/rules", packdir);
		if ((rc = load_dir(&L, path.data, 0)))
			goto out;
	}
	if ((rc = compile_parts(&L)))
		goto out;
	if ((rc = build(&L, 0, &e->fig_rule, &e->nfig)) ||
	    (rc = build(&L, 1, &e->qual_rule, &e->nqual)))
		goto out;
	needs_index(e);
	fc_anchor_words_init(e);
	e->starters = fc_xcalloc((size_t)STARTER_SLOTS * (1 + 2 * e->mw), sizeof(*e->starters));
	e->phrases = fc_xcalloc((size_t)PHRASE_SLOTS * (1 + 2 * e->mw), sizeof(*e->phrases));
	e->mctx = pcre2_match_context_create(NULL);
	e->jit = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
	e->md = pcre2_match_data_create(256, NULL);
	if (!e->mctx || !e->jit || !e->md) {
		rc = fc_error_set(err, FC_ESYS, "cannot load rules: out of memory");
		goto out;
	}
	pcre2_set_match_limit(e->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(e->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(e->mctx, HEAP_LIMIT_KB);
	pcre2_jit_stack_assign(e->mctx, NULL, e->jit);
	fc_qual_start_init(e);
	*out = e;
	e = NULL;
out:
	for (i = 0; i < L.nmacros; i++) {
		free(L.macros[i].name);
		free(L.macros[i].body);
		free(L.macros[i].file);
		free(L.macros[i].inl);
	}
	free(L.macros);
	fc_buf_release(&path);
	fc_engine_free(e);
	return rc;
}

size_t fc_engine_rule_count(const struct fc_engine *e)
{
	return e ? e->nrules : 0;
}
