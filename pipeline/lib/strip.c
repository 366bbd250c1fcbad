/* strip.c - the stripped form of a document: segments and metadata, and their lifecycle. */
#include "strip.h"

#include <stdlib.h>
#include <string.h>

const char *fc_seg_kind_name(enum fc_seg_kind k)
{
	switch (k) {
	case FC_SEG_TITLE: return "title";
	case FC_SEG_BODY: return "body";
	case FC_SEG_COMMENT: return "comment";
	}
	return "body";
}

void fc_stripped_init(struct fc_stripped *s)
{
	memset(s, 0, sizeof(*s));
}

void fc_stripped_release(struct fc_stripped *s)
{
	size_t i;

	for (i = 0; i < s->nseg; i++) {
		free(s->seg[i].author);
		free(s->seg[i].published);
		free(s->seg[i].text);
	}
	free(s->seg);
	free(s->meta.title);
	free(s->meta.author);
	free(s->meta.published);
	free(s->meta.modified);
	free(s->meta.url);
	free(s->meta.site);
	free(s->meta.lang);
	fc_stripped_init(s);
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

void fc_stripped_add(struct fc_stripped *s, enum fc_seg_kind kind,
		     const char *text, size_t len, const char *author,
		     const char *published)
{
	struct fc_segment *g;

	while (len && is_ws(*text))
		text++, len--;
	while (len && is_ws(text[len - 1]))
		len--;
	if (len == 0)
		return;
	if (s->nseg == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->seg = fc_xrealloc(s->seg, s->cap * sizeof(*s->seg));
	}
	g = &s->seg[s->nseg++];
	g->kind = kind;
	g->text = fc_xstrndup(text, len);
	g->len = len;
	g->author = author ? fc_xstrdup(author) : NULL;
	g->published = published ? fc_xstrdup(published) : NULL;
}
