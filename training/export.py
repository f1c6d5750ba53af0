"""Exports a training checkpoint to the Hugging Face Hub ONNX layout that
transformers.js reads: config.json, generation_config.json and
onnx/model.onnx with the standard decoder I/O (input_ids, attention_mask,
position_ids, past_key_values.{i}.key/.value -> logits, present.{i}.key/.value).

usage: python3 training/export.py CHECKPOINT MODEL_DIR
"""
import json
import os
import sys

import onnx
import torch

from llama import LlamaForCausalLM


def hf_config(cfg):
    return {
        "architectures": ["LlamaForCausalLM"],
        "model_type": "llama",
        "vocab_size": cfg["vocab_size"],
        "hidden_size": cfg["hidden_size"],
        "intermediate_size": cfg["intermediate_size"],
        "num_hidden_layers": cfg["num_hidden_layers"],
        "num_attention_heads": cfg["num_attention_heads"],
        "num_key_value_heads": cfg["num_key_value_heads"],
        "head_dim": cfg["hidden_size"] // cfg["num_attention_heads"],
        "max_position_embeddings": cfg["max_position_embeddings"],
        "rms_norm_eps": cfg["rms_norm_eps"],
        "rope_theta": cfg["rope_theta"],
        "hidden_act": "silu",
        "attention_bias": False,
        "mlp_bias": False,
        "tie_word_embeddings": True,
        "bos_token_id": 1,
        "eos_token_id": 2,
        "pad_token_id": 3,
        "torch_dtype": "float32",
        "use_cache": True,
        "transformers.js_config": {"dtype": "fp32", "use_external_data_format": False},
    }


def export(checkpoint, out_dir):
    ck = torch.load(checkpoint, map_location="cpu")
    cfg = ck["config"]
    model = LlamaForCausalLM(cfg)
    model.load_state_dict(ck["state"])
    model.eval()
    layers = cfg["num_hidden_layers"]
    kv, hd = cfg["num_key_value_heads"], cfg["hidden_size"] // cfg["num_attention_heads"]

    b, t, past = 2, 3, 4
    ids = torch.randint(4, cfg["vocab_size"], (b, t))
    mask = torch.ones((b, past + t), dtype=torch.long)
    pos = torch.arange(past, past + t).unsqueeze(0).expand(b, t)
    pkv = [torch.randn(b, kv, past, hd) for _ in range(2 * layers)]
    past_names = [f"past_key_values.{i}.{n}" for i in range(layers) for n in ("key", "value")]
    present_names = [f"present.{i}.{n}" for i in range(layers) for n in ("key", "value")]
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
            "position_ids": {0: "batch_size", 1: "sequence_length"},
            "logits": {0: "batch_size", 1: "sequence_length"}}
    axes.update({n: {0: "batch_size", 2: "past_sequence_length"} for n in past_names})
    axes.update({n: {0: "batch_size", 2: "total_sequence_length"} for n in present_names})

    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    path = os.path.join(out_dir, "onnx", "model.onnx")
    with torch.no_grad():
        torch.onnx.export(model, (ids, mask, pos, *pkv), path,
                          input_names=["input_ids", "attention_mask", "position_ids", *past_names],
                          output_names=["logits", *present_names], dynamic_axes=axes,
                          opset_version=14, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(hf_config(cfg), f, indent=2)
        f.write("\n")
    with open(os.path.join(out_dir, "generation_config.json"), "w") as f:
        json.dump({"bos_token_id": 1, "eos_token_id": 2, "pad_token_id": 3,
                   "do_sample": False, "max_new_tokens": 64}, f, indent=2)
        f.write("\n")
    print(f"exported step {ck['step']} to {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    export(sys.argv[1], sys.argv[2])
