#!/usr/bin/env bash
# Logon load on the L7R (issue 5 P1/P3, issue 15 storms), every figure against a baseline measured by the same
# command on the same listener: GET /qvd/ping on a fresh TLS connection, same concurrency; first logins also against
# the hash floor (the time this machine takes for N password-hash checks on all its cores, measured in this run).
#
#   QVD_API_URL=https://localhost:9443/api QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   QVD_L7R=127.0.0.1:8443 QVD_BENCH_PSQL=postgresql://postgres:SUPERUSER_PASSWORD@127.0.0.1:15432/qvd \
#   bench/l7r/run.sh [iterations per client, 20] [think ms, 500] [loop concurrencies, 1,100,200,500] [storms, 200,500]
#
# (SUPERUSER_PASSWORD: superuser.password in QVD_HOME/db.properties of ./qvd run.) QVD_BENCH_KEEP=FILE keeps the
# users and VMs for the next run (bench/l7r/README.md). One user and one VM per client. The storms use users of their own (a first login must be a first login): 200 and
# 500 storms need 700 users; the loops reuse the first ones. The VMs "run" on a STAND-IN VMA and NX agent started by
# the load program on this machine (no hypervisor): the script creates a tenant, the users and their VMs through the
# REST API, points the VM runtime rows at the stand-ins by SQL (as the L7R system tests do), and deletes them at the
# end. P3: bytes/s from the stand-in NX agent through the L7R tunnel against a direct TLS stream of the same bytes
# from the same program, same run ($QVD_BENCH_P3_MIB MiB, $QVD_BENCH_P3_ROUNDS rounds; 0 rounds skips it).
set -euo pipefail
cd "$(dirname "$0")"
iterations=${1:-20}
think_ms=${2:-500}
concurrencies=${3-1,100,200,500} # "" or 0: no loops
storms=${4-200,500}               # "" or 0: no storms
api=${QVD_API_URL:-https://localhost:9443/api}
l7r=${QVD_L7R:-127.0.0.1:8443}
psql_url=${QVD_BENCH_PSQL:-postgresql://postgres:postgres@127.0.0.1:15432/qvd}
vma_port=${QVD_BENCH_VMA_PORT:-18830}
nx_port=${QVD_BENCH_NX_PORT:-18831}
p3_mib=${QVD_BENCH_P3_MIB:-32}
p3_rounds=${QVD_BENCH_P3_ROUNDS:-12}
p3_warmup=${QVD_BENCH_P3_WARMUP_MIB:-512}
# the L7R's process (the WildFly node) when it runs on this machine: its CPU time per MiB tunnelled is printed
l7r_pid=${QVD_BENCH_L7R_PID:-0}
parallel=${QVD_BENCH_SETUP_PARALLEL:-4}
admin="Basic $(printf '%s:%s' "${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}" "${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}" | base64 -w0)"
sum() { tr ',' '\n' <<<"$1" | awk '{s += $1} END {print s + 0}'; }
max() { tr ',' '\n' <<<"$1" | awk '$1 > m {m = $1} END {print m + 0}'; }
users=$(sum "$storms"); loops=$(max "$concurrencies"); [ "$loops" -gt "$users" ] && users=$loops
[ "$users" -gt 0 ] || { echo "nothing to measure" >&2; exit 2; }

# the load program verifies bcrypt hashes for the floor: the same library and version the VMAS uses
bcrypt_version=$(sed -n 's#.*<bcrypt.version>\(.*\)</bcrypt.version>.*#\1#p' ../../pom.xml)
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp="$m2/at/favre/lib/bcrypt/$bcrypt_version/bcrypt-$bcrypt_version.jar:$(ls "$m2"/at/favre/lib/bytes/*/bytes-*.jar | tail -1)"

rest() { # method path [json]
  curl -sfk -X "$1" -H "Authorization: $admin" -H 'Content-Type: application/json' ${3:+--data "$3"} "$api/v1$2"
}
id_of() { sed 's/.*"id":\([0-9]*\).*/\1/'; }
sql() { psql -q -t -A "$psql_url" -c "$1"; }
# the setup's hundreds of calls use one bearer token rather than a password check each
admin="Bearer $(rest POST /auth/token | sed 's/.*"token":"\([^"]*\)".*/\1/')"
export -f rest id_of; export api admin

work=$(mktemp -d)
keep=${QVD_BENCH_KEEP:-}
if [ -n "$keep" ] && [ -s "$keep" ]; then
  # the users, VMs and hashes of an earlier run (QVD_BENCH_KEEP): their first login after a server restart is a first
  # login again (the verified-credential cache lives in the server's memory)
  [ "$(wc -l <"$keep")" -ge "$users" ] || { echo "$keep has fewer than $users users" >&2; exit 1; }
  cp "$keep" "$work/clients"
  echo "# reusing $(wc -l <"$keep") users and VMs of $keep (restart the server first: first logins must be first)"
  trap 'rm -rf "$work"' EXIT
else
  tag=bench$(date +%s)
  tenant=$(rest POST /tenants "{\"name\":\"$tag\",\"description\":\"bench/l7r\"}" | id_of)
  osf=$(rest POST /osfs "{\"tenantId\":$tenant,\"name\":\"$tag\",\"memoryMb\":512}" | id_of)
  # the tenant's VM addresses: a range of its own inside the VM network (10.3.0.0/16), given explicitly per VM so
  # that parallel creation never races for the next free one
  rest PUT "/config/vm.network.ip.start?tenantId=$tenant" '{"value":"10.3.32.1"}' >/dev/null
  rest PUT "/config/vm.network.ip.end?tenantId=$tenant" '{"value":"10.3.63.250"}' >/dev/null
  cleanup() {
    local list
    list=$(cut -d' ' -f1 "$work/clients" 2>/dev/null | paste -sd,)
    if [ -n "$list" ]; then
      sql "UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, vma_port = NULL, x_port = NULL,
           user_state = 'disconnected', user_state_ts = now(), user_cmd = NULL WHERE vm_id IN ($list)" >/dev/null || true
      tr ',' '\n' <<<"$list" | xargs -P "$parallel" -I{} bash -c 'rest DELETE /vms/{} >/dev/null || true'
      echo "# deleted the bench VMs of tenant $tag"
    fi
    rm -rf "$work"
  }
  trap cleanup EXIT
  # user i: login u<i>, own password, one VM
  echo "# creating $users users and VMs in tenant $tag..."
  seq 1 "$users" | xargs -P "$parallel" -I{} bash -c '
    i={}; pw="Bench-L7r-'"$tag"'-$i!"
    u=$(rest POST /users "{\"tenantId\":'"$tenant"',\"login\":\"u$i\",\"password\":\"$pw\"}" | id_of)
    v=$(rest POST /vms "{\"userId\":$u,\"osfId\":'"$osf"',\"name\":\"vm$i\",\"ip\":\"10.3.$((32 + i / 250)).$((i % 250 + 1))\"}" | id_of)
    echo "$i $v u$i@'"$tag"' $pw"' | sort -n >"$work/created"
  [ "$(wc -l <"$work/created")" -eq "$users" ] || { echo "could not create $users users and VMs" >&2; exit 1; }
  sql "SELECT u.login, u.password_hash FROM app_user u WHERE u.tenant_id = $tenant" | tr '|' ' ' >"$work/hashes"
  awk 'NR == FNR {h[$1 "@'"$tag"'"] = $2; next} {print $2, $3, $4, h[$3]}' "$work/hashes" "$work/created" >"$work/clients"
  if [ -n "$keep" ]; then
    cp "$work/clients" "$keep"
    trap 'rm -rf "$work"' EXIT
    echo "# kept the users and VMs of tenant $tag in $keep (QVD_BENCH_KEEP): delete the tenant's VMs by hand"
  fi
fi
list=$(cut -d' ' -f1 "$work/clients" | paste -sd,)
sql "UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', vma_port = $vma_port,
     x_port = $nx_port, user_state = 'disconnected' WHERE vm_id IN ($list)" >/dev/null

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
  "L7R $l7r; storms $storms, loops $concurrencies ($iterations connects per client, ${think_ms} ms pause)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" L7rConnectLoad.java "$l7r" "$vma_port" "$nx_port" "$iterations" "$think_ms" "$concurrencies" \
  "$storms" "$work/clients"
echo "# load average after P1: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$p3_rounds" -gt 0 ]; then
  first=$(head -1 "$work/clients")
  read -r vm login password _ <<<"$first"
  token=$(curl -sfk --http1.1 -H "Authorization: Basic $(printf '%s:%s' "$login" "$password" | base64 -w0)" \
    "https://$l7r/qvd/create_auth_token" | sed 's/.*"auth_token":"\([^"]*\)".*/\1/')
  keytool -genkeypair -keystore "$work/direct.p12" -storetype PKCS12 -storepass changeit -alias direct \
    -keyalg EC -groupname secp256r1 -validity 2 -dname CN=localhost >/dev/null 2>&1
  java L7rTunnelThroughput.java "$l7r" "$vma_port" "$nx_port" "$p3_mib" "$p3_rounds" "$vm" "Bearer $token" \
    "$work/direct.p12" changeit "$p3_warmup" "$l7r_pid"
  echo "# load average after P3: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
