# strike.sh - a second story with its own pack and no C of its own: the pack format generalises.
. tests/e2e/lib.sh.inc
db=$T/s.db
$FC run -q --db "$db" corpus/strike-2026 >"$T/report.txt" 2>"$T/err"
rc=$?
check "run on corpus/strike-2026 finds its own pack (exit $rc)" test $rc -eq 0
$FC discrepancies --db "$db" >"$T/d.jsonl"
kinds() { python3 -c 'import json,sys; print(" ".join(sorted({json.loads(l)["kind"] for l in sys.stdin})))' <"$T/d.jsonl"; }
k=$(kinds)
for want in spread conflict derived superseded; do
	case " $k " in *" $want "*) ok "finds a $want finding" ;; *) fail "no $want finding (found: $k)" ;; esac
done
# Organisers and police disagree: a spread, never an outlet's error.
check "organisers vs police is a spread" grep -q '"kind":"spread".*"metric":"crowd_size".*police' "$T/d.jsonl"
# The Courier's 97 against the union's 84: a conflict between outlets.
check "97 vs 84 votes against is a conflict" grep -q '"kind":"conflict".*"metric":"votes_against_strike"' "$T/d.jsonl"
# 41 of 120 services is 34.2%, not "35 per cent".
check "35 per cent of services is derived wrong" grep -q '"kind":"derived".*"metric":"services_share".*34.17' "$T/d.jsonl"
# Comments are claims of their commenters and never compared.
n=$(sqlite3 "$db" "select count(*) from discrepancy_claim dc join claim c on c.id = dc.claim join segment s on s.id = c.segment where s.kind = 'comment'")
check "no finding rests on a reader comment ($n)" test "$n" -eq 0
finish
