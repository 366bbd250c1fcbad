/* fuzz_strip_html.c - libFuzzer harness: fc_strip_html on any bytes, whole and with a charset hint taken from the input. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "strip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct fc_stripped *s)
{
	size_t i;

	/* The contract: every segment is valid UTF-8 and its length is right. */
	for (i = 0; i < s->nseg; i++)
		if (!fc_utf8_valid(s->seg[i].text, s->seg[i].len) ||
		    strlen(s->seg[i].text) != s->seg[i].len)
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = { NULL, "utf-8", "iso-8859-1", "windows-1252", "shift_jis", "bogus" };
	struct fc_stripped s;
	struct fc_error err;

	fc_stripped_init(&s);
	fc_strip_html((const char *)data, size, NULL, &s, &err);
	check(&s);
	fc_stripped_release(&s);
	/* The first byte picks a charset hint for a second run over the rest. */
	if (size > 1) {
		fc_stripped_init(&s);
		fc_strip_html((const char *)data + 1, size - 1, hints[data[0] % 6], &s, &err);
		check(&s);
		fc_stripped_release(&s);
	}
	return 0;
}
