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
log=$(mktemp); turn_out=$(mktemp); trap 'rm -f "$log" "$turn_out"' EXIT
for turn in $(seq "$turns"); do
  for side in A B; do
    if [ "$side" = A ]; then url=$a db=${QVD_BENCH_DB_PORT_A:-}; else url=$b db=${QVD_BENCH_DB_PORT_B:-}; fi
    echo "## turn $turn, system $side ($url)"
    QVD_API_URL=$url QVD_BENCH_DB_PORT=$db ./run.sh "$clients" "$seconds" >"$turn_out" 2>&1 || true
    cat "$turn_out"
    sed -n "s/^ratio GET \([^ ]*\) (\([a-z]*\)) *to baseline: \([0-9.]*\) (requests\/s); \([0-9.na\/]*\) .*/$side \1 \2 \3 \4/p" \
      "$turn_out" >>"$log"
  done
done
echo "## median over $turns turns: requests/s ratio to the same system's health baseline (each turn's in brackets)"
for key in $(awk '{print $1 "|" $2 "|" $3}' "$log" | sort -u); do
  IFS='|' read -r side path auth <<<"$key"
  values=$(awk -v s="$side" -v p="$path" -v a="$auth" '$1 == s && $2 == p && $3 == a {print $4}' "$log" | sort -n)
  cpu=$(awk -v s="$side" -v p="$path" -v a="$auth" '$1 == s && $2 == p && $3 == a {print $5}' "$log" | tr '\n' ' ')
  median=$(awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}' <<<"$values")
  echo "$side $path $auth: $median [$(tr '\n' ' ' <<<"$values")] CPU per request vs baseline: $cpu"
done
