/**
 * Truncation speed on the bundled model: the SVD and rewrite of its largest
 * truncatable matrix (an MLP matrix, [128, 352] or [352, 128]) in the
 * model bytes, at kept fractions 0.1 and 1. Target: under 1 s each.
 *   npx tsx bench/truncate.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BUNDLED_MODEL_DIR } from '../src/node/loadNodeModel';
import { truncateWeights } from '../src/engine/truncate/truncateWeights';
import { parseTruncations } from '../src/engine/truncate/truncationSpec';

const onnx = readFileSync(`${BUNDLED_MODEL_DIR}/onnx/model.onnx`);
const rows: { truncation: string; dims: string; ms: number[]; medianMs: number }[] = [];
for (const text of ['3.mlp.down:0.1', '3.mlp.up:0.1', '3.mlp.down:1', '3.attn.o:0.5']) {
  const ms: number[] = [];
  let dims = '';
  for (let i = 0; i < 5; i++) {
    const copy = new Uint8Array(onnx);
    const t0 = performance.now();
    const [report] = await truncateWeights(copy, [], 6, parseTruncations(text));
    ms.push(performance.now() - t0);
    dims = report.dims.join(' x ');
  }
  const sorted = [...ms].sort((a, b) => a - b);
  rows.push({ truncation: text, dims, ms, medianMs: sorted[2] });
}
console.table(rows.map((r) => ({ truncation: r.truncation, dims: r.dims, 'median ms': r.medianMs.toFixed(0), 'max ms': Math.max(...r.ms).toFixed(0), target: '< 1000' })));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/truncate.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 1));
