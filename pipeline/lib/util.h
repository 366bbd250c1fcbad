/* util.h - small shared helpers: errors, growable buffers, UTF-8, files, JSON text. */
#ifndef FC_UTIL_H
#define FC_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Result codes of library functions.  They map one to one onto the exit
 * codes of the stage programs (see fc_exit_code()).
 */
enum fc_rc {
	FC_OK = 0,
	FC_FOUND = 1,	/* discrepancies found (only with --fail-on) */
	FC_EUSAGE = 2,	/* bad options or arguments */
	FC_EDATA = 3,	/* bad input data; the batch still finished */
	FC_ESYS = 4,	/* system error: I/O, memory, database */
};

/*
 * An error message left by the library for its caller.  The library never
 * prints; it fills one of these and returns an fc_rc.  The message has the
 * shape "what failed 'subject': reason" and no program name: the caller
 * prefixes its own.
 */
struct fc_error {
	char msg[1024];
};

/*
 * Bit 7 of each byte of the eight-byte word w that equals c, and no other
 * bit: scanning text eight bytes at a time (read little-endian, the
 * lowest byte first).
 */
static inline uint64_t fc_bytes_equal8(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (0x0101010101010101ull * c);

	return ~(((x & 0x7f7f7f7f7f7f7f7full) + 0x7f7f7f7f7f7f7f7full) | x) & 0x8080808080808080ull;
}

/* Bit 7 of each byte of w that is an ASCII letter, and no other bit. */
static inline uint64_t fc_letters8(uint64_t w)
{
	uint64_t y = (w | 0x2020202020202020ull) & 0x7f7f7f7f7f7f7f7full;

	return (y + 0x1f1f1f1f1f1f1f1full) & ~(y + 0x0505050505050505ull) & ~w & 0x8080808080808080ull;
}

/* Bit 7 of each byte of w that is an ASCII digit, and no other bit. */
static inline uint64_t fc_digits8(uint64_t w)
{
	uint64_t y = w & 0x7f7f7f7f7f7f7f7full;

	return (y + 0x5050505050505050ull) & ~(y + 0x4646464646464646ull) & ~w & 0x8080808080808080ull;
}

/* FC_INLINE: a small function on a hot path, inlined even where the compiler would not. */
#if defined(__GNUC__)
#define FC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define FC_INLINE static inline __attribute__((always_inline))
#else
#define FC_PRINTF(a, b)
#define FC_INLINE static inline
#endif

/* Fill err (if not NULL) with a formatted message and return rc. */
int fc_error_set(struct fc_error *err, int rc, const char *fmt, ...) FC_PRINTF(3, 4);

/* A growable byte buffer, always NUL-terminated once anything was added. */
struct fc_buf {
	char *data;
	size_t len;
	size_t cap;
};

#define FC_BUF_INIT { NULL, 0, 0 }

void fc_buf_init(struct fc_buf *b);
/* Free the buffer's memory and reset it to empty. */
void fc_buf_release(struct fc_buf *b);
void fc_buf_reset(struct fc_buf *b);
/* Ensure room for n more bytes; aborts the process only on out-of-memory. */
void fc_buf_grow(struct fc_buf *b, size_t n);
void fc_buf_add(struct fc_buf *b, const void *p, size_t n);
void fc_buf_addstr(struct fc_buf *b, const char *s);
void fc_buf_addch(struct fc_buf *b, int c);
void fc_buf_printf(struct fc_buf *b, const char *fmt, ...) FC_PRINTF(2, 3);
/* Detach the data: the caller owns the returned string (never NULL). */
char *fc_buf_detach(struct fc_buf *b, size_t *len);

/* Allocation that aborts with a message on out-of-memory. */
void *fc_xmalloc(size_t n);
void *fc_xcalloc(size_t n, size_t size);
void *fc_xrealloc(void *p, size_t n);
char *fc_xstrdup(const char *s);
char *fc_xstrndup(const char *s, size_t n);

/*
 * Read a whole file into *out (NUL-terminated; *len excludes the NUL).
 * path "-" reads standard input.  max (0 for none) caps the size.
 */
int fc_read_file(const char *path, size_t max, char **out, size_t *len,
		 struct fc_error *err);

/* 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates), else 0. */
int fc_utf8_valid(const char *s, size_t n);

/*
 * Copy s[0..n) into out as valid UTF-8, replacing each invalid byte with
 * U+FFFD.  Returns the number of replacements.
 */
size_t fc_utf8_repair(const char *s, size_t n, struct fc_buf *out);

/*
 * A NUL-terminated copy of s[0..n) with each invalid UTF-8 byte replaced by
 * '?': the same length, so offsets into the copy are offsets into s.
 */
char *fc_utf8_mask_copy(const char *s, size_t n);

/* Decode one UTF-8 sequence at s (n bytes left); returns length, sets *cp. */
int fc_utf8_decode(const char *s, size_t n, unsigned *cp);

/* Append s[0..n) to out as a JSON string literal, quotes included. */
void fc_json_str(struct fc_buf *out, const char *s, size_t n);
/* Append a JSON number, or null for NaN/infinity. */
void fc_json_num(struct fc_buf *out, double v);

/* Append s[0..n) to out as one CSV field (quoted when needed). */
void fc_csv_field(struct fc_buf *out, const char *s, size_t n);

/* Write the buffer to f and check that it really went out. */
int fc_write_all(FILE *f, const void *p, size_t n, struct fc_error *err);

/* Flush stdout and report a write error (full disk, closed pipe). */
int fc_finish_stdout(struct fc_error *err);

/* ASCII case-insensitive comparisons that ignore the locale. */
int fc_strncasecmp(const char *a, const char *b, size_t n);

/* Trim ASCII white space at both ends in place; returns s. */
char *fc_trim(char *s);

/* Format a double the way records print it: shortest form that round-trips. */
void fc_fmt_num(char *out, size_t n, double v);

#endif
