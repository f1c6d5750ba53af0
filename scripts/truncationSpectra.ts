/**
 * The bundled model's singular value spectra: for each layer and matrix,
 * the share of the squared Frobenius norm (Σσ²) that the top 50%, 10% and
 * 1% of the components hold, and the effective rank (Σσ)² / Σσ². Prints a
 * Markdown table; the teaching panel and docs/results.md quote it.
 *   npx tsx scripts/truncationSpectra.ts
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_MODEL_DIR } from '../src/node/loadNodeModel';
import { truncateWeights } from '../src/engine/truncate/truncateWeights';
import { MATRICES } from '../src/engine/truncate/truncationSpec';

const onnx = readFileSync(`${BUNDLED_MODEL_DIR}/onnx/model.onnx`);
console.log('| matrix | dims | σ₁ | σ_min | top 50% | top 10% | top 1% | effective rank |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (let layer = 0; layer < 6; layer++) {
  for (const matrix of MATRICES) {
    const [r] = await truncateWeights(new Uint8Array(onnx), [], 6, [{ layer, matrix, keep: { fraction: 1 } }]);
    const sq = r.singularValues.map((s) => s * s);
    const total = sq.reduce((a, b) => a + b, 0);
    const share = (f: number) => sq.slice(0, Math.max(1, Math.round(f * r.fullRank))).reduce((a, b) => a + b, 0) / total;
    const sum = r.singularValues.reduce((a, b) => a + b, 0);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(`| ${layer}.${matrix} | ${r.dims.join(' × ')} | ${r.singularValues[0].toFixed(2)} | ${r.singularValues[r.fullRank - 1].toExponential(1)} | ${pct(share(0.5))} | ${pct(share(0.1))} | ${pct(share(0.01))} | ${((sum * sum) / total).toFixed(1)} of ${r.fullRank} |`);
  }
}
