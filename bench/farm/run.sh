#!/usr/bin/env bash
# bench/farm: a large farm on one node. STAND-IN HOST AGENTS (farm-stand-in-<run>-<n>: real JMS clients over the
# system's broker, TLS and one broker account each as real agents, speaking qvd-protocol, no libvirt, no guests)
# register, then beat every PERIOD ms with the VMs each runs (written by SQL as running on them); the program reports
# the server's CPU, the heartbeat-to-database lag, the database's growth, VM placement under concurrent starts (REST; and
# placement alone, from the VMAS's FINE log of VmLifecycle, switched on for the run)
# and the detection of hosts killed at once.
#
#   QVD_BENCH_HOME=/tmp/bench-home QVD_BENCH_PORT_OFFSET=1350 QVD_ADMIN_LOGIN='superadmin@*' QVD_ADMIN_PASSWORD=... \
#   bench/farm/run.sh [hosts, 1000] [VMs per host, 10] [period ms, 5000] [steady seconds, 120] [killed, 50] [starts, 100]
#
# QVD_BENCH_HOME is the QVD_HOME of a system started by `./qvd run` on this machine (its port offset in
# QVD_BENCH_PORT_OFFSET): the script issues a broker account per stand-in host in its realm files and lets each
# consume its own queue (management CLI, one batch), trusts its CA, and reads the database with the application
# account from db.properties. Overrides: QVD_API_URL, QVD_BENCH_BROKER, QVD_BENCH_JDBC, QVD_BENCH_MGMT_PORT.
# Needs a built tree (the HKD agent's jar: Artemis client and qvd-protocol) and the PostgreSQL driver in ~/.m2.
# The stand-in hosts, their VMs and their broker accounts stay afterwards (a tenant of their own): throw the
# system's QVD_HOME away after benchmarking.
set -euo pipefail
cd "$(dirname "$0")"
hosts=${1:-1000}
per_host=${2:-10}
period=${3:-5000}
steady=${4:-120}
kill=${5:-50}
starts=${6:-100} # at most 254 (one /24 of the VM network)
home=${QVD_BENCH_HOME:?set QVD_BENCH_HOME to the QVD_HOME of the system under test}
offset=${QVD_BENCH_PORT_OFFSET:-0}
https=$((9443 + offset))
api=${QVD_API_URL:-https://localhost:$https/api}
mgmt=${QVD_BENCH_MGMT_PORT:-$((9990 + offset))}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
keytool -importcert -noprompt -alias qvd-ca -file "$home/tls/ca.pem" -keystore "$work/trust.p12" -storetype PKCS12 \
  -storepass qvd-public >/dev/null 2>&1
broker=${QVD_BENCH_BROKER:-tcp://localhost:$https?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&sslEnabled=true&trustStorePath=$work/trust.p12&trustStorePassword=qvd-public&trustStoreType=PKCS12}
prop() { sed -n "s/^$1=//p" "$home/db.properties"; }
jdbc=${QVD_BENCH_JDBC:-jdbc:postgresql://127.0.0.1:${QVD_PG_PORT:-15432}/qvd?user=$(prop app.user)&password=$(prop app.password)}
admin="Basic $(printf '%s:%s' "${QVD_ADMIN_LOGIN:?set QVD_ADMIN_LOGIN}" "${QVD_ADMIN_PASSWORD:?set QVD_ADMIN_PASSWORD}" | base64 -w0)"
agent_jar=$(ls ../../qvd-hkd-agent/target/qvd-hkd-agent-*-all.jar | head -1)
pg_version=$(sed -n 's#.*<postgresql.version>\(.*\)</postgresql.version>.*#\1#p' ../../pom.xml)
pg_jar=${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql/$pg_version/postgresql-$pg_version.jar
wildfly_home=$(ls -d ../../qvd-wildfly/target/wildfly)

rest() { curl -sfk -X "$1" -H "Authorization: $admin" -H 'Content-Type: application/json' ${3:+--data "$3"} "$api/v1$2"; }
id_of() { sed 's/.*"id":\([0-9]*\).*/\1/'; }
tag=farm$(date +%s)
run=$(( $(date +%s) % 100000 ))
tenant=$(rest POST /tenants "{\"name\":\"$tag\",\"description\":\"bench/farm\"}" | id_of)
osf=$(rest POST /osfs "{\"tenantId\":$tenant,\"name\":\"$tag\",\"memoryMb\":512}" | id_of)
# a DI only names a file the VMAS placed: a few uploaded bytes stand for the image (no guest boots here)
printf 'QFI bench/farm stand-in image' | curl -sfk -X POST -H "Authorization: $admin" \
  -H 'Content-Type: application/octet-stream' --data-binary @- "$api/v1/dis/upload?osfId=$osf&fileName=$tag.qcow2&tag=default" >/dev/null
# the VMs that start in the placement round need addresses of the VM network: a /24 of its own for this tenant
net=10.3.$((16 + run % 200))
rest PUT "/config/vm.network.ip.start?tenantId=$tenant" "{\"value\":\"$net.1\"}" >/dev/null
rest PUT "/config/vm.network.ip.end?tenantId=$tenant" "{\"value\":\"$net.254\"}" >/dev/null
user=$(rest POST /users "{\"tenantId\":$tenant,\"login\":\"farm\",\"password\":\"Farm-Bench-$tag!\"}" | id_of)
server_pid=$(ss -ltnpH "sport = :$https" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)

# one broker account per stand-in host, as docs/server.md issues them: qvd-hkd-<host> in roles qvd-hkd and
# qvd-hkd-<host> (consume its own queue, send to its own event address), the digest in the realm files, the two
# security settings by CLI
conf=$home/wildfly/configuration
echo "batch" >"$work/security.cli"
for i in $(seq 0 $((hosts - 1))); do
  h=farm-stand-in-$run-$i u=qvd-hkd-farm-stand-in-$run-$i p=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "$h $u $p" >>"$work/accounts"
  echo "$u=$(printf '%s' "$u:ApplicationRealm:$p" | md5sum | cut -d' ' -f1)" >>"$work/users"
  echo "$u=qvd-hkd,$u" >>"$work/roles"
  s=/subsystem=messaging-activemq/server=default/security-setting=jms.queue.qvd.hkd.$h
  printf '%s:add\n%s/role=%s:add(consume=true,create-durable-queue=true)\n' "$s" "$s" "$u" >>"$work/security.cli"
  s=/subsystem=messaging-activemq/server=default/security-setting=jms.queue.qvd.events.$h
  printf '%s:add\n%s/role=%s:add(send=true,create-durable-queue=true)\n' "$s" "$s" "$u" >>"$work/security.cli"
done
echo "run-batch" >>"$work/security.cli"
cat "$work/users" >>"$conf/application-users.properties"
cat "$work/roles" >>"$conf/application-roles.properties"
"$wildfly_home/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$mgmt" --file="$work/security.cli" >/dev/null

echo "# $(date -u +%FT%TZ) $(nproc) cores; $hosts stand-in hosts x $per_host VMs, beat every $period ms; tenant $tag"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# placement alone: the VMAS logs each placement's time (candidates query + choice) at FINE; on for this run only
cli() { "$wildfly_home/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$mgmt" --command="$1" >/dev/null 2>&1; }
placement_logger=/subsystem=logging/logger=org.qvd.vmas.vm.control.VmLifecycle
server_log=$home/wildfly/log/server.log
cli "$placement_logger:add(level=FINE)" || cli "$placement_logger:write-attribute(name=level,value=FINE)" || true
log_from=$(stat -c %s "$server_log" 2>/dev/null || echo 0)
java -Xmx1g -Dfarm.wildfly.pid="${server_pid:-0}" -cp "$agent_jar:$pg_jar" Farm.java "$broker" "$work/accounts" \
  "$run" "$jdbc" "$api" "$admin" "$tenant" "$osf" "$user" "$hosts" "$per_host" "$period" "$steady" "$kill" "$starts"
cli "$placement_logger:remove" || true
tail -c +$((log_from + 1)) "$server_log" 2>/dev/null | sed -n 's/.*placement took \([0-9.]*\) ms.*/\1/p' | sort -n |
  awk 'function at(p) { i = int(p * NR); if (i < p * NR) i++; return v[i < 1 ? 1 : i] }
       { v[NR] = $1 }
       END { if (NR) printf "farm placement alone (VMAS: candidates query + choice among the hosts, from its FINE log):"\
               " n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", NR, at(0.5), at(0.99), v[NR];
             else print "farm placement alone: no placement in the server log (QVD_BENCH_HOME of another machine?)" }'
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
