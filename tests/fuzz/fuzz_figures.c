/* fuzz_figures.c - libFuzzer harness: arbitrary bytes through fc_engine_scan and the explain path. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "rules.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fc_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fc_figure_list l;
	struct fc_explain x;
	struct fc_error err;
	struct fc_buf out = FC_BUF_INIT;
	const char *d;
	size_t i;
	int limited;

	if (!engine) {
		d = getenv("FIGCHECK_DATADIR");
		if (fc_engine_load(d && *d ? d : "extractors", NULL, &engine, &err))
			abort();
	}
	fc_figure_list_init(&l);
	if (fc_engine_scan(engine, (const char *)data, size, "2016-08-15", &l, &limited, &err))
		abort();
	for (i = 0; i < l.n; i++) {
		/* every figure lies inside the text, in order, without overlaps */
		if (l.v[i].start > l.v[i].end || l.v[i].end > size ||
		    l.v[i].noun_start > l.v[i].noun_end || l.v[i].noun_end > size ||
		    (i && l.v[i].start < l.v[i - 1].end))
			abort();
		if (l.v[i].low > l.v[i].high)
			abort();
		fc_figure_json(&l.v[i], (const char *)data, (long)i, &out);
	}
	fc_figure_list_release(&l);
	fc_explain_init(&x);
	if (fc_engine_explain(engine, (const char *)data, size, NULL, &x, &err))
		abort();
	if (size < 4096)
		fc_explain_format(&x, (const char *)data, &out);
	fc_explain_release(&x);
	fc_buf_release(&out);
	return 0;
}
