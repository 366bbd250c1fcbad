/* compare.c - figcheck-compare: find discrepancies between the stored claims. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "output.h"
#include "stages.h"

static const char usage[] =
	"usage: figcheck compare [--db FILE] [--pack DIR] [--fail-on SEVERITY] [-q]\n"
	"\n"
	"Compare every claim in the database and replace the discrepancy table\n"
	"with the findings: conflict (two sources that cannot both be right),\n"
	"superseded (an interim tally and a later figure), derived (a ratio,\n"
	"multiple or share that does not follow from the counts), arithmetic\n"
	"(parts that do not add up to their total in one document) and\n"
	"reference (a figure against the pack's reference data).\n"
	"\n"
	"  --db FILE           database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --pack DIR          topic pack (default: the one extract used)\n"
	"  --fail-on SEVERITY  exit 1 when a finding is this severe or worse\n"
	"                      (error, warning or info)\n"
	"  -q, --quiet         no summary on stderr\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 1 findings at --fail-on severity, 2 usage,\n"
	"3 bad input data (the pack), 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-compare", .usage = usage };
	struct fc_stage_opts o = { 0 };
	struct fc_stage_stats s = { 0 };
	struct fc_store *st = NULL;
	struct fc_error err;
	char *owned = NULL;
	size_t n = 0;
	int rc;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_PACK |
			       FC_OPT_FAIL_ON)) >= 0)
		return rc;
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	o.packdir = fc_cli_pack(&c, st, &owned);
	if ((rc = fc_stage_compare(st, &o, &s, &err))) {
		fc_cli_fail(&c, rc, &err);
	} else {
		if (!c.quiet)
			fprintf(stderr, "%s: %zu claims compared, %zu findings\n",
				c.prog, s.done, s.items);
		if (c.fail_on && (rc = fc_findings_at_least(st, c.fail_on, &n, &err)))
			fc_cli_fail(&c, rc, &err);
		else if (n)
			rc = FC_FOUND;
	}
	free(owned);
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
