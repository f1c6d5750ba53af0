"""Reads a HeadLab-exported ONNX decoder back into llama.py's state dict, so
a new model can start from the bundled one's weights. Matrices are found by
their optimum node names (/model/layers.N/self_attn/q_proj/MatMul), whose
second input is the weight transposed ([in, out]).

Token embeddings are matched by token string between the two tokenizers:
rows of tokens both share are copied, new tokens start from N(0, 0.02).
"""
import json

import numpy as np
import onnx
import torch
from onnx import numpy_helper


def onnx_state(path):
    m = onnx.load(path)
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    state = {k: v for k, v in inits.items() if k.startswith("model.") and not k.startswith("onnx::")}
    for n in m.graph.node:
        if n.op_type != "MatMul" or not n.name.startswith("/model/layers.") or n.input[1] not in inits:
            continue
        _, _, layer, block, proj, _ = n.name.split("/")
        state[f"model.{layer}.{block}.{proj}.weight"] = inits[n.input[1]].T.copy()
    return state


def load_into(model, onnx_path, old_tokenizer, new_tokenizer, seed=0):
    """Copies every matrix and norm of the ONNX model into `model`; returns how many embedding rows were new."""
    state = onnx_state(onnx_path)
    old_vocab = json.load(open(old_tokenizer))["model"]["vocab"]
    new_vocab = json.load(open(new_tokenizer))["model"]["vocab"]
    old_emb = state.pop("model.embed_tokens.weight")
    g = torch.Generator().manual_seed(seed)
    emb = torch.randn((len(new_vocab), old_emb.shape[1]), generator=g) * 0.02
    fresh = 0
    for tok, i in new_vocab.items():
        if tok in old_vocab:
            emb[i] = torch.from_numpy(old_emb[old_vocab[tok]])
        else:
            fresh += 1
    own = model.state_dict()
    for k, v in state.items():
        assert own[k].shape == v.shape, (k, own[k].shape, v.shape)
        own[k] = torch.from_numpy(np.ascontiguousarray(v))
    own["model.embed_tokens.weight"] = emb
    own["lm_head.weight"] = emb
    model.load_state_dict(own)
    return fresh
