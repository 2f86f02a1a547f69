#!/bin/sh
# Runs once, when the volume is new. The API connects as `provdash`, which owns its database but is
# no superuser, so the audit trail's revoked privileges bind it (a superuser ignores them).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE provdash LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE provdash OWNER provdash;
SQL
