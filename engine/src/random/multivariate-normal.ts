/** The legacy `multivariate_normal`: standard normals times sqrt(s)·vh of the covariance's SVD. */
import { ValueError } from "./errors.js";
import type { CovSvd } from "./sym-eigen.js";
import { symmetricSvd } from "./sym-eigen.js";

/** Options of `multivariateNormal`, as NumPy's keywords plus an injectable SVD. */
export interface MultivariateNormalOptions {
  /** What to do when cov is not symmetric positive-semidefinite (default "warn"). */
  checkValid?: "warn" | "raise" | "ignore";
  /** Tolerance of that check (default 1e-8). */
  tol?: number;
  /**
   * The SVD to factor cov with (row-major n×n in, NumPy's `s` and `vh` out). Defaults to a
   * symmetric Jacobi eigen-solver; pass LAPACK-backed code to reproduce NumPy's signs.
   */
  svd?: (cov: Float64Array, n: number) => CovSvd;
}

/**
 * Factor A (n×n, row-major) with Aᵀ·A = cov, as NumPy builds it: A = sqrt(s)[:, None] * vh,
 * after checking cov ≈ vhᵀ·diag(s)·vh when asked to.
 */
export function covarianceFactor(
  cov: Float64Array,
  n: number,
  options: MultivariateNormalOptions,
): Float64Array {
  const checkValid = options.checkValid ?? "warn";
  const tol = options.tol ?? 1e-8;
  const { s, vh } = (options.svd ?? symmetricSvd)(cov, n);
  if (checkValid !== "ignore") {
    if (checkValid !== "warn" && checkValid !== "raise") {
      throw new ValueError(
        `check_valid must equal 'warn', 'raise', or 'ignore' (got '${String(checkValid)}')`,
      );
    }
    let psd = true;
    for (let i = 0; i < n && psd; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc += vh[k * n + i] * s[k] * vh[k * n + j];
        const ref = cov[i * n + j];
        if (!(Math.abs(acc - ref) <= tol + tol * Math.abs(ref))) {
          psd = false;
          break;
        }
      }
    }
    if (!psd) {
      const msg = "covariance is not symmetric positive-semidefinite.";
      if (checkValid === "raise") throw new ValueError(msg);
      process.emitWarning(msg, "RuntimeWarning");
    }
  }
  const a = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const r = Math.sqrt(s[k]);
    for (let j = 0; j < n; j++) a[k * n + j] = r * vh[k * n + j];
  }
  return a;
}

/** out[r, :] = z[r, :] · A + mean, for each row r (in place on z). */
export function applyFactor(z: Float64Array, a: Float64Array, mean: Float64Array, n: number): void {
  const row = new Float64Array(n);
  for (let base = 0; base < z.length; base += n) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += z[base + k] * a[k * n + j];
      row[j] = acc;
    }
    for (let j = 0; j < n; j++) z[base + j] = row[j] + mean[j];
  }
}
