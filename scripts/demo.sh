#!/bin/sh
# demo.sh - run the whole pipeline on the sample corpus into a fresh database and print the report.
set -eu
db=${FIGCHECK_DEMO_DB:-build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
echo "figcheck run corpus/labour-2016 --pack corpus/labour-2016/pack --db $db" >&2
build/bin/figcheck run --db "$db" --pack corpus/labour-2016/pack corpus/labour-2016
