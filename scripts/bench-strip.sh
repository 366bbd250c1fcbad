#!/bin/sh
# bench-strip.sh [ROUNDS] - article extraction on the aeb benchmark: precision, recall, F1 of the body text, and MB/s beside a bare libxml2 parse.
# Builds tests/tools/strip-bench against build/libfigcheck.a, writes bodies to bench-data/strip/, scores them with scripts/aeb-score.py.
set -eu
rounds=${1:-5}
shared=${FIGCHECK_SHARED:-../shared}
aeb=$shared/bench/aeb
[ -d "$aeb/html" ] || { echo "bench-strip: no benchmark pages in '$aeb/html' (set FIGCHECK_SHARED)" >&2; exit 4; }
deps="libpcre2-8 libxml-2.0 sqlite3 libcrypto zlib"
make --no-print-directory build/libfigcheck.a >/dev/null
mkdir -p build/tools bench-data/strip
# shellcheck disable=SC2046
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -g -Wall -Wextra -Ipipeline/lib \
	$(pkg-config --cflags $deps) -o build/tools/strip-bench tests/tools/strip-bench.c \
	build/libfigcheck.a $(pkg-config --libs $deps) -lm
out=$(build/tools/strip-bench "$aeb/html" bench-data/strip "$rounds")
score=$(python3 scripts/aeb-score.py "$aeb/ground-truth.json" bench-data/strip ${WORST:+--worst "$WORST"})
echo "$score"
echo "$out" | awk '
	/^pages/ { print "  " $0 }
	/^strip_mbps/ { s = $2; sb = $4 }
	/^parse_mbps/ { p = $2; pb = $4 }
	END {
		printf "  strip %.1f MB/s (best round %.1f)   bare libxml2 parse %.1f MB/s (best round %.1f)\n", s, sb, p, pb
		printf "  strip/parse: mean %.2f, best rounds %.2f\n", (p > 0 ? s / p : 0), (pb > 0 ? sb / pb : 0)
	}'
