#!/usr/bin/env bash
# Prune step shared by the Dockerfile and the deploy test: copies one built app and only its
# production dependencies into <out>, so the image (or the test) runs exactly what ships.
#   usage: bash infra/docker/deploy-app.sh @nba/api /out
# - `--legacy`: pnpm 10 deploys non-injected workspaces only in legacy mode (workspace packages are
#   copied in, as their `files` lists say, not symlinked).
# - `--no-optional`: optional dependencies are what a container never uses: the embedded PostgreSQL
#   (`@nba/embedded-db`, optional in each app, and in any case its ~120 MB of binaries, the optional
#   `@embedded-postgres/<platform>` of embedded-postgres; images always get DATABASE_URL, and
#   without it the apps say to set it), pg-cloudflare, and @nba/api in pipeline-runner (only its
#   zero-setup `start` serves the API in-process; the api has its own image).
# - `auto-install-peers=false`, and the optional peers that are dev tools removed afterwards: the
#   lockfile resolves @prisma/client's optional peers `typescript` (23 MB) and `prisma` (the CLI
#   with Studio, ~170 MB) to the workspace's dev copies; the generated client needs neither.
# - `@types/*` (declarations only, no code) go too.
# - Prisma's runtime ships a query compiler per database (5 providers x 2 builds x CJS/ESM, ~60 MB);
#   only the files the generated client names are kept.
# - koffi keeps only this platform's prebuilt binary, without its C++ sources and docs.
# - Only the app's dist/ and package.json are kept (apps have no `files` list).
set -euo pipefail
app="${1:?usage: deploy-app.sh <@nba/app> <out-dir>}"
out="${2:?usage: deploy-app.sh <@nba/app> <out-dir>}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then echo "deploy-app: $out is not empty" >&2; exit 1; fi
staging="$(mktemp -d "${TMPDIR:-/tmp}/deploy-app.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

pnpm --filter="$app" deploy --legacy --prod --no-optional --config.auto-install-peers=false --reporter=append-only "$staging/app" >&2

[ -f "$staging/app/dist/main.js" ] || { echo "deploy-app: $app has no dist/main.js (build it first)" >&2; exit 1; }
mkdir -p "$out"
mv "$staging/app/dist" "$staging/app/package.json" "$staging/app/node_modules" "$out/"
store="$out/node_modules/.pnpm"

# Packages that are never loaded at run time, and every link to them.
for pkg in typescript prisma @types/ undici-types; do
  dir="${pkg/\//+}"
  [ "$pkg" = @types/ ] && dir='@types+'
  find "$store" -mindepth 1 -maxdepth 1 -type d -name "${dir}*" -exec rm -rf {} +
  find "$out/node_modules" -type l -lname "*/${dir}*" -delete
done
find "$out/node_modules" -mindepth 1 -maxdepth 1 -type d -name @types -empty -delete

# Prisma: the query compiler files the generated client names (e.g. query_compiler_fast_bg.postgresql).
used="$(grep -rhoE 'query_compiler_[a-z]+_bg\.[a-z0-9]+' --include='*.js' --include='*.mjs' "$out/dist" "$store"/@nba+* 2>/dev/null | sort -u || true)"
if [ -n "$used" ]; then
  for runtime in "$store"/@prisma+client@*/node_modules/@prisma/client/runtime; do
    [ -d "$runtime" ] || continue
    for f in "$runtime"/query_compiler_*; do
      name="$(basename "$f")"
      grep -qxF "$(grep -oE '^query_compiler_[a-z]+_bg\.[a-z0-9]+' <<<"$name")" <<<"$used" || rm -f "$f"
    done
  done
fi

triplet="$(node -p 'process.platform + "_" + process.arch')"
for koffi in "$store"/koffi@*/node_modules/koffi; do
  [ -d "$koffi/build/koffi/$triplet" ] || continue
  find "$koffi/build/koffi" -mindepth 1 -maxdepth 1 -type d ! -name "$triplet" -exec rm -rf {} +
  rm -rf "$koffi/src" "$koffi/vendor" "$koffi/doc"
done
echo "deploy-app: $app -> $out ($(du -sh "$out" | cut -f1))" >&2
