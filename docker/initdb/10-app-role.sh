#!/bin/sh
# Runs once, when the database volume is first created (the postgres image runs every script in
# /docker-entrypoint-initdb.d). Creates the role the app serves with: it logs in, owns nothing and
# is no superuser; the app grants it what it needs after each migration run, and nothing that
# could rewrite the audit log. The schema's owner is POSTGRES_USER, which runs the migrations.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE deepvalue_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
SQL
