#!/usr/bin/env bash
# Requests/s of a simple list call (GET /api/v1/vms?size=20) under 50 concurrent clients against a
# running system, as a ratio to a baseline measured by the same command against the same server, same
# listener (HTTPS), same concurrency: the unauthenticated GET /api/health/live.
#
#   QVD_API_URL=https://localhost:9443/api QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   bench/api/run.sh [clients] [seconds]
#
# Three figures for the list: with a bearer token (HMAC check + one identity lookup), with Basic
# (every request checks the bcrypt hash, as the realm is configured), and the baseline. When the
# system holds fewer than 20 VMs, it first creates an OSF, a user and VMs named bench-* (tenant 1).
set -euo pipefail
cd "$(dirname "$0")"
clients=${1:-50}
seconds=${2:-20}
api=${QVD_API_URL:-https://localhost:9443/api}
login=${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}
password=${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}
tenant=${QVD_BENCH_TENANT:-1}
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

seed
token=$(rest POST /auth/token | sed 's/.*"token":"\([^"]*\)".*/\1/')
echo "# $(date -u +%FT%TZ) $(nproc) cores; $clients clients, ${seconds}s each after a 3 s warm-up"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
base_line=$(java ListLoad.java "baseline GET /api/health/live" "$api/health/live" "$clients" "$seconds")
echo "$base_line"
bearer_line=$(java ListLoad.java "GET /api/v1/vms?size=20 (bearer)" "$api/v1/vms?size=20" "$clients" "$seconds" \
  "Bearer $token")
echo "$bearer_line"
basic_line=$(java ListLoad.java "GET /api/v1/vms?size=20 (basic)" "$api/v1/vms?size=20" "$clients" "$seconds" "$basic")
echo "$basic_line"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
base=$(reqs <<<"$base_line")
for line in "$bearer_line" "$basic_line"; do
  awk -v r="$(reqs <<<"$line")" -v b="$base" -v l="${line%%clients=*}" \
    'BEGIN { printf "ratio %s to baseline: %.3f\n", l, (b > 0 ? r / b : 0) }'
done
