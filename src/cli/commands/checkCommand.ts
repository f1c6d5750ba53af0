/**
 * `check --model M [--dtype D] [--json]`: the head-masking proof
 * (engine/check) on the model in hand, with its load, surgery and decode
 * speed. Exits 1 when a check fails.
 */
import { UsageError, required } from '../args';
import type { CliContext } from '../cliContext';
import { checkHeadMasking } from '../../engine/check/headMaskCheck';
import type { ModelFileReader, ModelRuntime } from '../../engine/model/loadModel';
import { MODEL_DTYPES, type ModelDtype } from '../../engine/model/modelFiles';
import { sourceAccess } from '../../engine/model/modelSource';
import { generate } from '../../engine/model/generate';
import { buildPromptIds } from '../../engine/model/prompt';
import { headMaskTransform } from '../../engine/onnx/addHeadMask';
import { loadNodeSource, parseModelArg } from '../../node/loadNodeSource';
import { nodeFileReader } from '../../node/nodeFileReader';
import { runtimeFromArgs } from '../runtimeArgs';

const DECODE_TOKENS = 16;

/** The model's files, read again by the check for the unmodified graph. */
function filesFor(arg: string): ModelFileReader {
  const source = parseModelArg(arg);
  return source.kind === 'dir' ? nodeFileReader(source.dir) : sourceAccess(source, 'file:///').files;
}

export async function checkCommand({ values, out, progress }: CliContext): Promise<void> {
  const arg = required(values.model, 'model');
  const dtype = values.dtype as ModelDtype | undefined;
  if (dtype !== undefined && !MODEL_DTYPES.includes(dtype)) throw new UsageError(`--dtype takes ${MODEL_DTYPES.join(', ')}, got "${dtype}"`);
  const runtime: ModelRuntime = runtimeFromArgs(values);
  const files = filesFor(arg);
  const stages: Record<string, number> = {};
  const started = performance.now();
  progress(`loading ${arg}${dtype ? ` (${dtype})` : ''}\n`);
  const model = await loadNodeSource(arg, { dtype, transform: headMaskTransform(), onStage: (s) => (stages[s] = performance.now()) }, undefined, runtime);
  const loaded = performance.now();
  progress('checking head masking\n');
  const report = await checkHeadMasking(model, files, runtime, arg);
  const prompt = buildPromptIds(model.tokenizer, 'What is 12 plus 30?', model.spec, DECODE_TOKENS);
  const t0 = performance.now();
  const [tokens] = await generate(model.decoder, [prompt], { maxNewTokens: DECODE_TOKENS });
  const decodeSeconds = (performance.now() - t0) / 1000;
  const timings = {
    loadSeconds: (loaded - started) / 1000,
    surgerySeconds: stages.surgery && stages.session ? (stages.session - stages.surgery) / 1000 : null,
    onnxBytes: model.onnxBytes,
    decodeTokensPerSecond: (tokens.length || 1) / decodeSeconds,
  };
  await model.decoder.session.release();
  if (values.json) out(JSON.stringify({ ...report, timings }));
  else {
    for (const c of report.checks) out(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: max |diff| ${c.maxAbsDiff} (tolerance ${c.tolerance})${c.note ? `\n      ${c.note}` : ''}`);
    out(`load ${timings.loadSeconds.toFixed(1)} s (surgery ${timings.surgerySeconds?.toFixed(2) ?? '?'} s), ${timings.decodeTokensPerSecond.toFixed(1)} tokens/s decoding`);
    out(report.pass ? 'head masking verified' : 'head masking NOT verified');
  }
  if (!report.pass) process.exitCode = 1;
}
