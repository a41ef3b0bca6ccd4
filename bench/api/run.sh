#!/usr/bin/env bash
# Requests/s of a simple list call (GET /api/v1/vms?size=20) under 50 concurrent clients against a
# running system, as a ratio to a baseline measured by the same command against the same server, same
# listener (HTTPS), same concurrency: the unauthenticated GET /api/health/live.
#
#   QVD_API_URL=https://localhost:9443/api QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   bench/api/run.sh [clients] [seconds]
#
# QVD_BENCH_LIST measures another list the same way (default /vms?size=20; e.g. /users?size=20, /osfs?size=20).
# Three figures for the list: with a bearer token (HMAC check + one identity lookup), with Basic
# (every request checks the bcrypt hash, as the realm is configured), and the baseline. When the
# system holds fewer than 20 VMs, it first creates an OSF, a user and VMs named bench-* (tenant 1).
# After each figure it prints where the CPU went meanwhile: the server (the local process listening on the
# API port), the database (QVD_BENCH_DB_PORT, e.g. the embedded PostgreSQL's, if set), the load generator,
# everything else on the machine, and idle.
set -euo pipefail
cd "$(dirname "$0")"
clients=${1:-50}
seconds=${2:-20}
api=${QVD_API_URL:-https://localhost:9443/api}
login=${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}
password=${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}
tenant=${QVD_BENCH_TENANT:-1}
list=${QVD_BENCH_LIST:-/vms?size=20} # another list: e.g. QVD_BENCH_LIST='/users?size=20'
basic="Basic $(printf '%s:%s' "$login" "$password" | base64 -w0)"

rest() { # method path [json]
  curl -sfk -X "$1" -H "Authorization: $basic" -H 'Content-Type: application/json' ${3:+--data "$3"} "$api/v1$2"
}
id_of() { sed 's/.*"id":\([0-9]*\).*/\1/'; }

seed() {
  local total
  total=$(rest GET '/vms?size=1' | sed 's/.*"total":\([0-9]*\).*/\1/')
  [ "$total" -ge 20 ] && return
  local osf user tag
  tag=$(date +%s)
  osf=$(rest POST /osfs "{\"tenantId\":$tenant,\"name\":\"bench-$tag\",\"memoryMb\":512}" | id_of)
  user=$(rest POST /users "{\"tenantId\":$tenant,\"login\":\"bench-$tag\",\"password\":\"Bench-Pw-$tag\"}" | id_of)
  for i in $(seq "$total" 19); do
    rest POST /vms "{\"userId\":$user,\"osfId\":$osf,\"name\":\"bench-$tag-$i\"}" >/dev/null
  done
  echo "# seeded $((20 - total)) VMs (bench-$tag-*)"
}

reqs() { awk '{for (i = 2; i <= NF; i++) if ($i == "req/s") print $(i - 1)}'; }

# CPU accounting, so a figure taken on a shared machine can be judged: jiffies of all cores (total, idle),
# of the server process (the one listening on the API port, when it is local) and of the load generator.
hz=$(getconf CLK_TCK)
port=$(sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#' <<<"$api"); port=${port:-443}
listener() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
server_pid=$(listener "$port")
db_pid=${QVD_BENCH_DB_PORT:+$(listener "$QVD_BENCH_DB_PORT")}
cpu_all() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6}' /proc/stat; }
cpu_of() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
# a process and its direct children (PostgreSQL: the postmaster and its backends, pooled for the whole run)
cpu_tree() {
  [ -n "$1" ] || { echo 0; return; }
  awk -v p="$1" '$1 == p || $4 == p {t += $14 + $15} END {print t + 0}' /proc/[0-9]*/stat 2>/dev/null
}

# figure LABEL URL [AUTHORIZATION]: one ListLoad run; its line, then where the CPU went meanwhile
figure() {
  local total0 idle0 total1 idle1 srv0 srv1 db0 db1 gen
  read -r total0 idle0 < <(cpu_all)
  srv0=$(cpu_of "$server_pid")
  db0=$(cpu_tree "$db_pid")
  gen=$( { TIMEFORMAT='%U %S'; time java ListLoad.java "$1" "$2" "$clients" "$seconds" ${3:+"$3"} \
    >"$out" 2>"$out.err"; } 2>&1 )
  read -r total1 idle1 < <(cpu_all)
  srv1=$(cpu_of "$server_pid")
  db1=$(cpu_tree "$db_pid")
  cat "$out"
  cat "$out.err" >&2
  awk -v t=$((total1 - total0)) -v i=$((idle1 - idle0)) -v s=$((srv1 - srv0)) -v d=$((db1 - db0)) -v g="$gen" \
    -v hz="$hz" -v known="${server_pid:+1}" -v db="${db_pid:+1}" -v r="$(reqs <"$out")" -v secs="$seconds" 'BEGIN {
      split(g, u, " "); gj = (u[1] + u[2]) * hz; o = t - i - gj - s - d
      printf "#   cpu meanwhile (%% of all cores): server %s, database %s, load generator %.0f%%, others %.0f%%, " \
        "idle %.0f%%\n", (known ? sprintf("%.0f%%", 100 * s / t) : "n/a"), (db ? sprintf("%.0f%%", 100 * d / t) : "n/a"),
        100 * gj / t, 100 * (o < 0 ? 0 : o) / t, 100 * i / t
      # CPU per request (warm-up counted at the same rate): what a request costs whatever else the machine runs
      if (known && r > 0) printf "#   cpu per request: %.2f ms (server + database)\n", 1000 * (s + d) / hz / (r * (secs + 3))
    }'
}

out=$(mktemp); trap 'rm -f "$out" "$out.err"' EXIT
seed
token=$(rest POST /auth/token | sed 's/.*"token":"\([^"]*\)".*/\1/')
echo "# $(date -u +%FT%TZ) $(nproc) cores; $clients clients, ${seconds}s each after a 3 s warm-up"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
base_line=$(figure "baseline GET /api/health/live" "$api/health/live")
echo "$base_line"
bearer_line=$(figure "GET /api/v1$list (bearer)" "$api/v1$list" "Bearer $token")
echo "$bearer_line"
basic_line=$(figure "GET /api/v1$list (basic)" "$api/v1$list" "$basic")
echo "$basic_line"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
base=$(head -1 <<<"$base_line" | reqs)
cpu_ms() { sed -n 's/.*cpu per request: \([0-9.]*\) ms.*/\1/p'; }
base_cpu=$(cpu_ms <<<"$base_line")
for line in "$bearer_line" "$basic_line"; do
  cpu=$(cpu_ms <<<"$line")
  line=$(head -1 <<<"$line")
  awk -v r="$(reqs <<<"$line")" -v b="$base" -v l="${line%%clients=*}" -v c="$cpu" -v bc="$base_cpu" \
    'BEGIN { printf "ratio %s to baseline: %.3f (requests/s); %s (CPU per request, baseline / this)\n", l,
      (b > 0 ? r / b : 0), (c > 0 ? sprintf("%.3f", bc / c) : "n/a") }'
done
