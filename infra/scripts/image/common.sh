# Shared by image.sh's commands (sourced, not run): settings, the builder and the runner.
# Settings (environment):
#   IMAGE_BUILDER   buildah | docker (default: docker when a Docker daemon answers, else buildah)
#   IMAGE_PREFIX    repository prefix of the app images (default localhost/nba)
#   IMAGE_TAG       tag of the app images (default local)
#   NODE_IMAGE      the Node base to build from (default: the Dockerfile's official image when it is
#                   present locally, else the local base from `image.sh base`); never pulled
#   BASE_IMAGE      the name `image.sh base` gives its image (default localhost/nba/node:<version>-bookworm-slim)
#   IMAGE_KEEP      1: `check` leaves the images and the last build's layer cache in place (CI sets
#                   it); otherwise it removes what was built (with vfs storage every layer is a copy)
#   IMAGE_STATE_DIR where `build` notes its layers for that (default /var/tmp/nba-images)
#   BASE_FORCE=1    `base` rebuilds even when an image with the same inputs exists
#   NPM_REGISTRY    the registry pnpm installs from in the build (default: `npm config get registry`)
#   NPM_CA_FILE     CA bundle for that registry, passed as the build secret `npm-ca` (default:
#                   npm's `cafile`, else NODE_EXTRA_CA_CERTS)
#   BUILDAH_RUN_OPTS, PODMAN_RUN_OPTS, PODMAN_GLOBAL_OPTS  override how containers are run (the
#                   defaults are probed: see build.sh and check.sh)
#   CHECK_DATABASE_ADMIN_URL  where `check` creates and drops its database (check.sh)

DOCKERFILE=infra/docker/Dockerfile
TARGETS=(api pipeline-runner model-cli)
IMAGE_PREFIX="${IMAGE_PREFIX:-localhost/nba}"
IMAGE_TAG="${IMAGE_TAG:-local}"
IMAGE_STATE_DIR="${IMAGE_STATE_DIR:-/var/tmp/nba-images}"

log() { printf '\033[1m[image]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1m[image]\033[0m error: %s\n' "$*" >&2; exit 1; }

# The official base the Dockerfile names (ARG NODE_IMAGE=...), and the Node version in it.
OFFICIAL_NODE_IMAGE="$(sed -n 's/^ARG NODE_IMAGE=//p' "$DOCKERFILE")"
NODE_VERSION="$(sed -n 's/^node:\([0-9]*\.[0-9]*\.[0-9]*\)-bookworm-slim$/\1/p' <<<"$OFFICIAL_NODE_IMAGE")"
[ -n "$NODE_VERSION" ] || die "cannot read the Node version from '$OFFICIAL_NODE_IMAGE' in $DOCKERFILE (expected node:<x.y.z>-bookworm-slim)"
BASE_IMAGE="${BASE_IMAGE:-localhost/nba/node:${NODE_VERSION}-bookworm-slim}"

app_image() { printf '%s/%s:%s' "$IMAGE_PREFIX" "$1" "$IMAGE_TAG"; }

docker_up() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

pick_builder() {
  case "${IMAGE_BUILDER:-}" in
    docker) docker_up || die "IMAGE_BUILDER=docker but no Docker daemon answers"; BUILDER=docker ;;
    buildah) command -v buildah >/dev/null || die "IMAGE_BUILDER=buildah but buildah is not installed (apt-get install -y buildah)"; BUILDER=buildah ;;
    '')
      if docker_up; then BUILDER=docker
      elif command -v buildah >/dev/null; then BUILDER=buildah
      else die "no image builder: install buildah (apt-get install -y buildah podman) or start a Docker daemon"; fi ;;
    *) die "IMAGE_BUILDER must be buildah or docker, not '$IMAGE_BUILDER'" ;;
  esac
  # Containers are run by the builder's companion: podman shares buildah's image store.
  if [ "$BUILDER" = docker ]; then RUNNER=docker; else RUNNER=podman; fi
}

image_exists() {
  if [ "$BUILDER" = docker ]; then docker image inspect "$1" >/dev/null 2>&1
  else buildah inspect --type image "$1" >/dev/null 2>&1; fi
}

image_label() {
  if [ "$BUILDER" = docker ]; then docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null
  else buildah inspect --type image --format "{{ index .OCIv1.Config.Labels \"$2\" }}" "$1" 2>/dev/null; fi
}

image_bytes() {
  if [ "$BUILDER" = docker ]; then docker image inspect --format '{{.Size}}' "$1"
  else podman image inspect --format '{{.Size}}' "$1"; fi
}

remove_images() {
  local img
  for img in "$@"; do
    image_exists "$img" || continue
    if [ "$BUILDER" = docker ]; then docker image rm "$img" >/dev/null; else buildah rmi "$img" >/dev/null; fi
  done
}

# The base to build from: NODE_IMAGE if set, else the official image if it is here, else the local one.
# Names are fully qualified: podman and buildah resolve a short name like node:x to any local image
# whose name ends in /node:x, which would make `localhost/nba/node:x` pass for the official one.
resolve_node_image() {
  if [ -n "${NODE_IMAGE:-}" ]; then
    image_exists "$NODE_IMAGE" || die "NODE_IMAGE=$NODE_IMAGE is not in the local image store, and builds never pull: pull it first, or run 'image.sh base'"
  elif image_exists "docker.io/library/$OFFICIAL_NODE_IMAGE"; then NODE_IMAGE="docker.io/library/$OFFICIAL_NODE_IMAGE"
  elif image_exists "$BASE_IMAGE"; then NODE_IMAGE="$BASE_IMAGE"
  else die "no Node base image here: neither $OFFICIAL_NODE_IMAGE nor $BASE_IMAGE. Run 'bash infra/scripts/image.sh base' (builds $BASE_IMAGE from Debian packages and the npm registry), or pull the official one"; fi
}
