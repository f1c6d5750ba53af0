#!/usr/bin/env bash
# Rebuilds the bundled model from nothing: tokenizer, corpus, training, export
# (the commands of public/models/headlab-math-6x8/README.md).
# Needs Debian's python3-torch, python3-onnx, python3-numpy and
# libopenblas0-pthread (training/setup.sh installs them), and `npm install`.
# usage: bash training/train-bundled.sh
set -euo pipefail
cd "$(dirname "$0")/.."
model=public/models/headlab-math-6x8
npx tsx training/build-tokenizer.ts "$model"
npx tsx training/write-corpus.ts "$model" training/corpus 250000
vocab=$(node -e "console.log(Object.keys(require('./$model/tokenizer.json').model.vocab).length)")
/usr/bin/python3 training/train.py --corpus training/corpus --out training/runs/main \
  --vocab-size "$vocab" --steps 3000 --stop-after 1250 --eval-every 250 --seed 0 --threads 2
/usr/bin/python3 training/export.py training/runs/main/step1250.pt "$model"
echo "Now update src/engine/model/bundledModelPins.ts from: npx tsx training/print-pins.ts" >&2
