#!/usr/bin/env bash
# A reader can check against a corpus while another process ingests into it (WAL): every
# check succeeds while the ingest runs, and the ingest finishes cleanly.
# Usage: concurrent.sh CLAIMCHECK SOURCE_DIR
set -euo pipefail
CC=$1 SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source "$SRC/tests/store/articles.sh"
make_articles "$SRC" "$WORK/in" 12000
"$CC" -q ingest --db "$WORK/c.sqlite" "$WORK/in/000001.txt" > /dev/null

"$CC" -q ingest --db "$WORK/c.sqlite" "$WORK"/in/*.txt > "$WORK/out.txt" &
pid=$!
checks=0
# an article about Egypt: each check queries the corpus while it grows, and stays quick
# because the Tunisian articles being ingested share no key with it
while kill -0 "$pid" 2> /dev/null && [ "$checks" -lt 20 ]; do
  "$CC" -q check --db "$WORK/c.sqlite" --format json "$SRC/fixtures/compare-numeric-contradiction/b.txt" > "$WORK/report.json"
  grep -q '"schema": "claimcheck.report/1"' "$WORK/report.json"
  checks=$((checks + 1))
done
during=$checks
wait "$pid"
echo "$during checks succeeded while the ingest ran; ingest: $(tail -1 "$WORK/out.txt")"
[ "$during" -ge 3 ] || { echo "FAIL: fewer than 3 checks ran during the ingest"; exit 1; }
"$CC" db --db "$WORK/c.sqlite" check
echo "PASS"
