/* actors.c - figcheck-actors: who the stored text mentions, and names the pack lacks. */
#include <stdio.h>

#include "cli.h"

static const char usage[] =
	"usage: figcheck actors [--db FILE] [--unresolved]\n"
	"\n"
	"Print each actor of the pack that the extracted text mentions, with the\n"
	"number of mentions.  With --unresolved, print instead the person-like\n"
	"names (runs of capitalised words) that no actor or alias matched: what\n"
	"the pack is missing.  Tab-separated: name, mentions, an example source.\n"
	"\n"
	"  --db FILE      database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --unresolved   list names without an actor\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 4 system error.\n";

static int row(void *ctx, const char *name, int64_t count, const char *src)
{
	(void)ctx;
	printf("%s\t%lld\t%s\n", name ? name : "", (long long)count,
	       src ? src : "");
	return 0;
}

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-actors", .usage = usage };
	struct fc_store *st = NULL;
	struct fc_error err;
	int rc;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_UNRESOLVED)) >= 0)
		return rc;
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	if ((rc = fc_store_mentions_each(st, c.unresolved, row, NULL, &err)))
		fc_cli_fail(&c, rc, &err);
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
