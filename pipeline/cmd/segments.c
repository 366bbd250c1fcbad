/* segments.c - figcheck-segments: export the stored segments, one record a line. */
#include "cli.h"

static const char usage[] =
	"usage: figcheck segments [--db FILE] [--format jsonl|csv]\n"
	"\n"
	"Print the stripped text, one segment a line: doc, segment_id, origin,\n"
	"url, source, kind (title, body or comment), author, text.\n"
	"\n"
	"  --db FILE      database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --format FMT   jsonl (default; UTF-8 JSON, one record a line) or csv\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-segments", .usage = usage };

	return fc_cli_export(&c, argc, argv, fc_export_segments);
}
