#!/usr/bin/env bash
# A 200 MB single line: extraction finishes, finds the claims in it, and its peak memory
# stays within three times the document (lines are read in pieces of 1 MiB).
# Usage: long-line.sh CLAIMCHECK
set -euo pipefail
CC=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# one line: a claim every ~64 KB in Arabic filler, no line break anywhere
filler=$(printf 'وتواصل الحكومة العمل على برامج التنمية المحلية في المحافظات %.0s' $(seq 1 600))
claim='اعتقلت الشرطة المغربية 12 شخصا عام 2020. '
block=$(printf '%s%s' "$filler" "$claim" | wc -c)
for ((i = 0; i < (209715200 + block - 1) / block; i++)); do
  printf '%s%s' "$filler" "$claim"
done > "$WORK/long.txt"
bytes=$(stat -c %s "$WORK/long.txt")
lines=$(wc -l < "$WORK/long.txt")
"$CC" -v --budget 0 extract --format jsonl "$WORK/long.txt" > "$WORK/facts.jsonl" 2> "$WORK/log.txt" ||
  { echo "FAIL: extract exited with $?:"; tail -20 "$WORK/log.txt"; exit 1; }
facts=$(wc -l < "$WORK/facts.jsonl")
peak=$(grep -o 'peak memory [0-9]* MB' "$WORK/log.txt" | grep -o '[0-9]*')
echo "$((bytes / 1048576)) MB on $lines line breaks: $facts facts, peak memory $peak MB"
[ "$facts" -gt 1000 ] || { echo "FAIL: the claims in the line were not found"; exit 1; }
if [ -n "${CLAIMCHECK_SANITIZED:-}" ]; then
  # sanitizers add shadow memory and redzones: the bound is checked by the plain build
  echo "(sanitizer build: peak memory reported, not checked against 3x)"
else
  [ "$peak" -le $((3 * bytes / 1048576)) ] || { echo "FAIL: peak memory above 3x the document"; exit 1; }
fi
echo "PASS"
