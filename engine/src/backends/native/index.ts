/**
 * The `native-cpu` backend: the C++ addon's kernels (SIMD, cache-blocked, multithreaded)
 * behind the engine's op names, preferred over the `js` kernels on the CPU when the addon
 * loads; every case it does not cover falls through to `js`. Importing this module installs it.
 */
import { setBackendPreference } from "../../core/registry.js";
import { registerElementwise, registerSoftmax } from "./elementwise.js";
import { registerProducts } from "./products.js";
import { registerDense } from "./dense.js";
import { registerNn } from "./nn-kernels.js";
import { nativeState } from "./state.js";
import { nativeGemm } from "./gemm.js";
import { setGemmAccelerator } from "../../linalg/gemm.js";
import { setGeqrfAccelerator } from "../../linalg/qr.js";
import { setPrepKernels } from "../../sk/linearModel/prep-kernel.js";
import { setSgdEpochKernel } from "../../sk/linearModel/sgd/epoch-kernel.js";
import { setTreeGrowKernel } from "../../sk/tree/grow-kernel.js";
import { nativeGeqrf, nativePrep, nativeSgdEpoch } from "./solvers.js";
import { nativeTreeGrow } from "./trees.js";

export { nativeState, nativeBinding, type NativeState } from "./state.js";
export { NATIVE_BINARY, NATIVE_UNARY, NATIVE_MIN_SIZE } from "./elementwise.js";
export {
  nativeGemm,
  nativeGemmStrided,
  nativeGemmStridedAsync,
  nativeMatmul,
  type GemmOffsets,
  type StridedGemm,
  type StridedMatrix,
} from "./gemm.js";
export { nativeGeqrf, nativePrep, nativeSgdEpoch, NATIVE_QR_PANEL } from "./solvers.js";
export { nativeTreeGrow } from "./trees.js";
export {
  nativeConv2d,
  nativeConv2dBackward,
  nativeMaxPool2d,
  nativeMaxPool2dBackward,
  nativeAvgPool2d,
  nativeAvgPool2dBackward,
  nativeSoftmax,
  conv2dGeometry,
  pool2dGeometry,
  outputLength,
  type Conv2dOptions,
  type Pool2dOptions,
  type Padding,
} from "./nn.js";

let installed = false;

/**
 * Registers the native kernels and puts `native-cpu` ahead of `js` on the CPU when the addon
 * is usable; otherwise says once, on stderr, why the TypeScript kernels are used.
 */
export function installNativeBackend(): void {
  if (installed) return;
  installed = true;
  const s = nativeState();
  if (s.inUse && s.binding) {
    registerElementwise(s.binding);
    registerSoftmax(s.binding);
    registerProducts();
    registerDense(s.binding);
    registerNn(s.binding);
    // Products and the blocked decompositions of linalg/ all go through its gemm.
    setGemmAccelerator(nativeGemm);
    // The QR's panels, the SGD epoch loop, the linear models' passes over X and the tree
    // builder, which JavaScript runs scalar.
    setGeqrfAccelerator(nativeGeqrf);
    setSgdEpochKernel(nativeSgdEpoch);
    setPrepKernels(nativePrep);
    setTreeGrowKernel(nativeTreeGrow);
    setBackendPreference("cpu", ["native-cpu", "js"]);
  } else if (!s.available && process.env.TENSORBOOK_NATIVE !== "0") {
    process.stderr.write(
      `[tensorbook] native kernels unavailable (${s.reason}); using the TypeScript kernels\n`,
    );
  }
}

installNativeBackend();
