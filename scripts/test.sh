#!/usr/bin/env bash
# The whole test suite in one run of Node's test runner, so one summary closes it.
# Suites that need a Docker engine or the VS Code server skip with a reason when those are absent,
# unless PARITY_REQUIRE_DOCKER=1 / PARITY_REQUIRE_VSCODE=1 (set by .ci/run) turn absence into failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/cli.js ] || npm run build
mapfile -t files < <(find test/unit test/realworld test/docker test/extension test/e2e -name '*.test.ts' 2>/dev/null | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-concurrency="${PARITY_TEST_CONCURRENCY:-2}" --test-reporter=spec "${files[@]}"
