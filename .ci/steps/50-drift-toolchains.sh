#!/usr/bin/env bash
# Compilers the drift tests build native artifacts with: gcc (glibc), musl-gcc (musl) and the aarch64
# cross compiler (an arm64 binary for ARCH). Tests that need a missing one skip with a reason, so a
# failed install here must not stop the run.
set -uo pipefail
need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v musl-gcc >/dev/null || need+=(musl-tools)
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
[ "${#need[@]}" -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
(apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}") || echo "drift toolchains: install failed; tests needing them will skip"
exit 0
