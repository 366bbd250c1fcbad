/* figures.c - figcheck-figures: a filter that prints every figure in plain text on stdin as JSON Lines. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/*
 * The lines of standard input, read a megabyte at a time and handed out
 * where they lie in the buffer: getline() copied each out of stdio's.
 */
struct lines {
	char *buf;
	size_t cap, start, end;		/* buf[start..end): read, not handed out yet */
	int eof, err;			/* err: errno of a failed read */
};

/*
 * The next line of r, without its newline and NUL-terminated in place:
 * *line and its length, or -1 at the end of the input or on a read error
 * (r->err).  The line stays valid until the next call.
 */
static ssize_t next_line(struct lines *r, char **line)
{
	char *nl;
	size_t len;
	ssize_t n;

	for (;;) {
		/* (no buffer before the first read: memchr() and memmove() are not given NULL) */
		nl = r->end > r->start ? memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
		if (nl || (r->eof && r->end > r->start)) {
			len = (nl ? (size_t)(nl - r->buf) : r->end) - r->start;
			*line = r->buf + r->start;
			(*line)[len] = '\0';
			r->start += len + (nl != NULL);
			return (ssize_t)len;
		}
		if (r->eof)
			return -1;
		/* the line so far to the front, and room for more (and a NUL) */
		if (r->end > r->start)
			memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
		if (r->cap - r->end < 4096) {
			r->cap = r->cap ? 2 * r->cap : 1 << 20;
			r->buf = fc_xrealloc(r->buf, r->cap);
		}
		n = read(STDIN_FILENO, r->buf + r->end, r->cap - r->end - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			r->err = errno;
			return -1;
		}
		if (n == 0)
			r->eof = 1;
		r->end += (size_t)n;
	}
}

static int run(struct fc_engine *e, const char *date, struct fc_error *err)
{
	struct fc_figure_list figs;
	struct fc_buf out = FC_BUF_INIT;
	struct lines in = { NULL, 0, 0, 0, 0, 0 };
	char *line;
	size_t i;
	ssize_t n;
	long lineno = 0;
	int rc = FC_OK, bad = 0, limited, invalid;

	fc_figure_list_init(&figs);
	while ((n = next_line(&in, &line)) >= 0) {
		lineno++;
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
	if (in.err) {
		rc = fc_error_set(err, FC_ESYS, "cannot read 'stdin': %s", strerror(in.err));
		goto out;
	}
	if ((rc = fc_write_all(stdout, out.data, out.len, err)) ||
	    (rc = fc_finish_stdout(err)))
		goto out;
	rc = bad ? FC_EDATA : FC_OK;
out:
	free(in.buf);
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
