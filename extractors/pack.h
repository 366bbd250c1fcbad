/* pack.h - a topic pack: actors, metrics, reference figures and sources of one story. */
#ifndef FC_PACK_H
#define FC_PACK_H

#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "util.h"

struct fc_actor {
	char *id, *kind, *name;
	char *member_of;	/* id of the organisation a person speaks for, or NULL */
	char **aliases;		/* the name itself is alias 0 */
	size_t nalias;
};

struct fc_metric {
	char *id, *unit, *desc;
	char *share_of;		/* for a percent metric: the count metric it is a share of */
	char *subject;		/* actor kinds its subject may be ("union|organisation"), "-" for none, NULL for any */
	pcre2_code *noun;	/* matched against the counted noun */
	pcre2_code *context;	/* must match the paragraph too; NULL for none */
	int noun_empty;		/* noun matches an empty noun (no match without one) */
	unsigned fits;		/* figure units it takes, bit i for fc_pack_units[i] */
};

struct fc_ref {
	char *subject, *metric, *as_of, *period, *source;
	double value;
};

struct fc_source {
	char *match, *outlet, *kind;
};

/*
 * A loaded pack.  Any of the four lists may be empty (a missing file is an
 * empty list); a malformed line is an error naming file and line.
 */
struct fc_pack {
	char *dir;
	struct fc_actor *actors;
	size_t nactors;
	struct fc_metric *metrics;
	size_t nmetrics;
	struct fc_ref *refs;
	size_t nrefs;
	struct fc_source *sources;
	size_t nsources;
	pcre2_code *alias_re;	/* every alias, longest first, word-bounded */
	pcre2_code *alias_at_re;	/* the same, anchored at the start offset */
	pcre2_match_data *md;
	struct fc_noun_memo *memo;	/* metric noun matches of nouns seen: see pack.c */
};

/*
 * pcre2_match() for text known to be valid UTF-8 (not checked), through
 * pcre2_jit_match() when the pattern has JIT code: the same result without
 * pcre2_match()'s checks (some 200 instructions a call, a fifth of
 * matching a short noun).  start must be at most len.
 */
int fc_re_match(const pcre2_code *re, const char *s, size_t len, size_t start,
		uint32_t opts, pcre2_match_data *md);

/* Load dir/{actors,metrics,reference,sources}.tsv.  dir NULL: an empty pack. */
int fc_pack_load(const char *dir, struct fc_pack **out, struct fc_error *err);
void fc_pack_free(struct fc_pack *p);

const struct fc_actor *fc_pack_actor(const struct fc_pack *p, const char *id);
const struct fc_metric *fc_pack_metric(const struct fc_pack *p, const char *id);

/*
 * Find the actor whose alias matches text[0..len) exactly (case as
 * written, possessive "'s" ignored).  NULL if none.
 */
const struct fc_actor *fc_pack_alias(const struct fc_pack *p, const char *text,
				     size_t len);

/*
 * The metric whose unit fits and whose noun pattern matches noun[0..nlen)
 * (the longest match, then the first in file order), with its context
 * pattern (if any) matching ctx[0..clen).  unit is the figure's unit name.  With notempty, an empty
 * match of the noun pattern does not count (for matching running text
 * rather than a noun); a match starting after max_start does not count
 * either (the noun is at the start of the text, the rest only extends it).
 * NULL if none.  noun and ctx must be valid UTF-8 (they are not checked).
 */
/*
 * As fc_pack_match_metric, with the context searched nearest first:
 * level(arg, i) says the nearest level (0, 1, ...) at which the context of
 * metric i holds, or -1 if none (it is only asked of metrics with a
 * context whose noun matches).  The nearest level wins, then the longest
 * noun match, then file order.
 */
const struct fc_metric *fc_pack_match_metric_near(const struct fc_pack *p,
						  const char *unit, const char *noun,
						  size_t nlen, int notempty, size_t max_start,
						  int (*level)(void *arg, size_t i), void *arg);

const struct fc_metric *fc_pack_match_metric(const struct fc_pack *p,
					     const char *unit, const char *noun,
					     size_t nlen, const char *ctx,
					     size_t clen, int notempty,
					     size_t max_start);

/*
 * May actor a be the subject of a figure of metric m?  Yes when m is NULL or
 * names no kinds; never when m's subject is "-" (a figure about the event
 * itself: a turnout, a crowd); else when a's kind is one of m's.
 */
int fc_metric_takes(const struct fc_metric *m, const struct fc_actor *a);

/* The outlet a document's source name or URL maps to, or NULL. */
const struct fc_source *fc_pack_source(const struct fc_pack *p,
				       const char *source, const char *url);

#endif
