#!/bin/bash
# Writes /etc/haproxy/qvd.cfg from the environment, then runs HAProxy in the foreground (SIGUSR1 = soft stop:
# open desktop tunnels may finish, up to QVD_BALANCER_STOP_TIMEOUT).
#   QVD_NODES                 the WildFly nodes, "host:port-offset" separated by spaces or commas
#                             (default "127.0.0.1:100 127.0.0.1:200": two nodes on this machine, as docker/compose.yaml)
#   QVD_BALANCER_BIND         address HAProxy listens on (default * = every address)
#   QVD_BALANCER_L7R_PORT     QVD clients (default 8443)      -> each node's L7R, 8443 + offset, PROXY protocol v1
#   QVD_BALANCER_HTTPS_PORT   WAT, REST, SOAP (default 9443)  -> each node's balancer listener, 9444 + offset, PROXY v1
#   QVD_BALANCER_STATS        address:port of the statistics page (default 127.0.0.1:8404, /stats; "off" for none)
#   QVD_BALANCER_MAXCONN      connections at most (default: what the open-files limit allows)
# Node ports as the nodes are configured (docs/cluster.md): QVD_NODE_L7R_PORT (8443), QVD_NODE_LB_HTTPS_PORT (9444),
# QVD_NODE_MANAGEMENT_PORT (9990; readiness at /health/ready).
set -euo pipefail
CFG=/etc/haproxy/qvd.cfg
nodes=${QVD_NODES:-127.0.0.1:100 127.0.0.1:200}
bind=${QVD_BALANCER_BIND:-*}
l7r_port=${QVD_NODE_L7R_PORT:-8443}
https_port=${QVD_NODE_LB_HTTPS_PORT:-9444}
mgmt_port=${QVD_NODE_MANAGEMENT_PORT:-9990}
stats=${QVD_BALANCER_STATS:-127.0.0.1:8404}

# one "server" line per node; $1: l7r or https
servers() {
  local i=0 node host offset
  for node in ${nodes//,/ }; do
    i=$((i + 1)); host=${node%:*}; offset=${node##*:}
    case $1 in
      l7r) echo "  server node$i $host:$((l7r_port + offset)) send-proxy check check-ssl verify none check-send-proxy";;
      https) echo "  server node$i $host:$((https_port + offset)) send-proxy check port $((mgmt_port + offset))";;
    esac
  done
}
for node in ${nodes//,/ }; do
  offset=${node##*:}
  case "$node" in *:*) ;; *) offset=x;; esac
  case "$offset" in ''|*[!0-9]*) echo "qvd-haproxy: bad QVD_NODES entry '$node' (expected host:port-offset)" >&2; exit 2;; esac
done

{
cat <<CFG
# written by qvd-haproxy at $(date -u +%FT%TZ) from QVD_NODES="$nodes"
global
  log stdout format raw local0 info
$([ -z "${QVD_BALANCER_MAXCONN:-}" ] || echo "  maxconn $QVD_BALANCER_MAXCONN")
  hard-stop-after ${QVD_BALANCER_STOP_TIMEOUT:-30s}

defaults
  mode tcp
  log global
  option tcplog
  option dontlognull
  timeout connect 5s
  # desktop tunnels stay open for hours and may be idle: the L7R ends idle tunnels itself (tunnel-idle-timeout)
  timeout client ${QVD_BALANCER_TIMEOUT:-2h}
  timeout server ${QVD_BALANCER_TIMEOUT:-2h}
  timeout check 3s
  # a connection refused by a node that just died is tried once more on another node
  retries 2
  option redispatch
  # a node that is not ready gets no new connections; open desktop tunnels stay (they end only if the node dies)
  default-server inter 2s fall 2 rise 2

# QVD clients. The L7R reads the PROXY line before TLS (qvd.l7r.proxy-protocol), so its throttles, logs and the
# audit see the client's address. Health: GET /qvd/ping over TLS (200 while the node can serve, else 503).
frontend l7r
  bind $bind:${QVD_BALANCER_L7R_PORT:-8443}
  default_backend l7r
backend l7r
  balance leastconn
  option httpchk
  http-check send meth GET uri /qvd/ping ver HTTP/1.1 hdr Host qvd-balancer
  http-check expect status 200
$(servers l7r)

# WAT, REST, SOAP: the nodes' proxy-protocol HTTPS listener. A client stays on one node while it is up (source
# hash); a WAT session survives its node's death (distributable sessions). Health: the node's readiness
# (database, broker, L7R listener) on its management port.
frontend https
  bind $bind:${QVD_BALANCER_HTTPS_PORT:-9443}
  default_backend https
backend https
  balance source
  hash-type consistent
  option httpchk GET /health/ready
  http-check expect status 200
$(servers https)
CFG
if [ "$stats" != off ]; then
cat <<CFG

listen stats
  mode http
  bind $stats
  timeout client 10s
  timeout server 10s
  stats enable
  stats uri /stats
  stats refresh 5s
CFG
fi
} > "$CFG"
echo "qvd-haproxy: balancing $nodes (config $CFG)" >&2
haproxy -c -q -f "$CFG"
exec haproxy -W -db -f "$CFG"
