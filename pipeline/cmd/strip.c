/* strip.c - figcheck-strip: turn pending documents into title, body and comment segments. */
#include <stdio.h>

#include "cli.h"
#include "stages.h"

static const char usage[] =
	"usage: figcheck strip [--db FILE] [--redo] [-q]\n"
	"\n"
	"Strip every document not yet stripped to its own text: the title, the\n"
	"article body (navigation, share bars, donation appeals and comment forms\n"
	"dropped) and each reader comment with its author.  HTML goes through\n"
	"libxml2; plain text gets the same segmentation.\n"
	"\n"
	"  --db FILE   database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --redo      strip every document again\n"
	"  -q, --quiet no summary on stderr\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 3 some documents could not be stripped\n"
	"(the rest were), 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-strip", .usage = usage };
	struct fc_stage_opts o = { 0 };
	struct fc_stage_stats s;
	struct fc_store *st = NULL;
	struct fc_error err;
	int rc;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_REDO)) >= 0)
		return rc;
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	o.redo = c.redo;
	o.diag = fc_cli_diag;
	o.diag_ctx = &c;
	rc = fc_stage_strip(st, &o, &s, &err);
	if (rc == FC_ESYS)
		fc_cli_fail(&c, rc, &err);
	if (!c.quiet)
		fprintf(stderr, "%s: %zu documents stripped into %zu segments, %zu failed\n",
			c.prog, s.done, s.items, s.failed);
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
