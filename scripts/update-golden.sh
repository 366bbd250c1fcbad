#!/bin/sh
# update-golden.sh - regenerate the end-to-end golden files from the current build, on purpose.
# Review the diff (git diff tests/e2e) line by line before committing it.
set -eu
make --no-print-directory all
db=$(mktemp -u /tmp/fc-golden-XXXXXX.db)
trap 'rm -f "$db" "$db-wal" "$db-shm"' EXIT
build/bin/figcheck run -q --db "$db" --pack corpus/labour-2016/pack corpus/labour-2016 >tests/e2e/labour-2016.report.txt
build/bin/figcheck claims --db "$db" >tests/e2e/labour-2016.claims.jsonl
build/bin/figcheck discrepancies --db "$db" >tests/e2e/labour-2016.discrepancies.jsonl
build/bin/figcheck segments --db "$db" >tests/e2e/labour-2016.segments.jsonl
git --no-pager diff --stat -- tests/e2e
