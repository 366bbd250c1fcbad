# golden.sh - the sample corpus's claims and discrepancies, compared with the reviewed expected files.
# Regenerate on purpose with scripts/update-golden.sh.
. tests/e2e/lib.sh.inc
db=$T/g.db
$FC run -q --db "$db" --pack corpus/labour-2016/pack corpus/labour-2016 >"$T/report.txt" 2>"$T/err"
check "run exits 0 on the sample corpus" test $? -eq 0
$FC claims --db "$db" >"$T/claims.jsonl"
$FC discrepancies --db "$db" >"$T/disc.jsonl"
$FC segments --db "$db" >"$T/segments.jsonl"
for f in claims disc segments; do
	case $f in claims) g=tests/e2e/labour-2016.claims.jsonl ;; disc) g=tests/e2e/labour-2016.discrepancies.jsonl ;;
		segments) g=tests/e2e/labour-2016.segments.jsonl ;; esac
	if diff -u "$g" "$T/$f.jsonl" >"$T/diff"; then ok "$f match $g"; else fail "$f differ from $g"; cat "$T/diff"; fi
done
if diff -u tests/e2e/labour-2016.report.txt "$T/report.txt" >"$T/diff"; then ok "report matches"; else fail "report differs"; cat "$T/diff"; fi
finish
