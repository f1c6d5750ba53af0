/**
 * npm run standin -- --shape smollm2-135m|qwen2.5-0.5b|qwen2.5-math-1.5b
 *   --dtype fp32|fp16|q4|q4f16 --out DIR [--seed S] [--layers N] [--vocab V] [--external] [--attention decomposed|gqa]
 * Writes a seeded random model in a real model's shape (see
 * src/engine/standin). --layers and --vocab shrink it for tests; --attention gqa
 * writes onnxruntime-genai's fused GroupQueryAttention instead of optimum's
 * decomposed attention.
 */
import { STANDIN_SHAPES, parameterCount, reducedShape, type StandinDtype, type StandinShapeName } from '../src/engine/standin/shapes';
import { writeStandin } from '../src/node/standin/writeStandin';

const USAGE = 'usage: npm run standin -- --shape smollm2-135m|qwen2.5-0.5b|qwen2.5-math-1.5b --dtype fp32|fp16|q4|q4f16 --out DIR [--seed S] [--layers N] [--vocab V] [--external] [--attention decomposed|gqa]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) fail(`unexpected argument ${a}`);
  if (a === '--external') args.set('external', 'true');
  else if (i + 1 < argv.length) args.set(a.slice(2), argv[++i]);
  else fail(`${a} needs a value`);
}
const shapeName = args.get('shape') as StandinShapeName;
const dtype = args.get('dtype') as StandinDtype;
const out = args.get('out');
if (!STANDIN_SHAPES[shapeName]) fail(`--shape must be one of ${Object.keys(STANDIN_SHAPES).join(', ')}`);
if (!['fp32', 'fp16', 'q4', 'q4f16'].includes(dtype)) fail('--dtype must be fp32, fp16, q4 or q4f16');
if (!out) fail('--out DIR is required');
const attention = args.get('attention') ?? 'decomposed';
if (attention !== 'decomposed' && attention !== 'gqa') fail('--attention must be decomposed or gqa');
const int = (name: string) => {
  const v = args.get(name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) fail(`--${name} must be a non-negative integer`);
  return Number(v);
};
const shape = reducedShape(STANDIN_SHAPES[shapeName], { layers: int('layers'), vocab: int('vocab') });
process.stderr.write(`writing ${shapeName} ${dtype}: ${shape.numLayers} layers x ${shape.numHeads} heads, ${(parameterCount(shape) / 1e6).toFixed(1)} M parameters\n`);
const r = writeStandin(out, shape, dtype, int('seed') ?? 0, { external: args.has('external'), attention });
process.stdout.write(`${JSON.stringify({ shape: shapeName, dtype, ...r })}\n`);
