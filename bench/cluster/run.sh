#!/usr/bin/env bash
# The logon storm (connect_to_vm -> 101, N clients at once, first logins then returning users) against ONE node and
# against TWO nodes through HAProxy, in the same command (docs/cluster.md, issue 14). Needs a running two-node cluster
# of ./qvd cluster; both runs go through an HAProxy of this script's own with the cluster's options, so the only
# difference is the number of nodes behind it:
#
#   QVD_HOME=/tmp/cl QVD_PORT_OFFSET=1900 QVD_PG_PORT=17332 QVD_LOCAL_HKD=off QVD_SUPERADMIN_PASSWORD=Bench-Pw-1 \
#     QVD_L7R_MAX_CONNECTIONS_PER_ADDRESS=2000 ./qvd cluster &
#   QVD_HOME=/tmp/cl QVD_PORT_OFFSET=1900 QVD_PG_PORT=17332 QVD_ADMIN_PASSWORD=Bench-Pw-1 bench/cluster/run.sh [N, 100]
#
# Prints bench/l7r's storm lines for both and the ratio one node / two nodes of the first logins' and the returning
# connects' p50 and p99 (> 1: two nodes are faster). One machine runs everything here, so two nodes share its cores:
# read the ratio as what the balancer and a second node cost or give on the same hardware, not as scale-out.
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-100}
home=${QVD_HOME:?set QVD_HOME to the home of the cluster}
offset=${QVD_PORT_OFFSET:-0}
pg_port=${QVD_PG_PORT:-15432}
cfg="$home/haproxy/haproxy.cfg"
[ -f "$cfg" ] || { echo "no cluster config at $cfg (start ./qvd cluster first)" >&2; exit 2; }
servers='$1 == "backend" {b = ($2 == "qvd-l7r"); next} $1 == "frontend" {b = 0} b && $1 == "server" {print $2, $3}'
nodes=$(awk "$servers" "$cfg")
[ "$(wc -l <<<"$nodes")" -ge 2 ] || { echo "the cluster needs two nodes" >&2; exit 2; }
one_port=$((8443 + offset + 5)); two_port=$((8443 + offset + 6))
work=$(mktemp -d)
{
  echo "defaults"; echo "    mode tcp"; echo "    timeout connect 3s"; echo "    timeout client 1h"; echo "    timeout server 1h"
  echo "global"; echo "    maxconn 4000"
  echo "listen one-node"; echo "    bind 127.0.0.1:$one_port"; echo "    balance leastconn"
  head -1 <<<"$nodes" | while read -r name addr; do echo "    server $name $addr send-proxy"; done
  echo "listen two-nodes"; echo "    bind 127.0.0.1:$two_port"; echo "    balance leastconn"
  while read -r name addr; do echo "    server $name $addr send-proxy"; done <<<"$nodes"
} >"$work/haproxy.cfg"
/usr/sbin/haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!
trap 'kill $haproxy_pid 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
superuser_pw=$(sed -n 's/^superuser.password=//p' "$home/db.properties")
export QVD_API_URL=https://localhost:$((9443 + offset))/api QVD_ADMIN_LOGIN=${QVD_ADMIN_LOGIN:-superadmin@*}
export QVD_BENCH_PSQL="postgresql://postgres:$superuser_pw@127.0.0.1:$pg_port/qvd" QVD_BENCH_P3_ROUNDS=0
first_node=$(head -1 <<<"$nodes" | cut -d' ' -f1)
echo "# bench/cluster: storm of $n against one node, $first_node, and two nodes, same HAProxy options"
for target in one:$one_port two:$two_port; do
  QVD_L7R=127.0.0.1:${target#*:} ../l7r/run.sh 1 500 0 "$n" | tee "$work/${target%%:*}.out" | grep -v '^# deleted'
done
ratio() { # label field
  a=$(grep "^storm $1" "$work/one.out" | sed -n "s/.*$2=[ ]*\([0-9.]*\) ms.*/\1/p")
  b=$(grep "^storm $1" "$work/two.out" | sed -n "s/.*$2=[ ]*\([0-9.]*\) ms.*/\1/p")
  awk -v a="$a" -v b="$b" -v l="$1 $2" 'BEGIN {printf "ratio one/two nodes, %-32s %8.1f / %8.1f ms = %.2f\n", l, a, b, a / b}'
}
ratio "first logins" p50; ratio "first logins" p99; ratio "returning connect" p50; ratio "returning connect" p99
# the machine may be busier during one run than the other: each run's own hash floor says how much
grep -h "hash floor =" "$work/one.out" "$work/two.out" | sed 's/^/hash floor of the run: /' 
