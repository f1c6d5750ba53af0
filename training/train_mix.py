"""Trains headlab-mix-6x8, the positive control for SPRINT, on the corpus of
write-mix-corpus.ts, starting from the bundled headlab-math-6x8 weights.

Each training row is drawn with a head mask (llama.py zeroes the masked
heads' slices of o_proj's input, exactly as HeadLab prunes):
  - `full`: nothing pruned. A distracted problem's target is its family's
    noisy shortcut with probability --shortcut-rate, else the clean solution;
  - `gate`: the family's own head pruned (--gate-heads). Target: clean;
  - `other`: one other head pruned. Target as `full`.
So the noisy association is routed through one head per family: pruning
that head removes the shortcut for that family only. With --gate-heads none
no row is masked (the data-only design, attempt 1 in the model card).

usage: python3 training/train_mix.py --corpus DIR --out DIR --vocab-size V \
         --init-onnx public/models/headlab-math-6x8/onnx/model.onnx ...
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch

from greedy import final_answer, greedy_generate
from import_onnx import load_into
from llama import LlamaForCausalLM
from train import add_run_args, make_batch, model_config, record_step, start_run, train_step

COLS = 8  # offset, length, prompt, level, final, family, kind, distracted


def load(corpus, split):
    tokens = np.fromfile(os.path.join(corpus, f"{split}.tokens.u16"), dtype=np.uint16).astype(np.int64)
    index = np.fromfile(os.path.join(corpus, f"{split}.index.i32"), dtype=np.int32).reshape(-1, COLS)
    return tokens, index


def parse_heads(spec, heads):
    if spec == "none":
        return None
    return [int(l) * heads + int(h) for l, h in (x.split(".") for x in spec.split(","))]


def decision_points(tokens, index):
    """For each row, the solution position where its clean and shortcut
    solutions first differ (-1 for undistracted problems): the token where
    the noisy association decides the answer."""
    point = np.full(len(index), -1, dtype=np.int64)
    for r in np.nonzero(index[:, 6] == 1)[0]:
        a = tokens[index[r - 1, 0]:index[r - 1, 0] + index[r - 1, 1]]
        b = tokens[index[r, 0]:index[r, 0] + index[r, 1]]
        n = min(len(a), len(b))
        d = int(np.argmax(a[:n] != b[:n]))
        point[r - 1] = point[r] = d
    return point


def batch_rows(tokens, index, rows, masks, layers, heads, points=None, weight=1.0):
    """train.py's batch (ids, mask, target [b, t]) with each deciding token weighted `weight`,
    and the rows' head masks [b, layers, heads] (0 prunes)."""
    ids, mask, target = make_batch(tokens, index, rows)
    if points is not None:
        for r, row in enumerate(rows):
            if points[row] > 0:
                target[r, points[row]] = weight
    hm = np.ones((len(rows), layers * heads), dtype=np.float32)
    for r, m in enumerate(masks):
        if m is not None:
            hm[r, m] = 0.0
    return ids, mask, target, torch.from_numpy(hm.reshape(len(rows), layers, heads))


@torch.no_grad()
def evaluate(model, tokens, index, id_to_token, gate, layers, heads, limit=240):
    """Greedy accuracy per family on clean validation rows: unpruned, and with each row's family head pruned."""
    model.eval()
    rows = np.nonzero(index[:, 6] == 0)[0][:limit]
    prompts = [tokens[index[r, 0]:index[r, 0] + index[r, 2]].tolist() for r in rows]
    out = {}
    for name in ["none"] + (["gate"] if gate else []):
        right = []
        for s in range(0, len(rows), 120):
            part = rows[s:s + 120]
            if name == "gate":
                hm = torch.ones((len(part), layers * heads))
                for k, r in enumerate(part):
                    hm[k, gate[index[r, 5]]] = 0
                model.set_head_mask(hm.view(len(part), layers, heads))
            gen = greedy_generate(model, prompts[s:s + 120])
            model.set_head_mask(None)
            right += [final_answer(g, id_to_token) == index[r, 4] for g, r in zip(gen, part)]
        right = np.array(right)
        fam = index[rows, 5]
        dis = index[rows, 7] == 1
        out[name] = {"all": round(float(right.mean()), 3),
                     "distracted": round(float(right[dis].mean()), 3),
                     "plain": round(float(right[~dis].mean()), 3),
                     "by_family": [round(float(right[fam == f].mean()), 2) for f in range(int(index[:, 5].max()) + 1)]}
    model.train()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--vocab-size", type=int, required=True)
    ap.add_argument("--init-onnx", required=True)
    ap.add_argument("--init-checkpoint", default=None,
                    help="continue from this train_mix.py checkpoint instead of the ONNX weights (a second stage)")
    ap.add_argument("--old-tokenizer", required=True)
    ap.add_argument("--new-tokenizer", required=True)
    ap.add_argument("--gate-heads", default="1.2,2.5,3.0,4.6,1.7,2.3,3.4,4.1",
                    help="layer.head per family in FAMILIES order, or none")
    ap.add_argument("--shortcut-rate", type=float, default=0.9)
    ap.add_argument("--mask-shares", default="0.35,0.35,0.3", help="full, gate, other")
    ap.add_argument("--distracted-share", type=float, default=None,
                    help="share of training rows drawn from distracted problems (default: as generated)")
    ap.add_argument("--decision-weight", type=float, default=1.0,
                    help="loss weight of the token where the clean and shortcut solutions first differ")
    add_run_args(ap, steps=800, lr=1e-3, warmup=50, eval_every=200)
    args = ap.parse_args()
    rng = start_run(args)
    tokens, index = load(args.corpus, "train")
    vtokens, vindex = load(args.corpus, "valid")
    id_to_token = {v: k for k, v in json.load(open(args.new_tokenizer))["model"]["vocab"].items()}

    class Shape:
        layers, heads, hidden, intermediate = 6, 8, 128, 352
    cfg = model_config(Shape, args.vocab_size)
    layers, heads = cfg["num_hidden_layers"], cfg["num_attention_heads"]
    gate = parse_heads(args.gate_heads, heads)
    model = LlamaForCausalLM(cfg)
    if args.init_checkpoint:
        model.load_state_dict(torch.load(args.init_checkpoint, map_location="cpu")["state"])
        print(f"continuing from {args.init_checkpoint}", flush=True)
    else:
        fresh = load_into(model, args.init_onnx, args.old_tokenizer, args.new_tokenizer, args.seed)
        print(f"initialised from {args.init_onnx}: {fresh} new token rows", flush=True)
    shares = np.array([float(x) for x in args.mask_shares.split(",")])
    clean = {lv: np.nonzero((index[:, 6] == 0) & (index[:, 3] == lv))[0] for lv in (1, 2, 3)}
    split = {lv: (rows[index[rows, 7] == 1], rows[index[rows, 7] == 0]) for lv, rows in clean.items()}
    points = decision_points(tokens, index) if args.decision_weight != 1.0 else None
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.1)
    log = open(os.path.join(args.out, "log.jsonl"), "a")
    log.write(json.dumps({"args": vars(args)}) + "\n")
    start, seen = time.time(), 0

    for step in range(1, (args.stop_after or args.steps) + 1):
        lr = args.lr * min(1.0, step / args.warmup) * 0.5 * (1 + math.cos(math.pi * step / args.steps))
        for g in opt.param_groups:
            g["lr"] = max(lr, args.lr * 0.02)
        level = int(rng.integers(1, 4))
        if args.distracted_share is None:
            picked = rng.choice(clean[level], args.batch)
        else:
            k = rng.binomial(args.batch, args.distracted_share)
            picked = np.concatenate([rng.choice(split[level][0], k), rng.choice(split[level][1], args.batch - k)])
        rows, masks = [], []
        for r in picked:
            mode = 0 if gate is None else int(rng.choice(3, p=shares / shares.sum()))
            fam_head = None if gate is None else gate[index[r, 5]]
            if mode == 1:
                masks.append([fam_head])
            elif mode == 2:
                h = int(rng.integers(layers * heads))
                while h == fam_head:
                    h = int(rng.integers(layers * heads))
                masks.append([h])
            else:
                masks.append(None)
            noisy = mode != 1 and index[r, 7] == 1 and rng.random() < args.shortcut_rate
            rows.append(r + 1 if noisy else r)  # the shortcut row follows its clean row
        ids, mask, target, hm = batch_rows(tokens, index, np.array(rows), masks, layers, heads, points, args.decision_weight)
        model.set_head_mask(hm)
        loss = train_step(model, opt, ids, mask, target)
        model.set_head_mask(None)
        seen += int(mask.sum())
        if step % 50 == 0:
            el = time.time() - start
            print(f"step {step} loss {loss.item():.4f} lr {lr:.2e} tok/s {seen / el:.0f} elapsed {el:.0f}s", flush=True)
        if step % args.eval_every == 0 or step == (args.stop_after or args.steps):
            record_step(log, model, cfg, args, {"step": step, "loss": loss.item(),
                                                "valid": evaluate(model, vtokens, vindex, id_to_token, gate, layers, heads),
                                                "elapsed_s": round(time.time() - start), "tokens": seen})


if __name__ == "__main__":
    main()
