"""Greedy decoding with the KV cache, used to watch validation accuracy
while training. The reported accuracy of the bundled model is measured by
the TypeScript engine under onnxruntime-node, not by this file."""
import os
import re

import numpy as np
import torch

PAD, EOS = 3, 2


def load_split(corpus, split):
    tokens = np.fromfile(os.path.join(corpus, f"{split}.tokens.u16"), dtype=np.uint16).astype(np.int64)
    index = np.fromfile(os.path.join(corpus, f"{split}.index.i32"), dtype=np.int32).reshape(-1, 5)
    prompts = [tokens[o:o + p].tolist() for o, _, p, _, _ in index]
    return {"prompts": prompts, "levels": index[:, 3].tolist(), "finals": index[:, 4].tolist()}


@torch.no_grad()
def greedy_generate(model, prompts, max_new=64):
    """Left-padded batched greedy decoding; returns the new token ids per row."""
    b = len(prompts)
    t = max(len(p) for p in prompts)
    ids = torch.full((b, t), PAD, dtype=torch.long)
    mask = torch.zeros((b, t), dtype=torch.long)
    for r, p in enumerate(prompts):
        ids[r, t - len(p):] = torch.tensor(p)
        mask[r, t - len(p):] = 1
    pos = (mask.cumsum(1) - 1).clamp(min=0)
    past = model.empty_past(b)
    out = [[] for _ in range(b)]
    done = torch.zeros(b, dtype=torch.bool)
    for _ in range(max_new):
        logits, *past = model(ids, mask, pos, *past)
        nxt = logits[:, -1].argmax(-1)
        for r in range(b):
            if not done[r]:
                out[r].append(int(nxt[r]))
        done |= nxt == EOS
        if done.all():
            break
        ids = nxt.unsqueeze(1)
        pos = pos[:, -1:] + 1
        mask = torch.cat([mask, torch.ones((b, 1), dtype=torch.long)], dim=1)
    return out


def final_answer(ids, id_to_token):
    text = "".join(id_to_token.get(i, "") for i in ids).replace("\u2581", " ")
    m = re.search(r"####\s*(-?\d+)", text)
    return int(m.group(1)) if m else None


_VOCAB = {}


def vocab_for(model):
    if not _VOCAB:
        import json
        here = os.path.dirname(os.path.abspath(__file__))
        tok = json.load(open(os.path.join(here, "..", "public", "models", "headlab-math-6x8", "tokenizer.json")))
        _VOCAB.update({v: k for k, v in tok["model"]["vocab"].items()})
    return _VOCAB


def greedy_accuracy(model, split, limit=200, batch=100):
    model.eval()
    id_to_token = vocab_for(model)
    prompts, finals, levels = split["prompts"][:limit], split["finals"][:limit], split["levels"][:limit]
    correct = []
    for s in range(0, len(prompts), batch):
        for ids, f in zip(greedy_generate(model, prompts[s:s + batch]), finals[s:s + batch]):
            correct.append(final_answer(ids, id_to_token) == f)
    model.train()
    by_level = {}
    for c, lv in zip(correct, levels):
        by_level.setdefault(str(lv), []).append(c)
    return float(np.mean(correct)), {k: round(float(np.mean(v)), 3) for k, v in sorted(by_level.items())}
