#!/bin/sh
# run-tests.sh - run every test: the cmocka unit programs given as arguments, then the end-to-end tests.
# Prints each program's cmocka summary and closes with one line: "N passed, N failed".
set -u
unit_only=0
[ "${1:-}" = "--unit-only" ] && { unit_only=1; shift; }
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$@"; do
	name=$(basename "$t")
	if "$t" >"$log" 2>&1; then rc=0; else rc=$?; fi
	# cmocka's summary may share a line with other output: match it anywhere.
	p=$(grep -o '\[  PASSED  \] [0-9]* test(s)' "$log" | tail -n 1 | tr -dc '0-9')
	f=$(grep -o '\[  FAILED  \] [0-9]* test(s)' "$log" | tail -n 1 | tr -dc '0-9')
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $name"
		cat "$log"
	else
		echo "ok   $name: $p passed"
	fi
done
if [ "$unit_only" = 0 ]; then
	for t in tests/e2e/*.sh tests/figures/run.sh; do
		name=$(basename "$(dirname "$t")")/$(basename "$t" .sh)
		if sh "$t" >"$log" 2>&1; then
			n=$(grep -c '^ok ' "$log")
			[ "$n" -gt 0 ] || n=1
			passed=$((passed + n))
			echo "ok   $name: $n passed"
		else
			n=$(grep -c '^ok ' "$log")
			passed=$((passed + n))
			failed=$((failed + 1))
			echo "FAIL $name"
			cat "$log"
		fi
	done
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
