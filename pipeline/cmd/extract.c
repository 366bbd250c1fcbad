/* extract.c - figcheck-extract: sentences, actor mentions, figures and claims. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "stages.h"

static const char usage[] =
	"usage: figcheck extract [--db FILE] [--pack DIR] [--data DIR] [--redo] [-j N] [-q]\n"
	"\n"
	"Find every figure in the stripped text of each pending document, link\n"
	"it to the actor, metric, speaker and period it is about, and store it\n"
	"as a claim with its sentence and byte offsets.  The pack is remembered\n"
	"in the database for compare, report and later runs.\n"
	"\n"
	"  --db FILE    database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --pack DIR   topic pack (actors, metrics, reference, sources, rules)\n"
	"  --data DIR   generic rules directory (default: the installed rules)\n"
	"  --redo       extract every document again (after changing rules)\n"
	"  -j, --jobs N extraction threads, 1 to 256 (default: one per online\n"
	"               CPU); the rows written are the same for any N\n"
	"  -q, --quiet  no summary on stderr\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 3 bad input data (a document or a rule\n"
	"file), 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-extract", .usage = usage };
	struct fc_stage_opts o = { 0 };
	struct fc_stage_stats s = { 0 };
	struct fc_store *st = NULL;
	struct fc_error err;
	char *owned = NULL, abs[PATH_MAX];
	int rc;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_PACK |
			       FC_OPT_DATA | FC_OPT_REDO | FC_OPT_JOBS)) >= 0)
		return rc;
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	o.redo = c.redo;
	o.jobs = (size_t)c.jobs;
	o.datadir = fc_cli_datadir(&c);
	o.packdir = fc_cli_pack(&c, st, &owned);
	o.diag = fc_cli_diag;
	o.diag_ctx = &c;
	/* A different pack changes what every claim means: redo them all. */
	if (c.pack) {
		char *prev = NULL;

		if (!realpath(c.pack, abs)) {
			fc_cli_error(&c, "cannot use pack '%s': %s", c.pack,
				     strerror(errno));
			fc_store_close(st);
			return FC_EUSAGE;
		}
		if (fc_store_meta_get(st, "pack", &prev, &err) == FC_OK && prev &&
		    strcmp(prev, abs) != 0)
			o.redo = 1;
		free(prev);
	}
	rc = fc_stage_extract(st, &o, &s, &err);
	if (rc == FC_ESYS)
		fc_cli_fail(&c, rc, &err);
	if (rc != FC_ESYS && c.pack && fc_store_meta_set(st, "pack", abs, &err))
		rc = fc_cli_fail(&c, FC_ESYS, &err);
	if (!c.quiet)
		fprintf(stderr, "%s: %zu documents, %zu claims, %zu failed\n",
			c.prog, s.done, s.items, s.failed);
	free(owned);
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
