/* strip_text.c - plain-text documents: drop page chrome, split reader comments off, find the title. */
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "strip.h"

/*
 * Lines that are page furniture, not article text: comment forms, share
 * and subscription widgets, category labels, comment counters.  Matched
 * against a whole trimmed line, case-insensitively.
 */
static const char *const chrome[] = {
	"leave a (reply|comment)",
	"fill in your details below or click an icon to log in.*",
	"you are commenting using your [^.]{0,30}account\\..*",
	"(twitter|facebook|google\\+?|wordpress(\\.com)?) (picture|photo|logo)",
	"connecting to %s",
	"logo",
	"log out / change \\)",
	"join (our|the) (commenting forum|conversation|discussion)",
	"join thought-provoking conversations.*",
	"(view |show |load |read )?(\\d+ )?(comments?|replies)( \\(\\d+\\))?",
	"discover more from .{1,80}",
	"subscribe( now)?( to .{0,80})?",
	"continue reading.{0,40}",
	"(un)?categori[sz]ed",
	"share( this)?( article| post| story)?:?",
	"(click to )?(share|email|print|tweet)( on \\w+)?( \\(opens in new window\\))?",
	"like this:?",
	"like loading\\.*",
	"related( articles| posts| stories)?:?",
	"(advertisement|advert|sponsored( content)?)",
	"(posted|filed) (in|under):? .{0,80}",
	"tags?: .{0,200}",
	"(sign up|register) (for|to) our .{0,80}",
	"follow us( on .{0,40})?",
	"read more:?.{0,80}",
	"most (read|popular|viewed)",
	"(previous|next) (post|article|story):?.{0,120}",
	"we use cookies.{0,200}",
	"accept( all)?( cookies)?",
	"reply",
	"report( this comment)?",
	"(\\d+ )?(likes?|shares?)",
	"(enter your email address|your email address will not be published).{0,120}",
	"required fields are marked.{0,20}",
	"notify me of .{0,80}",
	"(skip to (main )?content|home|menu|search)",
	"home\\s*>.{0,200}",
};

/* The first line of a donation or subscription appeal. */
static const char appeal_open[] =
	"(your|reader) support (helps|keeps|allows)|support (our|independent) journalism|"
	"(please|why you should) (donate|support us|subscribe)|help us (keep|to keep|fund)";

/* Its last line; text glued after it ("...difference.Jeremy Corbyn has") is article text. */
static const char appeal_close[] =
	"^(?:your (support|donation|contribution) (makes|means|matters)[^.!]*[.!]|"
	"(?:make a )?(?:one-off )?(?:donation|contribution) (?:now|today)[.!]?|"
	"(?:donate|subscribe|support us) (?:now|today)[.!]?)";

/* Lines of an appeal with no closing line: about donations, paywalls, journalism. */
static const char appeal_line[] =
	"\\b(donat\\w*|paywalls?|your support|support us|independent journalism|"
	"quality journalism|afford it|subscri\\w+|contribution)\\b";

/* "  1. Bill says:" or "Tony says:" - the head of a reader comment. */
static const char comment_head[] =
	"^(\\s*)(?:\\d{1,4}\\.\\s+)?(\\S[^\\n]{0,60}?)\\s+(?:says|said|writes|wrote):\\s*$";

struct patterns {
	pcre2_code *chrome, *open, *close, *line, *head, *image;
	pcre2_match_data *md;
};

/* Compiled once per process: the patterns are constant. */
static struct patterns *patterns(struct fc_error *err)
{
	static struct patterns p;
	static int ready;
	struct fc_buf all = FC_BUF_INIT;
	size_t i;
	int code;
	PCRE2_SIZE off;
	const uint32_t o = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS;

	if (ready)
		return &p;
	fc_buf_addstr(&all, "^(?:");
	/* A space in a pattern stands for any run of white space, no-break spaces too. */
	for (i = 0; i < sizeof(chrome) / sizeof(chrome[0]); i++) {
		const char *c;

		fc_buf_addstr(&all, i ? "|(?:" : "(?:");
		for (c = chrome[i]; *c; c++)
			if (*c == ' ')
				fc_buf_addstr(&all, "\\s+");
			else
				fc_buf_addch(&all, *c);
		fc_buf_addch(&all, ')');
	}
	fc_buf_addstr(&all, ")$");
	p.chrome = pcre2_compile((PCRE2_SPTR)all.data, all.len, o, &code, &off, NULL);
	p.open = pcre2_compile((PCRE2_SPTR)appeal_open, PCRE2_ZERO_TERMINATED, o,
			       &code, &off, NULL);
	p.close = pcre2_compile((PCRE2_SPTR)appeal_close, PCRE2_ZERO_TERMINATED, o,
				&code, &off, NULL);
	p.line = pcre2_compile((PCRE2_SPTR)appeal_line, PCRE2_ZERO_TERMINATED, o,
			       &code, &off, NULL);
	p.head = pcre2_compile((PCRE2_SPTR)comment_head, PCRE2_ZERO_TERMINATED,
			       PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
	/* An image file name left where a picture was: one long lower-case token. */
	p.image = pcre2_compile((PCRE2_SPTR)"^[a-z0-9_-]{10,40}(\\.(jpe?g|png|gif|webp))?$",
				PCRE2_ZERO_TERMINATED, 0, &code, &off, NULL);
	fc_buf_release(&all);
	if (!p.chrome || !p.open || !p.close || !p.line || !p.head || !p.image) {
		fc_error_set(err, FC_ESYS, "internal pattern failed to compile");
		return NULL;
	}
	for (i = 0; i < 6; i++) {
		pcre2_code *c[] = { p.chrome, p.open, p.close, p.line, p.head, p.image };

		pcre2_jit_compile(c[i], PCRE2_JIT_COMPLETE);
	}
	p.md = pcre2_match_data_create_from_pattern(p.chrome, NULL);
	ready = 1;
	return &p;
}

struct line {
	const char *s;		/* trimmed */
	size_t n;
	size_t indent;
};

static int match(struct patterns *p, pcre2_code *re, const struct line *l)
{
	return pcre2_match(re, (PCRE2_SPTR)l->s, l->n, 0, 0, p->md, NULL) >= 0;
}

static int is_blank(const struct line *l)
{
	return l->n == 0;
}

/* A headline: short, several words, no closing full stop or colon. */
static int headline(const struct line *l)
{
	size_t i, words = 1;

	if (l->n < 10 || l->n > 200 || l->s[l->n - 1] == '.' || l->s[l->n - 1] == ':')
		return 0;
	for (i = 0; i < l->n; i++)
		words += l->s[i] == ' ';
	return words >= 3;
}

static void add_para(struct fc_buf *b, const char *s, size_t n)
{
	if (!n)
		return;
	if (b->len)
		fc_buf_addstr(b, "\n\n");
	fc_buf_add(b, s, n);
}

int fc_strip_text(const char *text, size_t len, struct fc_stripped *out,
		  struct fc_error *err)
{
	struct patterns *p = patterns(err);
	struct fc_buf clean = FC_BUF_INIT, body = FC_BUF_INIT, comment = FC_BUF_INIT;
	struct fc_stripped cm;
	struct line *lines = NULL;
	char *author = NULL;
	size_t nl = 0, cap = 0, i, start, comment_indent = 0;
	int titled = 0, in_comments = 0;
	PCRE2_SIZE *ov;

	if (!p)
		return FC_ESYS;
	fc_stripped_init(&cm);
	ov = pcre2_get_ovector_pointer(p->md);
	out->replaced += fc_utf8_repair(text, len, &clean);
	/* A NUL would cut the segment short for every reader that sees a C string. */
	for (i = 0; i < clean.len; i++)
		if (clean.data[i] == '\0')
			clean.data[i] = ' ';
	/* Split into trimmed lines, remembering each line's indent. */
	for (start = 0, i = 0; i <= clean.len; i++) {
		struct line l;

		if (i < clean.len && clean.data[i] != '\n')
			continue;
		l.s = clean.data + start;
		l.n = i - start;
		l.indent = 0;
		while (l.n && (*l.s == ' ' || *l.s == '\t' || *l.s == '\r')) {
			l.s++;
			l.n--;
			l.indent++;
		}
		/* No-break spaces are blanks here too. */
		while (l.n >= 2 && memcmp(l.s, "\xC2\xA0", 2) == 0)
			l.s += 2, l.n -= 2, l.indent++;
		while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t' ||
			       l.s[l.n - 1] == '\r'))
			l.n--;
		if (nl == cap) {
			cap = cap ? cap * 2 : 64;
			lines = fc_xrealloc(lines, cap * sizeof(*lines));
		}
		lines[nl++] = l;
		start = i + 1;
	}
	for (i = 0; i < nl; i++) {
		struct line *l = &lines[i];

		if (is_blank(l))
			continue;
		/* A reader comment starts; it runs until the next one. */
		if (pcre2_match(p->head, (PCRE2_SPTR)l->s - l->indent,
				l->n + l->indent, 0, 0, p->md, NULL) >= 0) {
			if (in_comments)
				fc_stripped_add(&cm, FC_SEG_COMMENT, comment.data,
						comment.len, author, NULL);
			free(author);
			author = fc_xstrndup(l->s - l->indent + ov[4], ov[5] - ov[4]);
			fc_buf_reset(&comment);
			comment_indent = l->indent;
			in_comments = 1;
			continue;
		}
		if (match(p, p->chrome, l) || match(p, p->image, l))
			continue;
		if (in_comments) {
			/* Text back at or left of the comment head's indent ends the thread. */
			if (l->indent <= comment_indent && comment_indent > 0)
				in_comments = 0;
			else {
				add_para(&comment, l->s, l->n);
				continue;
			}
		}
		/* An appeal: drop it through its closing line, keep text glued after. */
		if (match(p, p->open, l)) {
			size_t j;

			for (j = i + 1; j < nl && j <= i + 8; j++) {
				struct line *k = &lines[j];

				if (!is_blank(k) && match(p, p->close, k)) {
					k->s += ov[1];
					k->n -= ov[1];
					i = j - 1;
					break;
				}
			}
			if (j > i + 8 || j >= nl)
				while (i + 1 < nl && (is_blank(&lines[i + 1]) ||
						      match(p, p->line, &lines[i + 1])))
					i++;
			continue;
		}
		if (!titled && body.len == 0 && headline(l)) {
			fc_stripped_add(out, FC_SEG_TITLE, l->s, l->n, NULL, NULL);
			titled = 1;
			continue;
		}
		titled = 1;
		add_para(&body, l->s, l->n);
	}
	if (in_comments)
		fc_stripped_add(&cm, FC_SEG_COMMENT, comment.data ? comment.data : "",
				comment.len, author, NULL);
	/* Title, body, then the comments in the order they were written. */
	fc_stripped_add(out, FC_SEG_BODY, body.data ? body.data : "", body.len,
			NULL, NULL);
	for (i = 0; i < cm.nseg; i++)
		fc_stripped_add(out, FC_SEG_COMMENT, cm.seg[i].text, cm.seg[i].len,
				cm.seg[i].author, NULL);
	fc_stripped_release(&cm);
	free(author);
	free(lines);
	fc_buf_release(&clean);
	fc_buf_release(&body);
	fc_buf_release(&comment);
	return FC_OK;
}
