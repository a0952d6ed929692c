# `image.sh check` (sourced by image.sh): runs each built image for real against PostgreSQL, as the
# Kubernetes manifests run them, and fails on any miss. Containers use the host's network (no
# bridge networking is assumed) to reach the database; the api listens on 127.0.0.1 only.
#   CHECK_DATABASE_ADMIN_URL  a server where the check may create and drop its own database
#                             (default postgresql://postgres@127.0.0.1:5432/postgres)
# Its last line is JSON: each image's total size and the size of /app, with the builder and base.

CHECK_FAILURES=()
check_ok() { log "check: ok   $*"; }
check_fail() { log "check: FAIL $*"; CHECK_FAILURES+=("$*"); }

# How to run containers here. podman's defaults can fail on sandboxed hosts: its default runtime
# (crun) refuses hybrid cgroups, and it raises RLIMIT_NOFILE/NPROC, which needs CAP_SYS_RESOURCE.
# The first combination that runs the image wins; PODMAN_RUN_OPTS / PODMAN_GLOBAL_OPTS override.
pick_runner_opts() {
  RUN=("$RUNNER") RUN_OPTS=()
  [ "$RUNNER" = podman ] || return 0
  # No healthcheck timers: they need systemd; check_api runs the image's HEALTHCHECK on demand.
  local no_timer=(--health-interval disable)
  command -v podman >/dev/null || die "podman runs the images that buildah built: apt-get install -y podman"
  if [ -n "${PODMAN_RUN_OPTS+x}${PODMAN_GLOBAL_OPTS+x}" ]; then
    read -r -a RUN <<<"podman ${PODMAN_GLOBAL_OPTS:-}"; read -r -a RUN_OPTS <<<"${PODMAN_RUN_OPTS:-}"
    RUN_OPTS+=("${no_timer[@]}"); return
  fi
  local nofile runtime limits
  nofile="$(ulimit -Hn)"; [ "$nofile" = unlimited ] && nofile=1048576
  for runtime in "" "--runtime runc"; do
    for limits in "" "--ulimit nofile=$nofile:$nofile --ulimit nproc=32768:32768" "--ulimit nofile=$nofile:$nofile --ulimit nproc=4096:4096"; do
      # shellcheck disable=SC2086
      if podman $runtime run --rm $limits --entrypoint true "$1" >/dev/null 2>&1; then
        read -r -a RUN <<<"podman $runtime"; read -r -a RUN_OPTS <<<"$limits"
        RUN_OPTS+=("${no_timer[@]}")
        [ -z "$runtime$limits" ] || log "check: podman runs containers here with '$runtime $limits'"
        return
      fi
    done
  done
  die "podman cannot run $1 here (tried crun and runc, with and without lower ulimits); set PODMAN_RUN_OPTS/PODMAN_GLOBAL_OPTS"
}

# JSON array on one line in a manifest (`command: [...]`), printed one element per line.
manifest_array() {
  local line
  line="$(sed -n "s/^ *$2: *//p" "$1" | head -n1)"
  [ -n "$line" ] || die "no '$2:' in $1"
  node -e 'for (const a of JSON.parse(process.argv[1])) console.log(a)' "$line"
}

psql_value() { psql -X -A -t -v ON_ERROR_STOP=1 -q "$CHECK_DB_URL" -c "$1"; }

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Runs a container to completion; its output goes to $CHECK_DIR/<name>.log. Returns its exit code.
run_to_end() {
  local name="$1"; shift
  "${RUN[@]}" run --name "$CHECK_PREFIX-$name" --network host "${RUN_OPTS[@]}" "$@" >"$CHECK_DIR/$name.log" 2>&1
}

show_log() { log "check: $1 output (last 25 lines):"; tail -n 25 "$CHECK_DIR/$1.log" >&2 || true; }

check_migrate() {
  local job=infra/k8s/base/migrate-job.yaml cmd=() args=()
  mapfile -t cmd < <(manifest_array "$job" command)
  mapfile -t args < <(manifest_array "$job" args)
  # The Job: read-only root filesystem, no volumes.
  if run_to_end migrate --read-only "${READ_ONLY_OPTS[@]}" -e "DATABASE_URL=$CHECK_DB_URL" -e LOG_LEVEL=info \
      --entrypoint "${cmd[0]}" "$(app_image pipeline-runner)" "${cmd[@]:1}" "${args[@]}"; then
    local want got
    want="$(find packages/db/prisma/migrations -name migration.sql | wc -l)"
    got="$(psql_value 'SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')"
    if [ "$got" = "$want" ]; then check_ok "migrate: the Job's command (${cmd[*]:2} ${args[*]}) applied $got migrations to an empty database"
    else check_fail "migrate: $got of $want migrations recorded as finished"; show_log migrate; fi
  else check_fail "migrate: the Job's command exited $?"; show_log migrate; fi
}

check_pipeline() {
  # As the CronJob: read-only root filesystem, emptyDirs on /tmp and the data folder. The demo
  # league with its local stand-in upstreams; `start --no-serve` backfills its history, then runs
  # the daily pipeline (ingest, settle, features, train, register, promote, predict) and exits.
  if run_to_end pipeline --read-only "${READ_ONLY_OPTS[@]}" --tmpfs /tmp:rw,mode=1777 --tmpfs /var/lib/nba-predictions:rw,mode=1777 \
      -e "DATABASE_URL=$CHECK_DB_URL" -e LOG_LEVEL=warn "$(app_image pipeline-runner)" start --no-serve; then
    local predictions production
    predictions="$(psql_value 'SELECT count(*) FROM predictions')"
    # One production version per model name (the pipeline may train more than one model).
    production="$(psql_value "SELECT count(*) FROM model_versions WHERE status = 'production'")"
    if [ "$predictions" -gt 0 ] && [ "$production" -ge 1 ]; then check_ok "pipeline-runner: a daily run (demo upstreams) stored $predictions predictions and promoted $production model(s)"
    else check_fail "pipeline-runner: $predictions predictions, $production production models after the run"; show_log pipeline; fi
  else check_fail "pipeline-runner: the run exited $?"; show_log pipeline; fi
}

check_model_cli() {
  local cmd
  for cmd in list production; do
    if run_to_end "models-$cmd" --read-only "${READ_ONLY_OPTS[@]}" -e "DATABASE_URL=$CHECK_DB_URL" -e LOG_LEVEL=warn "$(app_image model-cli)" "$cmd" \
        && grep -q 'nba-winner' "$CHECK_DIR/models-$cmd.log"; then
      check_ok "model-cli: '$cmd' names the promoted model"
    else check_fail "model-cli: '$cmd' failed or did not name nba-winner"; show_log "models-$cmd"; fi
  done
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" || true; }

check_api() {
  local port name="$CHECK_PREFIX-api" base status=000 i
  port="$(free_port)"; base="http://127.0.0.1:$port"
  # As the Deployment: read-only root filesystem with an emptyDir on /tmp.
  if ! "${RUN[@]}" run -d --name "$name" --network host "${RUN_OPTS[@]}" --read-only "${READ_ONLY_OPTS[@]}" --tmpfs /tmp:rw,mode=1777 \
      -e "DATABASE_URL=$CHECK_DB_URL" -e "PORT=$port" -e HOST=127.0.0.1 -e LOG_LEVEL=warn -e SHUTDOWN_TIMEOUT_MS=10000 \
      "$(app_image api)" >"$CHECK_DIR/api-start.log" 2>&1; then
    check_fail "api: the container did not start"; show_log api-start; return
  fi
  for i in $(seq 1 120); do status="$(http_status "$base/health")"; [ "$status" = 200 ] && break; sleep 0.5; done
  [ "$status" = 200 ] && check_ok "api: /health 200" || check_fail "api: /health answered $status"
  for i in $(seq 1 60); do status="$(http_status "$base/ready")"; [ "$status" = 200 ] && break; sleep 0.5; done
  [ "$status" = 200 ] && check_ok "api: /ready 200 (the promoted model is loaded)" || check_fail "api: /ready answered $status"

  local health=""
  if [ "$RUNNER" = podman ]; then
    podman_healthcheck() { "${RUN[@]}" healthcheck run "$name" >/dev/null 2>&1; }
    for i in 1 2 3; do podman_healthcheck && break; sleep 1; done
    health="$("${RUN[@]}" inspect --format '{{.State.Health.Status}}' "$name" 2>/dev/null || true)"
  else
    for i in $(seq 1 60); do
      health="$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$name")"
      [ "$health" = healthy ] || [ "$health" = unhealthy ] && break; sleep 1
    done
  fi
  [ "$health" = healthy ] && check_ok "api: the image's HEALTHCHECK reports healthy" || check_fail "api: HEALTHCHECK status '$health'"

  # Every process of the container, seen from the host (no user namespace): uid 1000.
  local pid uids
  pid="$("${RUN[@]}" inspect --format '{{.State.Pid}}' "$name")"
  uids="$( { ps -o uid= -p "$pid"; ps -o uid= --ppid "$pid"; } | tr -d ' ' | sort -u | tr '\n' ' ')"
  [ "$uids" = "1000 " ] && check_ok "api: runs as uid 1000 (tini and node)" || check_fail "api: process uids '$uids'"

  # SIGTERM as Kubernetes sends it; terminationGracePeriodSeconds in the Deployment is the limit.
  local grace t0 code
  grace="$(sed -n 's/^ *terminationGracePeriodSeconds: *//p' infra/k8s/base/api-deployment.yaml | head -n1)"
  t0=$SECONDS
  "${RUN[@]}" kill --signal TERM "$name" >/dev/null
  code="$("${RUN[@]}" wait "$name" 2>/dev/null | tail -n1)"
  local took=$((SECONDS - t0))
  "${RUN[@]}" logs "$name" >"$CHECK_DIR/api.log" 2>&1 || true
  if [ "$code" = 0 ] && [ "$took" -le "${grace:-30}" ]; then check_ok "api: SIGTERM -> exit 0 in ${took} s (grace ${grace} s)"
  else check_fail "api: SIGTERM -> exit '$code' after ${took} s"; show_log api; fi
}

# "<total bytes> <bytes under /app>" of an app image.
image_sizes() {
  local app
  # stderr dropped: podman 4.3 may log that it cannot reach systemd for healthcheck timers.
  app="$("${RUN[@]}" run --rm "${RUN_OPTS[@]}" --network none --entrypoint du "$1" -sb /app 2>/dev/null | cut -f1)"
  [ -n "$app" ] || die "cannot measure /app in $1"
  printf '%s %s' "$(image_bytes "$1")" "$app"
}

check_cleanup() {
  local c
  for c in migrate pipeline models-list models-production api; do "${RUN[@]}" rm -f "$CHECK_PREFIX-$c" >/dev/null 2>&1 || true; done
  [ -n "${CHECK_DB_NAME:-}" ] && psql -X -q "$CHECK_ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$CHECK_DB_NAME\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$CHECK_DIR"
  if [ "${IMAGE_KEEP:-0}" = 1 ]; then prune_stale_layers || true; else cmd_clean >/dev/null 2>&1 || true; fi
}

cmd_check() {
  pick_builder
  local t
  for t in "${TARGETS[@]}"; do image_exists "$(app_image "$t")" || die "$(app_image "$t") is not built: bash infra/scripts/image.sh build"; done
  command -v psql >/dev/null || die "psql is needed to create the check's database"
  pick_runner_opts "$(app_image model-cli)"
  # podman's --read-only also mounts tmpfs on /tmp, /var/tmp and /run; Kubernetes does not.
  READ_ONLY_OPTS=(); [ "$RUNNER" = podman ] && READ_ONLY_OPTS=(--read-only-tmpfs=false)

  CHECK_ADMIN_URL="${CHECK_DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
  CHECK_DB_NAME="nba_image_check_$(date +%s)_$$"
  CHECK_DB_URL="${CHECK_ADMIN_URL%/*}/$CHECK_DB_NAME"
  CHECK_PREFIX="nba-check-$$"
  CHECK_DIR="$(mktemp -d)"
  trap check_cleanup EXIT
  psql -X -q -v ON_ERROR_STOP=1 "$CHECK_ADMIN_URL" -c "CREATE DATABASE \"$CHECK_DB_NAME\"" >/dev/null \
    || die "cannot create a database on $CHECK_ADMIN_URL (set CHECK_DATABASE_ADMIN_URL)"
  log "check: images $(app_image '*') ($BUILDER, ${RUN[*]}) against database $CHECK_DB_NAME"

  local started=$SECONDS
  check_migrate
  check_pipeline
  check_model_cli
  check_api

  local json="" sizes total app base
  base="$(image_label "$(app_image api)" nba.node-image)"
  local source; source="$(image_label "$(app_image api)" nba.base.source)"
  [ -z "$source" ] || base="$base: $source"
  for t in "${TARGETS[@]}"; do
    read -r total app <<<"$(image_sizes "$(app_image "$t")")"
    [ "$app" -le 100000000 ] && check_ok "$t: /app is $(( (app + 500000) / 1000000 )) MB (limit 100 MB)" || check_fail "$t: /app is $(( (app + 500000) / 1000000 )) MB, over 100 MB"
    json+="$([ -n "$json" ] && echo ,)\"$t\":{\"image\":\"$(app_image "$t")\",\"totalBytes\":$total,\"appBytes\":$app,\"totalMB\":$(( (total + 500000) / 1000000 )),\"appMB\":$(( (app + 500000) / 1000000 ))}"
  done
  log "check: $(( ${#CHECK_FAILURES[@]} )) failure(s) in $((SECONDS - started)) s"
  printf '{"ok":%s,"builder":"%s","base":"%s","images":{%s}}\n' "$([ ${#CHECK_FAILURES[@]} = 0 ] && echo true || echo false)" "$BUILDER" "${base:-unknown}" "$json"
  [ ${#CHECK_FAILURES[@]} = 0 ]
}
