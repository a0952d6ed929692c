#!/usr/bin/env bash
# Container images without an image registry: build them, run them, measure them.
#   bash infra/scripts/image.sh base            a local node:<version>-bookworm-slim from Debian packages
#                                               and the npm registry (for air-gapped builds)
#   bash infra/scripts/image.sh build [target…] api, pipeline-runner, model-cli (default: all three)
#   bash infra/scripts/image.sh check           runs each image for real against PostgreSQL; its last
#                                               line is JSON with each image's total and /app size
#   bash infra/scripts/image.sh clean [--all]   removes the app images and the layer cache (--all: the
#                                               base image and the build cache mounts too)
# Builder: docker with BuildKit when a Docker daemon answers, else buildah (+ podman to run).
# Settings are environment variables, listed in infra/scripts/image/common.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
here=infra/scripts/image
# shellcheck source=image/common.sh
. "$here/common.sh"
# shellcheck source=image/base.sh
. "$here/base.sh"
# shellcheck source=image/build.sh
. "$here/build.sh"
# shellcheck source=image/check.sh
. "$here/check.sh"

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  base) cmd_base "$@" ;;
  build) cmd_build "$@" ;;
  check) cmd_check "$@" ;;
  clean) cmd_clean "$@" ;;
  *) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
