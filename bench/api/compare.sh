#!/usr/bin/env bash
# Two systems side by side (e.g. main's build and a change), measured by run.sh in turns within one command, so that
# both see the same machine load: A, B, A, B, ... Each turn prints run.sh's ratios (list / health of that system);
# the last lines sum them up per system (median of the turns).
#
#   QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   bench/api/compare.sh https://localhost:11893/api https://localhost:11843/api [clients] [seconds] [turns]
#
# QVD_BENCH_DB_PORT_A / QVD_BENCH_DB_PORT_B: each system's database port, for the CPU lines.
set -euo pipefail
cd "$(dirname "$0")"
a=${1:?URL of system A}
b=${2:?URL of system B}
clients=${3:-50}
seconds=${4:-15}
turns=${5:-2}
log=$(mktemp); trap 'rm -f "$log"' EXIT
for turn in $(seq "$turns"); do
  for side in A B; do
    if [ "$side" = A ]; then url=$a db=${QVD_BENCH_DB_PORT_A:-}; else url=$b db=${QVD_BENCH_DB_PORT_B:-}; fi
    echo "## turn $turn, system $side ($url)"
    QVD_API_URL=$url QVD_BENCH_DB_PORT=$db ./run.sh "$clients" "$seconds" | tee /dev/stderr |
      sed -n "s/^ratio \(.*\) to baseline: \([0-9.]*\) (requests\/s); \([0-9.na\/]*\) .*/$side \1|\2|\3/p" >>"$log"
  done
done 2>&1
echo "## median over $turns turns: requests/s ratio to the same system's health baseline; CPU per request ratio"
sort "$log" | awk -F'|' '{k = $1; r[k] = r[k] " " $2; c[k] = c[k] " " $3} END {
  for (k in r) {
    n = split(r[k], x, " "); asort(x); m = split(c[k], y, " "); asort(y)
    printf "%s: %s (turns:%s); CPU %s\n", k, (n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2), r[k], c[k]
  }}' | sort
