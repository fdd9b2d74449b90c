#!/usr/bin/env bash
# Installs headless Chromium and its driver from Debian's packages, once: the lookup page's browser
# test drives /usr/bin/chromium through /usr/bin/chromedriver. A tool's own browser download is not
# used (it needs the open internet); the distribution's packages come through the package mirror.
# Idempotent: does nothing when both binaries are present.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser: apt-get not found; install chromium and chromium-driver with your package manager" >&2
  exit 1
fi
sudo=""
if [[ "$(id -u)" -ne 0 ]]; then
  sudo="sudo"
fi
# apt holds a lock: two builds installing at once would fail, so wait for the other one.
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -q
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk
