/* fuzz_extract.c - libFuzzer harness for the claim layer: sentences, mentions, quotations, figures and links over any text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "datadir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fc_extractor *packs[2];

/* Offsets stay inside the text and the figure inside its sentence. */
static void check(const struct fc_seg_in *in, const struct fc_seg_out *out)
{
	size_t i;

	for (i = 0; i < out->claims.n; i++) {
		const struct fc_claim *c = &out->claims.v[i];

		if (c->end > in->len || c->start > c->end || c->fig_start < c->start ||
		    c->fig_end > c->end)
			__builtin_trap();
	}
}

/*
 * The first byte picks the pack and whether the bytes are repaired to
 * UTF-8 first (strip guarantees valid text; the claim layer must still
 * cope with anything).  A form feed splits the input into an article body
 * and a reader's comment under it, so comments read the body's claims.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *dirs[2] = { "corpus/labour-2016/pack", "corpus/strike-2026/pack" };
	struct fc_buf text = FC_BUF_INIT;
	struct fc_seg_out out[2];
	struct fc_seg_in in[2];
	struct fc_error err;
	struct fc_extractor *x;
	const char *t, *ff;
	size_t len, n, i;
	uint8_t mode;

	if (!size)
		return 0;
	mode = data[0];
	data++, size--;
	if (!packs[mode & 1] &&
	    fc_extractor_new(fc_datadir(), dirs[mode & 1], &packs[mode & 1], &err))
		abort();
	x = packs[mode & 1];
	if (mode & 2) {
		t = (const char *)data;
		len = size;
	} else {
		fc_utf8_repair((const char *)data, size, &text);
		t = text.data ? text.data : "";
		len = text.len;
	}
	ff = memchr(t, '\f', len);
	memset(in, 0, sizeof(in));
	in[0].text = t;
	in[0].len = ff ? (size_t)(ff - t) : len;
	in[0].kind = "body";
	in[1].text = ff ? ff + 1 : "";
	in[1].len = ff ? len - in[0].len - 1 : 0;
	in[1].kind = "comment";
	in[1].author = "Reader";
	in[1].prior = &out[0];
	in[1].nprior = 1;
	for (i = 0; i < 2; i++) {
		in[i].outlet = "Outlet";
		in[i].ref_date = "2016-08-15";
		fc_seg_out_init(&out[i]);
	}
	n = ff ? 2 : 1;
	for (i = 0; i < n; i++)
		if (fc_extract_segment(x, &in[i], &out[i], &err) == FC_OK)
			check(&in[i], &out[i]);
	for (i = 0; i < 2; i++)
		fc_seg_out_release(&out[i]);
	fc_buf_release(&text);
	return 0;
}
