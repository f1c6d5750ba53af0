"""Builds the stand-in for Xenova/all-MiniLM-L6-v2 that the sentence-encoder
tests serve from a local static server (the Hub is not reachable from CI).

It has MiniLM's file layout and architecture family (a BERT encoder with a
lowercasing WordPiece tokenizer, ONNX inputs input_ids / attention_mask /
token_type_ids, output last_hidden_state), NOT its weights: hidden 32,
2 layers, 2 heads, seeded random weights, and a vocabulary of a few hundred
words taken from the synthetic math problems. Its embeddings mean nothing;
the tests only check the code path, shapes and determinism.

Files written (the ones transformers.js reads, plus vocab.txt and
special_tokens_map.json as in the real repo):
  config.json, tokenizer.json, tokenizer_config.json,
  special_tokens_map.json, vocab.txt, README.md,
  onnx/model.onnx            fp32: what Node (device cpu) loads by default
  onnx/model_quantized.onnx  q8:   what the browser (device wasm) loads by default

usage:
  npm run -s problems -- --seed 1 --count 2000 \
    | python3 training/make-tiny-bert.py src/node/fixtures/tiny-minilm
"""
import collections
import json
import math
import os
import re
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

HIDDEN, LAYERS, HEADS, INTERMEDIATE, MAX_POS, WORDS = 32, 2, 2, 64, 128, 300
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def build_vocab(lines):
    """Specials, then every piece needed so no word of the problems is [UNK]."""
    counts = collections.Counter()
    punct = set()
    for line in lines:
        record = json.loads(line)
        text = (record["question"] + " " + record["answer"]).lower()
        # BertPreTokenizer: split on whitespace, punctuation is its own token.
        for tok in re.findall(r"[a-z]+|[0-9]+|[^\sa-z0-9]", text):
            if tok.isalpha():
                counts[tok] += 1
            elif not tok.isdigit():
                punct.add(tok)
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    digits = [str(d) for d in range(10)]
    # Numbers and rare words split into single-character pieces.
    pieces = sorted(punct) + digits + ["##" + d for d in digits] + letters + ["##" + c for c in letters]
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if len(w) > 1][:WORDS]
    return SPECIALS + pieces + words


def tokenizer_json(vocab):
    ids = {tok: i for i, tok in enumerate(vocab)}
    special = lambda tok: {"SpecialToken": {"id": tok, "type_id": 0}}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for t in SPECIALS
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special("[SEP]")],
            "pair": [
                special("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special("[SEP]"),
                {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": ids},
    }


class Layer(torch.nn.Module):
    """One post-LayerNorm BERT encoder layer."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (torch.nn.Linear(HIDDEN, HIDDEN) for _ in range(4))
        self.ln1, self.ln2 = torch.nn.LayerNorm(HIDDEN, eps=1e-12), torch.nn.LayerNorm(HIDDEN, eps=1e-12)
        self.up, self.down = torch.nn.Linear(HIDDEN, INTERMEDIATE), torch.nn.Linear(INTERMEDIATE, HIDDEN)

    def forward(self, x, bias):
        b, s, _ = x.shape
        split = lambda t: t.view(b, s, HEADS, HIDDEN // HEADS).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias, dim=-1)
        ctx = (att @ v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.ln1(x + self.o(ctx))
        return self.ln2(x + self.down(torch.nn.functional.gelu(self.up(x))))


class TinyBert(torch.nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.word = torch.nn.Embedding(vocab_size, HIDDEN)
        self.pos = torch.nn.Embedding(MAX_POS, HIDDEN)
        self.token_type = torch.nn.Embedding(2, HIDDEN)
        self.ln = torch.nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = torch.nn.ModuleList(Layer() for _ in range(LAYERS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        pos = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(pos) + self.token_type(token_type_ids))
        # Padding gets a large negative score, as in BERT.
        bias = (1.0 - attention_mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x


def quantize_dynamic(model):
    """q8 as onnxruntime's quantize_dynamic writes it (onnxruntime's Python
    package is not in Debian): each MatMul by a constant weight becomes
    DynamicQuantizeLinear + MatMulInteger with uint8 per-tensor weights."""
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    nodes = []
    for node in graph.node:
        w = inits.get(node.input[1]) if node.op_type == "MatMul" else None
        if w is None or len(w.dims) != 2:
            nodes.append(node)
            continue
        wf = numpy_helper.to_array(w)
        lo, hi = min(float(wf.min()), 0.0), max(float(wf.max()), 0.0)
        scale = (hi - lo) / 255 or 1.0
        zp = int(round(-lo / scale))
        wq = np.clip(np.round(wf / scale) + zp, 0, 255).astype(np.uint8)
        n = node.output[0]
        graph.initializer.remove(w)
        graph.initializer.extend([
            numpy_helper.from_array(wq, w.name + "_quantized"),
            numpy_helper.from_array(np.array(scale, np.float32), w.name + "_scale"),
            numpy_helper.from_array(np.array(zp, np.uint8), w.name + "_zero_point"),
        ])
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [node.input[0]], [n + "_xq", n + "_xs", n + "_xzp"]),
            helper.make_node("MatMulInteger", [n + "_xq", w.name + "_quantized", n + "_xzp", w.name + "_zero_point"], [n + "_int"]),
            helper.make_node("Cast", [n + "_int"], [n + "_float"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [n + "_xs", w.name + "_scale"], [n + "_s"]),
            helper.make_node("Mul", [n + "_float", n + "_s"], [n]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    return model


def main(out):
    vocab = build_vocab(line for line in sys.stdin if line.strip())
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    write = lambda name, obj: open(os.path.join(out, name), "w").write(json.dumps(obj, indent=2) + "\n")
    write("config.json", {
        "_name_or_path": "headlab stand-in for sentence-transformers/all-MiniLM-L6-v2 (random weights)",
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": len(vocab),
        "hidden_size": HIDDEN, "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": INTERMEDIATE,
        "hidden_act": "gelu", "max_position_embeddings": MAX_POS, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
        "pad_token_id": 0, "position_embedding_type": "absolute",
    })
    write("tokenizer.json", tokenizer_json(vocab))
    write("tokenizer_config.json", {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "do_basic_tokenize": True, "model_max_length": MAX_POS,
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]",
        "clean_up_tokenization_spaces": True, "strip_accents": None, "tokenize_chinese_chars": True,
    })
    write("special_tokens_map.json", {"cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]"})
    open(os.path.join(out, "vocab.txt"), "w").write("\n".join(vocab) + "\n")
    open(os.path.join(out, "README.md"), "w").write(
        "Test stand-in for Xenova/all-MiniLM-L6-v2: the same file layout and model family (BERT encoder,\n"
        "WordPiece tokenizer), but a tiny model with random weights. Made by training/make-tiny-bert.py.\n"
    )

    torch.manual_seed(0)
    model = TinyBert(len(vocab)).eval()
    dummy = (torch.tensor([[2, 7, 8, 3]]), torch.ones(1, 4, dtype=torch.long), torch.zeros(1, 4, dtype=torch.long))
    axes = {0: "batch_size", 1: "sequence_length"}
    path = os.path.join(out, "onnx", "model.onnx")
    torch.onnx.export(
        model, dummy, path, opset_version=14,
        input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "last_hidden_state": axes},
    )
    onnx.save(quantize_dynamic(onnx.load(path)), os.path.join(out, "onnx", "model_quantized.onnx"))
    print(f"{out}: vocab {len(vocab)}, hidden {HIDDEN}, {LAYERS} layers, {HEADS} heads")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
