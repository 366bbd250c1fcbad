/* fig_internal.h - the figure engine's private structures, shared by rules.c, figure.c and fig_check.c. */
#ifndef FC_FIG_INTERNAL_H
#define FC_FIG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "figure.h"
#include "number.h"
#include "rules.h"

enum rule_kind { RK_FIGURE, RK_IGNORE, RK_QUALIFIER, RK_PERIOD };

/* Where a qualifier applies: every figure of its sentence, or the nearest one. */
enum rule_attach { AT_SENTENCE, AT_NEAREST, AT_NEXT, AT_PREVIOUS };

/* The groups a rule may name; anything else is an error at load time. */
enum group_id {
	G_NUM, G_HEDGE, G_NOUN, G_LO, G_HI, G_LOHEDGE, G_HIHEDGE, G_A, G_B,
	G_CUR, G_BOTTOM, G_FIG, G_YEAR, G_REL, G_NEG, G_NGROUPS
};

extern const char *const fc_group_names[G_NGROUPS];

/* One side of a hedge policy: "[x-0.5u", "(-inf", "x+10%]". */
struct bound {
	int open;		/* ( or ) */
	int inf;		/* -1, +1 for infinite, else 0 */
	int has_x;		/* starts from the stated value */
	double c;		/* constant term */
	double ku, ks, kpct;	/* multiples of the quantum, of sig, percent of |x| */
};

struct hedge {
	char *text;		/* lower case, single spaces */
	struct bound lo, hi;
	int after;		/* written after the number ("or more") */
};

struct expect {
	int line;
	char *value, *low, *high;	/* as written, to compare at their precision */
	int low_open, high_open;
	int unit;			/* enum fc_unit */
	char *hedge, *noun, *qualifier, *period, *currency, *text, *rule;
	int bottom;			/* -1 unchecked */
};

struct example {
	int line;
	char *text;
	char *date;
	struct expect *exp;
	size_t nexp;
	int nothing;			/* "expect nothing" */
};

struct rule {
	char *id;
	char *file;
	int line;
	int match_line;		/* line of its pattern, for errors */
	enum rule_kind kind;
	enum fc_unit unit;
	enum fc_qualifier qual;
	enum rule_attach attach;
	int has_value;
	double value;
	char currency[4];
	int priority;
	size_t order;
	char *pattern;			/* after macro expansion */
	uint32_t ncaps;
	uint32_t base;			/* qualifier rules: its first group is base + 1 in qual_re */
	pcre2_code *code;		/* figure and ignore rules: the rule alone, anchored, parts inlined */
	int jit;			/* code is JIT-compiled for complete matching */
	int jit_tried;			/* JIT compiling was tried (it may fail: the interpreter stays) */
	unsigned long runs;		/* matches run by the interpreter, until JIT_AFTER */
	uint32_t group[G_NGROUPS];	/* capture numbers (in qual_re for qualifier rules); 0 if absent */
	uint32_t dup[G_NGROUPS];	/* a second group of the same name (alternatives); 0 if none */
	struct example *ex;
	size_t nex;
	/*
	 * "needs": words or signs of which one must stand near the number
	 * for the rule to be tried, as hashes.  Each "needs" line is a group
	 * and every group must be met: group g is needs[needs_end[g - 1]
	 * .. needs_end[g]), needs_bits[g] its hashes' bits in one word for a
	 * quick test.  nneeds 0: always tried.
	 */
	uint64_t *needs;
	size_t nneeds;
	size_t *needs_end;
	uint64_t *needs_bits;
	size_t nneedgroups;
	/*
	 * "after": words or signs of which one must stand right after the
	 * number at the anchor (or inside it), as hashes; nafter 0: no test.
	 */
	uint64_t *after;
	size_t nafter;
	int behind;			/* looks behind (or sets options) inside: no probe of lower-case text alone can rule it out */
};

/* How many words before a number a rule may start ("by a ratio of almost 7 to 1"). */
#define BACK_TOKENS 6

/*
 * A figure or ignore rule is JIT-compiled when it has been matched this
 * often: compiling one (about a millisecond, with its code kept under
 * RULE_CODE_BUDGET in rules.c) takes as long as some fifty interpreted
 * matches of the larger rules, and most rules run far fewer times on a
 * document or two (loading the rules is then several times faster).
 */
#define JIT_AFTER 64

/* How far (bytes) before and after a number a rule's "needs" are looked for. */
#define NEEDS_BEFORE 64
#define NEEDS_AFTER 96

/* Which figure rules can start with a given word: learnt once per word and rule. */
#define STARTER_SLOTS 16384
#define STARTER_KEY 32

/* Token classes (struct fc_engine token_class). */
enum { TC_OTHER, TC_SPACE, TC_LETTER, TC_DIGIT, TC_LEAD, TC_CONT };

/* Runs of letters, spaces and digits (at most QUAL_KEY) a qualifier can or cannot start with: cache slots. */
#define QUAL_KEY 10
#define QUAL_SLOTS 8192

/* Slots of the table of number words that make an anchor (a power of two). */
#define ANCHOR_WORD_SLOTS 512

/* Which figure rules can start with the words before a number and its first byte: learnt once per phrase and rule. */
#define PHRASE_SLOTS 8192
#define PHRASE_KEY 32

struct fc_engine {
	struct rule *rules;
	size_t nrules;
	struct hedge *hedges;
	size_t nhedges;
	struct hedge plain;		/* the "(none)" policy */
	pcre2_code *qual_re;		/* every qualifier and period rule, unanchored */
	/*
	 * The same, anchored, for a search that visits only the places a
	 * match can start: when every qualifier rule starts with \b
	 * (qual_at_words), only where \b holds; when none looks behind
	 * (qual_char not NULL), only where the next bytes (letters, either
	 * case, spaces or digits) or the next character can start a match,
	 * learnt once each by partial matching (see qual_can_start()).
	 */
	pcre2_code *qual_anchored;
	int qual_jit;			/* qual_anchored is JIT-compiled */
	int qual_at_words;
	int qual_word_starts;		/* and only at word starts (no other ASCII byte begins one) */
	uint8_t qual_start[256];	/* bytes a qualifier match may start with */
	uint8_t *qual_char;		/* 0x10000 entries, or NULL */
	uint8_t qual3_known[37 * 37 * 37 / 8 + 1];	/* three letters, spaces or digits: bit set if probed */
	uint8_t qual3_can[37 * 37 * 37 / 8 + 1];	/* and if a qualifier can start with them */
	uint8_t qual2_known[37 * 37 / 8 + 1];		/* the same for two */
	uint8_t qual2_can[37 * 37 / 8 + 1];
	uint64_t *qual_key;		/* QUAL_SLOTS longer runs: see qual_can_start_long() */
	size_t nqual_keys;
	size_t *fig_rule, nfig;		/* figure and ignore rules in priority order */
	size_t *qual_rule, nqual;	/* MARK index -> rule */
	/*
	 * Rule sets are bit sets of mw 64-bit words, bit i for fig_rule[i]:
	 * byte_mask[c * mw] holds the rules a match may start with byte c at.
	 */
	size_t mw;
	uint64_t *byte_mask;
	uint8_t start_map[256];		/* bytes some figure match may start with */
	/*
	 * The needs index: every word a figure rule needs, as an
	 * open-addressing table of token hashes (need_key, 0 free; a hash of
	 * 0 is stored as 1) each with the needs groups it meets (need_mask,
	 * need_gw words a slot: bit j for the first group of figure rule j,
	 * bit mw * 64 + x for a further group of rule need_extra[x]).
	 * needers and afters: the figure rules with needs, with after.
	 */
	uint64_t *need_key;
	uint64_t *need_mask;
	size_t *need_extra, nneed_extra;
	uint64_t *needers, *afters;
	/* the after index: token hashes (0 stored as 1) and the rules (mw words a slot) that want them */
	uint64_t *after_key;
	uint64_t *after_mask;
	size_t after_slots;		/* a power of two */
	uint64_t *scratch;		/* the scan's: see fc_scan_internal() */
	struct near_hit {		/* a needed token of the line being scanned: see near_build() */
		size_t at, slot;
	} *near_hit;
	size_t near_cap;
	uint64_t need_shape[256];	/* by first byte: bit n (63: longer) if a needed token has n bytes */
	uint64_t need_ends[27 * 27];	/* by need_ends_at(): the same, by first and last letter */
	size_t need_slots;		/* a power of two */
	size_t need_gw;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	pcre2_match_data *md;
	char **files;			/* paths, owned here; rules point into them */
	size_t nfiles;
	unsigned char token_class[256];	/* TC_*: how fc_token_len() cuts a token that starts with the byte */
	uint64_t anchor_word[ANCHOR_WORD_SLOTS];	/* number words, packed: see figure.c */
	uint8_t number_prefix[26 * 26 * 26 / 8 + 1];	/* bit set: three letters that begin a number word */
	uint64_t number_part[ANCHOR_WORD_SLOTS];	/* and every other word a number may hold */
	/*
	 * The word and phrase caches: STARTER_SLOTS and PHRASE_SLOTS slots
	 * of 1 + 2 mw words each (a hash, the rules probed, those that can
	 * start there): see figure.c.
	 */
	uint64_t *starters;
	size_t nstarters;
	uint64_t *phrases;
	size_t nphrases;
};

/* rules.c */
uint64_t fc_token_hash(const char *s, size_t n);
size_t fc_token_len(const char *s, size_t n);
const struct hedge *fc_hedge_find(const struct fc_engine *e, const char *s, size_t n);
double fc_bound_eval(const struct bound *b, double x, double u, double s);

/* figure.c */
void fc_anchor_words_init(struct fc_engine *e);
void fc_qual_start_init(struct fc_engine *e);
int fc_scan_internal(struct fc_engine *e, const char *text, size_t len,
		     const char *ref_date, struct fc_figure_list *out,
		     int *limited, int *invalid, struct fc_explain *x, struct fc_error *err);

/*
 * Index into need_ends of the token t[0..n) (n >= 1): its first and last
 * bytes as letters 1-26 (either case), 0 for anything else.
 */
static inline size_t need_ends_at(const unsigned char *t, size_t n)
{
	unsigned a = (t[0] | 0x20u) - 'a', z = (t[n - 1] | 0x20u) - 'a';

	return (a < 26 ? a + 1 : 0) * 27 + (z < 26 ? z + 1 : 0);
}

#endif
