/* number.h - numbers as news writes them: digits, words, scales, fractions, ordinals. */
#ifndef FC_NUMBER_H
#define FC_NUMBER_H

#include <stddef.h>

/*
 * A parsed number.  quantum is the place of the last written digit ("285"
 * -> 1, "1.2 million" -> 100000, "three hundred" -> 100); it is 0 when the
 * words are exact ("half", "two-thirds", "doubled").  sig is the place of
 * the last non-zero digit ("300" -> 100, "285" -> 1); it equals quantum
 * except for whole numbers written with trailing zeros.
 */
struct fc_number {
	double value;
	double quantum;
	double sig;
	unsigned char lower_only;	/* "hundreds of": value is only a lower bound */
	unsigned char ordinal;		/* "fourth", "8th", "twenty-first" */
	unsigned char fraction;		/* "two-thirds", "3/4", "half" */
	unsigned char multiplier;	/* "twice", "doubled", "halved", "threefold" */
};

/*
 * Parse s[0..n) as one number: "1,234", "1 234", "-9.5", "1.2 million",
 * "3bn", "5k", "two hundred and eighty-five", "a dozen", "half a dozen",
 * "two-thirds", "2 1/4", "½", "hundreds", "tens of thousands", "eighth",
 * "31st", "twice", "doubled".  Surrounding white space is ignored.
 * Returns 0 and fills *out, or -1 if s is not a number this parser knows.
 */
int fc_number_parse(const char *s, size_t n, struct fc_number *out);

/*
 * The currency named by s[0..n) ("£", "$", "US$", "€", "pounds", "euros",
 * "dollars", "yen", ...) as an ISO 4217 code, or NULL.
 */
const char *fc_currency_code(const char *s, size_t n);

#endif
