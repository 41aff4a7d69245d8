#!/bin/sh
# Refuses to start without an external database: in a container the embedded
# PostgreSQL would keep its data in the container's writable layer and lose it.
set -eu
if [ -z "${DATABASE_URL:-}" ]; then
  echo "klaxon: DATABASE_URL is required in the container (postgres://user:password@host:5432/db)" >&2
  exit 78
fi
# exec: node becomes PID 1 and receives SIGTERM itself.
exec node dist/src/main.js "$@"
