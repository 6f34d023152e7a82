#!/usr/bin/env bash
# ingest --input jsonl as a user runs it: documents stored under their JSON id, the same
# lines again changing nothing, the same texts under other ids stored anew, a bad line
# reported with its file:line and nothing stored, and the progress bar on a terminal only.
# Usage: jsonl.sh CLAIMCHECK SOURCE_DIR
set -euo pipefail
CC=$1 SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$SRC"
DB=$WORK/c.sqlite
fail() { echo "FAIL: $*"; exit 1; }
expect() {  # expect "what" "needle" "haystack"
  grep -qF -- "$2" <<< "$3" || fail "$1: expected «$2» in:"$'\n'"$3"
}
line() {  # line ID TEXT: one JSON line
  python3 -c 'import json, sys; print(json.dumps({"id": sys.argv[1], "text": sys.argv[2], "date": "2020-05-01", "source": "EG/interior_ministry"}, ensure_ascii=False))' "$1" "$2"
}
{
  line "eg/1" "اعتقلت الشرطة المصرية 12 شخصا عام 2020."
  echo
  line "eg/2" "أعلنت وزارة الداخلية المصرية أن الشرطة اعتقلت أكثر من ثلاثين شخصا عام 2020."
} > "$WORK/a.jsonl"

out=$("$CC" ingest --db "$DB" --input jsonl "$WORK/a.jsonl")
expect "ingest" "stored S1 eg/1 (1 facts)" "$out"
expect "ingest" "stored S2 eg/2 (1 facts)" "$out"
expect "ingest" "$DB: 2 stored, 0 unchanged" "$out"
out=$("$CC" db --db "$DB" list)
expect "list" $'S1\t1\t' "$out"
expect "list" $'\t2020-05-01\t' "$out"
expect "list: named by the JSON id" $'\teg/2\t' "$out"
out=$("$CC" ingest --db "$DB" --input jsonl "$WORK/a.jsonl")
expect "again" "unchanged S1 eg/1 (the same document is already stored)" "$out"
expect "again" "$DB: 0 stored, 2 unchanged" "$out"
sed 's/"eg\//"copy\//' "$WORK/a.jsonl" > "$WORK/b.jsonl"
out=$("$CC" ingest --db "$DB" --input jsonl "$WORK/b.jsonl")
expect "other ids" "stored S3 copy/1 (1 facts)" "$out"
out=$("$CC" db --db "$DB" info)
expect "info" "documents 4" "$out"
expect "info" "facts 4" "$out"
# a check names the stored documents by their ids
out=$("$CC" check --db "$DB" fixtures/compare-numeric-contradiction/a.txt)
expect "check" "S2  eg/2" "$out"

# a bad line: its file and line, exit 3, and nothing of the batch stored
{ line "ok/1" "اعتقلت الشرطة المصرية 15 شخصا عام 2021."; echo '{"id": "bad", "text": 12}'; } > "$WORK/bad.jsonl"
set +e
out=$("$CC" ingest --db "$DB" --input jsonl "$WORK/a.jsonl" "$WORK/bad.jsonl" 2>&1)
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "a bad line exits 3, not $rc"
expect "bad line" "claimcheck: $WORK/bad.jsonl:2: expected an object with a \"text\" string (nothing of this ingest was stored)" "$out"
[[ "$out" != *"stored S"* ]] || fail "a failed batch reports documents stored: $out"
expect "after the bad line" "documents 4" "$("$CC" db --db "$DB" info)"
out=$("$CC" ingest --db "$DB" --input jsonl "$WORK/none.jsonl" 2>&1 || true)
expect "missing file" "claimcheck: $WORK/none.jsonl: no such file" "$out"
"$CC" db --db "$DB" check > /dev/null

# the progress bar: on a terminal (script gives one), never into a pipe or a file
python3 -c 'import json
for i in range(300):
    print(json.dumps({"id": f"p/{i}", "text": f"اعتقلت الشرطة المصرية {i + 2} شخصا عام 2019."}, ensure_ascii=False))' > "$WORK/many.jsonl"
"$CC" ingest --db "$WORK/p1.sqlite" --input jsonl "$WORK/many.jsonl" 2> "$WORK/err.txt" > /dev/null
[ ! -s "$WORK/err.txt" ] || fail "progress written to a file: $(head -c 200 "$WORK/err.txt")"
if command -v script > /dev/null; then
  script -qec "$CC ingest --db $WORK/p2.sqlite --input jsonl $WORK/many.jsonl > /dev/null" /dev/null > "$WORK/tty.txt"
  grep -q $'\r\[#*-*\] [0-9]*% [0-9]* documents' "$WORK/tty.txt" || fail "no progress bar on a terminal: $(head -c 300 "$WORK/tty.txt" | od -c | head)"
  echo "a progress bar on a terminal, none in a file"
fi
echo "PASS"
