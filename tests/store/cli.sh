#!/usr/bin/env bash
# The corpus commands as a user runs them: ingest and its idempotence, db info, list, show
# and remove, check (text, JSON with the stored documents named, --save), re-extraction
# after a lexicon change, and the errors for a missing corpus and an unknown document.
# Usage: cli.sh CLAIMCHECK SOURCE_DIR
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

out=$("$CC" ingest --db "$DB" fixtures/report-demo/a.txt fixtures/compare-numeric-contradiction/a.txt)
expect "ingest" "stored S1 fixtures/report-demo/a.txt (5 facts)" "$out"
expect "ingest" "$DB: 2 stored, 0 unchanged" "$out"
out=$("$CC" ingest --db "$DB" fixtures/report-demo/a.txt)
expect "ingest again" "unchanged S1 fixtures/report-demo/a.txt (the same content is already stored)" "$out"
expect "ingest again" "$DB: 0 stored, 1 unchanged" "$out"

out=$("$CC" db --db "$DB" info)
expect "info" "schema version 4" "$out"
expect "info" "documents 2" "$out"
expect "info" "facts 6" "$out"
expect "info" "stale documents 0" "$out"
out=$("$CC" db --db "$DB" list)
expect "list" $'S2\t1\t' "$out"
out=$("$CC" db --db "$DB" show S1)
expect "show" "document S1: fixtures/report-demo/a.txt" "$out"
expect "show" $'S1:1\t2\tcount\tTN\tarrest\tperson\t= 140\tin 2022' "$out"

# check: the new article against the corpus, naming the stored documents involved
out=$("$CC" check --db "$DB" fixtures/report-demo/b.txt)
expect "check" "S1  fixtures/report-demo/a.txt" "$out"
# only findings about the new article: the stored one's lone membership is not one
expect "check" "summary: 2 corroborates, 0 compatible, 0 updates, 1 differs, 2 contradicts, 1 single-source" "$out"
[[ "$out" != *"S2 "* ]] || fail "check: the Egyptian article shares no key and must not appear"
"$CC" check --db "$DB" --format json -o "$WORK/r.json" fixtures/report-demo/b.txt
grep -q '"id": "S1"' "$WORK/r.json" || fail "check --format json names S1"
"$CC" check --db "$DB" --format html -o "$WORK/r.html" fixtures/report-demo/b.txt
grep -q 'id="doc-S1"' "$WORK/r.html" || fail "check --format html shows S1"
set +e
"$CC" -q check --db "$DB" --fail-on contradicts fixtures/report-demo/b.txt > /dev/null
[ $? -eq 1 ] || fail "check --fail-on contradicts exits 1"
set -e
"$CC" -q check --db "$DB" --save fixtures/report-demo/b.txt > /dev/null
out=$("$CC" db --db "$DB" info)
expect "check --save" "documents 3" "$out"

# a lexicon change makes stored facts stale; --reextract brings them up to date
mkdir -p "$WORK/data/grammar"
cp -r grammar/lexicon "$WORK/data/grammar/"
cp -r rules "$WORK/data/"
echo "# a comment added after ingest" >> "$WORK/data/grammar/lexicon/ar/cues.tsv"
out=$("$CC" --data "$WORK/data" db --db "$DB" info)
expect "stale" "stale documents 3" "$out"
out=$("$CC" --data "$WORK/data" ingest --db "$DB" --reextract)
expect "reextract" "re-extracted S1 fixtures/report-demo/a.txt (5 facts before, 5 now)" "$out"
expect "reextract" "0 stored, 0 unchanged, 3 re-extracted" "$out"
out=$("$CC" --data "$WORK/data" db --db "$DB" info)
expect "after reextract" "stale documents 0" "$out"

out=$("$CC" db --db "$DB" remove S2)
expect "remove" "removed S2" "$out"
out=$("$CC" db --db "$DB" remove S2 2>&1 || true)
expect "remove again" "claimcheck: $DB: no document S2" "$out"
out=$("$CC" db --db "$DB" show x12 2>&1 || true)
expect "bad id" "expected a stored document id such as S12, not 'x12'" "$out"
out=$("$CC" check --db "$WORK/none.sqlite" fixtures/report-demo/b.txt 2>&1 || true)
expect "missing corpus" "claimcheck: $WORK/none.sqlite: no such corpus (claimcheck ingest --db creates one)" "$out"
[ ! -e "$WORK/none.sqlite" ] || fail "check created a corpus"
"$CC" db --db "$DB" check

# an HTML page: stored with its bytes, read back as a page (its text, its spans mapped)
HTMLDB="$WORK/html.sqlite"
out=$("$CC" ingest --db "$HTMLDB" fixtures/ar-html/article.html)
expect "html ingest" "stored S1 fixtures/ar-html/article.html (3 facts)" "$out"
printf 'فككت وحدات الجيش الجزائري 15 خلية إرهابية خلال الثلاثي الأول من سنة 2023.\n' > "$WORK/dz.txt"
"$CC" check --db "$HTMLDB" "$WORK/dz.txt" --format html -o "$WORK/dz.html" || fail "html check"
expect "html report" 'data-verdict="contradicts" tabindex="0" role="button" aria-pressed="false" title="S1:1' "$(tr -d '\n' < "$WORK/dz.html")"
expect "html report" '>فككت 12 خلية إرهابية</mark>' "$(cat "$WORK/dz.html")"
echo "PASS"
