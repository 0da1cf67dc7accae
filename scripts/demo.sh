#!/usr/bin/env bash
# The README's main job on the bundled example: detect the app, preview the generated files as a diff
# (nothing is written), report drift against the production target, and — when a Docker engine answers —
# build and run it with its Redis and print its URL. Without an engine it says how to start one instead of failing.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLE=${1:-examples/node-redis}
[ -f dist/cli.js ] || npm run build
parity() { node bin/parity.js "$@"; }

echo "::: parity detect $EXAMPLE"
parity detect "$EXAMPLE"
echo
echo "::: parity generate $EXAMPLE --diff   (a preview: nothing is written)"
parity generate "$EXAMPLE" --diff
echo

echo "::: parity drift $EXAMPLE   (this machine vs the production target in parity.yaml)"
parity drift "$EXAMPLE" || echo "(drift reported errors: fix them before deploying)"
echo

if engine_check=$(parity ps 2>&1 >/dev/null); then
  echo "::: parity up $EXAMPLE"
  parity up "$EXAMPLE"
  echo
  echo "Try it: curl the URL above (each request counts a visit in Redis)."
  echo "Then:   node bin/parity.js logs -f   |   node bin/parity.js ps   |   node bin/parity.js down $EXAMPLE"
else
  echo "::: no Docker engine answered, so the example was not started:"
  echo "${engine_check#parity ps: }" | sed 's/^/    /'
  echo "Start Docker Engine, Docker Desktop or Podman (or run 'sudo bash .ci/steps/10-docker-engine.sh' on"
  echo "Debian/Ubuntu), then: node bin/parity.js up $EXAMPLE"
fi
