#!/usr/bin/env bash
# Provision a Docker engine for the docker test suite, idempotently: install docker.io (and debootstrap,
# which the stand-in images need) when missing, start dockerd in the background when nothing answers on
# the socket, and wait until it does. Safe to run again and again.
set -euo pipefail

SOCK=/var/run/docker.sock
LOG=/var/log/parity-dockerd.log

engine_answers() {
  # The Engine API itself, not the CLI: /_ping answers "OK" once the daemon is ready.
  [ -S "$SOCK" ] && curl -fsS --max-time 3 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if engine_answers; then
  echo "docker engine already answering on $SOCK"
  exit 0
fi

echo "starting dockerd (log: $LOG)"
# setsid: the daemon outlives this script and the CI step that ran it.
setsid dockerd --host "unix://$SOCK" >>"$LOG" 2>&1 < /dev/null &

for _ in $(seq 1 90); do
  if engine_answers; then
    echo "docker engine is up: $(curl -fsS --unix-socket "$SOCK" http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -1)"
    exit 0
  fi
  sleep 1
done
echo "dockerd did not answer within 90 s; last log lines:" >&2
tail -n 30 "$LOG" >&2
exit 1
