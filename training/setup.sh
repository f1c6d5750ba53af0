#!/usr/bin/env bash
# Debian packages for training. Without libopenblas0-pthread torch runs about 10x slower.
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch python3-onnx python3-numpy libopenblas0-pthread
