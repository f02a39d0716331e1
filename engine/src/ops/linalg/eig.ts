// `np.linalg.eig` / `eigvals` (general real matrices). Their results may be complex, which
// Tensorbook represents as two real tensors; they have no gradient.
import { toTensor } from "../../core/convert.js";
import { runKernelMulti } from "../../core/registry.js";
import type { Tensor, TensorLike } from "../../core/tensor.js";
import { LookupError } from "../../autodiff/errors.js";
import { registerMultiGradient } from "../../autodiff/registry.js";

/**
 * Complex values as two real tensors (NumPy would return a complex array): `re` and `im` have the
 * same shape.
 */
export interface ComplexTensor {
  readonly re: Tensor;
  readonly im: Tensor;
}

/**
 * Eigenvalues and right eigenvectors of a general real matrix: `[w, v]`. When every eigenvalue
 * is real (NumPy then returns real arrays) `w` and `v` are tensors; otherwise each is a
 * `ComplexTensor` `{ re, im }`. Not differentiable (use `eigh` for symmetric matrices).
 *
 * @example
 * ```ts
 * const [w, v] = np.linalg.eig([[2, 0], [0, 3]]); // w = [2, 3]
 * ```
 */
export function eig(a: TensorLike): [Tensor, Tensor] | [ComplexTensor, ComplexTensor] {
  const [wRe, wIm, isReal, vRe, vIm] = runKernelMulti("linalg.eig", [toTensor(a)], { vectors: true });
  return isReal.item()
    ? [wRe, vRe]
    : [
        { re: wRe, im: wIm },
        { re: vRe, im: vIm },
      ];
}

/**
 * Eigenvalues of a general real matrix (a tensor when all are real, else `{ re, im }`). Not
 * differentiable (use `eigvalsh` for symmetric matrices).
 *
 * @example
 * ```ts
 * np.linalg.eigvals([[0, -1], [1, 0]]); // { re: [0, 0], im: [1, -1] }
 * ```
 */
export function eigvals(a: TensorLike): Tensor | ComplexTensor {
  const [wRe, wIm, isReal] = runKernelMulti("linalg.eig", [toTensor(a)], { vectors: false });
  return isReal.item() ? wRe : { re: wRe, im: wIm };
}

// An explicit refusal rather than the generic message: it names the differentiable alternative.
registerMultiGradient("linalg.eig", () => {
  throw new LookupError(
    "No gradient defined for np.linalg.eig / eigvals: the eigenvalues and eigenvectors of a general " +
      "matrix may be complex, and Tensorbook has no complex dtype. For a symmetric matrix use " +
      "np.linalg.eigh / eigvalsh, which are differentiable; otherwise wrap the result in tf.stopGradient.",
  );
});
