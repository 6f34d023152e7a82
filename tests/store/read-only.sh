#!/usr/bin/env bash
# A corpus the user cannot write (the file and its folder read-only; WAL mode, so readers
# would normally need a shared-memory file beside it) can still be checked against.
# Root ignores file permissions, so the check runs as the user nobody when the test runs
# as root, and as the current user (who cannot write a 0444 file in a 0555 folder) else.
# Usage: read-only.sh CLAIMCHECK SOURCE_DIR
set -euo pipefail
CC=$1 SRC=$2
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK"; rm -rf "$WORK"' EXIT
chmod 755 "$WORK"
mkdir "$WORK/ro"
"$CC" -q ingest --db "$WORK/ro/c.sqlite" "$SRC/fixtures/report-demo/a.txt" > /dev/null
chmod 444 "$WORK/ro/c.sqlite"
chmod 555 "$WORK/ro"
before=$(sha256sum "$WORK/ro/c.sqlite")
run=()
if [ "$(id -u)" = 0 ]; then
  run=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  # nobody may not be able to reach the checkout (under /root, say): give it copies
  mkdir -p "$WORK/data/grammar"
  cp "$CC" "$WORK/claimcheck"
  cp -r "$SRC/grammar/lexicon" "$WORK/data/grammar/"
  cp -r "$SRC/rules" "$WORK/data/"
  cp "$SRC/fixtures/report-demo/b.txt" "$WORK/b.txt"
  chmod -R a+rX "$WORK/claimcheck" "$WORK/data" "$WORK/b.txt"
  CC=$WORK/claimcheck SRC=$WORK/data
  ARTICLE=$WORK/b.txt
else
  ARTICLE=$SRC/fixtures/report-demo/b.txt
fi
out=$("${run[@]}" "$CC" --data "$SRC" check --db "$WORK/ro/c.sqlite" "$ARTICLE")
grep -qF "summary: 2 corroborates" <<< "$out" || { echo "FAIL: $out"; exit 1; }
out=$("${run[@]}" "$CC" --data "$SRC" ingest --db "$WORK/ro/c.sqlite" "$ARTICLE" 2>&1 || true)
echo "writing refused: $out"
grep -qF "claimcheck: $WORK/ro/c.sqlite: cannot be written here (a read-only file or folder); check and db can still read it" <<< "$out" ||
  { echo "FAIL: writing a read-only corpus: $out"; exit 1; }
[ "$(sha256sum "$WORK/ro/c.sqlite")" = "$before" ] || { echo "FAIL: the corpus changed"; exit 1; }
[ ! -e "$WORK/ro/c.sqlite-shm" ] || { echo "FAIL: a shared-memory file appeared"; exit 1; }
echo "PASS"
