/**
 * A small, accurate eigen-decomposition of a symmetric matrix (cyclic Jacobi rotations), used
 * by `multivariateNormal` to factor the covariance without depending on the linalg module.
 */

/** Eigen-pairs of a symmetric n×n matrix: `a = vectors · diag(values) · vectorsᵀ`. */
export interface SymEigen {
  /** Eigenvalues, in the order of the columns of `vectors`. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major n×n matrix. */
  vectors: Float64Array;
}

/**
 * Cyclic Jacobi on a copy of `a` (row-major, n×n, assumed symmetric). Converges quadratically;
 * each sweep costs O(n³), fine for covariance matrices of a few hundred rows.
 *
 * @example
 * ```ts
 * const { values } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2); // values 1 and 3
 * ```
 */
export function symmetricEigen(a: Float64Array, n: number): SymEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += m[p * n + p] * m[p * n + p];
      for (let q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const app = m[p * n + p];
        const aqq = m[q * n + q];
        // Rotation angle that zeroes m[p][q] (Rutishauser's stable formulas).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i];
  return { values, vectors: v };
}

/** What `multivariateNormal` needs from an SVD of the covariance (NumPy's `s` and `vh`). */
export interface CovSvd {
  /** Singular values, descending. */
  s: Float64Array;
  /** Right singular vectors as rows (NumPy's `vh`), row-major n×n. */
  vh: Float64Array;
}

/**
 * SVD of a symmetric matrix from its eigen-decomposition: s = |λ| sorted descending (ties keep
 * their order, as LAPACK's sort does), vh rows = the eigenvectors. Signs are a convention:
 * a vector with one nonzero component is made +1 (so a diagonal covariance gives exactly
 * LAPACK's vh), any other has its first nonzero component made negative, which agrees with
 * LAPACK on many small matrices but not all. Sign flips never change the distribution.
 */
export function symmetricSvd(a: Float64Array, n: number): CovSvd {
  const sym = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) sym[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
  const { values, vectors } = symmetricEigen(sym, n);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => Math.abs(values[j]) - Math.abs(values[i]) || i - j,
  );
  const s = new Float64Array(n);
  const vh = new Float64Array(n * n);
  order.forEach((col, row) => {
    s[row] = Math.abs(values[col]);
    let first = 0;
    let nonzero = 0;
    for (let k = 0; k < n; k++) {
      const x = vectors[k * n + col];
      if (x !== 0 && nonzero++ === 0) first = x;
    }
    const flip = (nonzero === 1 && first < 0) || (nonzero > 1 && first > 0) ? -1 : 1;
    for (let k = 0; k < n; k++) vh[row * n + k] = flip * vectors[k * n + col];
  });
  return { s, vh };
}
