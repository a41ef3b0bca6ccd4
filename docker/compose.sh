#!/usr/bin/env bash
# docker compose (v2) or docker-compose (v1), whichever is installed, on docker/compose.yaml with the project name
# QVD_COMPOSE_PROJECT (qvd), plus the override file QVD_COMPOSE_OVERRIDE when set: e.g. docker/compose.sh up -d,
# docker/compose.sh ps, docker/compose.sh down.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
files=(-f "$HERE/compose.yaml")
[ -z "${QVD_COMPOSE_OVERRIDE:-}" ] || files+=(-f "$QVD_COMPOSE_OVERRIDE")
args=("${files[@]}" -p "${QVD_COMPOSE_PROJECT:-qvd}")
if docker compose version >/dev/null 2>&1; then
  exec docker compose "${args[@]}" "$@"
elif command -v docker-compose >/dev/null; then
  exec docker-compose "${args[@]}" "$@"
fi
echo "compose.sh: neither 'docker compose' nor 'docker-compose' is installed" >&2
exit 2
