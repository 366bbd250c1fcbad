/* report.c - figcheck-report: the discrepancy report as text, Markdown, HTML, CSV or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

static const char usage[] =
	"usage: figcheck report [--db FILE] [--format FMT] [-o FILE] [--fail-on SEVERITY]\n"
	"\n"
	"Print every finding of the last compare with its quotes and arithmetic.\n"
	"\n"
	"  --db FILE           database (default $FIGCHECK_DB or figcheck.db)\n"
	"  --format FMT        text (default), md, html (self-contained, with\n"
	"                      charts), csv or json\n"
	"  -o, --output FILE   write there instead of standard output\n"
	"  --fail-on SEVERITY  exit 1 when a finding is this severe or worse\n"
	"  --help, --version\n"
	"\n"
	"Colour is used in text on a terminal unless NO_COLOR is set.\n"
	"Exit status: 0 ok, 1 findings at --fail-on severity, 2 usage,\n"
	"4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-report", .usage = usage };
	struct fc_store *st = NULL;
	struct fc_error err;
	FILE *out = stdout;
	int rc, fmt = FC_FMT_TEXT, color;
	size_t n = 0;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_FORMAT |
			       FC_OPT_OUTPUT | FC_OPT_FAIL_ON)) >= 0)
		return rc;
	if (c.format && ((fmt = fc_format_parse(c.format)) < 0 || fmt == FC_FMT_JSONL)) {
		fc_cli_error(&c, "unknown format '%s' (text, md, html, csv or json)",
			     c.format);
		return FC_EUSAGE;
	}
	if ((rc = fc_cli_open(&c, &st)))
		return rc;
	if (c.output && !(out = fopen(c.output, "w"))) {
		fc_cli_error(&c, "cannot write '%s': %m", c.output);
		fc_store_close(st);
		return FC_ESYS;
	}
	color = !c.output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	if ((rc = fc_report_write(st, (enum fc_format)fmt, color, out, &err)))
		fc_cli_fail(&c, rc, &err);
	else if (c.fail_on && (rc = fc_findings_at_least(st, c.fail_on, &n, &err)))
		fc_cli_fail(&c, rc, &err);
	else if (n)
		rc = FC_FOUND;
	if (out != stdout && (fflush(out) || ferror(out) | fclose(out))) {
		fc_cli_error(&c, "cannot write '%s'", c.output);
		rc = FC_ESYS;
	}
	fc_store_close(st);
	return fc_cli_finish(&c, rc);
}
