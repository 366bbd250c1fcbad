#!/bin/sh
# recognizers-score.sh - how many Recognizers-Text English cases figcheck-figures gets right, file by file.
#
#   scripts/recognizers-score.sh            score build/bin/figcheck-figures
#   FIGURES=path/to/figcheck-figures scripts/recognizers-score.sh
#
# Reads ${FIGCHECK_SHARED:-../shared}/specs/recognizers-text-en/*.json; cases
# that make no sense in news text are listed with their reason in
# tests/recognizers-skip.tsv.  Needs python3 (scripts/install-deps.sh).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${FIGCHECK_SHARED:-../shared}
specs=$shared/specs/recognizers-text-en
prog=${FIGURES:-build/bin/figcheck-figures}
if [ ! -d "$specs" ]; then
	echo "recognizers-score: no test vectors in '$specs' (set FIGCHECK_SHARED)" >&2
	exit 2
fi
if [ ! -x "$prog" ]; then
	echo "recognizers-score: '$prog' not built (make $prog)" >&2
	exit 2
fi
exec python3 scripts/recognizers-score.py "$specs" "$prog" tests/recognizers-skip.tsv "$@"
