/* claims.h - the claim layer: figures linked to actors, metrics, speakers and periods. */
#ifndef FC_CLAIMS_H
#define FC_CLAIMS_H

#include <stddef.h>

#include "claim.h"
#include "figure.h"
#include "pack.h"
#include "sentence.h"
#include "util.h"

/* An actor mention (actor NULL when the name is not in the pack). */
struct fc_mention {
	size_t sentence;	/* index into the segment's sentences */
	size_t start, end;	/* bytes in the segment text */
	const struct fc_actor *actor;
};

struct fc_mentions {
	struct fc_mention *v;
	size_t n, cap;
};

/* One segment to extract from; strings borrowed. */
struct fc_seg_in {
	const char *text;
	size_t len;
	const char *kind;	/* "title", "body" or "comment" */
	const char *author;	/* commenter, for comments */
	const char *outlet;	/* speaker of the title and body */
	const char *ref_date;	/* the document's date, "YYYY-MM-DD", or NULL */
	/*
	 * What the document's earlier segments yielded (title, body, earlier
	 * comments), or NULL: a bare figure that repeats one of their values
	 * counts what that one counts.
	 */
	const struct fc_seg_out *prior;
	size_t nprior;
};

/*
 * What one segment yields.  claims[i].sentence holds the index of the
 * sentence in sentences (the caller maps it to a stored id); their
 * start/end are the sentence's offsets and fig_start/fig_end the figure's.
 */
struct fc_seg_out {
	struct fc_spans sentences;
	struct fc_mentions mentions;
	struct fc_claim_vec claims;
	struct fc_figure_list figures;
	int limited;		/* a pattern hit its match limit */
};

void fc_seg_out_init(struct fc_seg_out *o);
void fc_seg_out_release(struct fc_seg_out *o);

struct fc_extractor;

/*
 * Load the figure engine (datadir's rules and hedge policy, and the pack's
 * rules) and the pack.  packdir may be NULL.  The caller owns *out.
 */
int fc_extractor_new(const char *datadir, const char *packdir,
		     struct fc_extractor **out, struct fc_error *err);
void fc_extractor_free(struct fc_extractor *x);
const struct fc_pack *fc_extractor_pack(const struct fc_extractor *x);
struct fc_engine *fc_extractor_engine(struct fc_extractor *x);

/* Split, find mentions and figures, and link them into claims. */
int fc_extract_segment(struct fc_extractor *x, const struct fc_seg_in *in,
		       struct fc_seg_out *out, struct fc_error *err);

#endif
