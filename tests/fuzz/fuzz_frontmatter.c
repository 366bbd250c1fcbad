/* fuzz_frontmatter.c - libFuzzer harness for the front matter parser of plain-text documents. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fc_front f;
	struct fc_error err;

	if (fc_front_parse((const char *)data, size, &f, &err) == FC_OK) {
		/* The body starts inside the input, after the closing fence. */
		if (f.body_off > size)
			__builtin_trap();
		fc_front_release(&f);
	}
	(void)fc_looks_html(NULL, (const char *)data, size);
	return 0;
}
