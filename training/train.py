"""Trains the bundled HeadLab model on the synthetic corpus written by
write-corpus.ts. Seeded and deterministic on CPU for a given thread count.

usage: python3 training/train.py --corpus DIR --out DIR [--steps N] ...
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch

from llama import LlamaForCausalLM
from greedy import greedy_accuracy, load_split

PAD = 3


def model_config(args, vocab_size):
    return {
        "vocab_size": vocab_size,
        "hidden_size": args.hidden,
        "intermediate_size": args.intermediate,
        "num_hidden_layers": args.layers,
        "num_attention_heads": args.heads,
        "num_key_value_heads": args.heads,
        "max_position_embeddings": 256,
        "rms_norm_eps": 1e-5,
        "rope_theta": 10000.0,
    }


def make_batch(tokens, index, rows):
    """Right-padded batch: ids [b, t], mask [b, t], loss weights on target tokens."""
    lengths = index[rows, 1]
    t = int(lengths.max())
    ids = np.full((len(rows), t), PAD, dtype=np.int64)
    target = np.zeros((len(rows), t), dtype=np.float32)
    for r, row in enumerate(rows):
        off, n, p = index[row, 0], index[row, 1], index[row, 2]
        ids[r, :n] = tokens[off:off + n]
        target[r, p:n] = 1.0
    mask = (np.arange(t)[None, :] < lengths[:, None]).astype(np.int64)
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(target)


def train_step(model, opt, ids, mask, target):
    """One clipped AdamW step on the next-token loss weighted by `target`
    (ids, mask, target [b, t]; a target weight sits on the token predicted).
    Returns the loss."""
    pos = torch.arange(ids.shape[1]).unsqueeze(0).expand_as(ids)
    logits = model(ids, mask, pos, *model.empty_past(ids.shape[0]))[0]
    loss_tok = torch.nn.functional.cross_entropy(
        logits[:, :-1].reshape(-1, logits.shape[-1]), ids[:, 1:].reshape(-1), reduction="none")
    w = target[:, 1:].reshape(-1)
    loss = (loss_tok * w).sum() / w.sum()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss


def add_run_args(ap, steps, lr, warmup, eval_every):
    """The schedule, batch, seed and thread options both trainers take, with each one's defaults."""
    ap.add_argument("--steps", type=int, default=steps, help="length of the learning-rate schedule")
    ap.add_argument("--stop-after", type=int, default=None, help="stop at this step (the schedule still spans --steps)")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=lr)
    ap.add_argument("--warmup", type=int, default=warmup)
    ap.add_argument("--eval-every", type=int, default=eval_every)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)


def start_run(args):
    """Threads and seeds set, the output folder made; returns the numpy generator for batches."""
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    return np.random.default_rng(args.seed)


def record_step(log, model, cfg, args, rec):
    """Prints and logs one evaluation record and saves that step's checkpoint."""
    print(json.dumps(rec), flush=True)
    log.write(json.dumps(rec) + "\n")
    log.flush()
    torch.save({"config": cfg, "state": model.state_dict(), "step": rec["step"], "args": vars(args)},
               os.path.join(args.out, f"step{rec['step']}.pt"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--vocab-size", type=int, required=True)
    add_run_args(ap, steps=4000, lr=3e-3, warmup=100, eval_every=250)
    ap.add_argument("--curriculum", type=float, default=0.15, help="fraction of steps on levels 1-2 only")
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--intermediate", type=int, default=352)
    args = ap.parse_args()
    rng = start_run(args)

    tokens = np.fromfile(os.path.join(args.corpus, "train.tokens.u16"), dtype=np.uint16).astype(np.int64)
    index = np.fromfile(os.path.join(args.corpus, "train.index.i32"), dtype=np.int32).reshape(-1, 5)
    # Each batch draws from one level, so rows have similar lengths and little padding.
    by_level = {lv: np.nonzero(index[:, 3] == lv)[0] for lv in (1, 2, 3, 4)}
    valid = load_split(args.corpus, "valid")

    cfg = model_config(args, args.vocab_size)
    model = LlamaForCausalLM(cfg)
    for p in model.parameters():
        if p.dim() == 2:
            torch.nn.init.normal_(p, std=0.02)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {n_params}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.1)
    log = open(os.path.join(args.out, "log.jsonl"), "a")
    start, seen_tokens = time.time(), 0

    for step in range(1, (args.stop_after or args.steps) + 1):
        lr = args.lr * min(1.0, step / args.warmup) * 0.5 * (1 + math.cos(math.pi * step / args.steps))
        for g in opt.param_groups:
            g["lr"] = max(lr, args.lr * 0.02)
        weights = [0.5, 0.5, 0, 0] if step <= args.curriculum * args.steps else [0.15, 0.25, 0.3, 0.3]
        rows = rng.choice(by_level[int(rng.choice(4, p=weights)) + 1], args.batch)
        ids, mask, target = make_batch(tokens, index, rows)
        loss = train_step(model, opt, ids, mask, target)
        seen_tokens += int(mask.sum())

        if step % 50 == 0:
            el = time.time() - start
            print(f"step {step} loss {loss.item():.4f} lr {lr:.2e} tok/s {seen_tokens / el:.0f} elapsed {el:.0f}s", flush=True)
        if step % args.eval_every == 0 or step == args.steps:
            acc, acc_levels = greedy_accuracy(model, valid, limit=200)
            record_step(log, model, cfg, args, {"step": step, "loss": loss.item(), "valid_acc": acc, "by_level": acc_levels,
                                                "elapsed_s": round(time.time() - start), "tokens": seen_tokens})


if __name__ == "__main__":
    main()
