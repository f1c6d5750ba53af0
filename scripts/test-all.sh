#!/usr/bin/env bash
# Every test HeadLab has, from a fresh clone: installs what the tests need
# (npm packages, Chromium), then type-checks, runs the unit tests (real
# model, onnxruntime-node) and the browser tests (real model, Chromium,
# WASM and WebGPU).
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund --loglevel=error
bash scripts/ensure-chromium.sh
npx tsc --noEmit -p .
npx vitest run
npx playwright test
