/**
 * An independent reference for the truncation proof: the best rank-r
 * approximation W Q Qᵀ, with Q [cols, r] the top right singular subspace
 * found by subspace iteration on WᵀW (Gram-Schmidt each round). It shares
 * no code with the Jacobi SVD, so agreement checks that one.
 */

function orthonormalize(q: Float64Array, n: number, r: number): void {
  for (let j = 0; j < r; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i * r + j] * q[i * r + p];
      for (let i = 0; i < n; i++) q[i * r + j] -= dot * q[i * r + p];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * r + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) q[i * r + j] /= norm;
  }
}

/** W [rows, cols] × Q [cols, r] → [rows, r]. */
function times(w: Float64Array, rows: number, cols: number, q: Float64Array, r: number): Float64Array {
  const out = new Float64Array(rows * r);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < cols; k++) {
      const a = w[i * cols + k];
      for (let j = 0; j < r; j++) out[i * r + j] += a * q[k * r + j];
    }
  }
  return out;
}

/** WᵀW [cols, cols], formed once so each round costs cols² r instead of 2 rows cols r. */
function gram(w: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    for (let a = 0; a < cols; a++) {
      const x = w[i * cols + a];
      for (let b = 0; b < cols; b++) g[a * cols + b] += x * w[i * cols + b];
    }
  }
  return g;
}

/**
 * W's rank-r approximation W Q Qᵀ, row-major [rows, cols].
 * @param iterations rounds of Q ← orth(WᵀW Q); each shrinks the error by
 *   (σ_{r+1} / σ_r)², so a small gap needs many
 */
export function referenceLowRank(w: Float64Array, rows: number, cols: number, rank: number, iterations = 1000): Float64Array {
  // A fixed, seeded start (a simple LCG): the reference is the same every run.
  let seed = 12345;
  const q0 = Float64Array.from({ length: cols * rank }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  });
  let q: Float64Array = q0;
  orthonormalize(q, cols, rank);
  const g = gram(w, rows, cols);
  for (let it = 0; it < iterations; it++) {
    q = times(g, cols, cols, q, rank);
    orthonormalize(q, cols, rank);
  }
  const wq = times(w, rows, cols, q, rank);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < cols; k++) {
      let sum = 0;
      for (let j = 0; j < rank; j++) sum += wq[i * rank + j] * q[k * rank + j];
      out[i * cols + k] = sum;
    }
  }
  return out;
}
