/**
 * Head-mask surgery time and memory against model size: synthetic decoders
 * padded with an unused initializer to about 10, 100 and 400 MB, three ways:
 *   - copy: addHeadMask, the result a new buffer;
 *   - in place: addHeadMaskInPlace on a buffer that already has the headroom;
 *   - reader: a fresh process reads the model from a temp file with the node
 *     reader (headroom included) and runs the surgery in place, as
 *     loadNodeModel does.
 * usage: node --expose-gc --import tsx bench/surgery.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addHeadMask, addHeadMaskInPlace, headMaskHeadroom } from '../src/engine/onnx/addHeadMask';
import { buildTinyDecoder, tinyWeights, TINY } from '../src/engine/onnx/testing/buildTinyDecoder';
import { readFileWithHeadroom } from '../src/node/nodeFileReader';
import { machineDescription, report } from './benchTable';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/surgery.ts');
const MB = 1024 * 1024;

/**
 * Peak resident set of this process in bytes: VmHWM, which starts afresh at
 * exec. (getrusage's maxRSS would carry over the parent's peak on Linux.)
 */
function peakRss(): number {
  const kb = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (kb === undefined) throw new Error('no VmHWM in /proc/self/status: the reader rows need Linux');
  return Number(kb) * 1024;
}

/** Child mode: read `path` with headroom, surgery in place; prints the measurements as JSON. */
async function readerRun(path: string): Promise<void> {
  gc!();
  // Resets VmHWM to the current RSS, so start-up peaks do not count.
  writeFileSync('/proc/self/clear_refs', '5');
  const start = process.memoryUsage();
  let t = performance.now();
  const bytes = await readFileWithHeadroom(path, headMaskHeadroom(TINY));
  const readMs = performance.now() - t;
  const buffer = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length + headMaskHeadroom(TINY));
  t = performance.now();
  const out = addHeadMaskInPlace(buffer, bytes.length, TINY);
  const surgeryMs = performance.now() - t;
  const end = process.memoryUsage();
  if (out.buffer !== bytes.buffer) throw new Error('the surgery did not run in place');
  console.log(JSON.stringify({
    model: bytes.length, readMs, surgeryMs,
    arrayBuffers: end.arrayBuffers - start.arrayBuffers,
    peakRss: peakRss() - start.rss,
  }));
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (path: string, model: number, ms: number, extra: number, peakRss?: number, readMs?: number) => ({
  path,
  'model MB': (model / MB).toFixed(1),
  'read ms': readMs === undefined ? '-' : readMs.toFixed(1),
  'surgery ms': ms.toFixed(1),
  'extra MB': (extra / MB).toFixed(2),
  'extra / model': (extra / model).toFixed(3),
  'peak RSS extra / model': peakRss === undefined ? '-' : (peakRss / model).toFixed(3),
});

/** Three runs of `surgery` on a fresh input each; the median time and the last ArrayBuffer growth. */
function measure(prepare: () => Uint8Array, surgery: (input: Uint8Array) => Uint8Array): { ms: number; extra: number } {
  const times: number[] = [];
  let extra = 0;
  for (let i = 0; i < 3; i++) {
    const input = prepare();
    gc!();
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    const out = surgery(input);
    times.push(performance.now() - t);
    // No GC between: what the call allocated is still counted, the result held.
    extra = process.memoryUsage().arrayBuffers - before;
    if (out.length <= input.length - headMaskHeadroom(TINY)) throw new Error('surgery lost bytes');
  }
  return { ms: median(times), extra };
}

async function main(): Promise<void> {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'headlab-surgery-'));
  try {
    for (const size of [10, 100, 400]) {
      const model = buildTinyDecoder({ style: 'llama', paddingBytes: size * MB }, tinyWeights(1, 'llama'));
      const headroom = headMaskHeadroom(TINY, model.length);
      const copy = measure(() => model, (m) => addHeadMask(m, TINY));
      rows.push(row('copy: addHeadMask', model.length, copy.ms, copy.extra));
      const withRoom = () => {
        const buffer = new Uint8Array(model.length + headroom);
        buffer.set(model);
        return buffer;
      };
      const inPlace = measure(withRoom, (buffer) => addHeadMaskInPlace(buffer, model.length, TINY));
      rows.push(row('in place, headroom given', model.length, inPlace.ms, inPlace.extra));
      const file = join(dir, `model-${size}.onnx`);
      writeFileSync(file, model);
      const script = fileURLToPath(import.meta.url);
      const child = JSON.parse(execFileSync(process.execPath, [...process.execArgv, script, '--reader', file], { encoding: 'utf8' }));
      rows.push(row('reader: file + headroom, in place', child.model, child.surgeryMs, child.arrayBuffers - child.model, child.peakRss - child.model, child.readMs));
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report({
    name: 'surgery',
    command: 'node --expose-gc --import tsx bench/surgery.ts',
    machine: machineDescription(),
    date: new Date().toISOString(),
    rows,
    notes: [
      'extra = growth of ArrayBuffer memory across the call with the result held and no GC in between (so it includes every buffer the call allocated); for the reader rows, across read + surgery in a fresh process, less the model itself',
      'peak RSS extra = the fresh process\'s peak resident set (VmHWM) less its RSS before the read, less the model: the real peak of read + surgery, headroom and page rounding included',
      `headroom asked for: headMaskHeadroom(${TINY.numLayers}x${TINY.numHeads}) = ${headMaskHeadroom(TINY)} bytes`,
      'target: peak extra memory <= 0.25x the model size',
    ],
  });
}

const readerAt = process.argv.indexOf('--reader');
await (readerAt >= 0 ? readerRun(process.argv[readerAt + 1]) : main());
