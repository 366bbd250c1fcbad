#!/bin/sh
# bench-figures.sh - throughput of `figcheck figures` on >= 50 MB of news text, next to grep over the same input.
#
#   scripts/bench-figures.sh [MB [ROUNDS]]      (default 64 MB, 5 rounds)
#
# Builds bench-data/figures.txt (gitignored) from the seed texts and the
# articleBody fields of ${FIGCHECK_SHARED:-../shared}/bench/aeb/ground-truth.json,
# repeated, then times build/bin/figcheck-figures ROUNDS times and
# `grep -c '[0-9]'` once: wall time, and for figcheck figures also CPU
# time (user + system, rules loading included), the figure per core, as
# the median round and the best (on a shared machine the best round is
# the one other tenants disturbed least).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${FIGCHECK_SHARED:-../shared}
mb=${1:-64}
rounds=${2:-5}
prog=${FIGURES:-build/bin/figcheck-figures}
out=bench-data/figures.txt
if [ ! -x "$prog" ]; then
	echo "bench-figures: '$prog' not built (make $prog)" >&2
	exit 2
fi
mkdir -p bench-data
want=$((mb * 1024 * 1024))
have=0; [ -f "$out" ] && have=$(wc -c < "$out")
if [ "$have" -lt "$want" ]; then
	unit=bench-data/figures-unit.txt
	: > "$unit"
	for f in "$shared"/seeds/*.txt; do
		[ -f "$f" ] && cat "$f" >> "$unit" && echo >> "$unit"
	done
	if [ -f "$shared/bench/aeb/ground-truth.json" ]; then
		jq -r '.[] | .articleBody // empty' "$shared/bench/aeb/ground-truth.json" >> "$unit"
	fi
	if [ ! -s "$unit" ]; then
		echo "bench-figures: no text found under '$shared'" >&2
		exit 2
	fi
	: > "$out"
	while [ "$(wc -c < "$out")" -lt "$want" ]; do
		cat "$unit" "$unit" "$unit" "$unit" >> "$out"
	done
	rm -f "$unit"
fi
bytes=$(wc -c < "$out")
now() { date +%s.%N; }
rate() { awk -v b="$bytes" -v s="$1" -v e="$2" 'BEGIN { t = e - s; printf "%.1f MB/s (%.2f s)", b / 1048576 / t, t }'; }
# cpu_now: user + system seconds of every child waited for so far into $cpu
# ('times' in this shell, second line: "0m1.5s 0m0.1s")
cpu_now() {
	times > bench-data/.times
	cpu=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); t += a[1] * 60 + a[2] } printf "%.3f", t }' bench-data/.times)
}
# warm the page cache so both programs read from memory
cat "$out" > /dev/null
# one line per round: "WALL CPU" seconds
: > bench-data/.rounds
i=0
while [ "$i" -lt "$rounds" ]; do
	cpu_now; c0=$cpu; t0=$(now); figs=$("$prog" < "$out" | wc -l); t1=$(now); cpu_now; c1=$cpu
	awk -v a="$t0" -v b="$t1" -v c="$c0" -v d="$c1" 'BEGIN { printf "%.3f %.3f\n", b - a, d - c }' >> bench-data/.rounds
	i=$((i + 1))
done
t2=$(now); lines=$(LC_ALL=C grep -c '[0-9]' "$out" || true); t3=$(now)
printf 'input: %s, %.1f MB\n' "$out" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')"
# median and best (least time) of a column of bench-data/.rounds, as MB/s (s)
summary() {
	sort -n -k "$1" bench-data/.rounds | awk -v k="$1" -v b="$bytes" '
		{ t[NR] = $k }
		END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		      printf "%.1f MB/s (%.2f s) median, %.1f MB/s (%.2f s) best", b / 1048576 / m, m, b / 1048576 / t[1], t[1] }'
}
printf 'figcheck figures, %s rounds, %s figures:\n' "$rounds" "$figs"
printf '  CPU  %s\n' "$(summary 2)"
printf '  wall %s\n' "$(summary 1)"
printf "grep -c '[0-9]':  %s, %s lines with a digit\n" "$(rate "$t2" "$t3")" "$lines"
rm -f bench-data/.times bench-data/.rounds
