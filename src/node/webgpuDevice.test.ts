/**
 * The CLI's --device webgpu: onnxruntime-node's bundled WebGPU execution
 * provider (Dawn over Vulkan), here on Chromium's SwiftShader Vulkan driver,
 * gives the CPU's greedy answers and logits within a stated tolerance.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from './loadNodeModel';
import { nodeRuntimeFor } from './nodeRuntime';
import { headMaskTransform } from '../engine/onnx/addHeadMask';
import { padPrompts } from '../engine/model/generate';
import { scoreContinuations } from '../engine/model/scoreTokens';
import { buildPromptIds } from '../engine/model/prompt';
import { solveQuestions } from '../engine/model/solve';
import { maskFor } from '../engine/sweep/sweepSchema';
import { syntheticProblems } from '../engine/problems/synthetic';
import { HELD_OUT_SEED } from '../engine/problems/splits';
import type { LoadedModel } from '../engine/model/loadModel';

const ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const LOADER = ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib/aarch64-linux-gnu/libvulkan.so.1'];
const missing = !existsSync(ICD) ? `${ICD} (apt-get install chromium)` : !LOADER.some(existsSync) ? 'libvulkan.so.1 (apt-get install libvulkan1)' : undefined;
if (missing) console.warn(`skipping the WebGPU device tests: ${missing} is missing; npm test installs both when run as root`);
/** Logits agree this closely: float32 on both, summed in another order on the GPU (measured max 2.7e-3 on SwiftShader). */
const LOGIT_TOLERANCE = 1e-2;

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

describe.skipIf(missing)('--device webgpu (SwiftShader)', () => {
  let cpu: LoadedModel;
  let gpu: LoadedModel;
  const questions = syntheticProblems({ seed: HELD_OUT_SEED, count: 2 }).map((p) => p.question);

  beforeAll(async () => {
    process.env.VK_ICD_FILENAMES = ICD;
    const options = { transform: headMaskTransform({ hiddenStateOutput: true }) };
    cpu = await loadNodeModel(BUNDLED_MODEL_DIR, options);
    gpu = await loadNodeModel(BUNDLED_MODEL_DIR, options, nodeRuntimeFor({ device: 'webgpu' }));
  }, 120_000);

  it('gives the logits of every position within 1e-2 of the CPU, with a head pruned', async () => {
    const prompts = questions.map((q) => buildPromptIds(cpu.tokenizer, q, cpu.spec, 8));
    const { ids, mask, pos } = padPrompts(prompts, BigInt(cpu.spec.padTokenId));
    const headMask = new Float32Array([...maskFor([[1, 4]], 6, 8), ...maskFor([], 6, 8)]);
    const run = (m: LoadedModel) =>
      m.decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 2, past: m.decoder.emptyPast(2), headMask, allLogits: true, noCache: true });
    const [a, b] = [(await run(cpu)).logits!, (await run(gpu)).logits!];
    expect(b.length).toBe(a.length);
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    expect(maxDiff).toBeLessThan(LOGIT_TOLERANCE);
  }, 120_000);

  it('scores continuations in the graph (token_logprobs) within 1e-2 of the CPU', async () => {
    const prompts = questions.map((q) => buildPromptIds(cpu.tokenizer, q, cpu.spec, 8));
    const targets = [[20, 21, 22], [30, 31]];
    const headMask = new Float32Array([...maskFor([[2, 3]], 6, 8), ...maskFor([], 6, 8)]);
    expect(gpu.decoder.hasTokenLogprobs).toBe(true);
    const [a, b] = [await scoreContinuations(cpu.decoder, prompts, targets, headMask), await scoreContinuations(gpu.decoder, prompts, targets, headMask)];
    a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThan(LOGIT_TOLERANCE));
  }, 120_000);

  it('gives the same greedy answers as the CPU', async () => {
    const [a, b] = [await solveQuestions(cpu, questions, { maxNewTokens: 64 }), await solveQuestions(gpu, questions, { maxNewTokens: 64 })];
    expect(b.map((s) => s.tokens)).toEqual(a.map((s) => s.tokens));
  }, 300_000);

  it('names the missing driver when Vulkan offers no adapter', () => {
    const run = cli({ VK_ICD_FILENAMES: '/nonexistent/icd.json' }, 'generate', '--model', 'public/models/headlab-math-6x8', '--prompt', '1 + 1', '--device', 'webgpu');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--device webgpu: onnxruntime-node found no WebGPU adapter');
    expect(run.stderr).toContain('VK_ICD_FILENAMES');
  }, 120_000);
});

describe('--device and --threads arguments', () => {
  it('refuse what they cannot take', () => {
    const device = cli({}, 'generate', '--model', 'public/models/headlab-math-6x8', '--prompt', '1 + 1', '--device', 'cuda');
    expect(device.status).toBe(2);
    expect(device.stderr).toContain('--device takes cpu or webgpu, got "cuda"');
    const threads = cli({}, 'generate', '--model', 'public/models/headlab-math-6x8', '--prompt', '1 + 1', '--threads', '0');
    expect(threads.status).toBe(2);
    expect(threads.stderr).toContain('--threads must be a positive integer');
  }, 60_000);
});
