/* cli.h - what every figcheck program shares: options, diagnostics, exit codes. */
#ifndef FC_CLI_H
#define FC_CLI_H

#include "output.h"
#include "store.h"
#include "util.h"

/* Options a program accepts (bits for fc_cli_parse). */
enum {
	FC_OPT_DB = 1 << 0,
	FC_OPT_PACK = 1 << 1,
	FC_OPT_FORMAT = 1 << 2,
	FC_OPT_OUTPUT = 1 << 3,
	FC_OPT_SOURCE = 1 << 4,
	FC_OPT_REDO = 1 << 5,
	FC_OPT_FAIL_ON = 1 << 6,
	FC_OPT_JOBS = 1 << 7,
	FC_OPT_UNRESOLVED = 1 << 8,
	FC_OPT_DATA = 1 << 9,
	FC_OPT_ARGS = 1 << 10,	/* positional arguments allowed */
	FC_OPT_NEED_ARGS = 1 << 11,	/* ... and at least one required */
};

struct fc_cli {
	const char *prog;	/* "figcheck-extract" */
	const char *usage;	/* the --help text */
	const char *db;
	const char *pack;
	const char *datadir;
	const char *format;
	const char *output;
	const char *source;
	const char *fail_on;
	int jobs;		/* -j N; 0 when not given */
	int quiet, redo, unresolved;
	char **args;
	int nargs;
	int worst;		/* worst FC_* seen by fc_cli_diag */
};

/*
 * Parse argv.  Returns -1 when the program should go on, or the exit code
 * to return now (0 after --help or --version, 2 on a usage error, with the
 * message already printed).
 */
int fc_cli_parse(struct fc_cli *c, int argc, char **argv, unsigned allowed);

/* Print "prog: msg" on stderr. */
void fc_cli_error(const struct fc_cli *c, const char *fmt, ...) FC_PRINTF(2, 3);

/* A diagnostic callback for the library (ctx is the struct fc_cli). */
void fc_cli_diag(void *ctx, int rc, const char *msg);

/* Open the database named by --db, $FIGCHECK_DB or figcheck.db. */
int fc_cli_open(struct fc_cli *c, struct fc_store **st);

/*
 * The pack to use: --pack, else the one the database records from the
 * last extract, else NULL.  *owned is set when the caller must free it.
 */
const char *fc_cli_pack(struct fc_cli *c, struct fc_store *st, char **owned);

/* The rules directory: --data, $FIGCHECK_DATADIR, the source tree, or the installed one. */
const char *fc_cli_datadir(const struct fc_cli *c);

/* Print err with the program name and return its code as an exit code. */
int fc_cli_fail(const struct fc_cli *c, int rc, const struct fc_error *err);

/* Flush stdout and fold a write error into the exit code rc. */
int fc_cli_finish(struct fc_cli *c, int rc);

/* The body of the export programs (claims, discrepancies, segments). */
typedef int (*fc_export_fn)(struct fc_store *st, enum fc_format f, FILE *out,
			    struct fc_error *err);
int fc_cli_export(struct fc_cli *c, int argc, char **argv, fc_export_fn fn);

#endif
