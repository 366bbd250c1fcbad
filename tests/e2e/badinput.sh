# badinput.sh - bad inputs get one clear line naming the file; the rest of the batch is processed.
. tests/e2e/lib.sh.inc
db=$T/b.db
mkdir -p "$T/in" "$T/empty"
cp corpus/labour-2016/002-*.txt "$T/in/good.txt"
# Octal escapes: POSIX printf has no \x.
printf '\177ELF\002\001\001\000\000\000binary\000\000' >"$T/in/prog.txt"
printf 'Corbyn won 285 nominations, caf\351 \377\376 and 53 for Smith.\n' >"$T/in/latin.txt"
echo "nothing to see" >"$T/empty/notes.md"
$FC ingest --db "$db" "$T/in" "$T/missing.txt" "$T/empty" 2>"$T/err"
rc=$?
check "exit 3 for bad input (got $rc)" test $rc -eq 3
check "missing file named" grep -q "cannot open '$T/missing.txt': No such file" "$T/err"
check "binary file named" grep -q "'$T/in/prog.txt': binary file" "$T/err"
check "invalid UTF-8 named with its byte" grep -q "'$T/in/latin.txt': invalid UTF-8 at byte 31 (line 1)" "$T/err"
check "empty directory named" grep -q "directory '$T/empty': no readable documents" "$T/err"
check "one line per problem" test "$(grep -c "^figcheck-ingest: '\|^figcheck-ingest: cannot\|^figcheck-ingest: directory" "$T/err")" -eq 4
n=$(sqlite3 "$db" "select count(*) from document")
check "the good and the repairable documents are in ($n)" test "$n" -eq 2
$FC strip --db "$db" 2>"$T/err2"
check "strip reports the repaired bytes" grep -q "latin.txt': 3 invalid UTF-8 bytes replaced" "$T/err2"
$FC extract --db "$db" 2>/dev/null
n=$(sqlite3 "$db" "select count(*) from claim c join document d on d.id = c.doc where d.origin like '%latin.txt'")
check "claims from the repaired document ($n)" test "$n" -ge 2
$FC segments --db "$db" | python3 -c 'import sys,json; [json.loads(l) for l in sys.stdin]' 2>/dev/null
check "segments export is valid UTF-8 JSON" test $? -eq 0
# A broken pack is an error naming the file and line, not a crash.
mkdir -p "$T/pack"
printf 'corbyn\tperson\n' >"$T/pack/actors.tsv"
$FC extract --db "$db" --redo --pack "$T/pack" 2>"$T/err3"
rc=$?
check "broken pack: exit 3 (got $rc)" test $rc -eq 3
check "broken pack: file and line named" grep -q "actors.tsv': line 1: expected id, kind, name" "$T/err3"
finish
