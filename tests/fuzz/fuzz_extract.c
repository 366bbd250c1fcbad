/* fuzz_extract.c - libFuzzer harness for the claim layer: sentences, mentions, figures and links over any text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "datadir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fc_extractor *x;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fc_buf text = FC_BUF_INIT;
	struct fc_seg_out out;
	struct fc_seg_in in;
	struct fc_error err;
	size_t i;

	if (!x && fc_extractor_new(fc_datadir(), "corpus/labour-2016/pack", &x, &err))
		abort();
	/* Segment text is always valid UTF-8: strip guarantees it. */
	fc_utf8_repair((const char *)data, size, &text);
	memset(&in, 0, sizeof(in));
	in.text = text.data ? text.data : "";
	in.len = text.len;
	in.kind = size && data[0] & 1 ? "comment" : "body";
	in.author = "Reader";
	in.outlet = "Outlet";
	in.ref_date = "2016-08-15";
	fc_seg_out_init(&out);
	if (fc_extract_segment(x, &in, &out, &err) == FC_OK) {
		for (i = 0; i < out.claims.n; i++) {
			const struct fc_claim *c = &out.claims.v[i];

			/* Offsets stay inside the text and the figure inside its sentence. */
			if (c->end > in.len || c->start > c->end || c->fig_start < c->start ||
			    c->fig_end > c->end)
				__builtin_trap();
		}
	}
	fc_seg_out_release(&out);
	fc_buf_release(&text);
	return 0;
}
