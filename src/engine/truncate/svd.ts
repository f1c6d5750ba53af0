/**
 * Singular value decomposition by one-sided Jacobi (Hestenes) on
 * Float64Array, and the rank-r approximations built from it. Written here
 * rather than taken from npm: ml-matrix's SVD (the maintained pure-JS
 * choice) took 1.0-3.0 s on the bundled model's 352 x 128 MLP matrix on
 * this project's machines, against a 1 s budget; Jacobi on the smaller
 * side takes a fraction of that (bench/truncate.ts) and is accurate to
 * rounding, since it never forms WᵀW.
 */

/** W = U diag(S) Vᵀ, singular values in descending order. */
export interface Svd {
  rows: number;
  cols: number;
  /** min(rows, cols) */
  k: number;
  /** [rows, k] row-major: U scaled by S, i.e. W V (so a zero singular value needs no division). */
  us: Float64Array;
  /** [k] descending. */
  s: Float64Array;
  /** [cols, k] row-major: right singular vectors as columns. */
  v: Float64Array;
}

/** Columns count as orthogonal when |cos| between them is below this: V is then orthonormal to about 1e-13. */
const TOL = 1e-14;
const MAX_SWEEPS = 60;

/**
 * R [cols, cols] row-major of W = QR by Householder reflections, for
 * rows > cols: RᵀR = WᵀW, so R has W's singular values and right singular
 * vectors, and Jacobi on R rotates rows of length cols instead of rows.
 */
function triangularFactor(w: Float64Array, rows: number, cols: number): Float64Array {
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[j * rows + i] = w[i * cols + j];
  for (let j = 0; j < cols; j++) {
    const o = j * rows;
    let norm = 0;
    for (let i = j; i < rows; i++) norm += a[o + i] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = a[o + j] > 0 ? -norm : norm;
    // v = x - alpha e_j, kept in a[o + j..]; H = I - 2 v vᵀ / vᵀv.
    a[o + j] -= alpha;
    let vv = 0;
    for (let i = j; i < rows; i++) vv += a[o + i] ** 2;
    for (let c = j + 1; c < cols; c++) {
      const co = c * rows;
      let dot = 0;
      for (let i = j; i < rows; i++) dot += a[o + i] * a[co + i];
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) a[co + i] -= f * a[o + i];
    }
    for (let i = j + 1; i < rows; i++) a[o + i] = 0;
    a[o + j] = alpha;
  }
  const r = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) for (let j = i; j < cols; j++) r[i * cols + j] = a[j * rows + i];
  return r;
}

/** W [rows, cols] × V [cols, k] → [rows, k], row-major. */
function multiply(w: Float64Array, rows: number, cols: number, v: Float64Array, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < cols; c++) {
      const x = w[i * cols + c];
      if (x === 0) continue;
      const vo = c * k, oo = i * k;
      for (let j = 0; j < k; j++) out[oo + j] += x * v[vo + j];
    }
  }
  return out;
}

/** SVD of a row-major [rows, cols] matrix with rows >= cols: Jacobi on its triangular factor, then U S = W V. */
function jacobiTall(w: Float64Array, rows: number, cols: number): Svd {
  if (rows > cols) {
    const d = jacobiSquare(triangularFactor(w, rows, cols), cols);
    return { rows, cols, k: cols, us: multiply(w, rows, cols, d.v, cols), s: d.s, v: d.v };
  }
  return jacobiSquare(w, cols);
}

/**
 * SVD of a row-major square [n, n] matrix: rotates column pairs of a copy
 * until all are orthogonal; the rotations accumulate in V.
 */
function jacobiSquare(w: Float64Array, n: number): Svd {
  const rows = n, cols = n;
  // Column-major working copy: each column is contiguous, so the pair loops stream.
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[j * rows + i] = w[i * cols + j];
  const v = new Float64Array(cols * cols);
  for (let j = 0; j < cols; j++) v[j * cols + j] = 1;
  // Squared column norms, updated by each rotation in closed form, so a pair costs one dot product, not three.
  const sq = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let n = 0;
    for (let i = 0; i < rows; i++) n += a[j * rows + i] ** 2;
    sq[j] = n;
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      const po = p * rows;
      for (let q = p + 1; q < cols; q++) {
        const qo = q * rows;
        const alpha = sq[p], beta = sq[q];
        let gamma = 0;
        for (let i = 0; i < rows; i++) gamma += a[po + i] * a[qo + i];
        if (gamma === 0 || Math.abs(gamma) <= TOL * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let i = 0; i < rows; i++) {
          const x = a[po + i], y = a[qo + i];
          a[po + i] = c * x - s * y;
          a[qo + i] = s * x + c * y;
        }
        sq[p] = alpha - t * gamma;
        sq[q] = beta + t * gamma;
        const vp = p * cols, vq = q * cols;
        for (let i = 0; i < cols; i++) {
          const x = v[vp + i], y = v[vq + i];
          v[vp + i] = c * x - s * y;
          v[vq + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = Array.from({ length: cols }, (_, j) => {
    let n = 0;
    for (let i = 0; i < rows; i++) n += a[j * rows + i] ** 2;
    return Math.sqrt(n);
  });
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const svd: Svd = { rows, cols, k: cols, us: new Float64Array(rows * cols), s: new Float64Array(cols), v: new Float64Array(cols * cols) };
  order.forEach((j, r) => {
    svd.s[r] = norms[j];
    for (let i = 0; i < rows; i++) svd.us[i * cols + r] = a[j * rows + i];
    // v holds V's columns as its rows (vp = p * cols): column j of V.
    for (let i = 0; i < cols; i++) svd.v[i * cols + r] = v[j * cols + i];
  });
  return svd;
}

function transpose(w: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = w[i * cols + j];
  return t;
}

/**
 * The SVD of a row-major [rows, cols] matrix, any shape. A wide matrix is
 * decomposed as its transpose, so Jacobi always rotates the min(rows, cols) side.
 */
export function svd(w: Float64Array, rows: number, cols: number): Svd {
  if (w.length !== rows * cols) throw new Error(`svd: ${w.length} values for a [${rows}, ${cols}] matrix`);
  if (rows >= cols) return jacobiTall(w, rows, cols);
  // Wᵀ = U' S V'ᵀ, so W = V' S U'ᵀ: W's "U scaled by S" is V' scaled by S, its V is U'.
  const t = jacobiTall(transpose(w, rows, cols), cols, rows);
  const k = t.k;
  const us = new Float64Array(rows * k);
  const v = new Float64Array(cols * k);
  for (let r = 0; r < k; r++) {
    const sigma = t.s[r];
    for (let i = 0; i < rows; i++) us[i * k + r] = t.v[i * k + r] * sigma;
    // U' = (U' S) / S; a zero singular value leaves a zero vector, whose term is 0 anyway.
    for (let i = 0; i < cols; i++) v[i * k + r] = sigma > 0 ? t.us[i * k + r] / sigma : 0;
  }
  return { rows, cols, k, us, s: t.s, v };
}

/**
 * Σ over the chosen components j of (U S)[:, j] V[:, j]ᵀ: the top `rank`
 * components, or with `bottom` the last `rank` (smallest singular values).
 * @returns row-major [rows, cols]
 */
export function lowRank(d: Svd, rank: number, bottom = false): Float64Array {
  if (!Number.isInteger(rank) || rank < 0 || rank > d.k) throw new Error(`rank ${rank} is outside 0..${d.k}`);
  const { rows, cols, k, us, v } = d;
  const from = bottom ? k - rank : 0;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let r = from; r < from + rank; r++) {
      const a = us[i * k + r];
      if (a === 0) continue;
      for (let j = 0; j < cols; j++) out[o + j] += a * v[j * k + r];
    }
  }
  return out;
}
