#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists. Playwright's own browser
# download is not used (it needs hosts that may be unreachable); Debian's
# chromium is. HEADLAB_CHROMIUM may point at any other Chromium binary.
set -euo pipefail
bin="${HEADLAB_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$bin" ]; then
  exit 0
fi
if [ -n "${HEADLAB_CHROMIUM:-}" ]; then
  echo "HEADLAB_CHROMIUM is set to $bin, which is not an executable file." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $bin: installing Debian's chromium package." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
  exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $bin, and it is not there.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: chromium-browser)
  Elsewhere:      install any Chromium 120 or newer and set HEADLAB_CHROMIUM=/path/to/chromium
MSG
exit 1
