/**
 * Head-mask surgery time and memory against model size: synthetic decoders
 * padded with an unused initializer to about 10, 100 and 400 MB.
 * usage: node --expose-gc --import tsx bench/surgery.ts
 */
import { addHeadMask } from '../src/engine/onnx/addHeadMask';
import { buildTinyDecoder, tinyWeights, TINY } from '../src/engine/onnx/testing/buildTinyDecoder';
import { machineDescription, report } from './benchTable';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/surgery.ts');
const MB = 1024 * 1024;
const rows = [];
for (const size of [10, 100, 400]) {
  const model = buildTinyDecoder({ style: 'llama', paddingBytes: size * MB }, tinyWeights(1, 'llama'));
  const times: number[] = [];
  let extra = 0;
  for (let i = 0; i < 3; i++) {
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    const out = addHeadMask(model, TINY);
    times.push(performance.now() - t);
    extra = process.memoryUsage().arrayBuffers - before;
    if (out.length < model.length) throw new Error('surgery lost bytes');
  }
  const ms = times.sort((a, b) => a - b)[1];
  rows.push({
    'model MB': (model.length / MB).toFixed(1),
    'median ms': ms.toFixed(1),
    'ms per MB': (ms / (model.length / MB)).toFixed(2),
    'extra MB after call': (extra / MB).toFixed(1),
    'extra / model size': (extra / model.length).toFixed(2),
  });
}
report({
  name: 'surgery',
  command: 'node --expose-gc --import tsx bench/surgery.ts',
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows,
  notes: [
    'extra = growth of ArrayBuffer memory across the call, the result held: the rewritten model is one new buffer of about the input size',
    'target: peak extra memory <= 0.25x the model size; not met while the result is a separate copy',
  ],
});
