# offsets.sh - every claim carries every DESIGN.md field, and its byte offsets select its quote and figure.
. tests/e2e/lib.sh.inc
db=$T/o.db
$FC run -q --db "$db" --pack corpus/labour-2016/pack corpus/labour-2016 >/dev/null 2>&1
$FC claims --db "$db" >"$T/claims.jsonl"
$FC segments --db "$db" >"$T/segments.jsonl"
check "some claims" test -s "$T/claims.jsonl"
python3 - "$T/claims.jsonl" "$T/segments.jsonl" <<'PY' >"$T/out" 2>&1
import json, sys
fields = "id doc origin source url published segment speaker subject object metric period value low high unit hedge qualifier quote start end rule".split()
segs = {}
for line in open(sys.argv[2], encoding="utf-8"):
    s = json.loads(line)
    segs[s["segment_id"]] = s["text"].encode("utf-8")
bad = 0
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    n += 1
    missing = [f for f in fields if f not in c]
    if missing:
        print("claim", c.get("id"), "lacks", missing); bad += 1; continue
    t = segs[c["segment_id"]]
    if t[c["start"]:c["end"]].decode("utf-8") != c["quote"]:
        print("claim", c["id"], "quote offsets wrong"); bad += 1
    if t[c["figure_start"]:c["figure_end"]].decode("utf-8") != c["figure"]:
        print("claim", c["id"], "figure offsets wrong"); bad += 1
    if not (c["start"] <= c["figure_start"] < c["figure_end"] <= c["end"]):
        print("claim", c["id"], "figure outside its sentence"); bad += 1
print(n, "claims checked,", bad, "bad")
sys.exit(1 if bad or n == 0 else 0)
PY
check "fields and offsets of every claim ($(tail -n 1 "$T/out"))" test $? -eq 0 || cat "$T/out"
finish
