/* strip_meta.c - metadata of an HTML page: <title>, <meta>, Open Graph, JSON-LD, canonical link, dates, language. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strip_int.h"

const char *fc_sh_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0) {
			if (a->children && a->children->type == XML_TEXT_NODE &&
			    !a->children->next && a->children->content)
				return (const char *)a->children->content;
			return NULL;
		}
	return NULL;
}

int fc_sh_is(const xmlNode *n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
		strcmp((const char *)n->name, tag) == 0;
}

static int invisible(const xmlNode *n)
{
	const char *t = (const char *)n->name;

	return strcmp(t, "script") == 0 || strcmp(t, "style") == 0 ||
		strcmp(t, "noscript") == 0 || strcmp(t, "template") == 0;
}

/* Collapse white space while appending: a run becomes one space, none at the start. */
static void add_collapsed(struct fc_buf *out, const char *s)
{
	int space = out->len > 0 && out->data[out->len - 1] != ' ';

	for (; *s; s++) {
		unsigned char c = *s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			continue_space:
			if (space)
				fc_buf_addch(out, ' ');
			space = 0;
			continue;
		}
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			goto continue_space;
		}
		fc_buf_addch(out, c);
		space = 1;
	}
}

void fc_sh_text(const xmlNode *n, struct fc_buf *out)
{
	const xmlNode *c = n;

	/* Iterative walk: pages nest deeper than a C stack should follow. */
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_collapsed(out, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || !n->children)
		return;
	c = n->children;
	while (c && c != n) {
		if (c->type == XML_TEXT_NODE && c->content)
			add_collapsed(out, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE && !invisible(c) && c->children) {
			if (fc_sh_is(c, "br"))
				add_collapsed(out, " ");
			c = c->children;
			continue;
		}
		while (c != n && !c->next)
			c = c->parent;
		if (c == n)
			break;
		c = c->next;
	}
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

/* ---- JSON-LD ---- */

/*
 * A small JSON reader: values go into a flat array, children linked by
 * index, strings left as slices of the source (decoded only when read).
 * Depth and size are bounded; malformed input just ends the parse.
 */
enum { J_NULL, J_STR, J_NUM, J_LIT, J_ARR, J_OBJ };

struct jv {
	int type;
	const char *s, *key;	/* string slices, escapes still in */
	size_t n, keyn;
	int kid, next;		/* first child, next sibling; -1 for none */
};

struct jdoc {
	struct jv *v;
	size_t nv, cap;
	const char *p, *end;
};

#define J_MAXDEPTH 40
#define J_MAXVALUES 20000

static void jskip(struct jdoc *d)
{
	while (d->p < d->end && (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' ||
				 *d->p == '\r'))
		d->p++;
}

static int jnew(struct jdoc *d, int type)
{
	if (d->nv >= J_MAXVALUES)
		return -1;
	if (d->nv == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = fc_xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	memset(&d->v[d->nv], 0, sizeof(d->v[0]));
	d->v[d->nv].type = type;
	d->v[d->nv].kid = d->v[d->nv].next = -1;
	return (int)d->nv++;
}

/* A string at d->p (on the quote); sets the slice; 0 or -1. */
static int jstring(struct jdoc *d, const char **s, size_t *n)
{
	const char *q = ++d->p;

	while (q < d->end && *q != '"') {
		if (*q == '\\' && q + 1 < d->end)
			q++;
		q++;
	}
	if (q >= d->end)
		return -1;
	*s = d->p;
	*n = q - d->p;
	d->p = q + 1;
	return 0;
}

static int jvalue(struct jdoc *d, int depth)
{
	int id, last = -1, k;

	jskip(d);
	if (d->p >= d->end || depth > J_MAXDEPTH)
		return -1;
	if (*d->p == '{' || *d->p == '[') {
		int obj = *d->p == '{';

		if ((id = jnew(d, obj ? J_OBJ : J_ARR)) < 0)
			return -1;
		d->p++;
		for (;;) {
			const char *key = NULL;
			size_t keyn = 0;

			jskip(d);
			if (d->p >= d->end)
				return -1;
			if (*d->p == (obj ? '}' : ']')) {
				d->p++;
				return id;
			}
			if (*d->p == ',') {	/* tolerate stray and trailing commas */
				d->p++;
				continue;
			}
			if (obj) {
				if (*d->p != '"' || jstring(d, &key, &keyn) < 0)
					return -1;
				jskip(d);
				if (d->p >= d->end || *d->p != ':')
					return -1;
				d->p++;
			}
			if ((k = jvalue(d, depth + 1)) < 0)
				return -1;
			d->v[k].key = key;
			d->v[k].keyn = keyn;
			if (last < 0)
				d->v[id].kid = k;
			else
				d->v[last].next = k;
			last = k;
		}
	}
	if (*d->p == '"') {
		if ((id = jnew(d, J_STR)) < 0)
			return -1;
		return jstring(d, &d->v[id].s, &d->v[id].n) < 0 ? -1 : id;
	}
	/* Numbers, true, false, null: a bare word. */
	{
		const char *q = d->p;

		while (q < d->end && (isalnum((unsigned char)*q) || *q == '-' ||
				      *q == '+' || *q == '.'))
			q++;
		if (q == d->p)
			return -1;
		if ((id = jnew(d, isdigit((unsigned char)*d->p) || *d->p == '-' ?
			       J_NUM : J_LIT)) < 0)
			return -1;
		d->v[id].s = d->p;
		d->v[id].n = q - d->p;
		d->p = q;
		return id;
	}
}

static void put_utf8(struct fc_buf *b, unsigned cp)
{
	if (cp < 0x80) {
		fc_buf_addch(b, cp);
	} else if (cp < 0x800) {
		fc_buf_addch(b, 0xC0 | (cp >> 6));
		fc_buf_addch(b, 0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		fc_buf_addch(b, 0xE0 | (cp >> 12));
		fc_buf_addch(b, 0x80 | ((cp >> 6) & 0x3F));
		fc_buf_addch(b, 0x80 | (cp & 0x3F));
	} else {
		fc_buf_addch(b, 0xF0 | (cp >> 18));
		fc_buf_addch(b, 0x80 | ((cp >> 12) & 0x3F));
		fc_buf_addch(b, 0x80 | ((cp >> 6) & 0x3F));
		fc_buf_addch(b, 0x80 | (cp & 0x3F));
	}
}

static unsigned hex4(const char *s, size_t n)
{
	unsigned v = 0;
	size_t i;

	if (n < 4)
		return 0xFFFD;
	for (i = 0; i < 4; i++) {
		int c = (unsigned char)s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return 0xFFFD;
	}
	return v;
}

/* Decode a JSON string slice; the few HTML entities some sites leave in go too. */
static char *jdecode(const char *s, size_t n)
{
	struct fc_buf b = FC_BUF_INIT;
	struct fc_buf out = FC_BUF_INIT;
	size_t i;
	char *r;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			fc_buf_addch(&b, s[i]);
			continue;
		}
		switch (s[++i]) {
		case 'n': case 'r': case 't': case 'b': case 'f':
			fc_buf_addch(&b, ' ');
			break;
		case 'u': {
			unsigned cp = hex4(s + i + 1, n - i - 1);

			i += cp == 0xFFFD ? 0 : 4;
			if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n + 0 &&
			    s[i + 1] == '\\' && s[i + 2] == 'u') {
				unsigned lo = hex4(s + i + 3, n - i - 3);

				if (lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
			}
			if ((cp >= 0xD800 && cp < 0xE000) || cp == 0)
				cp = 0xFFFD;
			put_utf8(&b, cp);
			break;
		}
		default:
			fc_buf_addch(&b, s[i]);
		}
	}
	fc_buf_addch(&b, '\0');
	b.len--;
	/* &amp; and friends, then white space collapsed, invalid bytes replaced. */
	{
		static const struct { const char *e; const char *r; } ent[] = {
			{ "&amp;", "&" }, { "&quot;", "\"" }, { "&#39;", "'" },
			{ "&#039;", "'" }, { "&#x27;", "'" }, { "&apos;", "'" },
			{ "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
		};
		struct fc_buf t = FC_BUF_INIT;
		size_t k;

		for (i = 0; i < b.len; i++) {
			if (b.data[i] == '&')
				for (k = 0; k < sizeof(ent) / sizeof(ent[0]); k++)
					if (strncmp(b.data + i, ent[k].e, strlen(ent[k].e)) == 0) {
						fc_buf_addstr(&t, ent[k].r);
						i += strlen(ent[k].e) - 1;
						goto next;
					}
			fc_buf_addch(&t, b.data[i]);
next:
			;
		}
		fc_buf_addch(&t, '\0');
		fc_utf8_repair(t.data, t.len - 1, &out);
		fc_buf_release(&t);
	}
	fc_buf_release(&b);
	{
		struct fc_buf c = FC_BUF_INIT;

		fc_buf_addstr(&c, "");
		add_collapsed(&c, out.data ? out.data : "");
		while (c.len && c.data[c.len - 1] == ' ')
			c.data[--c.len] = '\0';
		fc_buf_release(&out);
		r = fc_buf_detach(&c, NULL);
	}
	return r;
}

static int jkey(const struct jv *v, const char *key)
{
	return v->key && v->keyn == strlen(key) && memcmp(v->key, key, v->keyn) == 0;
}

static int jget(const struct jdoc *d, int obj, const char *key)
{
	int k;

	if (obj < 0 || d->v[obj].type != J_OBJ)
		return -1;
	for (k = d->v[obj].kid; k >= 0; k = d->v[k].next)
		if (jkey(&d->v[k], key))
			return k;
	return -1;
}

/* A name out of a string, an object with "name", or the first of an array. */
static char *jname(const struct jdoc *d, int v, int depth)
{
	if (v < 0 || depth > 4)
		return NULL;
	switch (d->v[v].type) {
	case J_STR:
		return d->v[v].n ? jdecode(d->v[v].s, d->v[v].n) : NULL;
	case J_OBJ:
		return jname(d, jget(d, v, "name"), depth + 1);
	case J_ARR: {
		int k;

		for (k = d->v[v].kid; k >= 0; k = d->v[k].next) {
			char *s = jname(d, k, depth + 1);

			if (s)
				return s;
		}
	}
	}
	return NULL;
}

static int article_type(const char *s, size_t n)
{
	static const char *const types[] = {
		"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
		"AnalysisNewsArticle", "OpinionNewsArticle", "Report",
		"ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting",
		"BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
		"WebPage", "Posting",
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (n == strlen(types[i]) && memcmp(s, types[i], n) == 0)
			return i < 14 ? 2 : 1;	/* a plain WebPage is a weaker source */
	return 0;
}

static int jtype(const struct jdoc *d, int obj)
{
	int t = jget(d, obj, "@type"), k, best = 0;

	if (t < 0)
		return 0;
	if (d->v[t].type == J_STR)
		return article_type(d->v[t].s, d->v[t].n);
	if (d->v[t].type == J_ARR)
		for (k = d->v[t].kid; k >= 0; k = d->v[k].next)
			if (d->v[k].type == J_STR) {
				int a = article_type(d->v[k].s, d->v[k].n);

				best = a > best ? a : best;
			}
	return best;
}

static void set_once(char **field, char *value)
{
	if (value && *value && !*field)
		*field = value;
	else
		free(value);
}

static void jsonld(const char *s, size_t n, struct fc_meta *m)
{
	struct jdoc d = { NULL, 0, 0, s, s + n };
	size_t i;
	int pass;

	if (jvalue(&d, 0) < 0 && d.nv == 0)
		goto out;
	/* Article objects first; a bare WebPage only fills what they leave. */
	for (pass = 2; pass >= 1; pass--)
		for (i = 0; i < d.nv; i++) {
			int o = (int)i;

			if (d.v[o].type != J_OBJ || jtype(&d, o) != pass)
				continue;
			set_once(&m->title, jname(&d, jget(&d, o, "headline"), 0));
			if (pass == 2)
				set_once(&m->title, jname(&d, jget(&d, o, "name"), 0));
			set_once(&m->author, jname(&d, jget(&d, o, "author"), 0));
			set_once(&m->published, jname(&d, jget(&d, o, "datePublished"), 0));
			set_once(&m->modified, jname(&d, jget(&d, o, "dateModified"), 0));
			set_once(&m->site, jname(&d, jget(&d, o, "publisher"), 0));
			set_once(&m->lang, jname(&d, jget(&d, o, "inLanguage"), 0));
			if (pass == 2) {
				int u = jget(&d, o, "mainEntityOfPage");

				if (u >= 0 && d.v[u].type == J_OBJ)
					u = jget(&d, u, "@id");
				set_once(&m->url, jname(&d, u, 0));
				set_once(&m->url, jname(&d, jget(&d, o, "url"), 0));
			}
		}
out:
	free(d.v);
}

/* ---- <meta> and friends ---- */

enum { M_TITLE, M_AUTHOR, M_PUB, M_MOD, M_URL, M_SITE, M_LANG, M_N };

/* Meta names by field, strongest first; matched case-insensitively. */
static const struct {
	const char *name;
	int field;
} meta_names[] = {
	{ "og:title", M_TITLE }, { "twitter:title", M_TITLE },
	{ "dc.title", M_TITLE }, { "headline", M_TITLE },
	{ "author", M_AUTHOR }, { "article:author", M_AUTHOR },
	{ "dc.creator", M_AUTHOR }, { "byl", M_AUTHOR }, { "parsely-author", M_AUTHOR },
	{ "sailthru.author", M_AUTHOR },
	{ "article:published_time", M_PUB }, { "datepublished", M_PUB },
	{ "og:article:published_time", M_PUB }, { "pubdate", M_PUB },
	{ "publish-date", M_PUB }, { "date", M_PUB }, { "dc.date", M_PUB },
	{ "dc.date.issued", M_PUB }, { "sailthru.date", M_PUB },
	{ "parsely-pub-date", M_PUB },
	{ "article:modified_time", M_MOD }, { "datemodified", M_MOD },
	{ "og:updated_time", M_MOD }, { "last-modified", M_MOD },
	{ "og:url", M_URL },
	{ "og:site_name", M_SITE }, { "application-name", M_SITE },
	{ "og:locale", M_LANG }, { "content-language", M_LANG },
	{ "dc.language", M_LANG }, { "inlanguage", M_LANG },
};

#define NMETA (sizeof(meta_names) / sizeof(meta_names[0]))

struct found {
	char *v[NMETA];
	char *title_tag, *canonical, *html_lang, *time_pub, *h1;
};

static char *clean_copy(const char *s)
{
	struct fc_buf b = FC_BUF_INIT;
	struct fc_buf r = FC_BUF_INIT;

	fc_buf_addstr(&b, "");
	add_collapsed(&b, s);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	if (!b.len) {
		fc_buf_release(&b);
		return NULL;
	}
	fc_utf8_repair(b.data, b.len, &r);
	fc_buf_release(&b);
	return fc_buf_detach(&r, NULL);
}

static void meta_tag(const xmlNode *n, struct found *f)
{
	const char *key = fc_sh_attr(n, "property");
	const char *content = fc_sh_attr(n, "content");
	size_t i;
	int k;

	if (!content) {
		content = fc_sh_attr(n, "datetime");
		if (!content)
			return;
	}
	for (k = 0; k < 4; k++) {
		key = k == 0 ? fc_sh_attr(n, "property") : k == 1 ? fc_sh_attr(n, "name") :
			k == 2 ? fc_sh_attr(n, "itemprop") : fc_sh_attr(n, "http-equiv");
		if (!key)
			continue;
		for (i = 0; i < NMETA; i++)
			if (!f->v[i] && strlen(key) == strlen(meta_names[i].name) &&
			    fc_strncasecmp(key, meta_names[i].name, strlen(key)) == 0)
				f->v[i] = clean_copy(content);
	}
}

/* An author given as a profile URL says nothing about the name. */
static int is_url(const char *s)
{
	return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
		     s[0] == '/');
}

static char *pick(struct found *f, int field)
{
	size_t i;

	for (i = 0; i < NMETA; i++)
		if (meta_names[i].field == field && f->v[i] &&
		    !(field == M_AUTHOR && is_url(f->v[i]))) {
			char *r = f->v[i];

			f->v[i] = NULL;
			return r;
		}
	return NULL;
}

void fc_sh_meta(xmlDoc *doc, struct fc_meta *m)
{
	struct fc_meta ld;
	struct found f;
	xmlNode *root = xmlDocGetRootElement(doc), *c;
	size_t i;

	memset(&f, 0, sizeof(f));
	memset(&ld, 0, sizeof(ld));
	if (!root)
		return;
	if (root->type == XML_ELEMENT_NODE) {
		const char *l = fc_sh_attr(root, "lang");

		if (!l)
			l = fc_sh_attr(root, "xml:lang");
		f.html_lang = l ? clean_copy(l) : NULL;
	}
	for (c = root; c; ) {
		/* Only a few names matter here: their first letters filter cheaply. */
		if (c->type == XML_ELEMENT_NODE && c->name && !strchr("mtlsh", c->name[0])) {
			if (c->children) {
				c = c->children;
				continue;
			}
		} else if (c->type == XML_ELEMENT_NODE && c->name) {
			const char *t = (const char *)c->name;

			if (strcmp(t, "meta") == 0) {
				meta_tag(c, &f);
			} else if (strcmp(t, "title") == 0 && !f.title_tag) {
				struct fc_buf b = FC_BUF_INIT;

				fc_sh_text(c, &b);
				f.title_tag = b.len ? clean_copy(b.data) : NULL;
				fc_buf_release(&b);
			} else if (strcmp(t, "link") == 0 && !f.canonical) {
				const char *rel = fc_sh_attr(c, "rel");
				const char *href = fc_sh_attr(c, "href");

				if (rel && href && fc_strncasecmp(rel, "canonical", 10) == 0)
					f.canonical = clean_copy(href);
			} else if (strcmp(t, "script") == 0) {
				const char *type = fc_sh_attr(c, "type");

				if (type && fc_strncasecmp(type, "application/ld+json", 19) == 0 &&
				    c->children && c->children->content) {
					const char *s = (const char *)c->children->content;

					jsonld(s, strlen(s), &ld);
				}
			} else if (strcmp(t, "time") == 0 && !f.time_pub) {
				const char *dt = fc_sh_attr(c, "datetime");
				const char *ip = fc_sh_attr(c, "itemprop");

				if (dt && (!ip || strstr(ip, "ublished")))
					f.time_pub = fc_sh_date(dt);
			} else if (strcmp(t, "h1") == 0 && !f.h1) {
				struct fc_buf b = FC_BUF_INIT;

				fc_sh_text(c, &b);
				f.h1 = b.len ? clean_copy(b.data) : NULL;
				fc_buf_release(&b);
			}
			if (c->children && strcmp(t, "script") != 0 &&
			    strcmp(t, "style") != 0) {
				c = c->children;
				continue;
			}
		}
		while (c && !c->next)
			c = c->parent;
		if (c)
			c = c->next;
	}
	/*
	 * Open Graph and meta names first: they are what the page says of
	 * itself; JSON-LD next; the page's headline and <title> last.
	 */
	set_once(&m->title, pick(&f, M_TITLE));
	set_once(&m->title, ld.title);
	set_once(&m->author, pick(&f, M_AUTHOR));
	set_once(&m->author, ld.author);
	set_once(&m->published, pick(&f, M_PUB));
	set_once(&m->published, ld.published);
	set_once(&m->modified, pick(&f, M_MOD));
	set_once(&m->modified, ld.modified);
	set_once(&m->url, f.canonical);
	f.canonical = NULL;
	set_once(&m->url, pick(&f, M_URL));
	set_once(&m->url, ld.url);
	set_once(&m->site, pick(&f, M_SITE));
	set_once(&m->site, ld.site);
	set_once(&m->lang, f.html_lang);
	f.html_lang = NULL;
	set_once(&m->lang, pick(&f, M_LANG));
	set_once(&m->lang, ld.lang);
	set_once(&m->title, f.h1);
	f.h1 = NULL;
	set_once(&m->title, f.title_tag);
	f.title_tag = NULL;
	set_once(&m->published, f.time_pub);
	f.time_pub = NULL;
	for (i = 0; i < NMETA; i++)
		free(f.v[i]);
	free(f.title_tag);
	free(f.canonical);
	free(f.html_lang);
	free(f.time_pub);
	free(f.h1);
}

/* ---- dates ---- */

static int month_of(const char *s, size_t n)
{
	static const char *const mon[] = {
		"jan", "feb", "mar", "apr", "may", "jun",
		"jul", "aug", "sep", "oct", "nov", "dec",
	};
	int i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (fc_strncasecmp(s, mon[i], 3) == 0)
			return i + 1;
	return 0;
}

char *fc_sh_date(const char *s)
{
	struct fc_buf b = FC_BUF_INIT;
	const char *p;
	int y = 0, mo = 0, d = 0, h = -1, mi = 0;

	if (!s)
		return NULL;
	while (*s == ' ')
		s++;
	/* ISO 8601 already: keep it as written, trimmed of junk after it. */
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    s[4] == '-' && isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[6])) {
		size_t n = 0;

		while (s[n] && (isalnum((unsigned char)s[n]) || strchr("-:.+", s[n])))
			n++;
		return fc_xstrndup(s, n);
	}
	/* Words and numbers in any of the common orders. */
	for (p = s; *p; ) {
		if (isdigit((unsigned char)*p)) {
			int v = 0, len = 0;

			while (isdigit((unsigned char)*p) && len < 6)
				v = v * 10 + (*p++ - '0'), len++;
			if (*p == ':' && h < 0 && v < 24 && isdigit((unsigned char)p[1])) {
				h = v;
				mi = atoi(p + 1) % 60;
				while (*p == ':' || isdigit((unsigned char)*p))
					p++;
				while (*p == ' ')
					p++;
				if ((p[0] == 'p' || p[0] == 'P') && (p[1] == 'm' || p[1] == 'M' || p[1] == '.') && h < 12)
					h += 12;
				else if ((p[0] == 'a' || p[0] == 'A') && (p[1] == 'm' || p[1] == 'M' || p[1] == '.') && h == 12)
					h = 0;
			} else if (len == 4 && v > 1900 && v < 2200 && !y) {
				y = v;
			} else if (v >= 1 && v <= 31 && !d && len <= 2) {
				d = v;
			}
		} else if (isalpha((unsigned char)*p)) {
			const char *w = p;

			while (isalpha((unsigned char)*p))
				p++;
			if (!mo)
				mo = month_of(w, p - w);
		} else {
			p++;
		}
	}
	if (!y || !mo || !d)
		return NULL;
	if (h >= 0)
		fc_buf_printf(&b, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
	else
		fc_buf_printf(&b, "%04d-%02d-%02d", y, mo, d);
	return fc_buf_detach(&b, NULL);
}
