# cli.sh - every program answers --help and --version on stdout with exit 0, and usage errors with exit 2.
. tests/e2e/lib.sh.inc
for p in "$(dirname "$FC")"/figcheck*; do
	n=$(basename "$p")
	$p --help >"$T/out" 2>"$T/err"; rc=$?
	check "$n --help exits 0" test $rc -eq 0
	check "$n --help prints usage on stdout" grep -q "usage: figcheck" "$T/out"
	$p --version >"$T/out" 2>&1; rc=$?
	check "$n --version" test $rc -eq 0 -a -n "$(cat "$T/out")"
	$p --no-such-option >/dev/null 2>"$T/err"; rc=$?
	check "$n rejects an unknown option with 2" test $rc -eq 2
done
$FC no-such-command 2>"$T/err"; rc=$?
check "unknown command: exit 2" test $rc -eq 2
check "unknown command: named" grep -q "'no-such-command' is not a figcheck command" "$T/err"
$FC claims --help | grep -q "figcheck claims"
check "figcheck dispatches to figcheck-claims" test $? -eq 0
$FC report --db "$T/x.db" --format pdf 2>"$T/err"; rc=$?
check "bad format: exit 2" test $rc -eq 2
if [ -w /dev/full ]; then
	$FC --help >/dev/full 2>"$T/err"; rc=$?
	check "a full disk on stdout is an error (exit $rc)" test $rc -eq 4
fi
finish
