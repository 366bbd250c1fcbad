/* test_number.c - table-driven tests of number normalisation and bounds: phrase -> value, low, high, openness, unit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "figure.h"
#include "number.h"
#include "rules.h"
#include "util.h"

#define NONE (-1)

/* One phrase and the first figure it must give (unit NONE: no figure at all). */
struct phrase_case {
	const char *text;
	double value, low, high;
	int low_open, high_open;
	int unit;
};

static const struct phrase_case cases[] = {
	{ "285 constituency Labour Parties", 285, 284.5, 285.5, 0, 1, FC_UNIT_COUNT },
	{ "just under 300 local parties", 300, 270.0, 300.0, 0, 1, FC_UNIT_COUNT },
	{ "almost 7 to 1", 7, 6.5, 7.0, 0, 1, FC_UNIT_RATIO },
	{ "more than five times as many", 5, 5.0, INFINITY, 1, 1, FC_UNIT_MULTIPLE },
	{ "84 per cent", 84, 83.5, 84.5, 0, 1, FC_UNIT_PERCENT },
	{ "1.2 million", 1200000, 1150000.0, 1250000.0, 0, 1, FC_UNIT_COUNT },
	{ "£3bn", 3000000000, 2500000000.0, 3500000000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "$1.5m", 1500000, 1450000.0, 1550000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "€4.2bn", 4200000000, 4150000000.0, 4250000000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "£25 supporters", 25, 24.5, 25.5, 0, 1, FC_UNIT_CURRENCY },
	{ "5k", 5000, 4500.0, 5500.0, 0, 1, FC_UNIT_COUNT },
	{ "1,234", 1234, 1233.5, 1234.5, 0, 1, FC_UNIT_COUNT },
	{ "1 234", 1234, 1233.5, 1234.5, 0, 1, FC_UNIT_COUNT },
	{ "12,000-strong crowd", 12000, 11999.5, 12000.5, 0, 1, FC_UNIT_COUNT },
	{ "two hundred and eighty-five", 285, 284.5, 285.5, 0, 1, FC_UNIT_COUNT },
	{ "a dozen", 12, 11.5, 12.5, 0, 1, FC_UNIT_COUNT },
	{ "half a dozen", 6, 5.5, 6.5, 0, 1, FC_UNIT_COUNT },
	{ "a couple of", 2, 1.5, 2.5, 0, 1, FC_UNIT_COUNT },
	{ "hundreds of people", 200, 200.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "thousands of people", 2000, 2000.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "tens of thousands of people", 20000, 20000.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "hundreds of thousands of people", 200000, 200000.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "two-thirds of members", 0.666666666667, 0.666666666667, 0.666666666667, 0, 0, FC_UNIT_FRACTION },
	{ "a quarter of MPs", 0.25, 0.25, 0.25, 0, 0, FC_UNIT_FRACTION },
	{ "half of the members", 0.5, 0.5, 0.5, 0, 0, FC_UNIT_FRACTION },
	{ "more than half", 0.5, 0.5, INFINITY, 1, 1, FC_UNIT_FRACTION },
	{ "fourth-bottom", 4, 4.0, 4.0, 0, 0, FC_UNIT_RANK },
	{ "finished eighth", 8, 8.0, 8.0, 0, 0, FC_UNIT_RANK },
	{ "the third and fourth biggest", 3, 3.0, 3.0, 0, 0, FC_UNIT_RANK },
	{ "59.5%", 59.5, 59.45, 59.55, 0, 1, FC_UNIT_PERCENT },
	{ "15%", 15, 14.5, 15.5, 0, 1, FC_UNIT_PERCENT },
	{ "less than 50%", 50, 0.0, 50.0, 0, 1, FC_UNIT_PERCENT },
	{ "over 90 per cent", 90, 90.0, INFINITY, 1, 1, FC_UNIT_PERCENT },
	{ "only 4 per cent", 4, 3.5, 4.5, 0, 1, FC_UNIT_PERCENT },
	{ "around 200,000 members", 200000, 180000.0, 220000.0, 0, 0, FC_UNIT_COUNT },
	{ "500,000 members", 500000, 499999.5, 500000.5, 0, 1, FC_UNIT_COUNT },
	{ "between 7 and 15 per cent", 11, 7.0, 15.0, 0, 0, FC_UNIT_PERCENT },
	{ "7-15%", 11, 7.0, 15.0, 0, 0, FC_UNIT_PERCENT },
	{ "from 51 to 285", 168, 51.0, 285.0, 0, 0, FC_UNIT_COUNT },
	{ "1-100 (a 99% chance)", 0.01, 0.01, 0.01, 0, 0, FC_UNIT_ODDS },
	{ "3 percentage points", 3, 2.5, 3.5, 0, 1, FC_UNIT_PPOINT },
	{ "7:1", 7, 6.5, 7.5, 0, 1, FC_UNIT_RATIO },
	{ "by a ratio of 3 to 1", 3, 2.5, 3.5, 0, 1, FC_UNIT_RATIO },
	{ "five times as many", 5, 4.5, 5.5, 0, 1, FC_UNIT_MULTIPLE },
	{ "more than doubled", 2, 2.0, INFINITY, 1, 1, FC_UNIT_MULTIPLE },
	{ "halved", 0.5, 0.5, 0.5, 0, 0, FC_UNIT_MULTIPLE },
	{ "doubled", 2, 2.0, 2.0, 0, 0, FC_UNIT_MULTIPLE },
	{ "twice as many", 2, 2.0, 2.0, 0, 0, FC_UNIT_MULTIPLE },
	{ "threefold", 3, 2.5, 3.5, 0, 1, FC_UNIT_MULTIPLE },
	{ "at least 20", 20, 20.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "up to 700", 700, 0.0, 700.0, 0, 0, FC_UNIT_COUNT },
	{ "fewer than a thousand", 1000, 0.0, 1000.0, 0, 1, FC_UNIT_COUNT },
	{ "no more than 50", 50, 0.0, 50.0, 0, 0, FC_UNIT_COUNT },
	{ "nearly 300", 300, 250.0, 300.0, 0, 1, FC_UNIT_COUNT },
	{ "about 40", 40, 36.0, 44.0, 0, 0, FC_UNIT_COUNT },
	{ "some 3,000 people", 3000, 2700.0, 3300.0, 0, 0, FC_UNIT_COUNT },
	{ "roughly 12", 12, 10.8, 13.2, 0, 0, FC_UNIT_COUNT },
	{ "an estimated 1.5 million", 1500000, 1350000.0, 1650000.0, 0, 0, FC_UNIT_COUNT },
	{ "approximately 80%", 80, 72.0, 88.0, 0, 0, FC_UNIT_PERCENT },
	{ "just over 100", 100, 100.0, 110.0, 1, 0, FC_UNIT_COUNT },
	{ "well over 100", 100, 100.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "in excess of 500", 500, 500.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "at most 10", 10, 0.0, 10.0, 0, 0, FC_UNIT_COUNT },
	{ "exactly 42", 42, 42.0, 42.0, 0, 0, FC_UNIT_COUNT },
	{ "precisely 7", 7, 7.0, 7.0, 0, 0, FC_UNIT_COUNT },
	{ "one in five voters", 0.2, 0.2, 0.2, 0, 0, FC_UNIT_FRACTION },
	{ "two out of three voters", 0.666666666667, 0.666666666667, 0.666666666667, 0, 0, FC_UNIT_FRACTION },
	{ "three quarters", 0.75, 0.75, 0.75, 0, 0, FC_UNIT_FRACTION },
	{ "one and a half", 1.5, 1.5, 1.5, 0, 0, FC_UNIT_FRACTION },
	{ "five and a half million", 5500000, 5500000.0, 5500000.0, 0, 0, FC_UNIT_COUNT },
	{ "nine point nought four", 9.04, 9.035, 9.045, 0, 1, FC_UNIT_COUNT },
	{ "twenty-one", 21, 20.5, 21.5, 0, 1, FC_UNIT_COUNT },
	{ "ninety-nine", 99, 98.5, 99.5, 0, 1, FC_UNIT_COUNT },
	{ "one hundred", 100, 50.0, 150.0, 0, 1, FC_UNIT_COUNT },
	{ "one thousand", 1000, 500.0, 1500.0, 0, 1, FC_UNIT_COUNT },
	{ "a million", 1000000, 500000.0, 1500000.0, 0, 1, FC_UNIT_COUNT },
	{ "a hundred", 100, 50.0, 150.0, 0, 1, FC_UNIT_COUNT },
	{ "ten million", 10000000, 9500000.0, 10500000.0, 0, 1, FC_UNIT_COUNT },
	{ "3 million", 3000000, 2500000.0, 3500000.0, 0, 1, FC_UNIT_COUNT },
	{ "2.5bn", 2500000000, 2450000000.0, 2550000000.0, 0, 1, FC_UNIT_COUNT },
	{ "£1m", 1000000, 500000.0, 1500000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "$20", 20, 19.5, 20.5, 0, 1, FC_UNIT_CURRENCY },
	{ "US$ 1MM", 1000000, 500000.0, 1500000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "400 euros", 400, 399.5, 400.5, 0, 1, FC_UNIT_CURRENCY },
	{ "two million pounds", 2000000, 1500000.0, 2500000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "-5", -5, -5.5, -4.5, 0, 1, FC_UNIT_COUNT },
	{ "minus five", -5, -5.5, -4.5, 0, 1, FC_UNIT_COUNT },
	{ "-9.5", -9.5, -9.55, -9.45, 0, 1, FC_UNIT_COUNT },
	{ "0.08", 0.08, 0.075, 0.085, 0, 1, FC_UNIT_COUNT },
	{ ".5", 0.5, 0.45, 0.55, 0, 1, FC_UNIT_COUNT },
	{ "1,000,000", 1000000, 999999.5, 1000000.5, 0, 1, FC_UNIT_COUNT },
	{ "1 000 000", 1000000, 999999.5, 1000000.5, 0, 1, FC_UNIT_COUNT },
	{ "12,34,567", 1234567, 1234566.5, 1234567.5, 0, 1, FC_UNIT_COUNT },
	{ "3/4", 0.75, 0.75, 0.75, 0, 0, FC_UNIT_FRACTION },
	{ "2 1/4", 2.25, 2.25, 2.25, 0, 0, FC_UNIT_FRACTION },
	{ "½", 0.5, 0.5, 0.5, 0, 0, FC_UNIT_FRACTION },
	{ "¾", 0.75, 0.75, 0.75, 0, 0, FC_UNIT_FRACTION },
	{ "a fifth", 0.2, 0.2, 0.2, 0, 0, FC_UNIT_FRACTION },
	{ "one eighth", 0.125, 0.125, 0.125, 0, 0, FC_UNIT_FRACTION },
	{ "five eighths", 0.625, 0.625, 0.625, 0, 0, FC_UNIT_FRACTION },
	{ "twenty fifths", 4, 4.0, 4.0, 0, 0, FC_UNIT_FRACTION },
	{ "seventy", 70, 69.5, 70.5, 0, 1, FC_UNIT_COUNT },
	{ "sixteen", 16, 15.5, 16.5, 0, 1, FC_UNIT_COUNT },
	{ "zero", 0, -0.5, 0.5, 0, 1, FC_UNIT_COUNT },
	{ "nought", 0, -0.5, 0.5, 0, 1, FC_UNIT_COUNT },
	{ "nil", 0, 0, 0, 0, 0, NONE },
	{ "eleven", 11, 10.5, 11.5, 0, 1, FC_UNIT_COUNT },
	{ "twelve", 12, 11.5, 12.5, 0, 1, FC_UNIT_COUNT },
	{ "nineteen", 19, 18.5, 19.5, 0, 1, FC_UNIT_COUNT },
	{ "forty-two", 42, 41.5, 42.5, 0, 1, FC_UNIT_COUNT },
	{ "fifty - two", 52, 51.5, 52.5, 0, 1, FC_UNIT_COUNT },
	{ "three hundred and thirty one", 331, 330.5, 331.5, 0, 1, FC_UNIT_COUNT },
	{ "two hundred and two thousand", 202000, 201500.0, 202500.0, 0, 1, FC_UNIT_COUNT },
	{ "twenty-one trillion", 21000000000000, 20500000000000.0, 21500000000000.0, 0, 1, FC_UNIT_COUNT },
	{ "1.2b", 1200000000, 1150000000.0, 1250000000.0, 0, 1, FC_UNIT_COUNT },
	{ "10M", 10000000, 9500000.0, 10500000.0, 0, 1, FC_UNIT_COUNT },
	{ "2mil", 2000000, 1500000.0, 2500000.0, 0, 1, FC_UNIT_COUNT },
	{ "3 dozens", 36, 35.5, 36.5, 0, 1, FC_UNIT_COUNT },
	{ "three dozen", 36, 35.5, 36.5, 0, 1, FC_UNIT_COUNT },
	{ "a couple of hundred", 200, 150.0, 250.0, 0, 1, FC_UNIT_COUNT },
	{ "more than 30", 30, 30.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "over thirty", 30, 30.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "under 170", 170, 0.0, 170.0, 0, 1, FC_UNIT_COUNT },
	/* gaps the claim layer found on real text */
	{ "fewer than 300 members", 300, 0.0, 300.0, 0, 1, FC_UNIT_COUNT },
	{ "less than 50% of members", 50, 0.0, 50.0, 0, 1, FC_UNIT_PERCENT },
	{ "nine in ten members", 0.9, 0.9, 0.9, 0, 0, FC_UNIT_FRACTION },
	{ "Nine out of ten", 0.9, 0.9, 0.9, 0, 0, FC_UNIT_FRACTION },
	{ "for six months", 0, 0, 0, 0, 0, NONE },
	{ "for the second time in 11 months", 0, 0, 0, 0, 0, NONE },
	{ "over the past 14 years", 0, 0, 0, 0, 0, NONE },
	{ "six strike days", 6, 5.5, 6.5, 0, 1, FC_UNIT_COUNT },
	{ "We want 5,000 people there", 0, 0, 0, 0, 0, NONE },
	{ "aims to recruit 1,000", 0, 0, 0, 0, 0, NONE },
	{ "hopes to raise £2m", 0, 0, 0, 0, 0, NONE },
	{ "they shouldn't have one.", 0, 0, 0, 0, 0, NONE },
	{ "One of the candidates", 0, 0, 0, 0, 0, NONE },
	{ "the two biggest", 0, 0, 0, 0, 0, NONE },
	{ "below 170", 170, 0.0, 170.0, 0, 1, FC_UNIT_COUNT },
	{ "above 1000", 1000, 1000.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "greater than 4,565", 4565, 4565.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "no less than 30", 30, 30.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "not less than 30", 30, 30.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "at least or equal to 30", 30, 30.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "less than or equal to 30", 30, 0.0, 30.0, 0, 0, FC_UNIT_COUNT },
	{ "five hundred or more", 500, 500.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "five hundred or less", 500, 0.0, 500.0, 0, 0, FC_UNIT_COUNT },
	{ "200 or greater", 200, 200.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "or so", 0, 0, 0, 0, 0, NONE },
	{ "40 or so", 40, 36.0, 44.0, 0, 0, FC_UNIT_COUNT },
	{ "300-plus", 300, 300.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "60 plus", 60, 60.0, INFINITY, 0, 1, FC_UNIT_COUNT },
	{ "some 2000 people", 2000, 1800.0, 2200.0, 0, 0, FC_UNIT_COUNT },
	{ "eight trade unions", 8, 7.5, 8.5, 0, 1, FC_UNIT_COUNT },
	{ "six bookmakers", 6, 5.5, 6.5, 0, 1, FC_UNIT_COUNT },
	{ "six months", 6, 5.5, 6.5, 0, 1, FC_UNIT_COUNT },
	{ "11 months", 11, 10.5, 11.5, 0, 1, FC_UNIT_COUNT },
	{ "only one candidate", 1, 0.5, 1.5, 0, 1, FC_UNIT_COUNT },
	{ "10 MP's", 10, 9.5, 10.5, 0, 1, FC_UNIT_COUNT },
	{ "240", 240, 239.5, 240.5, 0, 1, FC_UNIT_COUNT },
	{ "41", 41, 40.5, 41.5, 0, 1, FC_UNIT_COUNT },
	{ "271 nominations", 271, 270.5, 271.5, 0, 1, FC_UNIT_COUNT },
	{ "53 who nominated", 53, 52.5, 53.5, 0, 1, FC_UNIT_COUNT },
	{ "4 trade unions", 4, 3.5, 4.5, 0, 1, FC_UNIT_COUNT },
	{ "twice", 0, 0, 0, 0, 0, NONE },
	{ "second largest union", 2, 2.0, 2.0, 0, 0, FC_UNIT_RANK },
	{ "came second", 2, 2.0, 2.0, 0, 0, FC_UNIT_RANK },
	{ "finished first", 1, 1.0, 1.0, 0, 0, FC_UNIT_RANK },
	{ "in eighth place", 8, 8.0, 8.0, 0, 0, FC_UNIT_RANK },
	{ "third place", 3, 3.0, 3.0, 0, 0, FC_UNIT_RANK },
	{ "fifth from bottom", 5, 5.0, 5.0, 0, 0, FC_UNIT_RANK },
	{ "last year's 59.5%", 59.5, 59.45, 59.55, 0, 1, FC_UNIT_PERCENT },
	{ "in 2015, 20%", 20, 19.5, 20.5, 0, 1, FC_UNIT_PERCENT },
	{ "almost one in five", 0.2, 0.19, 0.2, 0, 1, FC_UNIT_FRACTION },
	{ "more than one in three", 0.333333333333, 0.333333333333, INFINITY, 1, 1, FC_UNIT_FRACTION },
	{ "nearly half", 0.5, 0.475, 0.5, 0, 1, FC_UNIT_FRACTION },
	{ "almost doubled", 2, 1.9, 2.0, 0, 1, FC_UNIT_MULTIPLE },
	{ "around a third", 0.333333333333, 0.3, 0.366666666667, 0, 0, FC_UNIT_FRACTION },
	{ "about two-thirds", 0.666666666667, 0.6, 0.733333333333, 0, 0, FC_UNIT_FRACTION },
	{ "roughly a quarter", 0.25, 0.225, 0.275, 0, 0, FC_UNIT_FRACTION },
	{ "just under half", 0.5, 0.45, 0.5, 0, 1, FC_UNIT_FRACTION },
	{ "over 1,000", 1000, 1000.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "well under 5,000", 5000, 0.0, 5000.0, 0, 1, FC_UNIT_COUNT },
	{ "just below 50%", 50, 45.0, 50.0, 0, 1, FC_UNIT_PERCENT },
	{ "slightly less than 10", 10, 9.0, 10.0, 0, 1, FC_UNIT_COUNT },
	{ "slightly more than 10", 10, 10.0, 11.0, 1, 0, FC_UNIT_COUNT },
	{ "as many as 300", 300, 270.0, 300.0, 0, 0, FC_UNIT_COUNT },
	{ "upwards of 500", 500, 500.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "exceeding 150", 150, 150.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "more than 20, above 170", 20, 20.0, INFINITY, 1, 1, FC_UNIT_COUNT },
	{ "between 20 and 30", 25, 20.0, 30.0, 0, 0, FC_UNIT_COUNT },
	{ "between 2,000 and 3,000 people", 2500, 2000.0, 3000.0, 0, 0, FC_UNIT_COUNT },
	{ "from 5% to 7%", 6, 5.0, 7.0, 0, 0, FC_UNIT_PERCENT },
	{ "1000-5000", 3000, 1000.0, 5000.0, 0, 0, FC_UNIT_COUNT },
	{ "1000 – 5000", 3000, 1000.0, 5000.0, 0, 0, FC_UNIT_COUNT },
	{ "5k-20k", 12500, 5000.0, 20000.0, 0, 0, FC_UNIT_COUNT },
	{ "20~100", 60, 20.0, 100.0, 0, 0, FC_UNIT_COUNT },
	{ "two or three candidates", 2.5, 2.0, 3.0, 0, 0, FC_UNIT_COUNT },
	{ "more than 10 and less than 20", 15, 10.0, 20.0, 1, 1, FC_UNIT_COUNT },
	{ "at most 100 and at least 20", 60, 20.0, 100.0, 0, 0, FC_UNIT_COUNT },
	{ "a 3.5 percentage point lead", 3.5, 3.45, 3.55, 0, 1, FC_UNIT_PPOINT },
	{ "12 points ahead", 12, 11.5, 12.5, 0, 1, FC_UNIT_PPOINT },
	{ "odds of 5/1", 5, 5.0, 5.0, 0, 0, FC_UNIT_ODDS },
	{ "a 12-1 outsider", 12, 12.0, 12.0, 0, 0, FC_UNIT_ODDS },
	{ "3:2", 1.5, 1.5, 1.5, 0, 0, FC_UNIT_RATIO },
	{ "2 to 1", 2, 1.5, 2.5, 0, 1, FC_UNIT_RATIO },
	{ "almost 2 to 1", 2, 1.5, 2.0, 0, 1, FC_UNIT_RATIO },
	{ "more than 2 to 1", 2, 2.0, INFINITY, 1, 1, FC_UNIT_RATIO },
	{ "0.5%", 0.5, 0.45, 0.55, 0, 1, FC_UNIT_PERCENT },
	{ "100%", 100, 99.5, 100.5, 0, 1, FC_UNIT_PERCENT },
	{ "240 percent", 240, 239.5, 240.5, 0, 1, FC_UNIT_PERCENT },
	{ "twenty percent", 20, 19.5, 20.5, 0, 1, FC_UNIT_PERCENT },
	{ "one hundred percents", 100, 50.0, 150.0, 0, 1, FC_UNIT_PERCENT },
	{ "1e3", 0, 0, 0, 0, 0, NONE },
	{ "-1.5%", -1.5, -1.55, -1.45, 0, 1, FC_UNIT_PERCENT },
	{ "£1.2bn", 1200000000, 1150000000.0, 1250000000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "£500", 500, 499.5, 500.5, 0, 1, FC_UNIT_CURRENCY },
	{ "50,000 marchers", 50000, 49999.5, 50000.5, 0, 1, FC_UNIT_COUNT },
	{ "12,000 police", 12000, 11999.5, 12000.5, 0, 1, FC_UNIT_COUNT },
	{ "2.3 million", 2300000, 2250000.0, 2350000.0, 0, 1, FC_UNIT_COUNT },
	{ "£3.5 billion", 3500000000, 3450000000.0, 3550000000.0, 0, 1, FC_UNIT_CURRENCY },
	{ "hundred", 0, 0, 0, 0, 0, NONE },
};

static struct fc_engine *engine;

static int near(double a, double b)
{
	if (isinf(a) || isinf(b))
		return a == b;
	return fabs(a - b) <= 1e-9 * fabs(b) + 1e-9;
}

static int setup(void **state)
{
	struct fc_error err;
	const char *d = getenv("FIGCHECK_DATADIR");

	(void)state;
	if (fc_engine_load(d && *d ? d : "extractors", NULL, &engine, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fc_engine_free(engine);
	return 0;
}

static void test_phrases(void **state)
{
	size_t i, bad = 0, n = sizeof(cases) / sizeof(cases[0]);

	(void)state;
	assert_true(n >= 200);
	for (i = 0; i < n; i++) {
		const struct phrase_case *c = &cases[i];
		struct fc_figure_list l;
		struct fc_error err;
		int limited = 0;

		fc_figure_list_init(&l);
		assert_int_equal(fc_engine_scan(engine, c->text, strlen(c->text), "2016-08-15", &l,
						 &limited, &err), FC_OK);
		if (c->unit == NONE) {
			if (l.n) {
				fprintf(stderr, "'%s': expected no figure, got %zu\n", c->text, l.n);
				bad++;
			}
		} else if (!l.n || !near(l.v[0].value, c->value) || !near(l.v[0].low, c->low) ||
			   !near(l.v[0].high, c->high) || l.v[0].low_open != c->low_open ||
			   l.v[0].high_open != c->high_open || (int)l.v[0].unit != c->unit) {
			struct fc_buf b = FC_BUF_INIT;

			if (l.n)
				fc_figure_interval(&l.v[0], &b);
			fprintf(stderr, "'%s': expected %g %s %c%g,%g%c, got %s %g %s\n", c->text,
				c->value, fc_unit_name((enum fc_unit)c->unit), c->low_open ? '(' : '[',
				c->low, c->high, c->high_open ? ')' : ']', l.n ? "" : "nothing",
				l.n ? l.v[0].value : 0, b.data ? b.data : "");
			fc_buf_release(&b);
			bad++;
		}
		fc_figure_list_release(&l);
	}
	fprintf(stderr, "%zu phrases, %zu wrong\n", n, bad);
	assert_int_equal(bad, 0);
}

/* The parser alone: value, quantum (place of the last digit) and flags. */
struct parse_case {
	const char *text;
	int ok;
	double value, quantum, sig;
	int lower_only, ordinal, fraction;
};

static const struct parse_case parses[] = {
	{ "285", 1, 285, 1, 1, 0, 0, 0 },
	{ "300", 1, 300, 1, 100, 0, 0, 0 },
	{ "59.5", 1, 59.5, 0.1, 0.1, 0, 0, 0 },
	{ "1.2 million", 1, 1.2e6, 1e5, 1e5, 0, 0, 0 },
	{ "3bn", 1, 3e9, 1e9, 1e9, 0, 0, 0 },
	{ "two hundred and eighty-five", 1, 285, 1, 1, 0, 0, 0 },
	{ "three hundred", 1, 300, 100, 100, 0, 0, 0 },
	{ "hundreds", 1, 200, 0, 0, 1, 0, 0 },
	{ "tens of thousands", 1, 20000, 0, 0, 1, 0, 0 },
	{ "eighth", 1, 8, 1, 1, 0, 1, 0 },
	{ "31st", 1, 31, 1, 1, 0, 1, 0 },
	{ "twenty-first", 1, 21, 1, 1, 0, 1, 0 },
	{ "two-thirds", 1, 2.0 / 3, 0, 0, 0, 0, 1 },
	{ "a quarter", 1, 0.25, 0, 0, 0, 0, 1 },
	{ "half a dozen", 1, 6, 1, 1, 0, 0, 0 },
	{ "a couple", 1, 2, 1, 1, 0, 0, 0 },
	{ "one and a half", 1, 1.5, 0, 0, 0, 0, 1 },
	{ "1 234 567", 1, 1234567, 1, 1, 0, 0, 0 },
	{ "twice", 1, 2, 0, 0, 0, 0, 0 },
	{ "minus five", 1, -5, 1, 1, 0, 0, 0 },
	{ "three lakh crore", 1, 3e12, 1e12, 1e12, 0, 0, 0 },
	{ "banana", 0, 0, 0, 0, 0, 0, 0 },
	{ "three four", 0, 0, 0, 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0, 0, 0, 0 },
	{ "a", 0, 0, 0, 0, 0, 0, 0 },
};

static void test_parse(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(parses) / sizeof(parses[0]); i++) {
		const struct parse_case *c = &parses[i];
		struct fc_number n;
		int rc = fc_number_parse(c->text, strlen(c->text), &n);

		if (!c->ok) {
			if (rc == 0)
				fail_msg("'%s': parsed as %g, expected no number", c->text, n.value);
			continue;
		}
		if (rc != 0)
			fail_msg("'%s': not parsed", c->text);
		if (!near(n.value, c->value) || !near(n.quantum, c->quantum) || !near(n.sig, c->sig) ||
		    n.lower_only != c->lower_only || n.ordinal != c->ordinal || n.fraction != c->fraction)
			fail_msg("'%s': got %g q=%g s=%g lower=%d ord=%d frac=%d", c->text, n.value,
				 n.quantum, n.sig, n.lower_only, n.ordinal, n.fraction);
	}
}

static void test_currency(void **state)
{
	(void)state;
	assert_string_equal(fc_currency_code("£", strlen("£")), "GBP");
	assert_string_equal(fc_currency_code("US$", 3), "USD");
	assert_string_equal(fc_currency_code("euros", 5), "EUR");
	assert_null(fc_currency_code("bananas", 7));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_currency),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
