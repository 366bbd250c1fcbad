# idempotent.sh - running the pipeline or any stage again over the same inputs leaves the database unchanged.
. tests/e2e/lib.sh.inc
db=$T/i.db
$FC run -q --db "$db" --pack corpus/labour-2016/pack corpus/labour-2016 >/dev/null 2>&1
sqlite3 "$db" .dump >"$T/a.sql"
$FC run -q --db "$db" --pack corpus/labour-2016/pack corpus/labour-2016 >/dev/null 2>&1
sqlite3 "$db" .dump >"$T/b.sql"
check "second run leaves the database unchanged" cmp -s "$T/a.sql" "$T/b.sql"
for s in ingest strip extract compare; do
	if [ $s = ingest ]; then $FC ingest -q --db "$db" corpus/labour-2016 2>/dev/null; else $FC $s -q --db "$db" 2>/dev/null; fi
	sqlite3 "$db" .dump >"$T/c.sql"
	check "figcheck $s again adds nothing" cmp -s "$T/a.sql" "$T/c.sql"
done
n=$(sqlite3 "$db" "select count(*) from document")
check "five documents, not more ($n)" test "$n" -eq 5
# A stage resumes: documents ingested later are the only ones stripped.
$FC ingest -q --db "$db" corpus/strike-2026 2>/dev/null
p=$(sqlite3 "$db" "select count(*) from document where stripped_at is null")
check "new documents are pending ($p)" test "$p" -gt 0
$FC strip -q --db "$db" 2>/dev/null
p=$(sqlite3 "$db" "select count(*) from document where stripped_at is null")
check "strip did the pending ones ($p left)" test "$p" -eq 0
check "the integrity check passes" test "$(sqlite3 "$db" 'pragma integrity_check')" = ok
check "WAL mode" test "$(sqlite3 "$db" 'pragma journal_mode')" = wal
check "schema version 4" test "$(sqlite3 "$db" 'pragma user_version')" = 4
# An older database is migrated in place: its rows stay, the new indexes arrive, the unused go.
sqlite3 "$db" "drop index claim_segment; drop index discrepancy_claim_claim;
	create index claim_subject on claim(subject, metric); pragma user_version = 1"
n0=$(sqlite3 "$db" "select count(*) from claim")
$FC claims --db "$db" >/dev/null
check "version 1 database migrated to 4" test "$(sqlite3 "$db" 'pragma user_version')" = 4
check "migration added the cascade indexes" test "$(sqlite3 "$db" "select count(*) from sqlite_master where name in ('claim_segment', 'discrepancy_claim_claim')")" = 2
check "migration dropped claim_subject" test "$(sqlite3 "$db" "select count(*) from sqlite_master where name = 'claim_subject'")" = 0
check "migration kept every claim ($n0)" test "$(sqlite3 "$db" "select count(*) from claim")" = "$n0"
# Before schema 4 the raw bytes were a column of document: they move to document_raw, and
# stripping again reads them from there.
text() { sqlite3 "$db" "select group_concat(text, '|') from (select text from segment order by doc, seq)" | cksum; }
t0=$(text)
sqlite3 "$db" "alter table document add column raw blob;
	update document set raw = (select raw from document_raw where doc = document.id);
	drop table document_raw; pragma user_version = 3"
$FC claims --db "$db" >/dev/null
check "version 3 database migrated to 4" test "$(sqlite3 "$db" 'pragma user_version')" = 4
check "raw bytes moved out of the document row" test "$(sqlite3 "$db" "select count(*) from pragma_table_info('document') where name = 'raw'")" = 0
check "every document kept its raw bytes" test "$(sqlite3 "$db" "select count(*) from document_raw r join document d on d.id = r.doc where length(r.raw) > 0")" = "$(sqlite3 "$db" "select count(*) from document")"
$FC strip -q --redo --db "$db" 2>/dev/null
check "stripping again after the move gives the same text" test "$(text)" = "$t0"
check "the integrity check passes after the move" test "$(sqlite3 "$db" 'pragma integrity_check')" = ok
finish
