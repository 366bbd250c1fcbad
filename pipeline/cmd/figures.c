/* figures.c - figcheck-figures: a filter that prints every figure in plain text on stdin as JSON Lines. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "figure.h"
#include "rules.h"
#include "util.h"

#define PROG "figcheck-figures"

static void usage(FILE *f)
{
	fputs("usage: " PROG " [--format jsonl] [--rules DIR] [--pack DIR] [--date YYYY-MM-DD]\n"
	      "Read plain text on stdin and print one JSON record per figure found:\n"
	      "line, start and end (byte offsets in the line), text, value, low, high,\n"
	      "interval, unit, hedge, noun, qualifier, period, rule.\n"
	      "\n"
	      "  --format jsonl    output format (the only one)\n"
	      "  --rules DIR       data directory holding rules/ (default: $FIGCHECK_DATADIR,\n"
	      "                    the source tree, or the installed data)\n"
	      "  --pack DIR        also load DIR/rules/*.rules\n"
	      "  --date DATE       reference date for \"last year\" (YYYY-MM-DD)\n"
	      "  --help, --version\n"
	      "\n"
	      "Exit status: 0 ok, 2 usage, 3 bad input (e.g. invalid UTF-8; the rest\n"
	      "was still read), 4 system error.\n", f);
}

static int valid_date(const char *s)
{
	int i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

static int run(struct fc_engine *e, const char *date, struct fc_error *err)
{
	struct fc_figure_list figs;
	struct fc_buf out = FC_BUF_INIT;
	char *line = NULL;
	size_t cap = 0, i;
	ssize_t n;
	long lineno = 0;
	int rc = FC_OK, bad = 0, limited, invalid;

	fc_figure_list_init(&figs);
	/* large reads: a 4 KB buffer makes a system call per few lines */
	setvbuf(stdin, NULL, _IOFBF, 1 << 20);
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		figs.n = 0;
		if ((rc = fc_engine_scan_text(e, line, (size_t)n, date, &figs, &limited, &invalid, err)))
			goto out;
		if (invalid) {
			fprintf(stderr, PROG ": invalid UTF-8 at line %ld\n", lineno);
			bad = 1;
		}
		if (limited)
			fprintf(stderr, PROG ": match limit hit at line %ld; some figures may be missing\n",
				lineno);
		for (i = 0; i < figs.n; i++) {
			fc_figure_json(&figs.v[i], line, lineno, &out);
			fc_buf_addch(&out, '\n');
		}
		if (out.len >= 65536) {
			if ((rc = fc_write_all(stdout, out.data, out.len, err)))
				goto out;
			fc_buf_reset(&out);
		}
	}
	if (ferror(stdin)) {
		rc = fc_error_set(err, FC_ESYS, "cannot read 'stdin'");
		goto out;
	}
	if ((rc = fc_write_all(stdout, out.data, out.len, err)) ||
	    (rc = fc_finish_stdout(err)))
		goto out;
	rc = bad ? FC_EDATA : FC_OK;
out:
	free(line);
	fc_buf_release(&out);
	fc_figure_list_release(&figs);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ "pack", required_argument, NULL, 'p' },
		{ "date", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rules = NULL, *pack = NULL, *date = NULL;
	struct fc_engine *e = NULL;
	struct fc_error err;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "jsonl") != 0) {
				fprintf(stderr, PROG ": unknown format '%s' (only jsonl)\n", optarg);
				return FC_EUSAGE;
			}
			break;
		case 'r': rules = optarg; break;
		case 'p': pack = optarg; break;
		case 'd':
			if (!valid_date(optarg)) {
				fprintf(stderr, PROG ": bad date '%s': expected YYYY-MM-DD\n", optarg);
				return FC_EUSAGE;
			}
			date = optarg;
			break;
		case 'h':
			usage(stdout);
			return fc_finish_stdout(&err) ? FC_ESYS : FC_OK;
		case 'V':
			puts(PROG " " FC_VERSION);
			return fc_finish_stdout(&err) ? FC_ESYS : FC_OK;
		default:
			usage(stderr);
			return FC_EUSAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, PROG ": unexpected argument '%s' (text comes on stdin)\n", argv[optind]);
		return FC_EUSAGE;
	}
	if ((rc = fc_engine_load(rules ? rules : fc_datadir(), pack, &e, &err))) {
		fprintf(stderr, PROG ": %s\n", err.msg);
		return rc;
	}
	rc = run(e, date, &err);
	if (rc && rc != FC_EDATA)
		fprintf(stderr, PROG ": %s\n", err.msg);
	fc_engine_free(e);
	return rc;
}
