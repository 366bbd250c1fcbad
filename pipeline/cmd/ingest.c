/* ingest.c - figcheck-ingest: bring files, directories and stdin into the database. */
#include <stdio.h>

#include "cli.h"
#include "ingest.h"

static const char usage[] =
	"usage: figcheck ingest [--db FILE] [--source NAME] [-q] PATH...\n"
	"\n"
	"Add documents to the database: plain-text files (with optional '---'\n"
	"front matter: url, source, title, author, published), HTML files,\n"
	"directories (recursively: .txt .text .html .htm .xhtml) and '-' for\n"
	"standard input.  A document already present (same content or URL) is\n"
	"skipped, so ingesting twice adds nothing.\n"
	"\n"
	"  --db FILE      database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --source NAME  outlet for documents that do not name one\n"
	"  -q, --quiet    no summary on stderr\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 3 some input was bad (the rest was ingested),\n"
	"4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-ingest", .usage = usage };
	struct fc_ingest_opts o = { NULL, fc_cli_diag, &c };
	struct fc_ingest_stats s;
	struct fc_store *st = NULL;
	struct fc_error err;
	int rc;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_SOURCE |
			       FC_OPT_ARGS | FC_OPT_NEED_ARGS)) >= 0)
		return rc;
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	o.source = c.source;
	rc = fc_ingest_paths(st, c.args, (size_t)c.nargs, &o, &s, &err);
	if (rc == FC_ESYS)
		fc_cli_fail(&c, rc, &err);
	if (!c.quiet)
		fprintf(stderr, "%s: %zu added, %zu already present, %zu failed\n",
			c.prog, s.added, s.duplicates, s.failed);
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
