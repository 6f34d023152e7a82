# Sourced by the corpus tests and benchmark scripts: make_articles SOURCE_DIR OUT_DIR N
# writes N distinct Arabic articles, each a fixture article of ours with one sentence of
# its own (a different count and year), so that each has its own content hash.
make_articles() {
  local src=$1 out=$2 n=$3 i
  mkdir -p "$out"
  local base name
  base=$(< "$src/fixtures/report-demo/a.txt")
  for ((i = 1; i <= n; i++)); do
    printf -v name '%06d' "$i"  # no subshell: a fork per file would dominate
    printf '%s\nوقالت الشرطة إنها اعتقلت %d شخصا عام %d.\n' "$base" "$i" $((2000 + i % 23)) \
      > "$out/$name.txt"
  done
}
