/* ingest.c - bring files, directories and stdin into the database as documents. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/evp.h>

/* Documents larger than this are refused: no news page is 64 MiB. */
#define FC_MAX_DOC (64u << 20)

void fc_sha256_hex(const void *data, size_t len, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
	for (i = 0; i < n && i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

void fc_front_release(struct fc_front *f)
{
	free(f->url);
	free(f->source);
	free(f->title);
	free(f->author);
	free(f->published);
	memset(f, 0, sizeof(*f));
}

static const char *line_end(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? nl : end;
}

int fc_front_parse(const char *text, size_t len, struct fc_front *out,
		   struct fc_error *err)
{
	const char *p = text, *end = text + len, *e;
	int line = 1, rc = FC_OK;

	memset(out, 0, sizeof(*out));
	/* A UTF-8 byte-order mark may precede the opening fence. */
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	e = line_end(p, end);
	if (!((e - p == 3 && memcmp(p, "---", 3) == 0) ||
	      (e - p == 4 && memcmp(p, "---\r", 4) == 0)))
		return FC_OK;
	for (p = e + 1; p < end; p = e + 1) {
		char *key, *val, *colon;
		char **slot = NULL;

		e = line_end(p, end);
		line++;
		if ((e - p == 3 && memcmp(p, "---", 3) == 0) ||
		    (e - p == 4 && memcmp(p, "---\r", 4) == 0)) {
			out->body_off = (size_t)(e - text) + (e < end);
			return FC_OK;
		}
		key = fc_xstrndup(p, (size_t)(e - p));
		if (!(colon = strchr(key, ':'))) {
			if (*fc_trim(key) == '\0') {
				free(key);
				continue;
			}
			free(key);
			rc = fc_error_set(err, FC_EDATA,
					  "front matter line %d: expected 'key: value'",
					  line);
			goto fail;
		}
		*colon = '\0';
		val = fc_trim(colon + 1);
		if (strcmp(fc_trim(key), "url") == 0)
			slot = &out->url;
		else if (strcmp(fc_trim(key), "source") == 0)
			slot = &out->source;
		else if (strcmp(fc_trim(key), "title") == 0)
			slot = &out->title;
		else if (strcmp(fc_trim(key), "author") == 0)
			slot = &out->author;
		else if (strcmp(fc_trim(key), "published") == 0)
			slot = &out->published;
		if (!slot) {
			rc = fc_error_set(err, FC_EDATA,
					  "front matter line %d: unknown key '%s'",
					  line, fc_trim(key));
			free(key);
			goto fail;
		}
		free(*slot);
		*slot = *val ? fc_xstrdup(val) : NULL;
		free(key);
	}
	rc = fc_error_set(err, FC_EDATA, "front matter not closed by '---'");
fail:
	fc_front_release(out);
	return rc;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && fc_strncasecmp(s + n - m, suf, m) == 0;
}

int fc_looks_html(const char *name, const char *data, size_t len)
{
	static const char *const tags[] = {
		"<!doctype html", "<html", "<head", "<body", "<p>", "<div",
		"<article", "<meta ",
	};
	size_t i, j, n = len < 2048 ? len : 2048;

	if (name && (has_suffix(name, ".html") || has_suffix(name, ".htm") ||
		     has_suffix(name, ".xhtml")))
		return 1;
	for (i = 0; i < n; i++) {
		if (data[i] != '<')
			continue;
		for (j = 0; j < sizeof(tags) / sizeof(tags[0]); j++) {
			size_t m = strlen(tags[j]);

			if (i + m <= len && fc_strncasecmp(data + i, tags[j], m) == 0)
				return 1;
		}
	}
	return 0;
}

/* A NUL byte or a high share of control bytes early on: not a text document. */
static int looks_binary(const char *data, size_t len)
{
	size_t i, n = len < 8192 ? len : 8192, ctl = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			ctl++;
	}
	return n && ctl * 10 > n;
}

static void report(const struct fc_ingest_opts *o, int rc, const char *fmt, ...)
	FC_PRINTF(3, 4);

static void report(const struct fc_ingest_opts *o, int rc, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (!o || !o->report)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	o->report(o->report_ctx, rc, msg);
}

/* Byte offset and line of the first invalid UTF-8 sequence, if any. */
static int first_bad_utf8(const char *s, size_t n, size_t *off, int *line)
{
	size_t i = 0;
	unsigned cp;
	int k;

	*line = 1;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\n')
				(*line)++;
			i++;
			continue;
		}
		k = fc_utf8_decode(s + i, n - i, &cp);
		if (k <= 0) {
			*off = i;
			return 1;
		}
		i += (size_t)k;
	}
	return 0;
}

int fc_ingest_buffer(struct fc_store *st, const char *origin, const char *data,
		     size_t len, const struct fc_ingest_opts *opts,
		     struct fc_ingest_stats *stats, struct fc_error *err)
{
	struct fc_front fm;
	struct fc_doc_in d;
	struct fc_error ferr;
	char sha[65];
	int64_t id = 0, dup = 0;
	int html, rc, line;
	size_t bad;

	memset(&fm, 0, sizeof(fm));
	if (len == 0) {
		report(opts, FC_EDATA, "'%s': empty file, skipped", origin);
		stats->failed++;
		return FC_EDATA;
	}
	if (looks_binary(data, len)) {
		report(opts, FC_EDATA, "'%s': binary file, not a text or HTML document; skipped",
		       origin);
		stats->failed++;
		return FC_EDATA;
	}
	html = fc_looks_html(origin, data, len);
	if (!html && fc_front_parse(data, len, &fm, &ferr) != FC_OK) {
		report(opts, FC_EDATA, "'%s': %s; skipped", origin, ferr.msg);
		stats->failed++;
		return FC_EDATA;
	}
	fc_sha256_hex(data, len, sha);
	memset(&d, 0, sizeof(d));
	d.origin = origin;
	d.sha256 = sha;
	d.content_type = html ? "text/html" : "text/plain";
	d.url = fm.url;
	d.source = fm.source ? fm.source : opts ? opts->source : NULL;
	d.title = fm.title;
	d.author = fm.author;
	d.published = fm.published;
	d.raw = data;
	d.rawlen = len;
	if ((rc = fc_store_begin(st, err)))
		goto out;
	if ((rc = fc_store_doc_add(st, &d, &id, &dup, err)) ||
	    (rc = fc_store_commit(st, err))) {
		fc_store_rollback(st);
		goto out;
	}
	if (dup) {
		stats->duplicates++;
		goto out;
	}
	stats->added++;
	/* Kept as it is (strip repairs it); but the user should know. */
	if (first_bad_utf8(data, len, &bad, &line)) {
		report(opts, FC_EDATA,
		       "'%s': invalid UTF-8 at byte %zu (line %d); invalid bytes will be replaced",
		       origin, bad, line);
		rc = FC_EDATA;
	}
out:
	fc_front_release(&fm);
	return rc;
}

static int ingest_file(struct fc_store *st, const char *path,
		       const struct fc_ingest_opts *opts,
		       struct fc_ingest_stats *stats, struct fc_error *err)
{
	struct fc_error ferr;
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = fc_read_file(path, FC_MAX_DOC, &data, &len, &ferr);
	if (rc) {
		report(opts, rc, "%s", ferr.msg);
		stats->failed++;
		return rc == FC_ESYS ? FC_EDATA : rc;
	}
	rc = fc_ingest_buffer(st, strcmp(path, "-") == 0 ? "stdin" : path, data,
			      len, opts, stats, err);
	free(data);
	return rc;
}

static int wanted(const char *name)
{
	static const char *const ext[] = {
		".txt", ".text", ".html", ".htm", ".xhtml",
	};
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (has_suffix(name, ext[i]))
			return 1;
	return 0;
}

static int ingest_dir(struct fc_store *st, const char *dir,
		      const struct fc_ingest_opts *opts,
		      struct fc_ingest_stats *stats, size_t *found,
		      struct fc_error *err)
{
	struct dirent **ents = NULL;
	struct fc_buf path = FC_BUF_INIT;
	int n, i, rc = FC_OK, r;

	n = scandir(dir, &ents, NULL, alphasort);
	if (n < 0) {
		report(opts, FC_EDATA, "cannot read directory '%s': %s", dir,
		       strerror(errno));
		stats->failed++;
		return FC_EDATA;
	}
	for (i = 0; i < n; i++) {
		struct stat sb;
		const char *name = ents[i]->d_name;

		if (name[0] == '.' || rc == FC_ESYS)
			continue;
		fc_buf_reset(&path);
		fc_buf_printf(&path, "%s%s%s", dir,
			      dir[strlen(dir) - 1] == '/' ? "" : "/", name);
		if (stat(path.data, &sb) != 0) {
			report(opts, FC_EDATA, "cannot read '%s': %s", path.data,
			       strerror(errno));
			stats->failed++;
			rc = FC_EDATA;
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			r = ingest_dir(st, path.data, opts, stats, found, err);
		} else if (S_ISREG(sb.st_mode) && wanted(name)) {
			(*found)++;
			r = ingest_file(st, path.data, opts, stats, err);
		} else {
			stats->skipped++;
			continue;
		}
		if (r && rc != FC_ESYS)
			rc = r;
	}
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	fc_buf_release(&path);
	return rc;
}

int fc_ingest_paths(struct fc_store *st, char *const *paths, size_t n,
		    const struct fc_ingest_opts *opts,
		    struct fc_ingest_stats *stats, struct fc_error *err)
{
	size_t i;
	int rc = FC_OK, r;

	memset(stats, 0, sizeof(*stats));
	for (i = 0; i < n && rc != FC_ESYS; i++) {
		struct stat sb;

		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &sb) == 0 &&
		    S_ISDIR(sb.st_mode)) {
			size_t found = 0, failed = stats->failed;

			r = ingest_dir(st, paths[i], opts, stats, &found, err);
			if (r != FC_ESYS && found == 0 && stats->failed == failed) {
				report(opts, FC_EDATA,
				       "directory '%s': no readable documents (.txt, .text, .html, .htm, .xhtml)",
				       paths[i]);
				stats->failed++;
				r = FC_EDATA;
			}
		} else {
			r = ingest_file(st, paths[i], opts, stats, err);
		}
		if (r && rc != FC_ESYS)
			rc = r;
	}
	return rc;
}
