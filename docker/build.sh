#!/usr/bin/env bash
# Builds the QVD images (qvd/node, qvd/postgres, qvd/haproxy, qvd/hkd) from the build's outputs, on a machine
# where no container registry answers: the base is the local Debian image that make-base.sh makes (from Debian's
# packages, cached after the first run). With a registry, `docker compose -f docker/compose.yaml build` alone does
# the same from the public debian:bookworm-slim.
#   docker/build.sh              QVD_DOCKER_BASE=<image> uses that base instead; QVD_IMAGE_TAG tags (latest)
# Needs: ./qvd build done (qvd-wildfly/target/wildfly, qvd-ear/target/qvd.ear, the agent jar), a Docker daemon, root
# for make-base.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
log() { printf '%s build.sh: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for f in qvd-wildfly/target/wildfly/bin/standalone.sh qvd-ear/target/qvd.ear; do
  [ -e "$REPO/$f" ] || { log "ERROR: $f is missing: build the project first (./qvd build)"; exit 2; }
done
ls "$REPO"/qvd-hkd-agent/target/qvd-hkd-agent-*-all.jar >/dev/null 2>&1 \
  || { log "ERROR: the host agent's jar is missing: build the project first (./qvd build)"; exit 2; }
if [ -z "${QVD_DOCKER_BASE:-}" ]; then
  QVD_DOCKER_BASE=$("$HERE/make-base.sh")
fi
export QVD_DOCKER_BASE
start=$(date +%s)
log "building the images FROM $QVD_DOCKER_BASE"
"$HERE/compose.sh" build
log "images built ($(( $(date +%s) - start )) s)"
