#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists, the Vulkan loader
# that onnxruntime-node's WebGPU provider needs (it runs the CLI's
# --device webgpu tests over Chromium's SwiftShader Vulkan driver), and, as
# root, Slurm and munge for the job-array test.
# Playwright's own browser download is not used (it needs hosts that may be
# unreachable); Debian's chromium is. HEADLAB_CHROMIUM may point at any other
# Chromium binary.
set -euo pipefail
bin="${HEADLAB_CHROMIUM:-/usr/bin/chromium}"
need=()
[ -x "$bin" ] || [ -n "${HEADLAB_CHROMIUM:-}" ] || need+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1 ' || need+=(libvulkan1)
# The Slurm test (src/node/slurm.test.ts) starts a one-node cluster; it runs only as root.
if [ "$(id -u)" = "0" ]; then
  [ -x /usr/sbin/slurmctld ] || need+=(slurm-wlm)
  [ -x /usr/sbin/munged ] || need+=(munge)
fi
if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
if [ -n "${HEADLAB_CHROMIUM:-}" ] && [ ! -x "$bin" ]; then
  echo "HEADLAB_CHROMIUM is set to $bin, which is not an executable file." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${need[*]} for the tests." >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >&2
  exit 0
fi
if [[ " ${need[*]} " == *" chromium "* ]]; then
  cat >&2 <<MSG
The browser tests need Chromium at $bin, and it is not there.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: chromium-browser)
  Elsewhere:      install any Chromium 120 or newer and set HEADLAB_CHROMIUM=/path/to/chromium
MSG
  exit 1
fi
echo "libvulkan1 is missing: the --device webgpu tests will be skipped (sudo apt-get install -y libvulkan1 to run them)." >&2
