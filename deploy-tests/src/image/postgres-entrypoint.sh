#!/bin/sh
# Entrypoint of the vigil/postgres test image: PostgreSQL for the host network, its cluster in /tmp (a tmpfs: every
# start is a fresh cluster). initdb's "locale: not found" is harmless: the cluster uses the C locale. The superuser postgres needs POSTGRES_PASSWORD (SCRAM-SHA-256) from every client.
#   POSTGRES_PASSWORD (required)  the superuser's password
#   POSTGRES_PORT (5432)          the port on POSTGRES_HOST
#   POSTGRES_HOST (127.0.0.1)     listen_addresses
set -eu
: "${POSTGRES_PASSWORD:?the superuser password is required}"
port=${POSTGRES_PORT:-5432}
host=${POSTGRES_HOST:-127.0.0.1}
data=/tmp/pgdata
umask 077
printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
/opt/postgresql/bin/initdb -D "$data" -U postgres --pwfile=/tmp/pwfile -A scram-sha-256 -E UTF8 --locale=C \
  --no-sync >/dev/null
: > /tmp/pwfile # (no rm in the image: a shell and the PostgreSQL binaries only)
exec /opt/postgresql/bin/postgres -D "$data" -p "$port" -c listen_addresses="$host" -c unix_socket_directories=/tmp \
  -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
