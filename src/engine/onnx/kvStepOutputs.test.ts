/**
 * The kv_step outputs on the bundled model (Concat-built present tensors)
 * and on a graph whose cache comes from a fused attention op, which is left
 * alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { addKvStepOutputs, kvStepHeadroom, kvStepName } from './kvStepOutputs';
import { readModelLayout } from './modelLayout';
import { buildTinyDecoder, tinyWeights, TINY } from './testing/buildTinyDecoder';
import { openSession } from './testing/ortRun';

const LAYERS = 6;
const file = () => new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));

/** Two rows of three tokens over an empty cache. */
function feeds(): Record<string, ort.Tensor> {
  const f: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from([1, 40, 41, 1, 50, 60], BigInt), [2, 3]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(6).fill(1n), [2, 3]),
    position_ids: new ort.Tensor('int64', BigInt64Array.from([0, 1, 2, 0, 1, 2], BigInt), [2, 3]),
  };
  for (let i = 0; i < LAYERS; i++) for (const kv of ['key', 'value']) f[`past_key_values.${i}.${kv}`] = new ort.Tensor('float32', new Float32Array(0), [2, 8, 0, 16]);
  return f;
}

describe('addKvStepOutputs', () => {
  it('adds one output per cache tensor, in place, within the headroom', () => {
    const model = file();
    const room = kvStepHeadroom(LAYERS);
    const buffer = new Uint8Array(model.length + room);
    buffer.set(model);
    const out = addKvStepOutputs(buffer, model.length, LAYERS);
    expect(out.buffer).toBe(buffer.buffer);
    expect(out.length).toBeGreaterThan(model.length);
    expect(out.length - model.length).toBeLessThanOrEqual(room);
    const outputs = readModelLayout(out).outputs;
    for (let i = 0; i < LAYERS; i++) expect(outputs).toContain(kvStepName(i, 'value'));
  });

  it("gives the step's keys and values exactly as present holds them", async () => {
    const model = file();
    const session = await openSession(addKvStepOutputs(model, model.length, LAYERS));
    const out = await session.run(feeds());
    for (let i = 0; i < LAYERS; i++) {
      for (const kv of ['key', 'value'] as const) {
        // With an empty cache, present is the step's slice alone.
        expect(out[kvStepName(i, kv)].dims).toEqual([2, 8, 3, 16]);
        expect(Array.from(out[kvStepName(i, kv)].data as Float32Array)).toEqual(Array.from(out[`present.${i}.${kv}`].data as Float32Array));
      }
    }
  });

  it('leaves a model alone when its cache does not come from Concat(past, new)', () => {
    const gqa = buildTinyDecoder({ style: 'gqa' }, tinyWeights(3, 'gqa'));
    const out = addKvStepOutputs(gqa, gqa.length, TINY.numLayers);
    expect(out.length).toBe(gqa.length);
    expect(readModelLayout(out).outputs.some((o) => o.startsWith('kv_step'))).toBe(false);
  });
});
