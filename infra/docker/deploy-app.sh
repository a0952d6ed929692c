#!/usr/bin/env bash
# Prune step shared by the Dockerfile and the deploy test: copies one built app and only its
# production dependencies into <out>, so the image (or the test) runs exactly what ships.
#   usage: bash infra/docker/deploy-app.sh @nba/api /out
# - `--legacy`: pnpm 10 deploys non-injected workspaces only in legacy mode (workspace packages are
#   copied in, as their `files` lists say, not symlinked).
# - `auto-install-peers=false`: @prisma/client's optional peer `prisma` (the CLI, ~170 MB with
#   Studio) is a dev tool; the generated client needs only @prisma/client's runtime.
# - Only the app's dist/ and package.json are kept (apps have no `files` list), and koffi's
#   prebuilt binaries for other platforms are dropped.
set -euo pipefail
app="${1:?usage: deploy-app.sh <@nba/app> <out-dir>}"
out="${2:?usage: deploy-app.sh <@nba/app> <out-dir>}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then echo "deploy-app: $out is not empty" >&2; exit 1; fi
staging="$(mktemp -d "${TMPDIR:-/tmp}/deploy-app.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

pnpm --filter="$app" deploy --legacy --prod --config.auto-install-peers=false --reporter=append-only "$staging/app" >&2

[ -f "$staging/app/dist/main.js" ] || { echo "deploy-app: $app has no dist/main.js (build it first)" >&2; exit 1; }
mkdir -p "$out"
mv "$staging/app/dist" "$staging/app/package.json" "$staging/app/node_modules" "$out/"

triplet="$(node -p 'process.platform + "_" + process.arch')"
for koffi in "$out"/node_modules/.pnpm/koffi@*/node_modules/koffi/build/koffi; do
  [ -d "$koffi/$triplet" ] || continue
  find "$koffi" -mindepth 1 -maxdepth 1 -type d ! -name "$triplet" -exec rm -rf {} +
done
echo "deploy-app: $app -> $out ($(du -sh "$out" | cut -f1))" >&2
