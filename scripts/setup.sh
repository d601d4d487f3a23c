#!/usr/bin/env bash
# Everything frus-tei needs on a fresh Debian machine: from Debian, jing (TEI P5
# conformance checks) and chromium (the HTML edition's browser test drives it
# through Playwright; no browser is ever downloaded); and a virtualenv in .venv
# with the package and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
missing=()
command -v jing >/dev/null 2>&1 || missing+=(jing)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >"$log" 2>&1 || { cat "$log"; exit 1; }
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --disable-pip-version-check -e '.[test]' >"$log" 2>&1 || { cat "$log"; exit 1; }
echo "frus-tei set up: $(.venv/bin/frus-tei --version)"
