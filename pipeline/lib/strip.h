/* strip.h - turn a raw document (HTML or plain text) into title, body and comment segments. */
#ifndef FC_STRIP_H
#define FC_STRIP_H

#include <stddef.h>

#include "util.h"

enum fc_seg_kind {
	FC_SEG_TITLE,
	FC_SEG_BODY,
	FC_SEG_COMMENT,
};

/*
 * One stretch of a document's own text.  text is valid UTF-8; paragraphs
 * are separated by a blank line ("\n\n") and never by anything else, so a
 * sentence never runs across two paragraphs.  All strings are owned by the
 * fc_stripped that holds the segment.
 */
struct fc_segment {
	enum fc_seg_kind kind;
	char *author;		/* commenter, for comments; else NULL */
	char *published;	/* ISO 8601 date of a comment, where given; else NULL */
	char *text;
	size_t len;
};

/* Metadata found in the document itself; NULL where absent. */
struct fc_meta {
	char *title;
	char *author;
	char *published;	/* ISO 8601 (YYYY-MM-DD or full timestamp) */
	char *modified;
	char *url;		/* canonical URL */
	char *site;		/* site or outlet name */
	char *lang;
};

/* What strip makes of one document.  Owns everything it points to. */
struct fc_stripped {
	struct fc_meta meta;
	struct fc_segment *seg;
	size_t nseg;
	size_t cap;
	size_t replaced;	/* invalid bytes replaced by U+FFFD */
};

const char *fc_seg_kind_name(enum fc_seg_kind k);

void fc_stripped_init(struct fc_stripped *s);
void fc_stripped_release(struct fc_stripped *s);

/*
 * Append a segment; copies text[0..len) and author/published (either may be
 * NULL).  Empty text (after trimming) is not added.
 */
void fc_stripped_add(struct fc_stripped *s, enum fc_seg_kind kind,
		     const char *text, size_t len, const char *author,
		     const char *published);

/*
 * Extract the article of an HTML page: at most one title segment, then one
 * body segment (the article's own text, paragraphs kept apart), then one
 * segment per reader comment with its author.  charset is a hint (from HTTP
 * headers) or NULL.  Never fails on malformed markup: returns FC_EDATA only
 * when nothing at all can be parsed.
 */
int fc_strip_html(const char *html, size_t len, const char *charset,
		  struct fc_stripped *out, struct fc_error *err);

/*
 * The same segmentation for plain text (front matter already removed):
 * boilerplate lines dropped, numbered comment threads ("1. Bill says:")
 * turned into comment segments, the first line taken as the title when
 * it reads as one.
 */
int fc_strip_text(const char *text, size_t len, struct fc_stripped *out,
		  struct fc_error *err);

#endif
