/**
 * The head-masking proof on real inference: it passes on the bundled model
 * and on a reduced SmolLM2-135M stand-in (9 heads, 3 key/value heads) in fp32, fp16 and q4f16 (zeroing
 * 4-bit rows through their block scales), it fails when the "unmodified"
 * graph is another model, and the CLI prints its JSON and exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headMaskTransform } from '../onnx/addHeadMask';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { nodeFileReader } from '../../node/nodeFileReader';
import { nodeRuntime } from '../../node/nodeRuntime';
import { writeStandin } from '../../node/standin/writeStandin';
import { reducedShape, STANDIN_SHAPES } from '../standin/shapes';
import { checkedHeads, checkHeadMasking } from './headMaskCheck';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const shape = reducedShape(STANDIN_SHAPES['smollm2-135m'], { layers: 3, vocab: 1024 });
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headlab-check-'));
  for (const dtype of ['fp32', 'fp16', 'q4', 'q4f16'] as const) writeStandin(join(dir, 'a'), shape, dtype, 1);
  writeStandin(join(dir, 'b'), shape, 'fp32', 2);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkHeadMasking', () => {
  it('picks the first layer, a middle one and the last', () => {
    expect(checkedHeads(24, 14)).toEqual([[0, 0], [12, 7], [23, 13]]);
    expect(checkedHeads(1, 1)).toEqual([[0, 0]]);
  });

  it('passes on the bundled model with identical logits', async () => {
    const m = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
    const report = await checkHeadMasking(m, nodeFileReader(BUNDLED_MODEL_DIR), nodeRuntime, 'bundled');
    expect(report.checks).toHaveLength(4);
    expect(report.checks.every((c) => c.pass && c.maxAbsDiff === 0)).toBe(true);
    expect(report.checks.slice(1).every((c) => c.effect! > 0.01)).toBe(true);
    expect(report.pass).toBe(true);
  });

  it.each(['fp32', 'fp16', 'q4', 'q4f16'] as const)('passes on a SmolLM2-shaped stand-in in %s', async (dtype) => {
    const m = await loadNodeModel(join(dir, 'a'), { dtype, transform: headMaskTransform() });
    const report = await checkHeadMasking(m, nodeFileReader(join(dir, 'a')), nodeRuntime, 'standin');
    expect(report.checks.map((c) => [c.name.split(':')[0], c.pass])).toEqual([
      ['all-ones mask vs the unmodified graph', true], ['layer 0 head 0', true], ['layer 1 head 4', true], ['layer 2 head 8', true],
    ]);
    if (dtype === 'q4' || dtype === 'q4f16') expect(report.checks[1].note).toMatch(/scales of blocks 0\.\.1 \(rows 0\.\.63\)/);
    else expect(report.checks[1].note).toMatch(/rows 0\.\.63 of model\.layers\.0\.self_attn\.o_proj\.weight \[576, 576\]/);
  });

  it('fails when the graph it compares against is another model', async () => {
    const m = await loadNodeModel(join(dir, 'a'), { dtype: 'fp32', transform: headMaskTransform() });
    const report = await checkHeadMasking(m, nodeFileReader(join(dir, 'b')), nodeRuntime, 'mismatched');
    expect(report.pass).toBe(false);
    expect(report.checks[0].maxAbsDiff).toBeGreaterThan(report.checks[0].tolerance);
  });

  it('npm run cli -- check --json prints the report and exits 0 on a pass', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--model', join(dir, 'a'), '--dtype', 'q4f16', '--json'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ dtype: 'q4f16', pass: true });
    expect(Object.keys(report.checks[0]).sort()).toEqual(['maxAbsDiff', 'name', 'pass', 'tolerance']);
    expect(report.timings.decodeTokensPerSecond).toBeGreaterThan(0);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--model', join(dir, 'a'), '--dtype', 'q5'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--dtype takes fp32/);
  });
});
