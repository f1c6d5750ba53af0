/**
 * addHeadMaskInPlace against addHeadMask: byte for byte the same model, in
 * the caller's own ArrayBuffer, within the headroom headMaskHeadroom
 * promises; and a buffer left untouched whenever the surgery refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { parseDecoderSpec } from '../model/modelConfig';
import { addHeadMask, addHeadMaskInPlace, headMaskHeadroom, headMaskTransform, OnnxSurgeryError, type HeadGrid } from './addHeadMask';
import { buildTinyDecoder, TINY, tinyWeights, type TinyDecoderOptions } from './testing/buildTinyDecoder';

const GRID: HeadGrid = { numLayers: TINY.numLayers, numHeads: TINY.numHeads, headDim: TINY.headDim };

/** The model at the start of a buffer with `room` bytes after it, filled with a pattern so stray writes show. */
function withRoom(model: Uint8Array, room: number): Uint8Array {
  const buffer = new Uint8Array(model.length + room).fill(0xa5);
  buffer.set(model);
  return buffer;
}

/** Runs the surgery in place and checks it against the copying form; returns the growth. */
function checkInPlace(model: Uint8Array, grid: HeadGrid, hiddenStateOutput: boolean): number {
  const want = addHeadMask(model, grid, { hiddenStateOutput });
  const buffer = withRoom(model, headMaskHeadroom(grid, model.length));
  const got = addHeadMaskInPlace(buffer, model.length, grid, { hiddenStateOutput });
  expect(got.buffer).toBe(buffer.buffer);
  expect(got.byteOffset).toBe(buffer.byteOffset);
  expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
  return want.length - model.length;
}

const TINY_CASES: TinyDecoderOptions[] = [
  { style: 'llama' }, { style: 'llama', anonymous: true }, { style: 'llama', float16: true }, { style: 'gpt2-gemm' },
  { style: 'gpt2-matmul-add' }, { style: 'gqa' }, { style: 'gqa', nbits: true }, { style: 'gqa', nbits: true, float16: true },
  { style: 'llama', paddingBytes: 1 << 20 },
];

describe('addHeadMaskInPlace', () => {
  it.each(TINY_CASES)('gives the bytes addHeadMask gives, in the same ArrayBuffer: %o', (opts) => {
    const model = buildTinyDecoder(opts, tinyWeights(4, opts.style));
    for (const hidden of [false, true]) {
      const growth = checkInPlace(model, GRID, hidden);
      expect(growth).toBeGreaterThan(0);
      expect(growth).toBeLessThanOrEqual(headMaskHeadroom(GRID, model.length));
    }
  });

  it('does the same on the bundled model, within a headroom of a few kilobytes per layer', () => {
    const spec = parseDecoderSpec(readFileSync(join(BUNDLED_MODEL_DIR, 'config.json'), 'utf8'));
    const model = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));
    const growth = checkInPlace(model, spec, true);
    expect(growth).toBeLessThanOrEqual(headMaskHeadroom(spec, model.length));
    expect(headMaskHeadroom(spec, model.length)).toBeLessThanOrEqual(headMaskHeadroom(spec));
    expect(headMaskHeadroom(spec)).toBeLessThan(spec.numLayers * 32 * 1024);
  });

  it('works on a buffer that starts inside a larger ArrayBuffer, leaving the bytes around it alone', () => {
    const model = buildTinyDecoder({ style: 'gqa' }, tinyWeights(2, 'gqa'));
    const want = addHeadMask(model, GRID);
    const whole = withRoom(new Uint8Array(0), 100 + model.length + headMaskHeadroom(GRID) + 100);
    const buffer = whole.subarray(100, whole.length - 100);
    buffer.set(model);
    const got = addHeadMaskInPlace(buffer, model.length, GRID);
    expect(got.byteOffset).toBe(100);
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
    expect(whole.subarray(0, 100).every((b) => b === 0xa5)).toBe(true);
    expect(whole.subarray(whole.length - 100).every((b) => b === 0xa5)).toBe(true);
  });

  it('rewrites a 64 MB model within its own buffer, with under a megabyte of new ArrayBuffer memory', () => {
    const model = buildTinyDecoder({ style: 'llama', paddingBytes: 64 * 2 ** 20 }, tinyWeights(5, 'llama'));
    const want = addHeadMask(model, GRID);
    const buffer = withRoom(model, headMaskHeadroom(GRID, model.length));
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const got = addHeadMaskInPlace(buffer, model.length, GRID);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(2 ** 20);
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
  });

  it('refuses a buffer one byte short of the result, without changing it', () => {
    const model = buildTinyDecoder({ style: 'llama' }, tinyWeights(4, 'llama'));
    const need = addHeadMask(model, GRID, { hiddenStateOutput: true }).length;
    const buffer = withRoom(model, need - model.length - 1);
    const before = buffer.slice();
    expect(() => addHeadMaskInPlace(buffer, model.length, GRID, { hiddenStateOutput: true })).toThrow(OnnxSurgeryError);
    expect(() => addHeadMaskInPlace(buffer, model.length, GRID, { hiddenStateOutput: true })).toThrow(
      `the surgery needs ${need - model.length} bytes of room after the ${model.length}-byte model, and has ${need - model.length - 1}`,
    );
    expect(Buffer.from(buffer).equals(Buffer.from(before))).toBe(true);
    expect(() => addHeadMaskInPlace(model, model.length, GRID)).toThrow(OnnxSurgeryError);
  });

  it('leaves the buffer unchanged when the model is refused', () => {
    const model = addHeadMask(buildTinyDecoder({ style: 'llama' }, tinyWeights(4, 'llama')), GRID);
    const buffer = withRoom(model, headMaskHeadroom(GRID));
    const before = buffer.slice();
    expect(() => addHeadMaskInPlace(buffer, model.length, GRID)).toThrow('the model already has a head_mask input');
    expect(() => addHeadMaskInPlace(buffer, model.length, { ...GRID, headDim: 4 })).toThrow(OnnxSurgeryError);
    expect(() => addHeadMaskInPlace(buffer, buffer.length + 1, GRID)).toThrow(OnnxSurgeryError);
    expect(Buffer.from(buffer).equals(Buffer.from(before))).toBe(true);
  });
});

describe('headMaskTransform', () => {
  const model = buildTinyDecoder({ style: 'llama', float16: true }, tinyWeights(6, 'llama'));
  const want = addHeadMask(model, GRID, { hiddenStateOutput: true });
  const transform = headMaskTransform({ hiddenStateOutput: true });

  it('rewrites in the buffer when the reader gave the headroom it asks for', () => {
    const buffer = withRoom(model, transform.headroom(GRID));
    const got = transform.apply(buffer, model.length, GRID);
    expect(got.buffer).toBe(buffer.buffer);
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
  });

  it('copies, leaving the input alone, when the buffer has no room', () => {
    const input = model.slice();
    const got = transform.apply(input, input.length, GRID);
    expect(got.buffer).not.toBe(input.buffer);
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
    expect(Buffer.from(input).equals(Buffer.from(model))).toBe(true);
  });
});
