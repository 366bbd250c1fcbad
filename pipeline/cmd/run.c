/* run.c - figcheck-run: ingest, strip, extract, compare and report in one go. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "ingest.h"
#include "output.h"
#include "stages.h"

static const char usage[] =
	"usage: figcheck run [--db FILE] [--pack DIR] [--source NAME] [--format FMT]\n"
	"                    [-o FILE] [--fail-on SEVERITY] [-q] PATH...\n"
	"\n"
	"Run the whole pipeline: ingest PATH... (files, directories, '-'), strip,\n"
	"extract, compare, and print the discrepancy report.  Every stage does\n"
	"only its pending work, so running again over the same inputs changes\n"
	"nothing.  Without --pack, a 'pack' directory inside a PATH is used.\n"
	"\n"
	"  --db FILE           database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --pack DIR          topic pack\n"
	"  --data DIR          generic rules directory\n"
	"  --source NAME       outlet for documents that do not name one\n"
	"  --format FMT        report format: text, md, html, csv or json\n"
	"  -o, --output FILE   write the report there\n"
	"  --fail-on SEVERITY  exit 1 when a finding is this severe or worse\n"
	"  -q, --quiet         no stage summaries on stderr\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 1 findings at --fail-on severity, 2 usage, 3 some\n"
	"input was bad (the rest was processed), 4 system error.\n";

/* A PATH that is a directory with a pack inside names its own pack. */
static const char *find_pack(struct fc_cli *c, char *buf, size_t n)
{
	struct stat sb;
	int i;

	for (i = 0; i < c->nargs; i++) {
		snprintf(buf, n, "%s/pack/actors.tsv", c->args[i]);
		if (stat(buf, &sb) == 0) {
			snprintf(buf, n, "%s/pack", c->args[i]);
			return buf;
		}
	}
	return NULL;
}

static void summary(const struct fc_cli *c, const char *what,
		    const struct fc_stage_stats *s, const char *items)
{
	if (!c->quiet)
		fprintf(stderr, "%s: %s: %zu documents, %zu %s, %zu failed\n",
			c->prog, what, s->done, s->items, items, s->failed);
}

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-run", .usage = usage };
	struct fc_ingest_opts io = { NULL, fc_cli_diag, &c };
	struct fc_ingest_stats is;
	struct fc_stage_opts o = { 0 };
	struct fc_stage_stats s;
	struct fc_store *st = NULL;
	struct fc_error err;
	char packbuf[PATH_MAX], abs[PATH_MAX];
	FILE *out = stdout;
	int rc, worst = FC_OK, fmt = FC_FMT_TEXT;
	size_t n = 0;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_PACK |
			       FC_OPT_DATA | FC_OPT_SOURCE | FC_OPT_FORMAT |
			       FC_OPT_OUTPUT | FC_OPT_FAIL_ON | FC_OPT_ARGS |
			       FC_OPT_NEED_ARGS)) >= 0)
		return rc;
	if (c.format && ((fmt = fc_format_parse(c.format)) < 0 || fmt == FC_FMT_JSONL)) {
		fc_cli_error(&c, "unknown format '%s' (text, md, html, csv or json)",
			     c.format);
		return FC_EUSAGE;
	}
	if (!c.pack)
		c.pack = find_pack(&c, packbuf, sizeof(packbuf));
	if (c.pack && !realpath(c.pack, abs)) {
		fc_cli_error(&c, "cannot use pack '%s': %s", c.pack, strerror(errno));
		return FC_EUSAGE;
	}
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	io.source = c.source;
	o.datadir = fc_cli_datadir(&c);
	o.packdir = c.pack ? abs : NULL;
	o.diag = fc_cli_diag;
	o.diag_ctx = &c;

	rc = fc_ingest_paths(st, c.args, (size_t)c.nargs, &io, &is, &err);
	if (!c.quiet)
		fprintf(stderr, "%s: ingest: %zu added, %zu already present, %zu failed\n",
			c.prog, is.added, is.duplicates, is.failed);
	if (rc == FC_ESYS)
		goto fail;
	worst = rc;
	if (o.packdir) {
		char *prev = NULL;

		/* Claims made with another pack are made again with this one. */
		if (fc_store_meta_get(st, "pack", &prev, &err) == FC_OK && prev &&
		    strcmp(prev, o.packdir) != 0)
			o.redo = 1;
		free(prev);
	}
	rc = fc_stage_strip(st, &(struct fc_stage_opts){ .diag = fc_cli_diag,
			    .diag_ctx = &c }, &s, &err);
	summary(&c, "strip", &s, "segments");
	if (rc == FC_ESYS)
		goto fail;
	worst = rc > worst ? rc : worst;
	rc = fc_stage_extract(st, &o, &s, &err);
	summary(&c, "extract", &s, "claims");
	if (rc == FC_ESYS)
		goto fail;
	worst = rc > worst ? rc : worst;
	if (o.packdir && (rc = fc_store_meta_set(st, "pack", o.packdir, &err)))
		goto fail;
	if ((rc = fc_stage_compare(st, &o, &s, &err)))
		goto fail;
	if (!c.quiet)
		fprintf(stderr, "%s: compare: %zu claims, %zu findings\n", c.prog,
			s.done, s.items);
	if (c.output && !(out = fopen(c.output, "w"))) {
		fc_cli_error(&c, "cannot write '%s': %s", c.output, strerror(errno));
		rc = FC_ESYS;
		goto out;
	}
	if ((rc = fc_report_write(st, (enum fc_format)fmt,
				  !c.output && isatty(STDOUT_FILENO) &&
				  !getenv("NO_COLOR"), out, &err)))
		goto fail;
	if (c.fail_on) {
		if ((rc = fc_findings_at_least(st, c.fail_on, &n, &err)))
			goto fail;
		if (n && worst == FC_OK)
			worst = FC_FOUND;
	}
	rc = worst;
	goto out;
fail:
	fc_cli_fail(&c, rc, &err);
out:
	if (out != stdout && (fflush(out) || ferror(out) | fclose(out))) {
		fc_cli_error(&c, "cannot write '%s'", c.output);
		rc = FC_ESYS;
	}
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
