#!/usr/bin/env bash
# The README's quick start: `bash infra/scripts/dev.sh start` runs the main job,
# `bash infra/scripts/dev.sh test` runs the tests. Each first installs what it needs, idempotently:
# pnpm at the pinned version, libxgboost0 (apt), and the dependencies from the frozen lockfile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
export TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

log() { printf '\033[1m[dev]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

apt_install() {
  log "installing $* with apt"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION"
    if [ "$(id -u)" = 0 ]; then npm install -g "pnpm@$PNPM_VERSION" >/dev/null
    else npm install -g --prefix "$HOME/.local" "pnpm@$PNPM_VERSION" >/dev/null; export PATH="$HOME/.local/bin:$PATH"; fi
  fi
}

ensure_xgboost() {
  if [ -n "${XGBOOST_LIBRARY_PATH:-}" ] || ldconfig -p 2>/dev/null | grep -q 'libxgboost\.so'; then return; fi
  apt_install libxgboost0
}

# Optional, tests only: Python's xgboost cross-checks our models (those tests skip without it).
ensure_python_xgboost() {
  /usr/bin/python3 -c 'import xgboost' 2>/dev/null && return
  apt_install python3-xgboost || log "python3-xgboost unavailable: the Python cross-check tests will be skipped"
}

# Tests only: the page's browser tests drive Debian's Chromium (never a downloaded browser).
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_install chromium
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    log "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  log "PostgreSQL is not reachable at 127.0.0.1:5432 (set TEST_DATABASE_URL to another server)"; exit 1
}

install_deps() {
  ensure_pnpm
  ensure_xgboost
  pnpm install --frozen-lockfile --reporter=silent
}

case "${1:-}" in
  start)
    shift
    install_deps
    exec pnpm start "$@"
    ;;
  test)
    shift
    install_deps
    ensure_python_xgboost
    ensure_chromium
    [ -n "${TEST_DATABASE_URL:-}" ] || ensure_postgres
    pnpm lint
    pnpm format:check
    exec pnpm test "$@"
    ;;
  *)
    echo "usage: bash infra/scripts/dev.sh start|test" >&2
    exit 2
    ;;
esac
