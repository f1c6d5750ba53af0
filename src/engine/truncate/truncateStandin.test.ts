/**
 * Truncation beyond the bundled fp32 model: fp16 weights in an external
 * data file (a Qwen2.5-0.5B-shaped stand-in, two layers), and 4-bit
 * MatMulNBits weights, which are refused with the reason.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStandin } from '../../node/standin/writeStandin';
import { reducedShape, STANDIN_SHAPES } from '../standin/shapes';
import { initializerPayload } from '../check/headWeights';
import { readModelLayout } from '../onnx/modelLayout';
import { findWeightMatrix } from './findWeightMatrix';
import { referenceLowRank } from './referenceLowRank';
import { truncateWeights } from './truncateWeights';
import { parseTruncations } from './truncationSpec';
import { decodeWeights } from './weightBytes';

const dir = mkdtempSync(join(tmpdir(), 'headlab-truncate-standin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shape = reducedShape(STANDIN_SHAPES['qwen2.5-0.5b'], { layers: 2, vocab: 1024 });

describe('truncation of stand-in weights', () => {
  it('fp16 in external data: only the matrix span of the data file changes, to the reference rank-r product', async () => {
    const written = writeStandin(dir, shape, 'fp16', 3, { external: true });
    expect(written.externalFile).toBeDefined();
    const onnx = new Uint8Array(readFileSync(join(dir, written.onnxFile)));
    const data = new Uint8Array(readFileSync(join(dir, written.externalFile!)));
    const external = [{ path: written.externalFile!.split('/').pop()!, data: new Uint8Array(data) }];
    const layout = readModelLayout(onnx);
    const { weight } = findWeightMatrix(layout, 2, 1, 'attn.k');
    const [rows, cols] = layout.initializerDims.get(weight)!;
    const payload = initializerPayload(layout, weight);
    expect(payload.file).toBeDefined();
    const before = new Uint8Array(onnx);
    const [report] = await truncateWeights(onnx, external, 2, parseTruncations('1.attn.k:0.25'));
    expect(report).toMatchObject({ dtype: 'fp16', dims: [rows, cols], fullRank: Math.min(rows, cols), rank: Math.round(0.25 * Math.min(rows, cols)) });
    expect(onnx).toEqual(before);
    const out = external[0].data;
    let outside = 0;
    for (let i = 0; i < out.length; i++) if ((i < payload.start || i >= payload.end) && out[i] !== data[i]) outside++;
    expect(outside).toBe(0);
    const original = decodeWeights(data.subarray(payload.start, payload.end), 'fp16');
    const truncated = decodeWeights(out.subarray(payload.start, payload.end), 'fp16');
    const reference = referenceLowRank(original, rows, cols, report.rank);
    const scale = original.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    let diff = 0, moved = 0;
    for (let i = 0; i < reference.length; i++) {
      diff = Math.max(diff, Math.abs(truncated[i] - reference[i]));
      moved = Math.max(moved, Math.abs(truncated[i] - original[i]));
    }
    // fp16 rounds each written value to about 1e-3 of itself.
    expect(diff).toBeLessThan(2e-3 * scale);
    expect(moved).toBeGreaterThan(0.05 * scale);
  }, 120_000);

  it('4-bit MatMulNBits weights are refused, saying which matrix and what to load instead', async () => {
    const written = writeStandin(dir, shape, 'q4f16', 3);
    const onnx = new Uint8Array(readFileSync(join(dir, written.onnxFile)));
    await expect(truncateWeights(onnx, [], 2, parseTruncations('0.mlp.up:0.5'))).rejects.toThrow(
      /0\.mlp\.up:0\.5 \(".*up_proj.*"\) is 4-bit \(MatMulNBits\): truncating quantized weights is not supported; load the fp32 or fp16 weights/,
    );
  }, 120_000);
});
