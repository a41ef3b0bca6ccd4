#!/usr/bin/env bash
# docker compose (v2) or docker-compose (v1), whichever is installed, on docker/compose.yaml with the project name
# QVD_COMPOSE_PROJECT (qvd): e.g. docker/compose.sh up -d, docker/compose.sh ps, docker/compose.sh down.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
project=${QVD_COMPOSE_PROJECT:-qvd}
if docker compose version >/dev/null 2>&1; then
  exec docker compose -f "$HERE/compose.yaml" -p "$project" "$@"
elif command -v docker-compose >/dev/null; then
  exec docker-compose -f "$HERE/compose.yaml" -p "$project" "$@"
fi
echo "compose.sh: neither 'docker compose' nor 'docker-compose' is installed" >&2
exit 2
