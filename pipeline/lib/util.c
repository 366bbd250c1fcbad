/* util.c - small shared helpers: errors, growable buffers, UTF-8, files, JSON text. */
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int fc_error_set(struct fc_error *err, int rc, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return rc;
}

static void oom(void)
{
	fputs("figcheck: out of memory\n", stderr);
	abort();
}

void *fc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *fc_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *fc_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *fc_xstrdup(const char *s)
{
	return fc_xstrndup(s, strlen(s));
}

char *fc_xstrndup(const char *s, size_t n)
{
	char *p = fc_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void fc_buf_init(struct fc_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void fc_buf_release(struct fc_buf *b)
{
	free(b->data);
	fc_buf_init(b);
}

void fc_buf_reset(struct fc_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void fc_buf_grow(struct fc_buf *b, size_t n)
{
	size_t want;

	if (n > SIZE_MAX - b->len - 1)
		oom();
	want = b->len + n + 1;
	if (want <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < want)
		b->cap = b->cap < SIZE_MAX / 2 ? b->cap * 2 : want;
	b->data = fc_xrealloc(b->data, b->cap);
}

void fc_buf_add(struct fc_buf *b, const void *p, size_t n)
{
	fc_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void fc_buf_addstr(struct fc_buf *b, const char *s)
{
	fc_buf_add(b, s, strlen(s));
}

void fc_buf_addch(struct fc_buf *b, int c)
{
	char ch = (char)c;

	fc_buf_add(b, &ch, 1);
}

void fc_buf_printf(struct fc_buf *b, const char *fmt, ...)
{
	va_list ap;
	char probe[1];
	int n;

	/* Measure first (a one-byte buffer rather than NULL keeps -Wformat quiet). */
	va_start(ap, fmt);
	n = vsnprintf(probe, sizeof(probe), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	fc_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *fc_buf_detach(struct fc_buf *b, size_t *len)
{
	char *p;

	if (!b->data)
		fc_buf_grow(b, 0), b->data[0] = '\0';
	p = b->data;
	if (len)
		*len = b->len;
	fc_buf_init(b);
	return p;
}

int fc_read_file(const char *path, size_t max, char **out, size_t *len,
		 struct fc_error *err)
{
	struct fc_buf b = FC_BUF_INIT;
	FILE *f = NULL;
	int rc = FC_OK;
	size_t n;

	*out = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0) {
		f = stdin;
	} else if (!(f = fopen(path, "rb"))) {
		rc = fc_error_set(err, errno == ENOENT || errno == EACCES ||
				  errno == EISDIR ? FC_EDATA : FC_ESYS,
				  "cannot open '%s': %s", path, strerror(errno));
		goto out;
	}
	do {
		fc_buf_grow(&b, 65536);
		n = fread(b.data + b.len, 1, 65536, f);
		b.len += n;
		b.data[b.len] = '\0';
		if (max && b.len > max) {
			rc = fc_error_set(err, FC_EDATA,
					  "cannot read '%s': larger than %zu bytes",
					  path, max);
			goto out;
		}
	} while (n > 0);
	if (ferror(f)) {
		rc = fc_error_set(err, errno == EISDIR ? FC_EDATA : FC_ESYS,
				  "cannot read '%s': %s", path, strerror(errno));
		goto out;
	}
	if (!b.data)
		fc_buf_grow(&b, 0), b.data[0] = '\0';
	*out = fc_buf_detach(&b, len);
out:
	if (f && f != stdin)
		fclose(f);
	fc_buf_release(&b);
	return rc;
}

int fc_utf8_decode(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c;
	int len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return -1;
	*cp = c;
	return len;
}

int fc_utf8_valid(const char *s, size_t n)
{
	const unsigned char *u;
	size_t i = 0;
	uint64_t w;
	unsigned cp;
	int k;

	for (;;) {
		/* most text is ASCII: eight bytes at a time */
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		while (i < n && (unsigned char)s[i] < 0x80)
			i++;
		if (i == n)
			return 1;
		/* the two- and three-byte characters of most scripts here, the rest decoded */
		u = (const unsigned char *)s + i;
		if (u[0] >= 0xC2 && u[0] <= 0xDF && i + 1 < n && (u[1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (u[0] >= 0xE1 && u[0] <= 0xEC && i + 2 < n && (u[1] & 0xC0) == 0x80 &&
		    (u[2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if ((k = fc_utf8_decode(s + i, n - i, &cp)) <= 0)
			return 0;
		i += (size_t)k;
	}
}

char *fc_utf8_mask_copy(const char *s, size_t n)
{
	char *c = fc_xmalloc(n + 1);
	size_t i = 0;
	unsigned cp;
	int k;

	memcpy(c, s, n);
	c[n] = '\0';
	while (i < n) {
		if ((unsigned char)c[i] < 0x80) {
			i++;
			continue;
		}
		k = fc_utf8_decode(c + i, n - i, &cp);
		if (k <= 0) {
			c[i++] = '?';
			continue;
		}
		i += (size_t)k;
	}
	return c;
}

size_t fc_utf8_repair(const char *s, size_t n, struct fc_buf *out)
{
	size_t i = 0, start = 0, bad = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = fc_utf8_decode(s + i, n - i, &cp);
		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		fc_buf_add(out, s + start, i - start);
		fc_buf_add(out, "\xEF\xBF\xBD", 3);
		bad++;
		start = ++i;
	}
	fc_buf_add(out, s + start, n - start);
	return bad;
}

void fc_json_str(struct fc_buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	fc_buf_addch(out, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (c < 0x20) {
				memcpy(u, "\\u00", 4);
				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				u[6] = '\0';
				esc = u;
			}
		}
		if (esc) {
			fc_buf_add(out, s + run, i - run);
			fc_buf_addstr(out, esc);
			run = i + 1;
		}
	}
	fc_buf_add(out, s + run, n - run);
	fc_buf_addch(out, '"');
}

/* Does "%.*g" of v at precision prec read back as v?  out holds it. */
static int fmt_reads_back(char *out, size_t n, double v, int prec)
{
	snprintf(out, n, "%.*g", prec, v);
	return strtod(out, NULL) == v;
}

/*
 * The shortest precision is searched for by halving: a precision that
 * reads back makes every longer one read back, as the longer rounding is
 * at least as near v, and the doubles that read back as v lie evenly
 * about it.  Not so for a power of two (the gap below it is half the gap
 * above), whose precisions are tried in order.  17 always reads back.
 */
void fc_fmt_num(char *out, size_t n, double v)
{
	int prec, lo = 1, hi = 17, exp;

	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, n, "%.0f", v);
		return;
	}
	if (!isfinite(v) || frexp(v, &exp) == 0.5 || frexp(v, &exp) == -0.5) {
		for (prec = 1; prec < 17; prec++)
			if (fmt_reads_back(out, n, v, prec))
				return;
		snprintf(out, n, "%.17g", v);
		return;
	}
	while (lo < hi) {
		prec = (lo + hi) / 2;
		if (fmt_reads_back(out, n, v, prec))
			hi = prec;
		else
			lo = prec + 1;
	}
	snprintf(out, n, "%.*g", lo, v);
}

void fc_json_num(struct fc_buf *out, double v)
{
	char tmp[40];

	if (isnan(v) || isinf(v)) {
		fc_buf_addstr(out, "null");
		return;
	}
	fc_fmt_num(tmp, sizeof(tmp), v);
	fc_buf_addstr(out, tmp);
}

void fc_csv_field(struct fc_buf *out, const char *s, size_t n)
{
	size_t i;

	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) &&
	    !memchr(s, '\r', n)) {
		fc_buf_add(out, s, n);
		return;
	}
	fc_buf_addch(out, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			fc_buf_addch(out, '"');
		fc_buf_addch(out, s[i]);
	}
	fc_buf_addch(out, '"');
}

int fc_write_all(FILE *f, const void *p, size_t n, struct fc_error *err)
{
	if (n && fwrite(p, 1, n, f) != n)
		return fc_error_set(err, FC_ESYS, "cannot write output: %s",
				    strerror(errno));
	return FC_OK;
}

int fc_finish_stdout(struct fc_error *err)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return fc_error_set(err, FC_ESYS, "cannot write 'stdout': %s",
				    strerror(errno ? errno : EIO));
	return FC_OK;
}

int fc_strncasecmp(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int ca = (unsigned char)a[i], cb = (unsigned char)b[i];

		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || ca == 0)
			return ca - cb;
	}
	return 0;
}

char *fc_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
			 e[-1] == '\r'))
		e--;
	*e = '\0';
	return s;
}
