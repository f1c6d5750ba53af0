/**
 * The real configurations the stand-ins copy, from each model's own
 * config.json and generation_config.json on the Hub (see
 * shared/docs/design-brief.md, "Real-size shapes").
 */

export type StandinShapeName = 'smollm2-135m' | 'qwen2.5-0.5b' | 'qwen2.5-math-1.5b';
/** q4: MatMulNBits with float32 activations and scales; q4f16: the same with float16 ones (onnx-community's model_q4 and model_q4f16). */
export type StandinDtype = 'fp32' | 'fp16' | 'q4' | 'q4f16';

export interface StandinShape {
  /** The Hub model this stands in for. */
  hubId: string;
  modelType: 'llama' | 'qwen2';
  architecture: string;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  hidden: number;
  intermediate: number;
  vocab: number;
  ropeTheta: number;
  rmsEps: number;
  maxPositions: number;
  /** q_proj, k_proj, v_proj have biases (Qwen2). */
  qkvBias: boolean;
  tiedEmbeddings: boolean;
  /** Special tokens, in the tokenizer's order from `specialsAt`. */
  specials: string[];
  /** The id of the first special token: Qwen puts them after the BPE vocabulary, SmolLM2 at 0. */
  specialsAt: 'end' | 'start';
  bos: string;
  eos: string[];
  pad: string;
}

const QWEN_SPECIALS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];

export const STANDIN_SHAPES: Record<StandinShapeName, StandinShape> = {
  'smollm2-135m': {
    hubId: 'HuggingFaceTB/SmolLM2-135M-Instruct', modelType: 'llama', architecture: 'LlamaForCausalLM',
    numLayers: 30, numHeads: 9, numKvHeads: 3, headDim: 64, hidden: 576, intermediate: 1536, vocab: 49152,
    ropeTheta: 100000, rmsEps: 1e-5, maxPositions: 8192, qkvBias: false, tiedEmbeddings: true,
    specials: QWEN_SPECIALS, specialsAt: 'start', bos: '<|im_start|>', eos: ['<|im_end|>'], pad: '<|im_end|>',
  },
  'qwen2.5-0.5b': {
    hubId: 'Qwen/Qwen2.5-0.5B-Instruct', modelType: 'qwen2', architecture: 'Qwen2ForCausalLM',
    numLayers: 24, numHeads: 14, numKvHeads: 2, headDim: 64, hidden: 896, intermediate: 4864, vocab: 151936,
    ropeTheta: 1000000, rmsEps: 1e-6, maxPositions: 32768, qkvBias: true, tiedEmbeddings: true,
    specials: QWEN_SPECIALS, specialsAt: 'end', bos: '<|endoftext|>', eos: ['<|im_end|>', '<|endoftext|>'], pad: '<|endoftext|>',
  },
  'qwen2.5-math-1.5b': {
    hubId: 'Qwen/Qwen2.5-Math-1.5B-Instruct', modelType: 'qwen2', architecture: 'Qwen2ForCausalLM',
    numLayers: 28, numHeads: 12, numKvHeads: 2, headDim: 128, hidden: 1536, intermediate: 8960, vocab: 151936,
    ropeTheta: 10000, rmsEps: 1e-6, maxPositions: 4096, qkvBias: true, tiedEmbeddings: true,
    specials: QWEN_SPECIALS, specialsAt: 'end', bos: '<|endoftext|>', eos: ['<|im_end|>', '<|endoftext|>'], pad: '<|endoftext|>',
  },
};

/** Qwen2.5's BPE vocabulary stops here; ids up to `vocab` are embedding rows no token maps to. */
const QWEN_BPE_TOKENS = 151643;

/** The number of BPE (non-special) tokens in the stand-in tokenizer. */
export function bpeTokenCount(shape: StandinShape): number {
  return shape.specialsAt === 'end' ? Math.min(QWEN_BPE_TOKENS, shape.vocab - shape.specials.length) : shape.vocab - shape.specials.length;
}

/**
 * The shape with fewer layers or a smaller vocabulary, for tests: the
 * smallest stand-in that still has the real head grid per layer.
 */
export function reducedShape(shape: StandinShape, opts: { layers?: number; vocab?: number }): StandinShape {
  return { ...shape, numLayers: opts.layers ?? shape.numLayers, vocab: opts.vocab ?? shape.vocab };
}

/** Parameter count of the decoder (the LM head counted once when tied). */
export function parameterCount(s: StandinShape): number {
  const q = s.numHeads * s.headDim;
  const kv = s.numKvHeads * s.headDim;
  const attn = s.hidden * (q + 2 * kv) + q * s.hidden + (s.qkvBias ? q + 2 * kv : 0);
  const layer = attn + 3 * s.hidden * s.intermediate + 2 * s.hidden;
  return s.numLayers * layer + s.vocab * s.hidden * (s.tiedEmbeddings ? 1 : 2) + s.hidden;
}
