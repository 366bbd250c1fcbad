/* figcheck.c - the figcheck command: dispatch 'figcheck STAGE' to the program figcheck-STAGE. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
	"usage: figcheck COMMAND [OPTIONS] [ARGS]\n"
	"\n"
	"Fact-check the figures that news and blog coverage reports.\n"
	"\n"
	"Pipeline:\n"
	"  run            ingest, strip, extract, compare and report in one go\n"
	"  ingest         add files, directories or stdin to the database\n"
	"  strip          reduce documents to title, body and comment segments\n"
	"  extract        find figures, actors and claims\n"
	"  compare        find discrepancies between claims\n"
	"  report         print the discrepancy report (text, md, html, csv, json)\n"
	"\n"
	"Exports and tools:\n"
	"  claims         every claim, one record a line (jsonl, csv)\n"
	"  discrepancies  every finding, one record a line (jsonl, csv)\n"
	"  segments       the stripped text, one segment a line (jsonl, csv)\n"
	"  actors         actor mentions; --unresolved: names the pack lacks\n"
	"  figures        read text on stdin, print every figure (jsonl)\n"
	"  explain        show which rules fire on a sentence and what they claim\n"
	"\n"
	"'figcheck COMMAND --help' describes each.  Common options: --db FILE\n"
	"(default $FIGCHECK_DB or figcheck.db), -q, --help, --version.\n"
	"Exit status: 0 ok, 1 findings (with --fail-on), 2 usage, 3 bad input\n"
	"data (the batch still finished), 4 system error.\n";

/* Run figcheck-NAME from our own directory if it is there, else from PATH. */
static int dispatch(const char *name, char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 160], prog[128];
	ssize_t n;
	char *slash;

	if (strchr(name, '/') || strlen(name) > 64)
		return -1;
	snprintf(prog, sizeof(prog), "figcheck-%s", name);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/'))) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/%s", self, prog);
			if (access(path, X_OK) == 0) {
				argv[0] = path;
				execv(path, argv);
			}
		}
	}
	argv[0] = prog;
	execvp(prog, argv);
	return errno == ENOENT ? -1 : -2;
}

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck", .usage = usage };
	const char *name;
	int rc;

	if (argc < 2) {
		fputs(usage, stderr);
		return FC_EUSAGE;
	}
	if (argv[1][0] == '-') {
		if ((rc = fc_cli_parse(&c, 2, argv, 0)) >= 0)
			return rc;
		return FC_EUSAGE;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc > 2) {
			char *args[] = { argv[2], (char *)"--help", NULL };

			dispatch(argv[2], args);
		}
		fputs(usage, stdout);
		return fc_cli_finish(&c, FC_OK);
	}
	/* dispatch() rewrites argv[1] for exec; keep the name for messages. */
	name = argv[1];
	rc = dispatch(name, argv + 1);
	if (rc == -1)
		fc_cli_error(&c, "'%s' is not a figcheck command; see 'figcheck --help'",
			     name);
	else
		fc_cli_error(&c, "cannot run 'figcheck-%s': %s", name,
			     strerror(errno));
	return rc == -1 ? FC_EUSAGE : FC_ESYS;
}
