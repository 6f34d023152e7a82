#!/usr/bin/env bash
# Documents extracted on several threads give what one thread gives, byte for byte: extract
# (files and JSON lines, every output format) and ingest (every stored row but the time of
# ingest) with -j 1 and -j 2, on the fixtures and, with ../shared beside the checkout, on a
# slice of the real-news week. Usage: parallel.sh CLAIMCHECK SOURCE_DIR [fixtures|realnews]
set -euo pipefail
CC=$1 SRC=$2 WHAT=${3:-fixtures}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
same() {  # same WHAT FILE1 FILE2
  cmp -s "$2" "$3" || { diff "$2" "$3" | head -20; fail "$1: -j 1 and -j 2 differ"; }
  echo "same: $1 ($(wc -c < "$2") bytes)"
}
# every row of a corpus but ingested_at, in a fixed order
dump() {
  python3 - "$1" << 'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for table, order in (("documents", "id"), ("facts", "doc, n"), ("sentences", "doc, n"),
                     ("metadata", "key")):
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
    for row in db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"):
        print(table, repr(row))
EOF
}

if [ "$WHAT" = realnews ]; then
  WEEK="$SRC/../shared/real-news/ar-2013-02-14-to-20.jsonl"
  [ -f "$WEEK" ] || { echo "skipped: ../shared/real-news is absent"; exit 77; }
  head -n 3000 "$WEEK" > "$WORK/in.jsonl"
else
  # the fixtures as files, and as JSON lines (their text, without the front matter)
  mapfile -t FILES < <(find "$SRC/fixtures" -name '*.txt' -o -name '*.html' | sort)
  python3 - "${FILES[@]}" > "$WORK/in.jsonl" << 'EOF'
import json, sys
for i, path in enumerate(sys.argv[1:]):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 3) + 5:]
    print(json.dumps({"id": f"f{i}", "text": text, "date": "2023-01-15"}, ensure_ascii=False))
EOF
  for fmt in json jsonl text; do
    for j in 1 2; do "$CC" extract -j "$j" --format "$fmt" "${FILES[@]}" > "$WORK/files.$fmt.$j"; done
    same "extract --format $fmt of ${#FILES[@]} files" "$WORK/files.$fmt.1" "$WORK/files.$fmt.2"
  done
fi
lines=$(wc -l < "$WORK/in.jsonl")
for fmt in json jsonl text; do
  for j in 1 2; do "$CC" extract -j "$j" --input jsonl --format "$fmt" "$WORK/in.jsonl" > "$WORK/lines.$fmt.$j"; done
  same "extract --input jsonl --format $fmt of $lines lines" "$WORK/lines.$fmt.1" "$WORK/lines.$fmt.2"
done
facts=$(wc -l < "$WORK/lines.jsonl.1")
[ "$facts" -gt 10 ] || fail "only $facts facts: the comparison would prove nothing"
for j in 1 2; do
  mkdir "$WORK/j$j"
  (cd "$WORK/j$j" && "$CC" -q ingest -j "$j" --db c.sqlite --input jsonl "$WORK/in.jsonl") > "$WORK/ingest.$j"
  dump "$WORK/j$j/c.sqlite" > "$WORK/rows.$j"
done
same "ingest --input jsonl: what it prints" "$WORK/ingest.1" "$WORK/ingest.2"
same "ingest --input jsonl: the rows stored" "$WORK/rows.1" "$WORK/rows.2"
grep -q "^facts" "$WORK/rows.1" || fail "no fact stored"
echo "PASS"
