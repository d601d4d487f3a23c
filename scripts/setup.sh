#!/usr/bin/env bash
# Everything frus-tei needs on a fresh Debian machine: from Debian, jing (TEI P5
# conformance checks), chromium (the HTML edition's browser test drives it
# through Playwright; no browser is ever downloaded), Pango and HarfBuzz (which
# WeasyPrint lays the PDF out with) and the Linux Libertine and DejaVu fonts
# (embedded in the PDF: they cover every character of the texts); and a
# virtualenv in .venv with the package and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
missing=()
command -v jing >/dev/null 2>&1 || missing+=(jing)
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-linuxlibertine fonts-dejavu-core; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
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
