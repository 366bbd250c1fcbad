/* output.h - exports (claims, discrepancies, segments) and the discrepancy report in every format. */
#ifndef FC_OUTPUT_H
#define FC_OUTPUT_H

#include <stdio.h>

#include "claim.h"
#include "store.h"
#include "util.h"

enum fc_format {
	FC_FMT_TEXT,
	FC_FMT_MD,
	FC_FMT_HTML,
	FC_FMT_CSV,
	FC_FMT_JSON,
	FC_FMT_JSONL,
};

/* Parse a --format name; -1 if unknown. */
int fc_format_parse(const char *s);
const char *fc_format_name(enum fc_format f);

/*
 * Exports, one record a line (JSON Lines or CSV with a header).  They write
 * to out, which the caller owns, and return FC_ESYS if a write failed.
 */
int fc_export_claims(struct fc_store *st, enum fc_format f, FILE *out,
		     struct fc_error *err);
int fc_export_discrepancies(struct fc_store *st, enum fc_format f, FILE *out,
			    struct fc_error *err);
int fc_export_segments(struct fc_store *st, enum fc_format f, FILE *out,
		       struct fc_error *err);

/* One claim as a JSON object (no newline): the `figcheck claims` record. */
void fc_claim_json(struct fc_buf *b, const struct fc_claim *c);

/*
 * The discrepancy report: every finding with its quotes and arithmetic.
 * Text, Markdown, HTML (self-contained, with charts), CSV or JSON.
 * color: use ANSI colours in the text format.
 */
int fc_report_write(struct fc_store *st, enum fc_format f, int color, FILE *out,
		    struct fc_error *err);

/*
 * Count findings of severity sev or worse (sev: "error", "warning" or
 * "info"); FC_EUSAGE if sev is none of those.
 */
int fc_findings_at_least(struct fc_store *st, const char *sev, size_t *n,
			 struct fc_error *err);

#endif
