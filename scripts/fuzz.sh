#!/bin/sh
# fuzz.sh SECONDS HARNESS.c... - build each libFuzzer harness with clang and ASan/UBSan, run it for SECONDS.
# Seeds come from tests/fuzz/seeds/NAME/ when present; crashes are left as crash-* files and fail the run.
set -eu
secs=$1
shift
[ $# -gt 0 ] || { echo "fuzz: no harnesses"; exit 0; }
command -v clang >/dev/null || { echo "fuzz: clang not installed (FIGCHECK_FUZZ=1 scripts/install-deps.sh)" >&2; exit 4; }
out=build/fuzz
mkdir -p "$out"
deps="libpcre2-8 libxml-2.0 sqlite3 libcrypto zlib"
cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Ipipeline/lib -Ipipeline/cli -Iextractors -Ibuild/gen -DFC_VERSION=\"fuzz\" -DFC_DATADIR=\"$(pwd)/extractors\" $(pkg-config --cflags $deps)"
make --no-print-directory build/gen/schema_sql.h build/gen/report_css.h >/dev/null
lib="$(ls pipeline/lib/*.c extractors/*.c)"
status=0
for h in "$@"; do
	name=$(basename "$h" .c)
	# shellcheck disable=SC2086
	clang $cflags -o "$out/$name" "$h" $lib $(pkg-config --libs $deps) -lm
	corpus="$out/corpus-$name"
	mkdir -p "$corpus"
	seeds=""
	[ -d "tests/fuzz/seeds/$name" ] && seeds="tests/fuzz/seeds/$name"
	echo "fuzz: $name for ${secs}s"
	# shellcheck disable=SC2086
	if ! FIGCHECK_DATADIR="$(pwd)/extractors" "$out/$name" -max_total_time="$secs" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix="$out/$name-" -print_final_stats=1 "$corpus" $seeds >"$out/$name.log" 2>&1; then
		echo "fuzz: $name FAILED; see $out/$name.log"
		tail -n 30 "$out/$name.log"
		status=1
	else
		grep -E "stat::number_of_executed_units|Done" "$out/$name.log" | tail -n 2
	fi
done
exit $status
