/* pack.c - load a topic pack's TSV files and match actors, metrics and sources against text. */
#include "pack.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Split a line on tabs in place; returns the number of fields (≤ max). */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		f[n++] = p;
		if (!(p = strchr(p, '\t')))
			break;
		*p++ = '\0';
	}
	for (size_t i = 0; i < n; i++)
		f[i] = fc_trim(f[i]);
	return n;
}

typedef int (*row_fn)(struct fc_pack *p, char **f, size_t n, const char *file,
		      int line, struct fc_error *err);

/* Read dir/name line by line, skipping blanks and # comments. */
static int load_tsv(struct fc_pack *p, const char *name, row_fn fn,
		    struct fc_error *err)
{
	struct fc_buf path = FC_BUF_INIT;
	char *data = NULL, *line, *next;
	size_t len;
	int rc = FC_OK, lineno = 0;
	struct fc_error rerr;

	fc_buf_printf(&path, "%s/%s", p->dir, name);
	rc = fc_read_file(path.data, 0, &data, &len, &rerr);
	if (rc) {
		/* A pack need not have every file. */
		if (errno == ENOENT)
			rc = FC_OK;
		else
			fc_error_set(err, rc, "cannot load pack: %s", rerr.msg);
		goto out;
	}
	if (!fc_utf8_valid(data, len)) {
		rc = fc_error_set(err, FC_EDATA,
				  "cannot load pack '%s': invalid UTF-8", path.data);
		goto out;
	}
	for (line = data; line && *line; line = next) {
		char *f[8];
		size_t n;

		lineno++;
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		if (line[strspn(line, " \t\r")] == '\0' || line[0] == '#')
			continue;
		n = split_tabs(line, f, 8);
		if ((rc = fn(p, f, n, path.data, lineno, err)))
			goto out;
	}
out:
	free(data);
	fc_buf_release(&path);
	return rc;
}

static char *dup_or_null(const char *s)
{
	return s && *s && strcmp(s, "-") != 0 ? fc_xstrdup(s) : NULL;
}

static int actor_row(struct fc_pack *p, char **f, size_t n, const char *file,
		     int line, struct fc_error *err)
{
	struct fc_actor *a;
	char *al, *tok;

	if (n < 3 || !*f[0] || !*f[2])
		return fc_error_set(err, FC_EDATA,
				    "cannot load pack '%s': line %d: expected id, kind, name[, aliases[, member_of]]",
				    file, line);
	p->actors = fc_xrealloc(p->actors, (p->nactors + 1) * sizeof(*p->actors));
	a = &p->actors[p->nactors++];
	memset(a, 0, sizeof(*a));
	a->id = fc_xstrdup(f[0]);
	a->kind = fc_xstrdup(f[1]);
	a->name = fc_xstrdup(f[2]);
	a->aliases = fc_xmalloc(sizeof(char *));
	a->aliases[a->nalias++] = fc_xstrdup(f[2]);
	if (n > 4 && *f[4])
		a->member_of = fc_xstrdup(f[4]);
	if (n < 4)
		return FC_OK;
	al = f[3];
	while ((tok = strsep(&al, "|"))) {
		tok = fc_trim(tok);
		if (!*tok)
			continue;
		a->aliases = fc_xrealloc(a->aliases,
					 (a->nalias + 1) * sizeof(char *));
		a->aliases[a->nalias++] = fc_xstrdup(tok);
	}
	return FC_OK;
}

int fc_re_match(const pcre2_code *re, const char *s, size_t len, size_t off,
		uint32_t opts, pcre2_match_data *md)
{
	int rc = pcre2_jit_match(re, (PCRE2_SPTR)s, len, off, opts, md, NULL);

	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(re, (PCRE2_SPTR)s, len, off, opts | PCRE2_NO_UTF_CHECK,
				 md, NULL);
	return rc;
}

static pcre2_code *compile(const char *pat, uint32_t opts, const char *file,
			   int line, struct fc_error *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;
	pcre2_code *re;

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
			   opts | PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
	if (!re) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		fc_error_set(err, FC_EDATA,
			     "cannot load pack '%s': line %d: bad pattern at offset %zu: %s",
			     file, line, (size_t)off, (char *)msg);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

/* Figure unit names, in the order of the bits of fc_metric.fits. */
static const char *const units[] = {
	"count", "percent", "ppoint", "ratio", "multiple", "fraction",
	"currency", "odds", "rank",
};

static int unit_index(const char *u)
{
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i], u) == 0)
			return (int)i;
	return -1;
}

/*
 * Which figure units a metric of the given unit takes: its own, and a
 * ratio or multiple of counts is about that count, a share in points or
 * as a fraction about that share.
 */
static unsigned unit_fits(const char *metric_unit)
{
	int i = unit_index(metric_unit);

	if (i < 0)
		return 0;
	if (strcmp(metric_unit, "count") == 0)
		return 1u << i | 1u << unit_index("ratio") | 1u << unit_index("multiple");
	if (strcmp(metric_unit, "percent") == 0)
		return 1u << i | 1u << unit_index("ppoint") | 1u << unit_index("fraction");
	return 1u << i;
}

static int metric_row(struct fc_pack *p, char **f, size_t n, const char *file,
		      int line, struct fc_error *err)
{
	struct fc_metric *m;

	if (n < 4 || !*f[0] || !*f[1] || !*f[3])
		return fc_error_set(err, FC_EDATA,
				    "cannot load pack '%s': line %d: expected id, unit, description, noun[, context[, share_of[, subject]]]",
				    file, line);
	p->metrics = fc_xrealloc(p->metrics,
				 (p->nmetrics + 1) * sizeof(*p->metrics));
	m = &p->metrics[p->nmetrics++];
	memset(m, 0, sizeof(*m));
	m->id = fc_xstrdup(f[0]);
	m->unit = fc_xstrdup(f[1]);
	m->fits = unit_fits(f[1]);
	m->desc = fc_xstrdup(f[2]);
	if (n > 5)
		m->share_of = dup_or_null(f[5]);
	if (n > 6 && *f[6])
		m->subject = fc_xstrdup(f[6]);
	if (!(m->noun = compile(f[3], PCRE2_CASELESS, file, line, err)))
		return FC_EDATA;
	m->noun_empty = fc_re_match(m->noun, "", 0, 0, 0, p->md) >= 0;
	if (n > 4 && *f[4] && strcmp(f[4], "-") != 0 &&
	    !(m->context = compile(f[4], PCRE2_CASELESS, file, line, err)))
		return FC_EDATA;
	return FC_OK;
}

static int ref_row(struct fc_pack *p, char **f, size_t n, const char *file,
		   int line, struct fc_error *err)
{
	struct fc_ref *r;
	char *end;
	double v;

	if (n < 3 || !*f[0] || !*f[1])
		return fc_error_set(err, FC_EDATA,
				    "cannot load pack '%s': line %d: expected subject, metric, value, as_of, period, source",
				    file, line);
	v = strtod(f[2], &end);
	if (end == f[2] || *end || !isfinite(v))
		return fc_error_set(err, FC_EDATA,
				    "cannot load pack '%s': line %d: value '%s' is not a number",
				    file, line, f[2]);
	p->refs = fc_xrealloc(p->refs, (p->nrefs + 1) * sizeof(*p->refs));
	r = &p->refs[p->nrefs++];
	memset(r, 0, sizeof(*r));
	r->subject = fc_xstrdup(f[0]);
	r->metric = fc_xstrdup(f[1]);
	r->value = v;
	r->as_of = n > 3 ? dup_or_null(f[3]) : NULL;
	r->period = n > 4 ? dup_or_null(f[4]) : NULL;
	r->source = n > 5 ? dup_or_null(f[5]) : NULL;
	return FC_OK;
}

static int source_row(struct fc_pack *p, char **f, size_t n, const char *file,
		      int line, struct fc_error *err)
{
	struct fc_source *s;

	if (n < 2 || !*f[0] || !*f[1])
		return fc_error_set(err, FC_EDATA,
				    "cannot load pack '%s': line %d: expected match, outlet, kind",
				    file, line);
	p->sources = fc_xrealloc(p->sources,
				 (p->nsources + 1) * sizeof(*p->sources));
	s = &p->sources[p->nsources++];
	s->match = fc_xstrdup(f[0]);
	s->outlet = fc_xstrdup(f[1]);
	s->kind = n > 2 ? dup_or_null(f[2]) : NULL;
	return FC_OK;
}

static int by_len_desc(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a,
						    *(char *const *)b);
}

/* One alternation of every alias, longest first, so "Jeremy Corbyn" wins over "Jeremy". */
static int build_alias_re(struct fc_pack *p, struct fc_error *err)
{
	struct fc_buf pat = FC_BUF_INIT;
	char **all = NULL;
	size_t n = 0, i, j;
	int rc = FC_OK;

	for (i = 0; i < p->nactors; i++)
		for (j = 0; j < p->actors[i].nalias; j++) {
			all = fc_xrealloc(all, (n + 1) * sizeof(*all));
			all[n++] = p->actors[i].aliases[j];
		}
	if (n == 0)
		goto out;
	qsort(all, n, sizeof(*all), by_len_desc);
	fc_buf_addstr(&pat, "(?<![\\w'’])(?:");
	for (i = 0; i < n; i++) {
		const char *s;

		if (i)
			fc_buf_addch(&pat, '|');
		for (s = all[i]; *s; s++) {
			if (strchr("\\^$.|?*+()[]{}#", *s))
				fc_buf_addch(&pat, '\\');
			if (*s == ' ')
				fc_buf_addstr(&pat, "\\s+");
			else
				fc_buf_addch(&pat, *s);
		}
	}
	fc_buf_addstr(&pat, ")(?![\\w-])");
	/*
	 * Anchored too, for trying it where a literal test says an alias may
	 * start: PCRE2's JIT takes no PCRE2_ANCHORED at match time (the
	 * interpreter would run instead), only in the compiled pattern.
	 */
	if (!(p->alias_re = compile(pat.data, 0, "actors.tsv", 0, err)) ||
	    !(p->alias_at_re = compile(pat.data, PCRE2_ANCHORED, "actors.tsv", 0, err)))
		rc = FC_EDATA;
out:
	free(all);
	fc_buf_release(&pat);
	return rc;
}

static int re_find(pcre2_code *re, pcre2_match_data *md, const char *s,
		   size_t n, uint32_t opts)
{
	return fc_re_match(re, s, n, 0, opts, md) >= 0;
}

/*
 * Where each metric's noun pattern matches a noun, for the nouns met so
 * far: a figure's noun is matched against every metric of its unit, and
 * news repeats its nouns ("members", "nominations").  A slot keeps the
 * noun, PCRE2_NOTEMPTY or not, and per metric the match's start and end
 * (MEMO_UNKNOWN until asked, MEMO_NONE if none).  The memo belongs to
 * one pack, used by one thread; when full it stops learning.
 */
#define MEMO_SLOTS 16384
#define MEMO_UNKNOWN UINT32_MAX
#define MEMO_NONE (UINT32_MAX - 1)

struct fc_noun_memo {
	size_t n;
	struct memo_slot {
		char *noun;		/* NULL: free */
		size_t nlen;
		int notempty;
		uint32_t *at;		/* 2 nmetrics: start, end */
	} slot[MEMO_SLOTS];
};

static uint64_t memo_hash(const char *s, size_t n, int notempty)
{
	uint64_t h = 14695981039346656037ull ^ (uint64_t)notempty;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ^ h >> 29;
}

/* The memo slot of the noun, taken if new; NULL when the memo is full or the noun too long. */
static struct memo_slot *memo_slot(const struct fc_pack *p, const char *noun, size_t nlen, int notempty)
{
	struct fc_noun_memo *m = p->memo;
	struct memo_slot *sl;
	size_t i, k;

	if (!m || nlen >= MEMO_NONE)
		return NULL;
	for (k = memo_hash(noun, nlen, notempty) % MEMO_SLOTS;; k = (k + 1) % MEMO_SLOTS) {
		sl = &m->slot[k];
		if (!sl->noun)
			break;
		if (sl->nlen == nlen && sl->notempty == notempty && memcmp(sl->noun, noun, nlen) == 0)
			return sl;
	}
	if (m->n >= MEMO_SLOTS * 3 / 4)
		return NULL;
	sl->noun = fc_xmalloc(nlen + 1);
	memcpy(sl->noun, noun, nlen);
	sl->noun[nlen] = '\0';
	sl->nlen = nlen;
	sl->notempty = notempty;
	sl->at = fc_xmalloc(2 * p->nmetrics * sizeof(*sl->at));
	for (i = 0; i < 2 * p->nmetrics; i++)
		sl->at[i] = MEMO_UNKNOWN;
	m->n++;
	return sl;
}

/* Does metric i's noun pattern match the noun: 1 with [*s, *e) the match, else 0. */
static int noun_match(const struct fc_pack *p, struct memo_slot *sl, size_t i, const char *noun,
		      size_t nlen, int notempty, size_t *s, size_t *e)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);

	if (sl && sl->at[2 * i] != MEMO_UNKNOWN) {
		*s = sl->at[2 * i];
		*e = sl->at[2 * i + 1];
		return sl->at[2 * i] != MEMO_NONE;
	}
	if (!re_find(p->metrics[i].noun, p->md, noun, nlen, notempty ? PCRE2_NOTEMPTY : 0)) {
		if (sl)
			sl->at[2 * i] = MEMO_NONE;
		return 0;
	}
	*s = ov[0];
	*e = ov[1];
	if (sl) {
		sl->at[2 * i] = (uint32_t)ov[0];
		sl->at[2 * i + 1] = (uint32_t)ov[1];
	}
	return 1;
}

static void memo_free(struct fc_noun_memo *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < MEMO_SLOTS; i++) {
		free(m->slot[i].noun);
		free(m->slot[i].at);
	}
	free(m);
}

/* Every member_of names an actor of the pack. */
static int check_members(const struct fc_pack *p, struct fc_error *err)
{
	size_t i;

	for (i = 0; i < p->nactors; i++)
		if (p->actors[i].member_of &&
		    !fc_pack_actor(p, p->actors[i].member_of))
			return fc_error_set(err, FC_EDATA,
					    "cannot load pack '%s/actors.tsv': actor '%s': member_of '%s' is not an actor",
					    p->dir, p->actors[i].id, p->actors[i].member_of);
	return FC_OK;
}

int fc_pack_load(const char *dir, struct fc_pack **out, struct fc_error *err)
{
	struct fc_pack *p = fc_xcalloc(1, sizeof(*p));
	int rc = FC_OK;

	*out = NULL;
	p->md = pcre2_match_data_create(16, NULL);
	p->memo = fc_xcalloc(1, sizeof(*p->memo));
	if (dir) {
		p->dir = fc_xstrdup(dir);
		if ((rc = load_tsv(p, "actors.tsv", actor_row, err)) ||
		    (rc = load_tsv(p, "metrics.tsv", metric_row, err)) ||
		    (rc = load_tsv(p, "reference.tsv", ref_row, err)) ||
		    (rc = load_tsv(p, "sources.tsv", source_row, err)) ||
		    (rc = build_alias_re(p, err)) || (rc = check_members(p, err))) {
			fc_pack_free(p);
			return rc;
		}
	}
	*out = p;
	return FC_OK;
}

void fc_pack_free(struct fc_pack *p)
{
	size_t i, j;

	if (!p)
		return;
	for (i = 0; i < p->nactors; i++) {
		free(p->actors[i].id);
		free(p->actors[i].kind);
		free(p->actors[i].name);
		free(p->actors[i].member_of);
		for (j = 0; j < p->actors[i].nalias; j++)
			free(p->actors[i].aliases[j]);
		free(p->actors[i].aliases);
	}
	for (i = 0; i < p->nmetrics; i++) {
		free(p->metrics[i].id);
		free(p->metrics[i].unit);
		free(p->metrics[i].desc);
		free(p->metrics[i].share_of);
		free(p->metrics[i].subject);
		pcre2_code_free(p->metrics[i].noun);
		pcre2_code_free(p->metrics[i].context);
	}
	for (i = 0; i < p->nrefs; i++) {
		free(p->refs[i].subject);
		free(p->refs[i].metric);
		free(p->refs[i].as_of);
		free(p->refs[i].period);
		free(p->refs[i].source);
	}
	for (i = 0; i < p->nsources; i++) {
		free(p->sources[i].match);
		free(p->sources[i].outlet);
		free(p->sources[i].kind);
	}
	free(p->actors);
	free(p->metrics);
	free(p->refs);
	free(p->sources);
	pcre2_code_free(p->alias_re);
	pcre2_code_free(p->alias_at_re);
	pcre2_match_data_free(p->md);
	memo_free(p->memo);
	free(p->dir);
	free(p);
}

const struct fc_actor *fc_pack_actor(const struct fc_pack *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nactors; i++)
		if (strcmp(p->actors[i].id, id) == 0)
			return &p->actors[i];
	return NULL;
}

const struct fc_metric *fc_pack_metric(const struct fc_pack *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nmetrics; i++)
		if (strcmp(p->metrics[i].id, id) == 0)
			return &p->metrics[i];
	return NULL;
}

/* Compare an alias with text, treating any run of white space as one space. */
static int alias_eq(const char *alias, const char *t, size_t n)
{
	size_t i = 0;

	for (; *alias; alias++) {
		if (*alias == ' ') {
			if (i >= n || (t[i] != ' ' && t[i] != '\n' && t[i] != '\t'))
				return 0;
			while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'))
				i++;
			continue;
		}
		if (i >= n || t[i] != *alias)
			return 0;
		i++;
	}
	return i == n;
}

const struct fc_actor *fc_pack_alias(const struct fc_pack *p, const char *text,
				     size_t len)
{
	size_t i, j;

	if (len > 2 && text[len - 2] == '\'' && text[len - 1] == 's')
		len -= 2;
	else if (len > 4 && memcmp(text + len - 4, "’s", 4) == 0)
		len -= 4;
	for (i = 0; i < p->nactors; i++)
		for (j = 0; j < p->actors[i].nalias; j++)
			if (alias_eq(p->actors[i].aliases[j], text, len))
				return &p->actors[i];
	return NULL;
}



/* Which figure units a metric of the given unit can hold. */
const struct fc_metric *fc_pack_match_metric_near(const struct fc_pack *p,
						  const char *unit, const char *noun,
						  size_t nlen, int notempty, size_t max_start,
						  int (*level)(void *arg, size_t i), void *arg)
{
	const struct fc_metric *best = NULL;
	struct memo_slot *sl = NULL;
	int u = unit_index(unit), blevel = INT_MAX, lv;
	size_t i, blen = 0, ms, me;

	if (u < 0)
		return NULL;
	if (!noun)
		noun = "", nlen = 0;
	if (nlen > 0)
		sl = memo_slot(p, noun, nlen, notempty != 0);
	for (i = 0; i < p->nmetrics; i++) {
		const struct fc_metric *m = &p->metrics[i];
		size_t mlen;

		if (!(m->fits >> u & 1))
			continue;
		/*
		 * No noun: the pattern's answer is the same every time, and
		 * with notempty it is no.
		 */
		if (nlen == 0) {
			if (notempty || !m->noun_empty)
				continue;
			mlen = 0;
		} else if (!noun_match(p, sl, i, noun, nlen, notempty, &ms, &me) || ms > max_start) {
			continue;
		} else {
			mlen = me - ms;
		}
		/* nothing nearer than level 0; the longest noun, then file order */
		if (best && blevel == 0 && mlen <= blen)
			continue;
		lv = m->context ? level(arg, i) : 0;
		if (lv < 0 || (best && (lv > blevel || (lv == blevel && mlen <= blen))))
			continue;
		best = m;
		blen = mlen;
		blevel = lv;
	}
	return best;
}

struct flat_ctx {
	const struct fc_pack *p;
	const char *ctx;
	size_t clen;
};

static int flat_level(void *arg, size_t i)
{
	struct flat_ctx *c = arg;

	return c->ctx && re_find(c->p->metrics[i].context, c->p->md, c->ctx, c->clen, 0) ? 0 : -1;
}

const struct fc_metric *fc_pack_match_metric(const struct fc_pack *p,
					     const char *unit, const char *noun,
					     size_t nlen, const char *ctx,
					     size_t clen, int notempty,
					     size_t max_start)
{
	struct flat_ctx c = { p, ctx, clen };

	/* The most specific noun wins ("voted no" over "vote"); ties go to file order. */
	return fc_pack_match_metric_near(p, unit, noun, nlen, notempty, max_start,
					 flat_level, &c);
}

/* The host of a URL without "www.". */
static void url_host(const char *url, char *out, size_t n)
{
	const char *h = strstr(url, "://"), *e;
	size_t len;

	h = h ? h + 3 : url;
	if (strncmp(h, "www.", 4) == 0)
		h += 4;
	e = h + strcspn(h, "/:?#");
	len = (size_t)(e - h) < n - 1 ? (size_t)(e - h) : n - 1;
	memcpy(out, h, len);
	out[len] = '\0';
}

const struct fc_source *fc_pack_source(const struct fc_pack *p,
				       const char *source, const char *url)
{
	char host[256] = "";
	size_t i;

	if (url)
		url_host(url, host, sizeof(host));
	for (i = 0; i < p->nsources; i++) {
		const struct fc_source *s = &p->sources[i];
		size_t ml = strlen(s->match), hl = strlen(host);

		if (source && (fc_strncasecmp(source, s->match, ml + 1) == 0 ||
			       fc_strncasecmp(source, s->outlet,
					      strlen(s->outlet) + 1) == 0))
			return s;
		/* A domain matches itself and its subdomains. */
		if (hl >= ml && fc_strncasecmp(host + hl - ml, s->match, ml) == 0 &&
		    (hl == ml || host[hl - ml - 1] == '.'))
			return s;
	}
	return NULL;
}

int fc_metric_takes(const struct fc_metric *m, const struct fc_actor *a)
{
	const char *k, *e;
	size_t n;

	if (!m || !m->subject)
		return 1;
	if (strcmp(m->subject, "-") == 0 || !a)
		return 0;
	n = strlen(a->kind);
	for (k = m->subject; *k; k = *e ? e + 1 : e) {
		if (!(e = strchr(k, '|')))
			e = k + strlen(k);
		if ((size_t)(e - k) == n && memcmp(k, a->kind, n) == 0)
			return 1;
	}
	return 0;
}
