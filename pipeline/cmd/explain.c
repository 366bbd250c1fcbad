/* explain.c - figcheck-explain: which rules fire on a sentence, and the claims they make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "claims.h"
#include "cli.h"
#include "output.h"
#include "rules.h"

static const char usage[] =
	"usage: figcheck explain [--pack DIR] [--data DIR] [--db FILE] TEXT...\n"
	"\n"
	"Show how figcheck reads TEXT (the arguments joined by spaces, or '-' to\n"
	"read standard input): every rule that fired, with its file and line and\n"
	"what its named groups captured; the figures with their bounds; then the\n"
	"claims the sentence yields (subject, metric, speaker, link rule), one\n"
	"JSON record a line.  Without --pack, the pack recorded in the database\n"
	"by the last extract is used, if any.\n"
	"\n"
	"  --pack DIR   topic pack\n"
	"  --data DIR   generic rules directory\n"
	"  --db FILE    database to take the pack from (default $FIGCHECK_DB or figcheck.db)\n"
	"  --help, --version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 3 bad rule or pack file, 4 system error.\n";

int main(int argc, char **argv)
{
	struct fc_cli c = { .prog = "figcheck-explain", .usage = usage };
	struct fc_extractor *x = NULL;
	struct fc_explain ex;
	struct fc_seg_out so;
	struct fc_store *st = NULL;
	struct fc_buf text = FC_BUF_INIT, out = FC_BUF_INIT;
	struct fc_error err;
	char *owned = NULL;
	size_t i;
	int rc;

	if ((rc = fc_cli_parse(&c, argc, argv, FC_OPT_DB | FC_OPT_PACK | FC_OPT_DATA |
			       FC_OPT_ARGS | FC_OPT_NEED_ARGS)) >= 0)
		return rc;
	if (c.nargs == 1 && strcmp(c.args[0], "-") == 0) {
		char *data;
		size_t len;

		if ((rc = fc_read_file("-", 1 << 20, &data, &len, &err)))
			return fc_cli_fail(&c, rc, &err);
		fc_buf_add(&text, data, len);
		free(data);
	} else {
		for (i = 0; i < (size_t)c.nargs; i++)
			fc_buf_printf(&text, "%s%s", i ? " " : "", c.args[i]);
	}
	/* The pack of the last extract, when there is a database to ask. */
	if (!c.pack && access(c.db, R_OK) == 0 && fc_store_open(c.db, &st, &err) == FC_OK)
		fc_cli_pack(&c, st, &owned);
	fc_store_close(st);
	if ((rc = fc_extractor_new(fc_cli_datadir(&c), c.pack ? c.pack : owned, &x, &err))) {
		fc_cli_fail(&c, rc, &err);
		goto out;
	}
	fc_explain_init(&ex);
	if ((rc = fc_engine_explain(fc_extractor_engine(x), text.data, text.len, NULL,
				    &ex, &err))) {
		fc_cli_fail(&c, rc, &err);
		fc_explain_release(&ex);
		goto out;
	}
	fc_explain_format(&ex, text.data, &out);
	fc_explain_release(&ex);

	fc_seg_out_init(&so);
	{
		struct fc_seg_in in = { .text = text.data, .len = text.len, .kind = "body", .outlet = "text" };

		rc = fc_extract_segment(x, &in, &so, &err);
	}
	if (rc) {
		fc_cli_fail(&c, rc, &err);
	} else {
		fc_buf_printf(&out, "\nclaims (%zu):\n", so.claims.n);
		for (i = 0; i < so.claims.n; i++) {
			struct fc_claim *cl = &so.claims.v[i];

			cl->quote = fc_xstrndup(text.data + cl->start, cl->end - cl->start);
			cl->segkind = fc_xstrdup("body");
			cl->id = (int64_t)i + 1;
			fc_claim_json(&out, cl);
			fc_buf_addch(&out, '\n');
		}
		if (fwrite(out.data, 1, out.len, stdout) != out.len)
			rc = FC_ESYS;
	}
	fc_seg_out_release(&so);
out:
	fc_extractor_free(x);
	fc_buf_release(&text);
	fc_buf_release(&out);
	free(owned);
	return fc_cli_finish(&c, rc);
}
