#!/usr/bin/env bash
# Requests/s of a simple list call (GET /api/v1/vms?size=20) under 50 concurrent clients against a
# running system, next to a baseline measured in the same run: WildFly's management /health/live.
#
#   QVD_API_URL=https://localhost:9443/api QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   QVD_MGMT_URL=http://127.0.0.1:9990 bench/api/run.sh [clients] [seconds]
#
# Three figures for the list: with Basic (every request checks the bcrypt hash, as the realm is
# configured), with a bearer token (HMAC check + one identity lookup), and the baseline.
set -euo pipefail
cd "$(dirname "$0")"
clients=${1:-50}
seconds=${2:-20}
api=${QVD_API_URL:-https://localhost:9443/api}
mgmt=${QVD_MGMT_URL:-http://127.0.0.1:9990}
login=${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}
password=${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}
basic="Basic $(printf '%s:%s' "$login" "$password" | base64 -w0)"
token=$(curl -sfk -X POST -H "Authorization: $basic" "$api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
echo "# $(date -u +%FT%TZ) $(nproc) cores; $clients clients, ${seconds}s each after a 3 s warm-up"
java ListLoad.java "baseline mgmt /health/live" "$mgmt/health/live" "$clients" "$seconds"
java ListLoad.java "GET /api/v1/vms?size=20 (bearer)" "$api/v1/vms?size=20" "$clients" "$seconds" "Bearer $token"
java ListLoad.java "GET /api/v1/vms?size=20 (basic)" "$api/v1/vms?size=20" "$clients" "$seconds" "$basic"
