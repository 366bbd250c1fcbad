/* fuzz_strip_text.c - libFuzzer harness: fc_strip_text on any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "strip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fc_stripped s;
	struct fc_error err;
	size_t i;

	fc_stripped_init(&s);
	fc_strip_text((const char *)data, size, &s, &err);
	for (i = 0; i < s.nseg; i++)
		if (!fc_utf8_valid(s.seg[i].text, s.seg[i].len) ||
		    strlen(s.seg[i].text) != s.seg[i].len)
			__builtin_trap();
	fc_stripped_release(&s);
	return 0;
}
