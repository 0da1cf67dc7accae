#!/usr/bin/env bash
# Provisions, offline and idempotently, the VS Code server that the npm package code-server@4.100.3 ships,
# so the extension-host suite and the UI end-to-end test run in a real VS Code opened by Debian's Chromium.
# The package's own postinstall downloads ripgrep from outside the registries (and fails here), so we
# install its server's dependencies ourselves and put Debian's rg where @vscode/ripgrep looks for it.
# Result: the server at $PARITY_VSCODE_CACHE/package/lib/vscode (tests read that path, or $PARITY_VSCODE_SERVER).
set -euo pipefail

VERSION=4.100.3
CACHE=${PARITY_VSCODE_CACHE:-/var/cache/parity-ci/code-server}
SERVER="$CACHE/package/lib/vscode"
STAMP="$CACHE/.provisioned-$VERSION"

need_apt=()
for pkg in libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium g++ make python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if [ -f "$STAMP" ] && [ -f "$SERVER/out/server-main.js" ] && [ -x "$SERVER/node_modules/@vscode/ripgrep/bin/rg" ]; then
  echo "VS Code server $VERSION already provisioned at $SERVER"
  exit 0
fi

mkdir -p "$CACHE"
cd "$CACHE"
rm -rf package
tarball="code-server-$VERSION.tgz"
if [ ! -s "$tarball" ]; then
  npm pack "code-server@$VERSION" --silent >/dev/null
fi
tar -xzf "$tarball"

cd "$SERVER"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
npm_config_yes=true npm rebuild kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
touch "$STAMP"
echo "VS Code server $VERSION provisioned at $SERVER"
