/**
 * Bad input to addHeadMask ends in an OnnxSurgeryError that says what is
 * wrong, and never in a hang or another exception: named cases, then a
 * seeded fuzz over damaged copies of a small model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { Rng } from '../problems/rng';
import { addHeadMask, addHeadMaskInPlace, headMaskHeadroom, OnnxSurgeryError, type HeadGrid } from './addHeadMask';
import { GRAPH_INITIALIZER, readModelLayout } from './modelLayout';
import { buildTinyDecoder, TINY, tinyWeights } from './testing/buildTinyDecoder';

const GRID: HeadGrid = { numLayers: TINY.numLayers, numHeads: TINY.numHeads, headDim: TINY.headDim };
const tiny = (style: 'llama' | 'no-attention' = 'llama') => buildTinyDecoder({ style }, tinyWeights(3, style));

function surgeryError(model: Uint8Array, grid = GRID, hiddenStateOutput = false): OnnxSurgeryError {
  try {
    addHeadMask(model, grid, { hiddenStateOutput });
  } catch (err) {
    expect(err).toBeInstanceOf(OnnxSurgeryError);
    return err as OnnxSurgeryError;
  }
  throw new Error('addHeadMask accepted the model');
}

describe('addHeadMask refuses bad input with a specific OnnxSurgeryError', () => {
  it('random bytes', () => {
    const rng = new Rng(11);
    const noise = Uint8Array.from({ length: 4096 }, () => rng.int(0, 255));
    expect(surgeryError(noise).message).toMatch(/^not an ONNX model \(it starts with bytes [0-9a-f ]+\)/);
  });

  it('an HTML page', () => {
    const html = new TextEncoder().encode('<!doctype html><p>Not found</p>');
    expect(surgeryError(html).message).toMatch(/^not an ONNX model \(it starts with bytes 3c 21 64 6f/);
  });

  it('an empty buffer', () => {
    expect(surgeryError(new Uint8Array(0)).message).toBe('not an ONNX model: the buffer is empty');
  });

  it('the bundled model cut at 50%', () => {
    const whole = readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx'));
    const half = new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(surgeryError(half, { numLayers: 6, numHeads: 8, headDim: 16 }).message).toMatch(
      /^truncated or corrupt ONNX model \(\d+ bytes\): field 7 of ModelProto at byte \d+ needs bytes up to \d+, but ModelProto ends at byte \d+$/,
    );
  });

  it('a graph with no attention (every MatMul fed by something else)', () => {
    expect(surgeryError(tiny('no-attention')).message).toBe(
      'no attention output projection found for layer 0; looked for MatMul/MatMulNBits/Gemm fed (through Reshape/Transpose) by the attention output ' +
        '(Softmax→MatMul, or a GroupQueryAttention/MultiHeadAttention/Attention node)',
    );
  });

  it('more layers in the spec than in the graph', () => {
    expect(surgeryError(tiny(), { ...GRID, numLayers: 3 }).message).toMatch(/^no attention output projection found for layer 2; /);
  });

  it('fewer layers in the spec than in the graph', () => {
    expect(surgeryError(tiny(), { ...GRID, numLayers: 1 }).message).toBe(
      'attention output projection "/model/layers.1/self_attn/o_proj/MatMul" is in layer 1, but the model has 1 layers',
    );
  });

  it('a head grid that does not match the projection weights', () => {
    expect(surgeryError(tiny(), { ...GRID, headDim: 4 }).message).toBe(
      `layer 0's attention output projection "/model/layers.0/self_attn/o_proj/MatMul" takes 32 input features, but numHeads 4 x headDim 4 = 16`,
    );
  });

  it('a model that already has head_mask', () => {
    expect(surgeryError(addHeadMask(tiny(), GRID)).message).toBe('the model already has a head_mask input');
  });

  it('a spec that is not a grid', () => {
    expect(surgeryError(tiny(), { ...GRID, numHeads: 0 }).message).toBe('spec.numHeads must be a positive integer, got 0');
    expect(surgeryError(tiny(), { ...GRID, headDim: 2.5 }).message).toBe('spec.headDim must be a positive integer, got 2.5');
  });
});

type Mutation = (model: Uint8Array, rng: Rng, hot: number) => Uint8Array;

/** Positions in the first `hot` bytes (the nodes) half the time: initializer data rarely breaks anything. */
const position = (model: Uint8Array, rng: Rng, hot: number) => rng.int(0, (rng.chance(0.5) ? hot : model.length) - 1);

const MUTATIONS: Mutation[] = [
  (m, rng, hot) => {
    const out = m.slice();
    for (let i = rng.int(1, 8); i > 0; i--) out[position(m, rng, hot)] ^= 1 << rng.int(0, 7);
    return out;
  },
  (m, rng, hot) => {
    const out = m.slice();
    for (let i = rng.int(1, 4); i > 0; i--) out[position(m, rng, hot)] = rng.pick([0x00, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x3a, 0x12]);
    return out;
  },
  (m, rng, hot) => {
    const at = position(m, rng, hot);
    const inserted = Uint8Array.from({ length: rng.int(1, 16) }, () => rng.int(0, 255));
    return Uint8Array.from([...m.subarray(0, at), ...inserted, ...m.subarray(at)]);
  },
  (m, rng, hot) => {
    const at = position(m, rng, hot);
    return Uint8Array.from([...m.subarray(0, at), ...m.subarray(Math.min(m.length, at + rng.int(1, 32)))]);
  },
  (m, rng, hot) => m.slice(0, position(m, rng, hot)),
];

/** The surgery in place on `damaged` with the promised headroom: the bytes, or the error with the buffer unchanged. */
function inPlaceOutcome(damaged: Uint8Array, hiddenStateOutput: boolean): Uint8Array | OnnxSurgeryError {
  const buffer = new Uint8Array(damaged.length + headMaskHeadroom(GRID, damaged.length));
  buffer.set(damaged);
  const before = buffer.slice();
  try {
    const out = addHeadMaskInPlace(buffer, damaged.length, GRID, { hiddenStateOutput });
    expect(out.buffer).toBe(buffer.buffer);
    return out;
  } catch (err) {
    if (!(err instanceof OnnxSurgeryError)) throw err;
    expect(Buffer.from(buffer).equals(Buffer.from(before))).toBe(true);
    return err;
  }
}

describe('addHeadMask on damaged models', () => {
  it('returns bytes or throws OnnxSurgeryError for 600 mutated and truncated models, in place or not, within 20 s', () => {
    const model = tiny();
    const layout = readModelLayout(model);
    // The builder writes nodes before initializers: everything up to the first initializer is graph structure.
    const hot = layout.graphFields.find((f) => f.field === GRAPH_INITIALIZER)?.start ?? model.length;
    const rng = new Rng(2024);
    const outcomes = { returned: 0, refused: 0 };
    const started = performance.now();
    for (let i = 0; i < 600; i++) {
      const damaged = rng.pick(MUTATIONS)(model, rng, hot);
      const hiddenStateOutput = rng.chance(0.5);
      let inPlace: Uint8Array | OnnxSurgeryError;
      try {
        inPlace = inPlaceOutcome(damaged, hiddenStateOutput);
      } catch (err) {
        throw new Error(`mutation ${i} threw ${String(err)} in place`);
      }
      try {
        const out = addHeadMask(damaged, GRID, { hiddenStateOutput });
        expect(readModelLayout(out).inputs).toContain('head_mask');
        expect(inPlace instanceof Uint8Array && Buffer.from(inPlace).equals(Buffer.from(out))).toBe(true);
        outcomes.returned++;
      } catch (err) {
        if (!(err instanceof OnnxSurgeryError)) throw new Error(`mutation ${i} threw ${String(err)}`);
        expect(err.message.length).toBeGreaterThan(10);
        expect(inPlace).toBeInstanceOf(OnnxSurgeryError);
        outcomes.refused++;
      }
    }
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(outcomes.returned).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(100);
  });
});
