/* strip-bench.c - time fc_strip_html against a bare libxml2 parse over a directory of pages, and write each page's body for scoring. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <zlib.h>

#include "strip.h"

struct page {
	char *id;
	char *html;
	size_t len;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read a file, gunzipping it when its name ends in .gz (gzread passes plain files through). */
static int load(const char *path, struct page *p)
{
	struct fc_buf b = FC_BUF_INIT;
	gzFile f = gzopen(path, "rb");
	int n;

	if (!f)
		return -1;
	for (;;) {
		fc_buf_grow(&b, 65536);
		n = gzread(f, b.data + b.len, 65536);
		if (n <= 0)
			break;
		b.len += n;
	}
	gzclose(f);
	if (n < 0) {
		fc_buf_release(&b);
		return -1;
	}
	p->html = fc_buf_detach(&b, &p->len);
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct page *)a)->id, ((const struct page *)b)->id);
}

int main(int argc, char **argv)
{
	struct page *pages = NULL;
	size_t np = 0, cap = 0, total = 0, i;
	const char *dir, *outdir;
	struct dirent *de;
	double t0, strip_s, parse_s, best_strip, best_parse;
	int rounds, r, rc = 0;
	DIR *d;

	if (argc != 4) {
		fprintf(stderr, "usage: strip-bench HTMLDIR OUTDIR ROUNDS\n");
		return 2;
	}
	dir = argv[1];
	outdir = argv[2];
	rounds = atoi(argv[3]);
	if (rounds < 1)
		rounds = 1;
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "strip-bench: cannot open '%s'\n", dir);
		return 4;
	}
	while ((de = readdir(d))) {
		struct fc_buf path = FC_BUF_INIT;
		char *dot;

		if (de->d_name[0] == '.')
			continue;
		if (np == cap) {
			cap = cap ? cap * 2 : 256;
			pages = fc_xrealloc(pages, cap * sizeof(*pages));
		}
		fc_buf_printf(&path, "%s/%s", dir, de->d_name);
		if (load(path.data, &pages[np]) != 0) {
			fprintf(stderr, "strip-bench: cannot read '%s'\n", path.data);
			fc_buf_release(&path);
			continue;
		}
		fc_buf_release(&path);
		pages[np].id = fc_xstrdup(de->d_name);
		dot = strchr(pages[np].id, '.');
		if (dot)
			*dot = '\0';
		total += pages[np].len;
		np++;
	}
	closedir(d);
	if (np)
		qsort(pages, np, sizeof(*pages), by_id);

	/* Bodies first, untimed: they are what gets scored. */
	for (i = 0; i < np; i++) {
		struct fc_stripped s;
		struct fc_error err;
		struct fc_buf path = FC_BUF_INIT;
		FILE *f;
		size_t k;

		fc_stripped_init(&s);
		fc_strip_html(pages[i].html, pages[i].len, NULL, &s, &err);
		fc_buf_printf(&path, "%s/%s.txt", outdir, pages[i].id);
		f = fopen(path.data, "w");
		if (!f) {
			fprintf(stderr, "strip-bench: cannot write '%s'\n", path.data);
			rc = 4;
		} else {
			for (k = 0; k < s.nseg; k++)
				if (s.seg[k].kind == FC_SEG_BODY)
					fwrite(s.seg[k].text, 1, s.seg[k].len, f);
			if (fclose(f) != 0)
				rc = 4;
		}
		fc_buf_release(&path);
		fc_stripped_release(&s);
	}

	/*
	 * Rounds alternate between the two so that a busy machine slows both
	 * alike; the best round of each is reported beside the mean.
	 */
	strip_s = parse_s = 0;
	best_strip = best_parse = 1e30;
	for (r = 0; r < rounds; r++) {
		double t;

		t0 = now();
		for (i = 0; i < np; i++) {
			struct fc_stripped s;
			struct fc_error err;

			fc_stripped_init(&s);
			fc_strip_html(pages[i].html, pages[i].len, NULL, &s, &err);
			fc_stripped_release(&s);
		}
		t = now() - t0;
		strip_s += t;
		best_strip = t < best_strip ? t : best_strip;
		t0 = now();
		for (i = 0; i < np; i++) {
			htmlDocPtr doc = htmlReadMemory(pages[i].html, (int)pages[i].len, NULL, NULL,
							HTML_PARSE_NONET | HTML_PARSE_NOERROR |
							HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
			xmlFreeDoc(doc);
		}
		t = now() - t0;
		parse_s += t;
		best_parse = t < best_parse ? t : best_parse;
	}

	printf("pages %zu  bytes %zu  rounds %d\n", np, total, rounds);
	printf("strip_mbps %.1f best %.1f\n", total * (double)rounds / 1048576 / strip_s,
	       total / 1048576.0 / best_strip);
	printf("parse_mbps %.1f best %.1f\n", total * (double)rounds / 1048576 / parse_s,
	       total / 1048576.0 / best_parse);
	for (i = 0; i < np; i++) {
		free(pages[i].id);
		free(pages[i].html);
	}
	free(pages);
	xmlCleanupParser();
	return rc;
}
