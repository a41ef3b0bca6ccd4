#!/bin/bash
# Starts PostgreSQL in the foreground (SIGINT from `docker stop` = fast shutdown). On the first start it creates the
# cluster (scram-sha-256 everywhere, no trust), the application role QVD_DB_USER (default qvd, not a superuser) and
# its database QVD_DB_NAME (default qvd), owned by it. Passwords: QVD_DB_PASSWORD / POSTGRES_PASSWORD when set, else
# generated once into the secrets volume (/run/qvd-secrets/db.password and postgres.password, mode 0600), where
# the WildFly nodes read the application's (QVD_DB_PASSWORD_FILE). Listens on QVD_PG_LISTEN (127.0.0.1: with host
# networking the nodes run on the same machine) port QVD_PG_PORT (5432).
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
SECRETS=${QVD_SECRETS_DIR:-/run/qvd-secrets}
APP_USER=${QVD_DB_USER:-qvd}
DB=${QVD_DB_NAME:-qvd}
log() { printf '%s qvd-postgres: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# a secret: the variable when set, else the file in the secrets volume, generated on first use
secret() {
  local value=$1 file=$SECRETS/$2
  if [ -n "$value" ]; then printf '%s' "$value"; return; fi
  if [ ! -s "$file" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$file")
  fi
  cat "$file"
}

mkdir -p "$SECRETS" "$PGDATA" /run/postgresql
chmod 0700 "$SECRETS"
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 0700 "$PGDATA"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  log "first start: creating the cluster in $PGDATA"
  su_pw=$(secret "${POSTGRES_PASSWORD:-}" postgres.password)
  app_pw=$(secret "${QVD_DB_PASSWORD:-}" db.password)
  pwfile=$(mktemp); printf '%s\n' "$su_pw" > "$pwfile"; chown postgres "$pwfile"
  as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  # the role and database, on a socket-only server so nothing else can connect meanwhile
  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/run/postgresql" start >/dev/null
  PGPASSWORD=$su_pw as_postgres "$BIN/psql" -h /run/postgresql -U postgres -v ON_ERROR_STOP=1 -q \
    -v app_user="$APP_USER" -v app_pw="$app_pw" -v db="$DB" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_pw';
CREATE DATABASE :"db" OWNER :"app_user";
SQL
  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w -m fast stop >/dev/null
  log "created role $APP_USER and database $DB"
fi
log "listening on ${QVD_PG_LISTEN:-127.0.0.1}:${QVD_PG_PORT:-5432}"
exec setpriv --reuid=postgres --regid=postgres --init-groups "$BIN/postgres" -D "$PGDATA" \
  -c listen_addresses="${QVD_PG_LISTEN:-127.0.0.1}" -c port="${QVD_PG_PORT:-5432}" \
  -c unix_socket_directories=/run/postgresql -c max_connections="${QVD_PG_MAX_CONNECTIONS:-200}"
