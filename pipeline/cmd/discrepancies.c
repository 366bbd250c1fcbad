/* discrepancies.c - figcheck-discrepancies: export the stored discrepancies, one record a line. */
#include "cli.h"

static const char usage[] =
	"usage: figcheck discrepancies [--db FILE] [--format jsonl|csv]\n"
	"\n"
	"Print every finding of the last compare, one record a line: id, kind,\n"
	"severity, subject, metric, claims (ids), expected, observed,\n"
	"explanation.\n"
	"\n"
	"  --db FILE      database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --format FMT   jsonl (default; UTF-8 JSON, one record a line) or csv\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-discrepancies", .usage = usage };

	return fc_cli_export(&c, argc, argv, fc_export_discrepancies);
}
