/* strip_int.h - private to the HTML stripper: node helpers and metadata shared by its files. */
#ifndef FC_STRIP_INT_H
#define FC_STRIP_INT_H

#include <libxml/tree.h>

#include "strip.h"

/*
 * The value of attribute name on n, borrowed from the tree (valid while the
 * document lives), or NULL when absent or not plain text.
 */
const char *fc_sh_attr(const xmlNode *n, const char *name);

/* 1 if the element's name is tag (names from the HTML parser are lower case). */
int fc_sh_is(const xmlNode *n, const char *tag);

/*
 * Append the visible text of n's subtree to out, white space collapsed to
 * single spaces, scripts and styles left out; no paragraph breaks.
 */
void fc_sh_text(const xmlNode *n, struct fc_buf *out);

/*
 * Fill the metadata of out from the document's <title>, <meta> tags, Open
 * Graph, JSON-LD, <link rel=canonical>, <time datetime> and <html lang>.
 * Fields already set are kept.  Never fails: what cannot be read is left NULL.
 */
void fc_sh_meta(xmlDoc *doc, struct fc_meta *m);

/*
 * Turn a human date ("September 22, 2016 at 9:15 am", "22 Sep 2016") or an
 * ISO 8601 one into ISO 8601 (YYYY-MM-DD, or YYYY-MM-DDTHH:MM); NULL when
 * s holds no date.  The caller frees the result.
 */
char *fc_sh_date(const char *s);

#endif
