# `image.sh build [target…]` and `image.sh clean` (sourced by image.sh).

# How buildah runs RUN steps here. Its default OCI runtime (crun) refuses hosts with hybrid cgroups
# (v1 controllers plus a unified hierarchy that has controllers), which sandboxes and some CI hosts
# have; runc copes, and chroot isolation needs no runtime at all. First that works on the base wins.
buildah_isolation() {
  if [ -n "${BUILDAH_RUN_OPTS+x}" ]; then read -r -a BUILDAH_OPTS <<<"$BUILDAH_RUN_OPTS"; return; fi
  local ctr candidate
  ctr="$(buildah from --pull=never "$NODE_IMAGE")"
  for candidate in "" "--runtime runc" "--isolation chroot"; do
    # shellcheck disable=SC2086
    if buildah run $candidate --network host "$ctr" true >/dev/null 2>&1; then
      read -r -a BUILDAH_OPTS <<<"$candidate"
      buildah rm "$ctr" >/dev/null
      [ -z "$candidate" ] || log "build: buildah runs steps with '$candidate' here (the default runtime cannot run containers on this host)"
      return
    fi
  done
  buildah rm "$ctr" >/dev/null
  die "buildah cannot run a container from $NODE_IMAGE here (tried crun, runc and chroot isolation); set BUILDAH_RUN_OPTS"
}

cmd_build() {
  pick_builder
  resolve_node_image
  local targets=("$@") t
  [ ${#targets[@]} -gt 0 ] || targets=("${TARGETS[@]}")
  for t in "${targets[@]}"; do
    [[ " ${TARGETS[*]} " == *" $t "* ]] || die "unknown target '$t' (targets: ${TARGETS[*]})"
  done
  local registry
  registry="${NPM_REGISTRY:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
  local common=(-f "$DOCKERFILE" --network host --build-arg "NODE_IMAGE=$NODE_IMAGE" --build-arg "NPM_REGISTRY=$registry" --label "nba.node-image=$NODE_IMAGE")
  # The CA bundle npm trusts here (a mirror's or a TLS-inspecting proxy's CA), as the `npm-ca`
  # build secret; an empty one where npm uses only the public CAs.
  local ca="${NPM_CA_FILE:-$(npm config get cafile 2>/dev/null || true)}" ca_empty=""
  [ "$ca" != null ] && [ -n "$ca" ] || ca="${NODE_EXTRA_CA_CERTS:-}"
  if [ -z "$ca" ] || [ ! -s "$ca" ]; then ca_empty="$(mktemp)"; ca="$ca_empty"; fi
  common+=(--secret "id=npm-ca,src=$ca")
  BUILDAH_OPTS=()
  [ "$BUILDER" = buildah ] && buildah_isolation
  log "build: ${targets[*]} with $BUILDER from $NODE_IMAGE"
  local started=$SECONDS t0 layers
  layers="$(mktemp)"
  for t in "${targets[@]}"; do
    t0=$SECONDS
    if [ "$BUILDER" = docker ]; then
      # The engine's built-in BuildKit frontend: a `# syntax=` line would pull one instead.
      DOCKER_BUILDKIT=1 docker build "${common[@]}" --target "$t" -t "$(app_image "$t")" . >&2 \
        || { rm -f "$layers" "$ca_empty"; die "building $t failed (output above)"; }
    else
      # --format docker: OCI image configs have no HEALTHCHECK. --pull=never: images come from here.
      # --force-rm: a failed step leaves no working container behind.
      buildah bud --layers --force-rm --format docker --pull=never "${BUILDAH_OPTS[@]}" "${common[@]}" \
        --target "$t" -t "$(app_image "$t")" . 2>&1 | tee -a "$layers" >&2 \
        || { rm -f "$layers" "$ca_empty"; die "building $t failed (output above)"; }
    fi
    log "build: $(app_image "$t") in $((SECONDS - t0)) s"
  done
  # The layer images this build made or reused: the cache that `check` keeps with IMAGE_KEEP=1.
  mkdir -p "$IMAGE_STATE_DIR"
  grep -oE '^--> (Using cache )?[0-9a-f]{11,64}' "$layers" | awk '{ print substr($NF, 1, 11) }' | sort -u >"$IMAGE_STATE_DIR/layers-$IMAGE_TAG" || true
  rm -f "$layers" "$ca_empty"
  log "build: done in $((SECONDS - started)) s"
}

# Keeps the app images and the layers of the last build, drops older intermediate layers: the
# cache stays useful without growing with every run.
prune_stale_layers() {
  if [ "$BUILDER" = docker ]; then
    docker image prune -f >/dev/null
    docker builder prune -f --keep-storage "${IMAGE_CACHE_KEEP_STORAGE:-8GB}" >/dev/null
    return
  fi
  buildah rm --all >/dev/null
  # The layers of the last build of each tag whose images are still here.
  local keep list tag round id name removed
  keep="$(mktemp)"
  for list in "$IMAGE_STATE_DIR"/layers-*; do
    [ -f "$list" ] || continue
    tag="${list##*/layers-}"
    if image_exists "$IMAGE_PREFIX/api:$tag"; then cat "$list" >>"$keep"; else rm -f "$list"; fi
  done
  [ -s "$keep" ] || { rm -f "$keep"; return 0; }
  for round in 1 2 3 4 5 6; do
    removed=0
    while read -r id name; do
      [ "$name" = "<none>" ] || [ "$name" = "<none>:<none>" ] || continue
      grep -qx "${id:0:11}" "$keep" && continue
      buildah rmi "$id" >/dev/null 2>&1 && removed=$((removed + 1))
    done < <(buildah images --all --noheading --format '{{.ID}} {{.Name}}:{{.Tag}}')
    [ $removed = 0 ] && break
  done
  rm -f "$keep"
}

cmd_clean() {
  pick_builder
  local all=0 img
  [ "${1:-}" = --all ] && all=1
  for img in "${TARGETS[@]}"; do remove_images "$(app_image "$img")"; done
  if [ "$BUILDER" = docker ]; then
    docker image prune -f >/dev/null
    if [ $all = 1 ]; then remove_images "$BASE_IMAGE"; docker builder prune -af >/dev/null; else docker builder prune -f >/dev/null; fi
  else
    buildah rm --all >/dev/null
    buildah rmi --prune >/dev/null
    if [ $all = 1 ]; then
      remove_images "$BASE_IMAGE"
      # The RUN --mount=type=cache folders (pnpm store, npm cache, turbo cache), and the layer list.
      rm -rf "${TMPDIR:-/var/tmp}/buildah-cache" "${TMPDIR:-/var/tmp}/buildah-cache-$(id -u)" "$IMAGE_STATE_DIR"
    fi
  fi
  log "clean: app images and intermediate layers removed$([ $all = 1 ] && echo ', and the base image and build caches')"
}
