/* claims.c - figcheck-claims: export the stored claims, one record a line. */
#include "cli.h"

static const char usage[] =
	"usage: figcheck claims [--db FILE] [--format jsonl|csv]\n"
	"\n"
	"Print every claim, one record a line: id, doc, origin, source, url,\n"
	"published, segment, speaker, subject, object, metric, period, value,\n"
	"low, high, interval, unit, hedge, qualifier, noun, role, quote, start,\n"
	"end (byte offsets of the quoted sentence in the segment text), figure,\n"
	"figure_start, figure_end, segment_id, rule.  Unbounded ends are null.\n"
	"\n"
	"  --db FILE      database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --format FMT   jsonl (default; UTF-8 JSON, one record a line) or csv\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-claims", .usage = usage };

	return fc_cli_export(&c, argc, argv, fc_export_claims);
}
