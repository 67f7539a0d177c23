# Helpers for .ci/run, sourced. Each one is idempotent and prints what it did.

# Another apt (unattended-upgrades on a fresh VM, a sibling job) may hold the dpkg lock: wait up to 5 minutes
# for it rather than failing at once.
APT_LOCK_WAIT=(-o DPkg::Lock::Timeout=300)

# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 as the postgres user and exports
# (max_connections 400: the test assemblies run side by side, each with its own connection pools, and 100 ran out)
# PARTNERSHIPBOT_TEST_POSTGRES with its connection string.
start_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$bin/initdb" ]; then
    apt-get "${APT_LOCK_WAIT[@]}" update -qq && DEBIAN_FRONTEND=noninteractive apt-get "${APT_LOCK_WAIT[@]}" install -y -qq postgresql-15 >/dev/null || return 1
  fi
  local dir port
  port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  dir=$(mktemp -d /tmp/pb-pg.XXXXXX)
  chown postgres "$dir"
  su postgres -c "$bin/initdb -D $dir/data -U postgres -A trust >/dev/null" || return 1
  su postgres -c "$bin/pg_ctl -D $dir/data -o '-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400' -l $dir/log -w start >/dev/null" || return 1
  export PARTNERSHIPBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  PB_PG_DATA="$dir/data"
  echo "PostgreSQL 15 on 127.0.0.1:$port"
}

# Stops the cluster start_postgres made (if any).
stop_postgres() {
  [ -n "${PB_PG_DATA:-}" ] && su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $PB_PG_DATA -m fast stop >/dev/null" || true
}

# Installs Debian chromium and the e2e suite's pinned npm packages; exports PARTNERSHIPBOT_E2E=1.
install_e2e() {
  [ -f tests/e2e/package.json ] || return 0
  if ! command -v chromium >/dev/null; then
    apt-get "${APT_LOCK_WAIT[@]}" update -qq && DEBIAN_FRONTEND=noninteractive apt-get "${APT_LOCK_WAIT[@]}" install -y -qq chromium >/dev/null || return 1
  fi
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error) || return 1
  export PARTNERSHIPBOT_E2E=1
}

# LibreOffice Writer (headless) and poppler's pdftoppm/pdftotext, for the rendering check that converts the agenda
# pack and draft minutes to PDF and a page to PNG (tests/PartnershipBot.Tests/Documents/WordRenderingTests.cs).
install_office() {
  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then
    apt-get "${APT_LOCK_WAIT[@]}" update -qq && DEBIAN_FRONTEND=noninteractive apt-get "${APT_LOCK_WAIT[@]}" install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null || return 1
  fi
}

# Installs tests/contracts' pinned npm packages (Ajv, the official Adaptive Cards renderer) used by the
# schema and card validation tests.
install_contracts() {
  (cd tests/contracts && npm ci --no-audit --no-fund --loglevel=error)
}

# Installs tests/toolkit's pinned Microsoft 365 Agents Toolkit CLI, whose own parser checks m365agents.yml
# (scripts are off in its .npmrc: the CLI's keytar would compile against libsecret, which the check never uses).
install_toolkit() {
  (cd tests/toolkit && npm ci --no-audit --no-fund --loglevel=error)
}
