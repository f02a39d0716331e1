// Well-conditioned matrices built from raw random inputs, shared by the gradient table and the
// PyTorch parity test (whose fixture script builds them the same way).
import { np, type Tensor } from "tensorbook";

export const swap = (x: Tensor): Tensor => np.swapaxes(x, -1, -2);
export const last = (x: Tensor): number => x.shape[x.ndim - 1];
export const rows = (x: Tensor): number => x.shape[x.ndim - 2];
export const flat = (...ts: Tensor[]): Tensor => np.concatenate(ts.map((t) => t.reshape([-1])));

/** x·xᵀ + n·I: symmetric positive definite. */
export const spd = (x: Tensor): Tensor => np.matmul(x, swap(x)).add(np.eye(last(x)).mul(last(x)));

/** x + xᵀ + diag(0, 3, 6, ...): symmetric with well separated eigenvalues. */
export const separated = (x: Tensor): Tensor => x.add(swap(x)).add(np.diag(np.arange(last(x)).mul(3)));

/** x plus the diagonal 1.5·(K+1, K, ..., 2), K = min(M, N): distinct, non-zero singular values. */
export function spread(x: Tensor): Tensor {
  const m = rows(x);
  const n = last(x);
  const d = np.zeros([m, n]);
  for (let i = 0; i < Math.min(m, n); i++) d.set([i, i], 1.5 * (Math.min(m, n) - i + 1));
  return x.add(d);
}

/** Fixed weights 1, 2, ... along the last axis of length k (a row vector). */
export const ramp = (k: number): Tensor => np.arange(1, k + 1);
