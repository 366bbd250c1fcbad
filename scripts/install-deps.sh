#!/bin/sh
# install-deps.sh - install the Debian packages figcheck needs to build, test and run (only those missing).
set -eu
pkgs="build-essential pkg-config libpcre2-dev libxml2-dev libsqlite3-dev libssl-dev zlib1g-dev libcmocka-dev sqlite3 jq python3 time"
# Optional: clang for the fuzz harnesses (make fuzz); not needed for demo or check.
[ "${FIGCHECK_FUZZ:-0}" = 1 ] && pkgs="$pkgs clang libclang-rt-14-dev"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
	echo "install-deps: need root or sudo to install:$missing" >&2; exit 4
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
