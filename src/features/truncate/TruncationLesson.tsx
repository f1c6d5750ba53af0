/**
 * The teaching panel's part on truncation: what a rank-r cut removes, with
 * headlab-math-6x8's own spectra (measured by scripts/truncationSpectra.ts)
 * and what the cuts did to its accuracy (docs/results.md), plus the
 * numbers of the truncation applied now, from the worker's report.
 */
import { useTruncateStore } from '../../store/truncateStore';

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

export function TruncationLesson() {
  const reports = useTruncateStore((s) => s.reports);
  return (
    <details data-testid="truncation-lesson">
      <summary>What truncating a matrix removes, and when it helps</summary>
      <p>
        A weight matrix W is a sum of rank-one pieces σ₁u₁v₁ᵀ + σ₂u₂v₂ᵀ + …, largest σ first. Keeping the top r pieces is the best rank-r
        approximation of W; the pieces dropped are the directions W uses least. Chen, Bruna and Bietti (arXiv 2406.03068) argue that in
        feed-forward layers the small pieces hold noisy global associations (the likely next token, whatever the context) that crowd out
        reasoning from the context, so cutting them can help; LASER (Sharma et al., 2023) found the same in large models.
      </p>
      <p>
        In headlab-math-6x8 the spectra are steep: keeping half the components of any matrix keeps 93.9 to 99.2% of its Σσ², and keeping
        10% keeps 54.8% (layer 0 mlp.down) to 86.6% (layer 1 attn.v). The MLP matrices are the flattest (effective rank 55 to 73 of 128),
        the attention matrices steeper (36 to 53).
      </p>
      <p>
        What it did, on 100 problems of seed 11: keeping 50% of any one matrix changed at most one answer. Keeping 10% wrecks layer 0
        (mlp.down: 75% → 6%; attn.o: 75% → 11%) and moves layers 1 to 5 by −2 to +3 points, within noise. The best of those, tested again on
        300 held-out problems, are in docs/results.md.
      </p>
      {reports.length > 0 && (
        <p data-testid="truncation-lesson-now">
          Now applied:{' '}
          {reports.map((r) => {
            const bottom = r.truncation.endsWith(':bottom');
            const [first, last] = bottom ? [r.fullRank - r.rank, r.fullRank - 1] : [0, r.rank - 1];
            return (
              `${r.truncation} keeps σ${first + 1} … σ${last + 1} (${r.singularValues[first].toFixed(3)} … ${r.singularValues[last].toExponential(1)}) of ${r.fullRank}, ` +
              `${percent(r.energyKept)} of Σσ²; σ₁ is ${r.singularValues[0].toFixed(2)}`
            );
          }).join('; ')}
          {reports.some((r) => r.truncation.endsWith(':bottom')) ? ' (bottom components: the control).' : '.'}
        </p>
      )}
    </details>
  );
}
