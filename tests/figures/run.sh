#!/bin/sh
# run.sh - golden test of figcheck-figures over the sample corpus: every figure, reviewed line by line.
#
#   tests/figures/run.sh            compare with tests/figures/corpus.golden (diff -u)
#   tests/figures/run.sh --update   rewrite the golden file (only on purpose, then review the diff)
#
# The corpus is ${FIGCHECK_SHARED:-../shared}/seeds/*.txt, read with reference date 2016-08-15.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
shared=${FIGCHECK_SHARED:-../shared}
prog=${FIGURES:-build/bin/figcheck-figures}
golden=tests/figures/corpus.golden
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for f in "$shared"/seeds/*.txt; do
	name=$(basename "$f")
	"$prog" --date 2016-08-15 < "$f" |
	jq -r --arg f "$name" '"\($f):\(.line): \(.text|@json) \(.interval) \(.unit)" +
		(if .hedge then " hedge=\(.hedge|@json)" else "" end) +
		(if .noun then " noun=\(.noun|@json)" else "" end) +
		(if .qualifier then " qualifier=\(.qualifier)" else "" end) +
		(if .period then " period=\(.period)" else "" end) +
		(if .currency then " currency=\(.currency)" else "" end) +
		(if .from_bottom then " from_bottom" else "" end) +
		" rule=\(.rule)"'
done > "$tmp"
if [ "${1:-}" = "--update" ]; then
	cp "$tmp" "$golden"
	echo "figures: wrote $golden ($(wc -l < "$golden") figures)"
	exit 0
fi
if diff -u "$golden" "$tmp"; then
	echo "figures: corpus golden ok ($(wc -l < "$golden") figures)"
else
	echo "figures: output differs from $golden" >&2
	exit 1
fi
