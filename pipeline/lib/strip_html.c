/* strip_html.c - HTML pages: decode, parse with libxml2, find the article's own text and its reader comments. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "strip_int.h"

/*
 * How it works, in three passes over the tree (see docs/strip.md):
 *  1. every element gets a record: its kind of tag, the hints its class and
 *     id give, whether it is hidden, page chrome or part of a comment area,
 *     and (summed on the way back up) how much text and link text it holds;
 *  2. every block that holds text of its own scores itself by length and
 *     commas and hands the score to its ancestors; the best-scoring
 *     ancestor, discounted by its share of link text, holds the article;
 *  3. the article element and its high-scoring siblings are written out,
 *     block by block, with navigation-like blocks inside them left out.
 * Comment areas are read separately, one segment per comment.
 */

/* Pages bigger than this are cut: the article is near the top anyway. */
#define HTML_MAX_BYTES (48u << 20)

enum tag {
	T_OTHER, T_INLINE, T_A, T_BR, T_SKIP, T_P, T_DIV, T_SECTION, T_ARTICLE,
	T_MAIN, T_BODY, T_H1, T_HEADING, T_LIST, T_LI, T_TABLE, T_TR, T_TD,
	T_PRE, T_QUOTE, T_NAV, T_ASIDE, T_FOOTER, T_HEADER, T_FIGURE, T_FORM,
	T_DL, T_DD, T_HR,
};

/* Hints from class and id. */
enum {
	H_POS = 1,		/* article, content, entry, story... */
	H_NEG = 2,		/* meta, widget, caption... */
	H_JUNK = 4,		/* navigation, sharing, ads, newsletters... */
	H_COMMENT = 8,		/* a comment area or one comment */
	H_BODY = 16,		/* itemprop=articleBody and the like */
	H_CITEM = 32,		/* exactly one comment */
};

/* Flags of a node. */
enum {
	F_GONE = 1,		/* not part of the page's text at all */
	F_CZONE = 2,		/* inside a comment area */
	F_BLOCK = 4,
	F_HASBLOCK = 8,		/* has a block among its children */
};

struct ninfo {
	xmlNode *node;
	uint32_t text, link, commas;	/* whole subtree */
	uint32_t own, ownlink, owncommas;	/* in this block, not in nested blocks */
	uint32_t paras;
	float score;
	uint8_t tag, hint, flags, scored;
};

#define TAG_CACHE 128

struct ctx {
	struct ninfo *ni;
	size_t n, cap;
	/* Element names are interned by the parser: a name's address stands for it. */
	const xmlChar *cname[TAG_CACHE];
	uint8_t ctag[TAG_CACHE];
};

static struct ninfo *info(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ? (struct ninfo *)n->_private : NULL;
}

struct tagname {
	const char *name;
	uint8_t tag;
};

static const struct tagname tags[] = {
	{ "a", T_A }, { "abbr", T_INLINE }, { "address", T_DIV },
	{ "applet", T_SKIP }, { "article", T_ARTICLE }, { "aside", T_ASIDE },
	{ "audio", T_SKIP }, { "b", T_INLINE }, { "bdi", T_INLINE },
	{ "blockquote", T_QUOTE }, { "body", T_BODY }, { "br", T_BR },
	{ "button", T_SKIP }, { "canvas", T_SKIP }, { "caption", T_P },
	{ "center", T_DIV }, { "cite", T_INLINE }, { "code", T_INLINE },
	{ "dd", T_DD }, { "details", T_DIV }, { "dialog", T_SKIP },
	{ "div", T_DIV }, { "dl", T_DL }, { "dt", T_DD }, { "em", T_INLINE },
	{ "embed", T_SKIP }, { "fieldset", T_FORM }, { "figcaption", T_FIGURE },
	{ "figure", T_FIGURE }, { "font", T_INLINE }, { "footer", T_FOOTER },
	{ "form", T_FORM }, { "h1", T_H1 }, { "h2", T_HEADING },
	{ "h3", T_HEADING }, { "h4", T_HEADING }, { "h5", T_HEADING },
	{ "h6", T_HEADING }, { "head", T_SKIP }, { "header", T_HEADER },
	{ "hr", T_HR }, { "i", T_INLINE }, { "iframe", T_SKIP },
	{ "img", T_INLINE }, { "input", T_SKIP }, { "ins", T_INLINE },
	{ "kbd", T_INLINE }, { "label", T_INLINE }, { "li", T_LI },
	{ "main", T_MAIN }, { "map", T_SKIP }, { "mark", T_INLINE },
	{ "math", T_SKIP }, { "menu", T_NAV }, { "nav", T_NAV },
	{ "noscript", T_SKIP }, { "object", T_SKIP }, { "ol", T_LIST },
	{ "option", T_SKIP }, { "p", T_P }, { "picture", T_INLINE },
	{ "pre", T_PRE }, { "q", T_INLINE }, { "s", T_INLINE },
	{ "samp", T_INLINE }, { "script", T_SKIP }, { "section", T_SECTION },
	{ "select", T_SKIP }, { "small", T_INLINE }, { "source", T_SKIP },
	{ "span", T_INLINE }, { "strike", T_INLINE }, { "strong", T_INLINE },
	{ "style", T_SKIP }, { "sub", T_INLINE }, { "summary", T_P },
	{ "sup", T_INLINE }, { "svg", T_SKIP }, { "table", T_TABLE },
	{ "tbody", T_OTHER }, { "td", T_TD }, { "template", T_SKIP },
	{ "textarea", T_SKIP }, { "tfoot", T_OTHER }, { "th", T_TD },
	{ "thead", T_OTHER }, { "time", T_INLINE }, { "title", T_SKIP },
	{ "tr", T_TR }, { "track", T_SKIP }, { "tt", T_INLINE },
	{ "u", T_INLINE }, { "ul", T_LIST }, { "var", T_INLINE },
	{ "video", T_SKIP }, { "wbr", T_INLINE },
};

static int tag_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

static uint8_t tag_of(const xmlNode *n)
{
	const void *hit;

	if (!n->name)
		return T_OTHER;
	hit = bsearch(n->name, tags, sizeof(tags) / sizeof(tags[0]), sizeof(tags[0]),
		      tag_cmp);
	return hit ? ((const struct tagname *)hit)->tag : T_OTHER;
}

static uint8_t tag_cached(struct ctx *c, const xmlNode *n)
{
	size_t h = ((uintptr_t)n->name >> 3) % TAG_CACHE;

	if (c->cname[h] != n->name) {
		c->cname[h] = n->name;
		c->ctag[h] = tag_of(n);
	}
	return c->ctag[h];
}

static int is_block(uint8_t t)
{
	return t >= T_P;
}

/*
 * Words of class and id names, matched as whole words or as prefixes of
 * run-together names ("relatedarticles").  Lists are data: adding a hint
 * means adding a word here.
 */
static const struct {
	const char *word;
	uint8_t prefix, hint;
} hint_words[] = {
	{ "ad", 0, H_JUNK }, { "ads", 0, H_JUNK }, { "adv", 1, H_JUNK },
	{ "advert", 1, H_JUNK }, { "adslot", 1, H_JUNK }, { "dfp", 0, H_JUNK },
	{ "sponsor", 1, H_JUNK }, { "promo", 1, H_JUNK }, { "outbrain", 1, H_JUNK },
	{ "taboola", 1, H_JUNK }, { "banner", 1, H_JUNK },
	{ "nav", 1, H_JUNK }, { "menu", 1, H_JUNK }, { "breadcrumb", 1, H_JUNK },
	{ "footer", 1, H_JUNK }, { "sidebar", 1, H_JUNK }, { "masthead", 1, H_JUNK },
	{ "share", 1, H_JUNK }, { "sharing", 1, H_JUNK }, { "social", 1, H_JUNK },
	{ "related", 1, H_JUNK }, { "recommend", 1, H_JUNK },
	{ "newsletter", 1, H_JUNK }, { "subscri", 1, H_JUNK },
	{ "signup", 1, H_JUNK }, { "donat", 1, H_JUNK }, { "paywall", 1, H_JUNK },
	{ "cookie", 1, H_JUNK }, { "consent", 1, H_JUNK }, { "gdpr", 1, H_JUNK },
	{ "popup", 1, H_JUNK }, { "modal", 1, H_JUNK }, { "skip", 0, H_JUNK },
	{ "trending", 1, H_JUNK }, { "popular", 1, H_JUNK },
	{ "hidden", 0, H_JUNK }, { "hide", 0, H_JUNK }, { "offscreen", 0, H_JUNK },
	{ "sronly", 0, H_JUNK }, { "visually", 0, H_JUNK },
	{ "toolbar", 1, H_JUNK }, { "tools", 0, H_JUNK }, { "login", 1, H_JUNK },
	{ "print", 0, H_NEG }, { "widget", 1, H_NEG }, { "meta", 0, H_NEG },
	{ "byline", 1, H_NEG }, { "author", 1, H_NEG }, { "caption", 1, H_NEG },
	{ "credit", 1, H_NEG }, { "tags", 0, H_NEG }, { "tag", 0, H_NEG },
	{ "dateline", 1, H_NEG }, { "timestamp", 1, H_NEG },
	{ "header", 0, H_NEG }, { "media", 0, H_NEG }, { "extra", 1, H_NEG },
	{ "more", 0, H_NEG }, { "also", 0, H_NEG }, { "foot", 1, H_NEG },
	{ "pagination", 1, H_NEG }, { "pager", 0, H_NEG }, { "rss", 0, H_NEG },
	{ "comment", 1, H_COMMENT }, { "comments", 1, H_COMMENT },
	{ "disqus", 1, H_COMMENT }, { "respond", 0, H_COMMENT },
	{ "discussion", 1, H_COMMENT }, { "replies", 0, H_COMMENT },
	{ "article", 1, H_POS }, { "content", 1, H_POS }, { "entry", 1, H_POS },
	{ "hentry", 0, H_POS }, { "post", 1, H_POS }, { "story", 1, H_POS },
	{ "body", 1, H_POS }, { "text", 1, H_POS }, { "main", 1, H_POS },
	{ "blog", 1, H_POS }, { "prose", 1, H_POS }, { "rte", 0, H_POS },
};

static uint8_t word_hint(const char *w, size_t n)
{
	size_t i, k;
	uint8_t h = 0;

	for (i = 0; i < sizeof(hint_words) / sizeof(hint_words[0]); i++) {
		if (hint_words[i].word[0] != w[0])
			continue;
		k = strlen(hint_words[i].word);
		if (n == k || (hint_words[i].prefix && n > k))
			if (memcmp(w, hint_words[i].word, k) == 0) {
				h |= hint_words[i].hint;
				/* The first word that fits decides, so "postmeta" stays positive. */
				break;
			}
	}
	return h;
}

static uint8_t hints_of(const char *s)
{
	char w[64];
	size_t n = 0;
	uint8_t h = 0;

	if (!s)
		return 0;
	for (;; s++) {
		unsigned char c = *s;

		if (isalnum(c) && n < sizeof(w)) {
			w[n++] = tolower(c);
			continue;
		}
		if (isalnum(c))
			continue;
		if (n)
			h |= word_hint(w, n);
		n = 0;
		if (!c)
			break;
	}
	return h;
}

static int hidden(const xmlNode *n)
{
	const char *st;

	if (fc_sh_attr(n, "hidden"))
		return 1;
	/* libxml2 gives a bare attribute an empty value; NULL means "absent or odd". */
	{
		const xmlAttr *a;

		for (a = n->properties; a; a = a->next)
			if (strcmp((const char *)a->name, "hidden") == 0)
				return 1;
	}
	st = fc_sh_attr(n, "style");
	if (st) {
		char buf[256];
		size_t i, k = 0;

		for (i = 0; st[i] && k < sizeof(buf) - 1; i++)
			if (st[i] != ' ')
				buf[k++] = tolower((unsigned char)st[i]);
		buf[k] = '\0';
		if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
			return 1;
	}
	return 0;
}

/* Visible length of a text node: letters and one per gap between words. */
static void count_text(const char *s, uint32_t *len, uint32_t *commas)
{
	uint32_t n = 0, c = 0;
	int gap = 0;

	for (; *s; s++) {
		unsigned char ch = *s;

		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
			gap = 1;
			continue;
		}
		if (gap && n)
			n++;
		gap = 0;
		n++;
		c += ch == ',';
	}
	*len += n;
	*commas += c;
}

static struct ninfo *add_info(struct ctx *c, xmlNode *n)
{
	struct ninfo *r;

	if (c->n == c->cap) {
		/* Records are reached through _private: grow by copying and re-pointing. */
		size_t i, cap = c->cap ? c->cap * 2 : 1024;
		struct ninfo *ni = fc_xrealloc(c->ni, cap * sizeof(*ni));

		for (i = 0; i < c->n; i++)
			ni[i].node->_private = &ni[i];
		c->ni = ni;
		c->cap = cap;
	}
	r = &c->ni[c->n++];
	memset(r, 0, sizeof(*r));
	r->node = n;
	n->_private = r;
	return r;
}

/*
 * Pass 1: records, hints, flags and text counts.  Iterative, because
 * recovered markup can nest thousands deep.
 */
static void measure(struct ctx *c, xmlNode *root)
{
	xmlNode *n = root;
	struct ninfo *blk;
	int in_link;

	while (n) {
		struct ninfo *pi = info(n->parent);

		if (n->type == XML_ELEMENT_NODE) {
			struct ninfo *r = add_info(c, n);
			const char *ip;

			/* add_info may have moved the records. */
			pi = info(n->parent);
			r->tag = tag_cached(c, n);
			r->hint = hints_of(fc_sh_attr(n, "class")) | hints_of(fc_sh_attr(n, "id"));
			ip = fc_sh_attr(n, "itemprop");
			if (ip && (strstr(ip, "articleBody") || strstr(ip, "reviewBody")))
				r->hint = (r->hint & ~(H_JUNK | H_NEG)) | H_BODY | H_POS;
			if (ip && strstr(ip, "comment"))
				r->hint |= H_COMMENT | H_CITEM;
			ip = fc_sh_attr(n, "itemtype");
			if (ip && (strstr(ip, "/Comment") || strstr(ip, "/UserComments")))
				r->hint |= H_COMMENT | H_CITEM;
			if (ip && strstr(ip, "Article") && (r->hint & H_COMMENT) == 0)
				r->hint |= H_POS;
			/* "comments-count" links in a byline are not the comment area. */
			if ((r->hint & H_POS) && !(r->hint & H_CITEM))
				r->hint &= ~H_COMMENT;
			if (pi)
				r->flags = pi->flags & (F_GONE | F_CZONE);
				/* F_HASBLOCK is the parent's own, not inherited. */
			if (is_block(r->tag)) {
				r->flags |= F_BLOCK;
				if (pi)
					pi->flags |= F_HASBLOCK;
			}
			if (r->tag == T_SKIP || r->tag == T_NAV || hidden(n))
				r->flags |= F_GONE;
			if (r->hint & H_COMMENT)
				r->flags |= F_CZONE;
			if (n->children) {
				n = n->children;
				continue;
			}
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
			   n->content && pi && !(pi->flags & F_GONE)) {
			uint32_t len = 0, commas = 0;

			count_text((const char *)n->content, &len, &commas);
			pi->text += len;
			pi->commas += commas;
			/* The nearest block ancestor owns this text; links inside it are its link text. */
			for (blk = pi, in_link = 0; blk && !(blk->flags & F_BLOCK);
			     blk = info(blk->node->parent))
				in_link |= blk->tag == T_A;
			if (blk) {
				blk->own += len;
				blk->owncommas += commas;
				blk->ownlink += in_link ? len : 0;
			}
		}
		/* Leaving nodes: each hands its sums to its parent once. */
		for (;;) {
			struct ninfo *me, *up;

			if (n == root)
				return;
			me = info(n);
			up = info(n->parent);
			if (me && up && !(me->flags & F_GONE)) {
				up->text += me->text;
				up->commas += me->commas;
				up->link += me->tag == T_A ? me->text : me->link;
				up->paras += me->paras + (me->tag == T_P && me->text > 0);
			}
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

static float link_density(const struct ninfo *r)
{
	return r->text ? (float)r->link / r->text : 0;
}

/*
 * Chrome by its class or id ("share", "related", "ad"), unless it holds
 * the article: wrappers of whole pages carry such names too
 * ("page-ad-margins", "field-label-hidden", "theiaStickySidebar").
 */
static int junk(const struct ninfo *r)
{
	if (!(r->hint & H_JUNK) || (r->hint & (H_POS | H_BODY)))
		return 0;
	switch (r->tag) {
	case T_BODY: case T_MAIN: case T_ARTICLE: case T_P:
		return 0;
	default:
		break;
	}
	return !(r->paras >= 3 && r->text >= 500 && link_density(r) < 0.5f);
}

/* Records are in document order, so a parent's verdict is known before its children's. */
static void mark_junk(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct ninfo *r = &c->ni[i], *p = info(r->node->parent);

		if ((p && (p->flags & F_GONE)) || junk(r))
			r->flags |= F_GONE;
	}
}

/* What a container's tag and hints say before its text is counted. */
static float base_score(const struct ninfo *r)
{
	float s = 0;

	switch (r->tag) {
	case T_DIV: case T_SECTION: s = 5; break;
	case T_ARTICLE: case T_MAIN: s = 10; break;
	case T_PRE: case T_TD: case T_QUOTE: s = 3; break;
	case T_LIST: case T_LI: case T_FORM: case T_DL: case T_DD: s = -3; break;
	case T_HEADING: case T_H1: s = -5; break;
	case T_ASIDE: case T_FOOTER: case T_HEADER: s = -15; break;
	default: break;
	}
	if (r->hint & H_POS)
		s += 25;
	if (r->hint & (H_NEG | H_JUNK))
		s -= 25;
	if (r->hint & H_BODY)
		s += 50;
	return s;
}

/* Pass 2: blocks with text of their own hand scores up to their ancestors. */
static struct ninfo *best_candidate(struct ctx *c)
{
	static const float share[] = { 1.0f, 0.5f, 1.0f / 6, 1.0f / 9, 1.0f / 12 };
	struct ninfo *best = NULL;
	float bestscore = 0;
	size_t i;
	int lv;

	for (i = 0; i < c->n; i++) {
		struct ninfo *r = &c->ni[i], *a;
		float s;

		if ((r->flags & (F_GONE | F_CZONE)) || !(r->flags & F_BLOCK) || r->own < 25)
			continue;
		if (r->tag == T_HEADING || r->tag == T_H1 || r->tag == T_LI)
			continue;
		s = 1 + r->owncommas + (r->own / 100 < 3 ? r->own / 100 : 3);
		if (r->own)
			s *= 1.0f - (float)r->ownlink / r->own;
		/*
		 * A div of text and <br>s is a paragraph too, and its parent holds
		 * the article; text loose beside blocks is a paragraph of its own div.
		 */
		a = r->tag != T_P && (r->flags & F_HASBLOCK) ? r : info(r->node->parent);
		for (lv = 0; a && lv < 5; lv++, a = info(a->node->parent)) {
			if (a->flags & (F_GONE | F_CZONE))
				break;
			if (!a->scored) {
				a->score = base_score(a);
				a->scored = 1;
			}
			a->score += s * share[lv];
		}
	}
	for (i = 0; i < c->n; i++) {
		struct ninfo *r = &c->ni[i];
		float s;

		if (!r->scored || (r->flags & (F_GONE | F_CZONE)))
			continue;
		s = r->score * (1.0f - link_density(r));
		r->score = s;
		if (!best || s > bestscore) {
			best = r;
			bestscore = s;
		}
	}
	return best;
}

static int contains(const xmlNode *anc, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == anc)
			return 1;
	return 0;
}

/*
 * An article cut into many small containers (one card per paragraph)
 * gives several near-equal candidates: their common ancestor is the
 * article.  And a candidate alone in its wrapper is the wrapper.
 */
static struct ninfo *widen(struct ctx *c, struct ninfo *top)
{
	struct ninfo *alt[5];
	size_t i, k, nalt = 0;
	struct ninfo *a;

	for (i = 0; i < c->n && top; i++) {
		struct ninfo *r = &c->ni[i];

		if (r == top || !r->scored || (r->flags & (F_GONE | F_CZONE)) ||
		    r->score < top->score * 0.75f)
			continue;
		if (nalt < 5) {
			alt[nalt++] = r;
			continue;
		}
		for (k = 0; k < nalt; k++)
			if (alt[k]->score < r->score) {
				alt[k] = r;
				break;
			}
	}
	if (nalt >= 3)
		for (a = info(top->node->parent); a && a->tag != T_BODY; a = info(a->node->parent)) {
			size_t in = 0;

			for (k = 0; k < nalt; k++)
				in += contains(a->node, alt[k]->node);
			if (in >= 3) {
				top = a;
				break;
			}
		}
	for (a = info(top->node->parent); a && a->tag != T_BODY && !(a->flags & F_GONE) &&
	     a->text <= top->text + top->text / 20; a = info(a->node->parent))
		top = a;
	return top;
}

/* Paragraph texts that are page furniture wherever they stand. */
static const char *const chrome_lines[] = {
	"advertisement", "advertisements", "advert", "sponsored", "sponsored content",
	"story continues below", "story continues below advertisement",
	"article continues below", "continue reading", "continue reading below",
	"read more", "read more:", "more:", "related:", "related", "see also",
	"share", "share this", "share this article", "share this story",
	"share on facebook", "share on twitter", "tweet", "email", "print",
	"comments", "leave a comment", "leave a reply", "click to share",
	"sign up", "subscribe", "subscribe now", "log in", "skip to content",
	"skip advertisement", "photo", "image", "video", "listen", "close",
	"follow us", "back to top", "view comments", "show comments",
	"load more", "see more", "watch", "top stories", "most popular",
	"recommended", "trending", "you may also like", "more from",
};

static int chrome_line(const char *s, size_t n)
{
	size_t i;

	/* Strip trailing punctuation and spaces so "Advertisement:" matches too. */
	while (n && (s[n - 1] == ':' || s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	if (n == 0 || n > 40)
		return n == 0;
	for (i = 0; i < sizeof(chrome_lines) / sizeof(chrome_lines[0]); i++)
		if (strlen(chrome_lines[i]) == n && fc_strncasecmp(s, chrome_lines[i], n) == 0)
			return 1;
	return 0;
}

/* Output of the body: paragraphs collected one at a time. */
struct writer {
	struct fc_buf out;	/* finished paragraphs, "\n\n" apart */
	struct fc_buf para;	/* the paragraph being written */
	const char *title;
};

static void flush_para(struct writer *w)
{
	size_t n = w->para.len;

	while (n && w->para.data[n - 1] == ' ')
		n--;
	if (n && !chrome_line(w->para.data, n) &&
	    !(w->title && strlen(w->title) == n && memcmp(w->title, w->para.data, n) == 0)) {
		if (w->out.len)
			fc_buf_addstr(&w->out, "\n\n");
		fc_buf_add(&w->out, w->para.data, n);
	}
	fc_buf_reset(&w->para);
}

static void add_text(struct fc_buf *b, const char *s)
{
	int space = b->len > 0 && b->data[b->len - 1] != ' ';

	for (; *s; s++) {
		unsigned char ch = *s;

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
		    (ch == 0xC2 && (unsigned char)s[1] == 0xA0)) {
			if (ch == 0xC2)
				s++;
			if (space)
				fc_buf_addch(b, ' ');
			space = 0;
			continue;
		}
		fc_buf_addch(b, ch);
		space = 1;
	}
}

/*
 * Whether an element inside the article is chrome after all: navigation-like
 * (mostly links), marked as such, or a caption or the repeated headline.
 */
static int drop_inside(const struct ninfo *r)
{
	float ld = link_density(r);

	if (r->flags & (F_GONE | F_CZONE))
		return 1;
	if (r->hint & H_BODY)
		return 0;
	switch (r->tag) {
	case T_H1: case T_FIGURE: case T_ASIDE: case T_FORM: case T_FOOTER:
		return 1;
	case T_P: case T_PRE: case T_QUOTE: case T_HEADING:
		if ((r->hint & (H_NEG | H_JUNK)) && !(r->hint & H_POS) && r->text < 200)
			return 1;
		return ld > 0.6f && r->text < 300;
	case T_INLINE: case T_A: case T_BR: case T_OTHER: case T_TR: case T_TD:
		return 0;
	default:
		break;
	}
	if ((r->hint & (H_NEG | H_JUNK)) && !(r->hint & H_POS))
		return r->text < 600 || ld > 0.2f;
	if (r->tag == T_LIST)
		return ld > 0.3f;
	if (r->tag == T_HEADER)
		return r->paras == 0;
	return ld > 0.5f && r->text > 0;
}

/* Write the text of root's subtree, a paragraph per block. */
static void write_node(struct writer *w, xmlNode *root)
{
	xmlNode *n = root;

	while (n) {
		const struct ninfo *r = info(n);
		int enter = 0;

		if (r) {
			if (n == root || !drop_inside(r)) {
				if (r->flags & F_BLOCK || r->tag == T_BR)
					flush_para(w);
				enter = n->children != NULL;
			}
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
			   n->content) {
			add_text(&w->para, (const char *)n->content);
		}
		if (enter) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			r = info(n);
			if (r && (r->flags & F_BLOCK))
				flush_para(w);
		}
		if (n == root)
			break;
		n = n->next;
	}
	flush_para(w);
}

static int same_class(const xmlNode *a, const xmlNode *b)
{
	const char *x = fc_sh_attr(a, "class"), *y = fc_sh_attr(b, "class");

	return x && y && *x && strcmp(x, y) == 0;
}

/* Pass 3: the best candidate and the siblings that belong with it. */
static void write_body(struct ninfo *top, struct writer *w)
{
	xmlNode *parent, *s;
	float threshold;

	parent = top->node->parent;
	if (!info(parent)) {
		write_node(w, top->node);
		return;
	}
	threshold = top->score * 0.2f;
	if (threshold < 10)
		threshold = 10;
	for (s = parent->children; s; s = s->next) {
		struct ninfo *r = info(s);
		int keep = 0;

		if (s == top->node) {
			keep = 1;
		} else if (r && !(r->flags & (F_GONE | F_CZONE)) && !drop_inside(r)) {
			float bonus = same_class(s, top->node) ? top->score * 0.2f : 0;
			float ld = link_density(r);

			if (r->scored && r->score + bonus >= threshold)
				keep = 1;
			else if (r->tag == T_P || (r->flags & F_BLOCK && r->own == r->text)) {
				if (r->text > 80 && ld < 0.25f)
					keep = 1;
				else if (r->text > 0 && r->text <= 80 && ld == 0 && r->own > 0) {
					const char *t = NULL;
					struct fc_buf b = FC_BUF_INIT;

					fc_sh_text(s, &b);
					t = b.data;
					keep = t && b.len > 0 && strchr(".!?", t[b.len - 1]) != NULL;
					fc_buf_release(&b);
				}
			}
		}
		if (keep)
			write_node(w, s);
	}
}

/* ---- reader comments ---- */

static int has_class_word(const xmlNode *n, const char *word)
{
	const char *s = fc_sh_attr(n, "class");
	size_t k = strlen(word);

	while (s && *s) {
		size_t len;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		len = strcspn(s, " \t\n");
		if (len == k && fc_strncasecmp(s, word, k) == 0)
			return 1;
		s += len;
	}
	return 0;
}

/* Whether n is one comment: marked so, or a list item of a comment list. */
static int comment_item(const xmlNode *n)
{
	const struct ninfo *r = info(n), *p;

	if (!r || (r->flags & F_GONE))
		return 0;
	if (r->hint & H_CITEM)
		return 1;
	if (has_class_word(n, "comment") || has_class_word(n, "comment-item") ||
	    has_class_word(n, "c-comment") || has_class_word(n, "post") ||
	    has_class_word(n, "reply") || has_class_word(n, "pingback") ||
	    has_class_word(n, "trackback"))
		return (r->flags & F_CZONE) || has_class_word(n, "comment") ||
		       has_class_word(n, "comment-item");
	p = info(n->parent);
	return r->tag == T_LI && p && p->tag == T_LIST && (p->flags & F_CZONE);
}

struct comment {
	struct fc_buf author, date;
};

/* A class or itemprop word that names the commenter. */
static int author_node(const xmlNode *n)
{
	const char *ip = fc_sh_attr(n, "itemprop");
	const char *cls = fc_sh_attr(n, "class");

	if (ip && strstr(ip, "author"))
		return 2;
	if (has_class_word(n, "fn") || has_class_word(n, "comment-author") ||
	    has_class_word(n, "author") || has_class_word(n, "username") ||
	    has_class_word(n, "user-name") || has_class_word(n, "commenter") ||
	    has_class_word(n, "comment-author-name") || has_class_word(n, "author-name"))
		return 1;
	if (cls && (strstr(cls, "author") || strstr(cls, "byline") || strstr(cls, "user")))
		return 1;
	return fc_sh_is(n, "cite") ? 1 : 0;
}

static int meta_node(const xmlNode *n)
{
	const char *cls = fc_sh_attr(n, "class");

	if (fc_sh_is(n, "time") || fc_sh_is(n, "header"))
		return 1;
	if (!cls)
		return 0;
	return strstr(cls, "meta") || strstr(cls, "date") || strstr(cls, "time") ||
		strstr(cls, "reply") || strstr(cls, "says") || strstr(cls, "avatar") ||
		strstr(cls, "actions") || strstr(cls, "vote") || strstr(cls, "permalink") ||
		strstr(cls, "footer") || strstr(cls, "edit");
}

/* A date from one element's attributes: datetime, content, or a title such as Disqus gives. */
static char *attr_date(const xmlNode *n)
{
	static const char *const names[] = { "datetime", "content", "title" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *d = fc_sh_date(fc_sh_attr(n, names[i]));

		if (d)
			return d;
	}
	return NULL;
}

/* The comment's date: markup first (anywhere below n), then the words of n. */
static void take_date(struct comment *cm, const xmlNode *n)
{
	const xmlNode *k = n;
	char *d = NULL;

	if (cm->date.len)
		return;
	while (k && !d) {
		if (k->type == XML_ELEMENT_NODE)
			d = attr_date(k);
		if (d)
			break;
		if (k->type == XML_ELEMENT_NODE && k->children) {
			k = k->children;
			continue;
		}
		while (k != n && !k->next)
			k = k->parent;
		if (k == n)
			break;
		k = k->next;
	}
	if (!d && n->children) {
		struct fc_buf b = FC_BUF_INIT;

		fc_sh_text(n, &b);
		if (b.len < 80)
			d = fc_sh_date(b.data);
		fc_buf_release(&b);
	}
	if (d)
		fc_buf_addstr(&cm->date, d);
	free(d);
}

/* The author name without "says:" and the like. */
static void clean_author(struct fc_buf *a)
{
	static const char *const tails[] = { " says:", " says", " said:", " wrote:", ":" };
	size_t i, k;

	for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		k = strlen(tails[i]);
		if (a->len >= k && fc_strncasecmp(a->data + a->len - k, tails[i], k) == 0) {
			a->len -= k;
			a->data[a->len] = '\0';
		}
	}
	while (a->len && a->data[a->len - 1] == ' ')
		a->data[--a->len] = '\0';
}

/* Read one comment: its author, its date, and its text without nested replies. */
static void read_comment(xmlNode *item, struct comment *cm, struct writer *w)
{
	xmlNode *n = item->children;

	while (n && n != item) {
		const struct ninfo *r = info(n);
		int enter = 0;

		if (r) {
			int a;

			if ((r->flags & F_GONE) || comment_item(n) || r->tag == T_FORM) {
				/* nested replies are comments of their own */
			} else if (fc_sh_is(n, "time") || fc_sh_attr(n, "datetime") ||
				   (fc_sh_attr(n, "itemprop") &&
				    strstr(fc_sh_attr(n, "itemprop"), "date"))) {
				take_date(cm, n);
			} else if (!cm->author.len && (a = author_node(n)) != 0) {
				xmlNode *name = n;

				/* itemprop=author may wrap itemprop=name beside an avatar. */
				if (a == 2) {
					xmlNode *k;

					for (k = n->children; k; k = k->next)
						if (k->type == XML_ELEMENT_NODE && fc_sh_attr(k, "itemprop") &&
						    strcmp(fc_sh_attr(k, "itemprop"), "name") == 0)
							name = k;
				}
				fc_sh_text(name, &cm->author);
				clean_author(&cm->author);
				/* The author block may carry the date too; read it for that. */
				{
					xmlNode *k;

					for (k = n->children; k; k = k->next)
						if (k->type == XML_ELEMENT_NODE && meta_node(k))
							take_date(cm, k);
				}
			} else if (meta_node(n)) {
				if (!cm->date.len)
					take_date(cm, n);
				if (!cm->author.len)
					enter = n->children != NULL;
			} else {
				if (r->flags & F_BLOCK || r->tag == T_BR)
					flush_para(w);
				enter = n->children != NULL;
			}
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
			   n->content) {
			const struct ninfo *p = info(n->parent);

			if (!p || !meta_node(n->parent) || p->tag == T_P)
				add_text(&w->para, (const char *)n->content);
		}
		if (enter) {
			n = n->children;
			continue;
		}
		while (n != item && !n->next) {
			n = n->parent;
			if (info(n) && (info(n)->flags & F_BLOCK))
				flush_para(w);
		}
		if (n == item)
			break;
		n = n->next;
	}
	flush_para(w);
}

/* "Name says:" opening a comment's text, when no element named the author. */
static void author_from_text(struct comment *cm, struct fc_buf *text)
{
	const char *t = text->data, *e;
	size_t n;

	if (!t)
		return;
	e = strstr(t, " says:");
	if (!e)
		e = strstr(t, " said:");
	if (!e || e - t > 60 || memchr(t, '\n', e - t))
		return;
	fc_buf_add(&cm->author, t, e - t);
	n = e - t + 6;
	while (n < text->len && (text->data[n] == ' ' || text->data[n] == '\n'))
		n++;
	memmove(text->data, text->data + n, text->len - n + 1);
	text->len -= n;
}

static void read_comments(struct ctx *c, struct fc_stripped *out)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct ninfo *r = &c->ni[i];
		struct comment cm;
		struct writer w;
		char *date = NULL;

		if (!(r->flags & F_CZONE) || !comment_item(r->node))
			continue;
		memset(&cm, 0, sizeof(cm));
		memset(&w, 0, sizeof(w));
		read_comment(r->node, &cm, &w);
		if (!cm.author.len)
			author_from_text(&cm, &w.out);
		/* A comment's date line left in its text is not what the reader wrote. */
		if (w.out.len && cm.date.len == 0) {
			size_t k = strcspn(w.out.data, "\n");
			char *d = fc_xstrndup(w.out.data, k);

			if (k < 60 && (date = fc_sh_date(d)) != NULL) {
				k += k < w.out.len ? 2 : 0;
				if (k > w.out.len)
					k = w.out.len;
				memmove(w.out.data, w.out.data + k, w.out.len - k + 1);
				w.out.len -= k;
			}
			free(d);
		}
		if (w.out.len)
			fc_stripped_add(out, FC_SEG_COMMENT, w.out.data, w.out.len,
					cm.author.len ? cm.author.data : NULL,
					date ? date : cm.date.len ? cm.date.data : NULL);
		free(date);
		fc_buf_release(&w.out);
		fc_buf_release(&w.para);
		fc_buf_release(&cm.author);
		fc_buf_release(&cm.date);
	}
}

/* ---- encodings ---- */

/* windows-1252 bytes 0x80-0x9F; the rest of Latin-1 maps to itself. */
static const unsigned short cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void from_cp1252(const char *s, size_t n, struct fc_buf *out)
{
	size_t i;

	fc_buf_grow(out, n + n / 4 + 1);
	for (i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];

		if (c < 0x80) {
			fc_buf_addch(out, c);
			continue;
		}
		if (c < 0xA0)
			c = cp1252[c - 0x80];
		if (c < 0x800) {
			fc_buf_addch(out, 0xC0 | (c >> 6));
		} else {
			fc_buf_addch(out, 0xE0 | (c >> 12));
			fc_buf_addch(out, 0x80 | ((c >> 6) & 0x3F));
		}
		fc_buf_addch(out, 0x80 | (c & 0x3F));
	}
}

/* The charset a <meta> in the first few kilobytes declares, lower-cased, or "". */
static void declared_charset(const char *s, size_t n, char *cs, size_t cap)
{
	size_t i, lim = n < 8192 ? n : 8192;

	cs[0] = '\0';
	for (i = 0; i + 5 < lim; i++) {
		size_t k = 0, end;

		if (s[i] != '<' || fc_strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		/* Only inside this tag: scripts mention "charset=" too. */
		for (end = i; end < lim && s[end] != '>'; end++)
			;
		for (i += 5; i + 7 < end; i++)
			if ((s[i] | 0x20) == 'c' && fc_strncasecmp(s + i, "charset", 7) == 0)
				break;
		if (i + 7 >= end)
			continue;
		i += 7;
		while (i < end && (s[i] == ' ' || s[i] == '=' || s[i] == '"' || s[i] == '\''))
			i++;
		while (i < end && k + 1 < cap && (isalnum((unsigned char)s[i]) ||
						  s[i] == '-' || s[i] == '_' || s[i] == ':'))
			cs[k++] = tolower((unsigned char)s[i++]);
		cs[k] = '\0';
		if (k)
			return;
	}
}

/*
 * Bytes that are not valid UTF-8 but mostly are (a page pasted together
 * from sources) are UTF-8 with damage, not Latin-1: compare the valid
 * multi-byte sequences with the stray bytes.
 */
static int mostly_utf8(const char *s, size_t n)
{
	size_t i = 0, good = 0, bad = 0;
	unsigned cp;

	while (i < n) {
		int k;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = fc_utf8_decode(s + i, n - i, &cp);
		if (k > 1) {
			good++;
			i += k;
		} else {
			bad++;
			i++;
		}
	}
	return good > 4 * bad;
}

static int single_byte_latin(const char *cs)
{
	return strcmp(cs, "iso-8859-1") == 0 || strcmp(cs, "latin1") == 0 ||
		strcmp(cs, "latin-1") == 0 || strcmp(cs, "windows-1252") == 0 ||
		strcmp(cs, "cp1252") == 0 || strcmp(cs, "us-ascii") == 0 ||
		strcmp(cs, "ascii") == 0 || strcmp(cs, "iso8859-1") == 0 ||
		strcmp(cs, "iso-8859-15") == 0 || strcmp(cs, "l1") == 0;
}

static int is_utf8_name(const char *cs)
{
	return strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0;
}

/*
 * Decide how to read the bytes, and turn them into UTF-8 where we can do
 * it better than iconv would (UTF-8 with stray bytes, windows-1252).
 * Returns the encoding to hand libxml2; *buf then holds the bytes to parse,
 * or stays empty when html[*skip..len) can be parsed as it is.
 */
static const char *decode(const char *html, size_t len, const char *hint,
			  struct fc_buf *buf, size_t *replaced, size_t *skip)
{
	char cs[40];
	size_t i;
	int ascii = 1;

	if (len >= 3 && memcmp(html, "\xEF\xBB\xBF", 3) == 0)
		hint = "utf-8", html += 3, len -= 3, *skip = 3;
	else if (len >= 2 && memcmp(html, "\xFF\xFE", 2) == 0)
		return "UTF-16LE";
	else if (len >= 2 && memcmp(html, "\xFE\xFF", 2) == 0)
		return "UTF-16BE";
	if (hint) {
		size_t k;

		for (k = 0; hint[k] && k + 1 < sizeof(cs); k++)
			cs[k] = tolower((unsigned char)hint[k]);
		cs[k] = '\0';
	} else {
		declared_charset(html, len, cs, sizeof(cs));
	}
	for (i = 0; i < len; i++)
		if ((unsigned char)html[i] >= 0x80) {
			ascii = 0;
			break;
		}
	if (ascii || (!cs[0] && fc_utf8_valid(html + i, len - i)) ||
	    ((is_utf8_name(cs) || single_byte_latin(cs)) && fc_utf8_valid(html + i, len - i))) {
		/* Valid UTF-8 with non-ASCII text is UTF-8, whatever the page claims. */
		return "UTF-8";
	}
	if (is_utf8_name(cs)) {
		*replaced += fc_utf8_repair(html, len, buf);
		return "UTF-8";
	}
	if (!cs[0] && mostly_utf8(html, len)) {
		*replaced += fc_utf8_repair(html, len, buf);
		return "UTF-8";
	}
	if (!cs[0] || single_byte_latin(cs)) {
		from_cp1252(html, len, buf);
		return "UTF-8";
	}
	/* Anything else (Shift_JIS, KOI8-R, GB2312...) goes through libxml2's converters. */
	{
		xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(cs);

		if (h) {
			xmlCharEncCloseFunc(h);
			return hint ? hint : NULL;
		}
	}
	from_cp1252(html, len, buf);
	return "UTF-8";
}

/* ---- the entry point ---- */

static void title_segment(struct ctx *c, struct fc_stripped *out)
{
	const char *t = out->meta.title;
	size_t i;

	/* The page's own headline, when it has one, is the best title. */
	for (i = 0; i < c->n; i++) {
		struct ninfo *r = &c->ni[i];

		if (r->tag == T_H1 && !(r->flags & (F_GONE | F_CZONE)) && r->text > 10) {
			struct fc_buf b = FC_BUF_INIT;

			fc_sh_text(r->node, &b);
			if (b.len)
				fc_stripped_add(out, FC_SEG_TITLE, b.data, b.len, NULL, NULL);
			fc_buf_release(&b);
			return;
		}
	}
	if (t)
		fc_stripped_add(out, FC_SEG_TITLE, t, strlen(t), NULL, NULL);
}

/* Every segment's text is valid UTF-8: libxml2 should see to it, this makes sure. */
static void ensure_utf8(struct fc_stripped *out)
{
	size_t i;

	for (i = 0; i < out->nseg; i++) {
		struct fc_segment *g = &out->seg[i];

		if (!fc_utf8_valid(g->text, g->len)) {
			struct fc_buf b = FC_BUF_INIT;

			out->replaced += fc_utf8_repair(g->text, g->len, &b);
			free(g->text);
			g->text = fc_buf_detach(&b, &g->len);
		}
	}
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int fc_strip_html(const char *html, size_t len, const char *charset,
		  struct fc_stripped *out, struct fc_error *err)
{
	xmlGenericErrorFunc old_handler;
	void *old_ctx;
	const char *src;
	size_t srclen, skip = 0;
	struct fc_buf bytes = FC_BUF_INIT;
	struct writer w;
	struct ctx c;
	htmlDocPtr doc = NULL;
	xmlNode *root;
	struct ninfo *top;
	const char *enc;
	size_t i;
	int rc = FC_OK;

	memset(&c, 0, sizeof(c));
	memset(&w, 0, sizeof(w));
	if (len > HTML_MAX_BYTES)
		len = HTML_MAX_BYTES;
	enc = decode(html, len, charset, &bytes, &out->replaced, &skip);
	if (bytes.len) {
		src = bytes.data;
		srclen = bytes.len;
	} else {
		src = html + skip;
		srclen = len - skip;
	}
	if (srclen > INT32_MAX - 1 || srclen == 0) {
		rc = fc_error_set(err, FC_EDATA, "empty HTML document");
		goto out;
	}
	/*
	 * libxml2 reports converter errors through its generic handler, which
	 * prints; the library never prints, so silence it for this parse.
	 */
	old_handler = xmlGenericError;
	old_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	doc = htmlReadMemory(src, (int)srclen, NULL, enc,
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR |
			     HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	xmlSetGenericErrorFunc(old_ctx, old_handler);
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		rc = fc_error_set(err, FC_EDATA, "cannot parse HTML document");
		goto out;
	}
	fc_sh_meta(doc, &out->meta);
	measure(&c, root);
	mark_junk(&c);
	title_segment(&c, out);
	w.title = out->nseg ? out->seg[0].text : NULL;
	top = best_candidate(&c);
	if (top)
		top = widen(&c, top);
	if (top)
		write_body(top, &w);
	else
		write_node(&w, root);
	fc_stripped_add(out, FC_SEG_BODY, w.out.data ? w.out.data : "", w.out.len,
			NULL, NULL);
	read_comments(&c, out);
	ensure_utf8(out);
out:
	for (i = 0; i < c.n; i++)
		c.ni[i].node->_private = NULL;
	free(c.ni);
	fc_buf_release(&w.out);
	fc_buf_release(&w.para);
	fc_buf_release(&bytes);
	if (doc)
		xmlFreeDoc(doc);
	return rc;
}
