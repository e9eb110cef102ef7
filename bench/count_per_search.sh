#!/bin/sh
# Instructions per search of morgue and of stock Xapian, query by query, counted by callgrind
# (docs/benchmarks.md, "What changed in this round"): each query runs 6 times and once in a
# process of its own, and (6 runs - 1 run) / 5 leaves out start-up and the first search's
# cache filling. Counts do not depend on the machine's load.
#
#   bench/count_per_search.sh BUILD_DIR SCRATCH_DIR [MODE] < queries
#
# BUILD_DIR holds bench/morgue-bench-probe; SCRATCH_DIR holds morgue.db and xapian.db (e.g.
# build/bench/scratch/1x after `morgue-bench --scales 1 --source-limit 4000 --engines
# morgue,xapian --repeats 1`). MODE is top10 (the default), count or facets. One query a line
# on standard input; prints a Markdown table of millions of instructions per search.
set -eu
build=$1
scratch=$2
mode=${3:-top10}
probe=$build/bench/morgue-bench-probe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() {  # engine index repeats -> instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$probe" --engine "$1" \
    --index "$2" --queries "$work/query" --mode "$mode" --repeats "$3" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per_search() {  # engine index -> millions of instructions per search
  six=$(count "$1" "$2" 6)
  one=$(count "$1" "$2" 1)
  echo "$six $one" | awk '{ printf "%.2f", ($1 - $2) / 5 / 1e6 }'
}

echo "| query | morgue M | stock Xapian M | ratio |"
echo "|---|---|---|---|"
while IFS= read -r query; do
  [ -z "$query" ] && continue
  printf '%s\n' "$query" >"$work/query"
  morgue=$(per_search morgue "$scratch/morgue.db")
  xapian=$(per_search xapian "$scratch/xapian.db")
  ratio=$(echo "$morgue $xapian" | awk '{ printf "%.2f", $1 / $2 }')
  echo "| \`$query\` | $morgue | $xapian | ${ratio}× |"
done
