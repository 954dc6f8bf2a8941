#!/usr/bin/env bash
# Installs what Footnote's demo and tests need from Debian's packages, when missing: Chromium,
# Firefox ESR, Noto fonts (Urdu text renders as boxes without them), and the PostgreSQL server
# binaries (the intake tests start a throwaway server of their own; the package's cluster is
# never used). Tests never download a browser or a database of their own. Safe to run again:
# it installs nothing twice.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
[ -e /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Footnote needs: ${missing[*]}. Install them with your package manager." >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "Installing from Debian's packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
