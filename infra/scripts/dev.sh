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

# One install (and build) at a time in a checkout: two dev.sh at once would race in pnpm install,
# one relinking node_modules/.bin under the other ("turbo: not found"). The lock is outside the
# checkout (pnpm owns node_modules) and freed by the kernel when its holder dies.
CHECKOUT_LOCK="${TMPDIR:-/tmp}/nba-dev-$(printf %s "$PWD" | cksum | cut -d' ' -f1).lock"
lock_checkout() {
  command -v flock >/dev/null || return 0
  exec 9>"$CHECKOUT_LOCK"
  flock 9
}
unlock_checkout() {
  command -v flock >/dev/null || return 0
  flock -u 9
  exec 9>&-
}

# The embedded database's data folder, as @nba/embedded-db's defaultDataDir computes it.
data_dir() {
  if [ -n "${NBA_DATA_DIR:-}" ]; then echo "$NBA_DATA_DIR"
  elif [ "$(id -u)" = 0 ]; then echo /var/lib/nba-predictions
  else echo "${XDG_DATA_HOME:-$HOME/.local/share}/nba-predictions"; fi
}

# A second start on a data folder is refused before anything is installed or built, with the line
# `pipeline start` prints. The folder's owner answers on the lock that postgres.owner.json names
# (a Linux abstract socket the kernel frees when the owner dies: a file left behind says nothing).
refuse_second_start() {
  [ -z "${DATABASE_URL:-}" ] || return 0
  local dir
  dir=$(data_dir)
  [ -f "$dir/postgres.owner.json" ] || return 0
  node - "$dir" <<'JS' || exit 1
const fs = require('node:fs'), net = require('node:net'), path = require('node:path');
const dir = path.resolve(process.argv[2]);
let lock;
try { lock = JSON.parse(fs.readFileSync(path.join(dir, 'postgres.owner.json'), 'utf8')).lock; } catch { process.exit(0); }
if (typeof lock !== 'string') process.exit(0);
const socket = net.connect({ path: `\0${lock}` });
const free = () => process.exit(0);
socket.on('error', free).on('close', free).setTimeout(3000, free);
socket.on('connect', () => socket.write(`${JSON.stringify({ pid: process.pid, command: 'dev.sh start', peek: true })}\n`));
let buf = '';
socket.on('data', (d) => {
  buf += d;
  if (!buf.includes('\n')) return;
  const o = JSON.parse(buf.slice(0, buf.indexOf('\n')));
  const port = o.port ? ` on port ${o.port}` : '';
  const state = o.state === 'running' ? '' : ` (${o.state})`;
  process.stderr.write(`pipeline failed: the embedded PostgreSQL in ${dir} is already run by pid ${o.pid} (${o.command})${port} since ${o.since}${state}: ` +
    'stop that process first, or set NBA_DATA_DIR to another folder\n');
  process.exit(1);
});
JS
}

case "${1:-}" in
  start)
    shift
    refuse_second_start
    lock_checkout
    install_deps
    pnpm exec turbo run build --output-logs=errors-only >&2
    unlock_checkout
    refuse_second_start # another dev.sh may have started while this one waited for the lock
    exec node apps/pipeline-runner/dist/main.js start "$@"
    ;;
  test)
    shift
    lock_checkout
    install_deps
    unlock_checkout
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
