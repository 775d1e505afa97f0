#!/usr/bin/env bash
# Install Debian's Chromium for the end-to-end web tests (never a browser download).
# Does nothing when /usr/bin/chromium exists; needs root and apt-get otherwise.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
    echo "install-browser: /usr/bin/chromium is missing; install Debian's chromium and chromium-driver" \
         "(the browser tests will be skipped)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
