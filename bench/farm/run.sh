#!/usr/bin/env bash
# bench/farm: a large farm on one node. STAND-IN HOST AGENTS (farm-stand-in-<run>-<n>: real JMS clients over the
# system's broker, speaking qvd-protocol, no libvirt, no guests) register, then beat every PERIOD ms with the VMs
# each runs (written by SQL as running on them); the program reports the server's CPU, the heartbeat-to-database lag,
# the database's growth, VM placement under concurrent starts (REST) and the detection of hosts killed at once.
#
#   QVD_API_URL=https://localhost:9443/api QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   QVD_BENCH_BROKER='tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor' \
#   QVD_BENCH_HKD_CONF=data/hkd/hkd.conf QVD_BENCH_JDBC='jdbc:postgresql://127.0.0.1:15432/qvd?user=postgres&password=postgres' \
#   bench/farm/run.sh [hosts, 1000] [VMs per host, 10] [period ms, 5000] [steady seconds, 120] [killed, 50] [starts, 100]
#
# Needs a built tree (the HKD agent's jar: Artemis client and qvd-protocol) and the PostgreSQL driver in ~/.m2.
# The stand-in hosts and their VMs stay in the database afterwards (a tenant of their own): drop the system's data.
set -euo pipefail
cd "$(dirname "$0")"
hosts=${1:-1000}
per_host=${2:-10}
period=${3:-5000}
steady=${4:-120}
kill=${5:-50}
starts=${6:-100}
api=${QVD_API_URL:-https://localhost:9443/api}
broker=${QVD_BENCH_BROKER:-tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor}
conf=${QVD_BENCH_HKD_CONF:-../../data/hkd/hkd.conf}
jdbc=${QVD_BENCH_JDBC:-jdbc:postgresql://127.0.0.1:15432/qvd?user=postgres&password=postgres}
admin="Basic $(printf '%s:%s' "${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}" "${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}" | base64 -w0)"
broker_user=$(sed -n 's/^broker.user=//p' "$conf")
broker_password=$(sed -n 's/^broker.password=//p' "$conf")
agent_jar=$(ls ../../qvd-hkd-agent/target/qvd-hkd-agent-*-all.jar | head -1)
pg_version=$(sed -n 's#.*<postgresql.version>\(.*\)</postgresql.version>.*#\1#p' ../../pom.xml)
pg_jar=${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql/$pg_version/postgresql-$pg_version.jar

rest() { curl -sfk -X "$1" -H "Authorization: $admin" -H 'Content-Type: application/json' ${3:+--data "$3"} "$api/v1$2"; }
id_of() { sed 's/.*"id":\([0-9]*\).*/\1/'; }
tag=farm$(date +%s)
tenant=$(rest POST /tenants "{\"name\":\"$tag\",\"description\":\"bench/farm\"}" | id_of)
osf=$(rest POST /osfs "{\"tenantId\":$tenant,\"name\":\"$tag\",\"memoryMb\":512}" | id_of)
# a DI only names a file the VMAS placed: a few uploaded bytes stand for the image (no guest boots here)
printf 'QFI bench/farm stand-in image' | curl -sfk -X POST -H "Authorization: $admin" \
  -H 'Content-Type: application/octet-stream' --data-binary @- "$api/v1/dis/upload?osfId=$osf&fileName=$tag.qcow2&tag=default" >/dev/null
user=$(rest POST /users "{\"tenantId\":$tenant,\"login\":\"farm\",\"password\":\"Farm-Bench-$tag!\"}" | id_of)
server_pid=$(ss -ltnpH "sport = :$(sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#' <<<"$api")" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)

echo "# $(date -u +%FT%TZ) $(nproc) cores; $hosts stand-in hosts x $per_host VMs, beat every $period ms; tenant $tag"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -Dfarm.wildfly.pid="${server_pid:-0}" -cp "$agent_jar:$pg_jar" Farm.java "$broker" "$broker_user" \
  "$broker_password" "$jdbc" "$api" "$admin" "$tenant" "$osf" "$user" "$hosts" "$per_host" "$period" "$steady" \
  "$kill" "$starts" "${QVD_BENCH_HOSTS_PER_CONNECTION:-1}"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
