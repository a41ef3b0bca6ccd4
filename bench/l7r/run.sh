#!/usr/bin/env bash
# P1 and P3 of issue 5. P1: connect_to_vm -> 101 for a VM that already runs, with 1 and 100 concurrent clients (p50/p99),
# against a baseline measured by the same command: GET /qvd/ping on a fresh TLS connection to the same L7R
# listener, same concurrency, same loop. Every connect opens a fresh TLS connection, as QVD clients do.
#
#   QVD_API_URL=https://localhost:9443/api QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   QVD_L7R=127.0.0.1:8443 QVD_BENCH_PSQL=postgresql://postgres:postgres@127.0.0.1:15432/qvd \
#   bench/l7r/run.sh [iterations per client] [think ms] [concurrencies]
#
# The VMs "run" on a STAND-IN VMA and NX agent started by the load program on this machine (no hypervisor):
# the script creates a tenant, a user and one VM per client through the REST API, points their runtime rows
# at the stand-ins by SQL (as the L7R system tests do), and deletes them all at the end. Two connect figures:
# Basic auth (a bcrypt check per connection, as the Perl CLI logs in) and a Bearer token (create_auth_token).
# P3: bytes/s from the stand-in NX agent through the L7R tunnel against a direct TLS stream of the same bytes
# from the same program, same run ($QVD_BENCH_P3_MIB MiB, $QVD_BENCH_P3_ROUNDS rounds; 0 rounds skips it).
set -euo pipefail
cd "$(dirname "$0")"
iterations=${1:-20}
think_ms=${2:-500}
concurrencies=${3:-1,100}
api=${QVD_API_URL:-https://localhost:9443/api}
l7r=${QVD_L7R:-127.0.0.1:8443}
psql_url=${QVD_BENCH_PSQL:-postgresql://postgres:postgres@127.0.0.1:15432/qvd}
vma_port=${QVD_BENCH_VMA_PORT:-18830}
nx_port=${QVD_BENCH_NX_PORT:-18831}
p3_mib=${QVD_BENCH_P3_MIB:-128}
p3_rounds=${QVD_BENCH_P3_ROUNDS:-3}
admin="Basic $(printf '%s:%s' "${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}" "${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}" | base64 -w0)"
clients=$(tr ',' '\n' <<<"$concurrencies" | sort -n | tail -1)

rest() { # method path [json]
  curl -sfk -X "$1" -H "Authorization: $admin" -H 'Content-Type: application/json' ${3:+--data "$3"} "$api/v1$2"
}
id_of() { sed 's/.*"id":\([0-9]*\).*/\1/'; }
sql() { psql -q -t -A "$psql_url" -c "$1"; }

tag=bench$(date +%s)
password="Bench-L7r-$tag"
tenant=$(rest POST /tenants "{\"name\":\"$tag\",\"description\":\"bench/l7r\"}" | id_of)
user=$(rest POST /users "{\"tenantId\":$tenant,\"login\":\"u\",\"password\":\"$password\"}" | id_of)
osf=$(rest POST /osfs "{\"tenantId\":$tenant,\"name\":\"$tag\",\"memoryMb\":512}" | id_of)
rest POST /dis "{\"osfId\":$osf,\"path\":\"/var/lib/qvd/images/$tag.qcow2\",\"makeDefault\":true}" >/dev/null
vms=()
cleanup() {
  [ ${#vms[@]} -eq 0 ] && return
  local list
  list=$(IFS=,; echo "${vms[*]}")
  sql "UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, vma_port = NULL, x_port = NULL,
       user_state = 'disconnected', user_state_ts = now(), user_cmd = NULL WHERE vm_id IN ($list)" >/dev/null || true
  for vm in "${vms[@]}"; do rest DELETE "/vms/$vm" >/dev/null || true; done
  echo "# deleted the ${#vms[@]} bench VMs of tenant $tag"
}
trap cleanup EXIT
for i in $(seq 1 "$clients"); do
  vms+=("$(rest POST /vms "{\"userId\":$user,\"osfId\":$osf,\"name\":\"vm$i\"}" | id_of)")
done
list=$(IFS=,; echo "${vms[*]}")
sql "UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', vma_port = $vma_port,
     x_port = $nx_port WHERE vm_id IN ($list)" >/dev/null

basic="Basic $(printf '%s:%s' "u@$tag" "$password" | base64 -w0)"
token=$(curl -sfk --http1.1 -H "Authorization: $basic" "https://$l7r/qvd/create_auth_token" \
  | sed 's/.*"auth_token":"\([^"]*\)".*/\1/')

echo "# $(date -u +%FT%TZ) $(nproc) cores; L7R $l7r; ${#vms[@]} VMs of tenant $tag; $iterations connects per client, ${think_ms} ms pause between"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java L7rConnectLoad.java "$l7r" "$vma_port" "$nx_port" "$iterations" "$think_ms" "$concurrencies" \
  "basic=$basic" "bearer token=Bearer $token" -- "${vms[@]}"
echo "# load average after P1: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$p3_rounds" -gt 0 ]; then
  store=$(mktemp -d)
  keytool -genkeypair -keystore "$store/direct.p12" -storetype PKCS12 -storepass changeit -alias direct \
    -keyalg RSA -keysize 2048 -validity 2 -dname CN=localhost >/dev/null 2>&1
  java L7rTunnelThroughput.java "$l7r" "$vma_port" "$nx_port" "$p3_mib" "$p3_rounds" "${vms[0]}" "Bearer $token" \
    "$store/direct.p12" changeit
  rm -rf "$store"
  echo "# load average after P3: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
