/* cli.c - what every figcheck program shares: options, diagnostics, exit codes. */
#include "cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"

void fc_cli_error(const struct fc_cli *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int fc_cli_parse(struct fc_cli *c, int argc, char **argv, unsigned allowed)
{
	enum { O_DB = 256, O_PACK, O_FORMAT, O_SOURCE, O_REDO, O_FAIL_ON,
	       O_UNRESOLVED, O_DATA, O_HELP, O_VERSION };
	static const struct option opts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "pack", required_argument, NULL, O_PACK },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "source", required_argument, NULL, O_SOURCE },
		{ "redo", no_argument, NULL, O_REDO },
		{ "fail-on", required_argument, NULL, O_FAIL_ON },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "unresolved", no_argument, NULL, O_UNRESOLVED },
		{ "data", required_argument, NULL, O_DATA },
		{ "help", no_argument, NULL, O_HELP },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	static const unsigned need[] = {
		[O_DB - 256] = FC_OPT_DB, [O_PACK - 256] = FC_OPT_PACK,
		[O_FORMAT - 256] = FC_OPT_FORMAT, [O_SOURCE - 256] = FC_OPT_SOURCE,
		[O_REDO - 256] = FC_OPT_REDO, [O_FAIL_ON - 256] = FC_OPT_FAIL_ON,
		[O_UNRESOLVED - 256] = FC_OPT_UNRESOLVED, [O_DATA - 256] = FC_OPT_DATA,
		[O_HELP - 256] = 0, [O_VERSION - 256] = 0,
	};
	int ch;
	char *end;
	long n;

	c->jobs = 0;
	c->db = getenv("FIGCHECK_DB");
	if (!c->db || !*c->db)
		c->db = "figcheck.db";
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:j:q", opts, NULL)) != -1) {
		unsigned bit = ch >= 256 ? need[ch - 256] :
			ch == 'o' ? FC_OPT_OUTPUT : ch == 'j' ? FC_OPT_JOBS : 0;

		if (bit && !(allowed & bit)) {
			fc_cli_error(c, "option '%s' does not apply here; see --help",
				     argv[optind - 1]);
			return FC_EUSAGE;
		}
		switch (ch) {
		case O_DB: c->db = optarg; break;
		case O_PACK: c->pack = optarg; break;
		case O_FORMAT: c->format = optarg; break;
		case 'o': c->output = optarg; break;
		case O_SOURCE: c->source = optarg; break;
		case O_REDO: c->redo = 1; break;
		case O_FAIL_ON: c->fail_on = optarg; break;
		case O_UNRESOLVED: c->unresolved = 1; break;
		case O_DATA: c->datadir = optarg; break;
		case 'q': c->quiet = 1; break;
		case 'j':
			n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256) {
				fc_cli_error(c, "invalid job count '%s' (1 to 256)", optarg);
				return FC_EUSAGE;
			}
			c->jobs = (int)n;
			break;
		case O_HELP:
			fputs(c->usage, stdout);
			return fc_cli_finish(c, FC_OK);
		case O_VERSION:
			printf("%s %s\n", c->prog, FC_VERSION);
			return fc_cli_finish(c, FC_OK);
		case ':':
			fc_cli_error(c, "option '%s' needs a value", argv[optind - 1]);
			return FC_EUSAGE;
		default:
			fc_cli_error(c, "unknown option '%s'; see --help",
				     argv[optind - 1]);
			return FC_EUSAGE;
		}
	}
	c->args = argv + optind;
	c->nargs = argc - optind;
	if (c->nargs && !(allowed & FC_OPT_ARGS)) {
		fc_cli_error(c, "unexpected argument '%s'; see --help", c->args[0]);
		return FC_EUSAGE;
	}
	if (!c->nargs && (allowed & FC_OPT_NEED_ARGS)) {
		fc_cli_error(c, "missing argument; see --help");
		return FC_EUSAGE;
	}
	return -1;
}

void fc_cli_diag(void *ctx, int rc, const char *msg)
{
	struct fc_cli *c = ctx;

	if (rc > c->worst)
		c->worst = rc;
	fprintf(stderr, "%s: %s\n", c->prog, msg);
}

int fc_cli_fail(const struct fc_cli *c, int rc, const struct fc_error *err)
{
	fprintf(stderr, "%s: %s\n", c->prog, err->msg);
	return rc;
}

int fc_cli_open(struct fc_cli *c, struct fc_store **st)
{
	struct fc_error err;
	int rc = fc_store_open(c->db, st, &err);

	if (rc)
		fc_cli_fail(c, rc, &err);
	return rc;
}

const char *fc_cli_pack(struct fc_cli *c, struct fc_store *st, char **owned)
{
	struct fc_error err;

	*owned = NULL;
	if (c->pack)
		return c->pack;
	if (st && fc_store_meta_get(st, "pack", owned, &err) == FC_OK)
		return *owned;
	return NULL;
}

const char *fc_cli_datadir(const struct fc_cli *c)
{
	return c->datadir ? c->datadir : fc_datadir();
}

int fc_cli_finish(struct fc_cli *c, int rc)
{
	struct fc_error err;

	if (fc_finish_stdout(&err)) {
		fc_cli_error(c, "%s", err.msg);
		return FC_ESYS;
	}
	return rc;
}

int fc_cli_export(struct fc_cli *c, int argc, char **argv, fc_export_fn fn)
{
	struct fc_store *st = NULL;
	struct fc_error err;
	int rc, fmt = FC_FMT_JSONL;

	if ((rc = fc_cli_parse(c, argc, argv, FC_OPT_DB | FC_OPT_FORMAT)) >= 0)
		return rc;
	if (c->format && (fmt = fc_format_parse(c->format)) != FC_FMT_JSONL &&
	    fmt != FC_FMT_CSV) {
		fc_cli_error(c, "unknown format '%s' (jsonl or csv)", c->format);
		return FC_EUSAGE;
	}
	if ((rc = fc_cli_open(c, &st)))
		return rc;
	if ((rc = fn(st, (enum fc_format)fmt, stdout, &err)))
		fc_cli_fail(c, rc, &err);
	fc_store_close(st);
	return fc_cli_finish(c, rc);
}
