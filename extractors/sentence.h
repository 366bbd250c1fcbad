/* sentence.h - split segment text into sentences and paragraphs, by byte offsets. */
#ifndef FC_SENTENCE_H
#define FC_SENTENCE_H

#include <stddef.h>

struct fc_span {
	size_t start, end;
	size_t para;		/* index of the paragraph the sentence is in */
};

struct fc_spans {
	struct fc_span *v;
	size_t n, cap;
};

void fc_spans_init(struct fc_spans *s);
void fc_spans_release(struct fc_spans *s);

/*
 * Split text[0..len) into sentences: never across a line break, at
 * '.', '!' or '?' (with closing quotes and brackets) followed by white
 * space and an upper-case letter, digit or opening quote, except after
 * abbreviations such as "Mr." or "e.g.".  Spans exclude surrounding white
 * space; empty sentences are not returned.
 */
void fc_sentences(const char *text, size_t len, struct fc_spans *out);

/* The paragraph (blank-line separated block) around offset, as a span. */
struct fc_span fc_paragraph_at(const char *text, size_t len, size_t off);

#endif
