#!/usr/bin/env bash
# Rebuilds headlab-mix-6x8, the positive control for SPRINT, from nothing but
# the bundled headlab-math-6x8 (whose weights it starts from): tokenizer,
# mixed-family corpus, three gated training stages, export
# (the commands of public/models/headlab-mix-6x8/README.md).
# Needs what train-bundled.sh needs (training/setup.sh, `npm install`).
# usage: bash training/train-mix.sh
set -euo pipefail
cd "$(dirname "$0")/.."
model=public/models/headlab-mix-6x8
base=public/models/headlab-math-6x8
npx tsx training/build-tokenizer.ts "$model" --mix
npx tsx training/write-mix-corpus.ts "$model" training/corpus-mix 200000
vocab=$(node -e "console.log(Object.keys(require('./$model/tokenizer.json').model.vocab).length)")
common=(--corpus training/corpus-mix --vocab-size "$vocab" --init-onnx "$base/onnx/model.onnx"
  --old-tokenizer "$base/tokenizer.json" --new-tokenizer "$model/tokenizer.json")
# Thread counts as in the recorded run: torch on CPU is deterministic per thread count.
# Stage 1: the families and the gate, every row as generated.
/usr/bin/python3 training/train_mix.py "${common[@]}" --out training/runs/mix-stage1 --seed 0 --threads 1 \
  --steps 800 --eval-every 200 --mask-shares 0.35,0.35,0.3 --shortcut-rate 0.9
# Stage 2: the gate sharpened: more distracted rows, more gated rows, the deciding token weighted 5x.
/usr/bin/python3 training/train_mix.py "${common[@]}" --out training/runs/mix-stage2 --seed 1 --threads 2 \
  --init-checkpoint training/runs/mix-stage1/step800.pt --steps 600 --eval-every 150 \
  --mask-shares 0.4,0.4,0.2 --distracted-share 0.6 --decision-weight 5 --shortcut-rate 0.9
# Stage 3: the gate settled at half the learning rate, with more rows pruning some other head (so other
# heads leave the shortcut alone) until rate's head took too.
/usr/bin/python3 training/train_mix.py "${common[@]}" --out training/runs/mix-stage3 --seed 2 --threads 2 \
  --init-checkpoint training/runs/mix-stage2/step600.pt --steps 600 --eval-every 150 --lr 5e-4 \
  --mask-shares 0.3,0.35,0.35 --distracted-share 0.6 --decision-weight 5 --shortcut-rate 0.9
/usr/bin/python3 training/export.py training/runs/mix-stage3/step600.pt "$model"
echo "Now update src/engine/model/bundledModelPins.ts from: npx tsx training/print-pins.ts --mix" >&2
