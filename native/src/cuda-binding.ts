// Types of the addon's CUDA functions (native/src/bind/cuda.cc). Device buffers are integer
// ids handed out by the addon's caching allocator; offsets and strides count elements. Every
// function except cudaStatus throws when CUDA is unavailable, with the reason.

type Dims = readonly number[];
/** The float dtypes the CUDA kernels compute in. */
export type CudaFloat = "float32" | "float64";

/** What starting the CUDA backend found (libraries, driver, device). */
export interface CudaStatus {
  readonly available: boolean;
  /** Why CUDA is unavailable ("no NVIDIA driver found (...)", "cuBLAS not found (...)"); empty when available. */
  readonly reason: string;
  readonly name?: string;
  readonly index?: number;
  readonly computeCapability?: string;
  readonly multiprocessors?: number;
  readonly totalMemory?: number;
  readonly freeMemory?: number;
  readonly driverVersion?: string;
  readonly cublasVersion?: number;
  readonly nvrtcVersion?: string;
  readonly tf32?: boolean;
  /** Where NVRTC-compiled kernels are cached ("" = not cached on disk). */
  readonly cacheDir?: string;
}

/** The caching allocator's counters, in bytes. */
export interface CudaMemory {
  readonly inUse: number;
  readonly cached: number;
  readonly peak: number;
  readonly blocks: number;
}

/** Convolution geometry (NHWC input, [kh, kw, c, f] filters); pt/pl: padding before. */
export interface CudaConvGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  kh: number;
  kw: number;
  f: number;
  oh: number;
  ow: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  pt: number;
  pl: number;
}

/** Pooling geometry (NHWC); ph/pw: window, pt/pl: padding before. */
export interface CudaPoolGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  ph: number;
  pw: number;
  oh: number;
  ow: number;
  sh: number;
  sw: number;
  pt: number;
  pl: number;
}

export interface CudaBinding {
  /** Starts the backend on first call (never throws) and describes it. */
  cudaStatus(): CudaStatus;
  cudaMemory(): CudaMemory;
  /** The CUDA C that NVRTC compiles for a dtype (for inspection and the CPU emulation tests). */
  cudaKernelSource(dtype: CudaFloat): string;
  cudaAlloc(bytes: number): number;
  cudaFree(id: number): void;
  cudaEmptyCache(): void;
  cudaSynchronize(): void;
  /** Lets cuBLAS use TF32 tensor cores for float32 products (off by default). */
  cudaSetTf32(on: boolean): void;
  /** Copies a typed array's bytes to the start of a buffer. */
  cudaUpload(id: number, src: ArrayBufferView): void;
  /** Copies the start of a buffer into a typed array (waits for queued work). */
  cudaDownload(id: number, dst: ArrayBufferView): void;
  cudaCopy(dst: number, src: number, bytes: number): void;
  cudaBinary(
    op: string,
    dtype: CudaFloat,
    out: number,
    a: number,
    aOff: number,
    aStrides: Dims,
    b: number,
    bOff: number,
    bStrides: Dims,
    shape: Dims,
  ): void;
  cudaUnary(
    op: string,
    dtype: CudaFloat,
    out: number,
    x: number,
    xOff: number,
    xStrides: Dims,
    shape: Dims,
    param: number,
  ): void;
  /** eq, ne, lt, le, gt, ge into a byte mask (`out` holds one byte per element). */
  cudaCompare(
    op: string,
    dtype: CudaFloat,
    out: number,
    a: number,
    aOff: number,
    aStrides: Dims,
    b: number,
    bOff: number,
    bStrides: Dims,
    shape: Dims,
  ): void;
  /** nan, inf, finite into a byte mask. */
  cudaPredicate(
    op: "nan" | "inf" | "finite",
    dtype: CudaFloat,
    out: number,
    x: number,
    xOff: number,
    xStrides: Dims,
    shape: Dims,
  ): void;
  /** `out = c ? a : b` with `c` a byte-mask view. */
  cudaWhere(
    dtype: CudaFloat,
    out: number,
    c: number,
    cOff: number,
    cStrides: Dims,
    a: number,
    aOff: number,
    aStrides: Dims,
    b: number,
    bOff: number,
    bStrides: Dims,
    shape: Dims,
  ): void;
  /** sum/prod/max/min into `dtype`, argmax/argmin into int32 (one axis). */
  cudaReduce(
    kind: string,
    dtype: CudaFloat,
    out: number,
    x: number,
    off: number,
    shape: Dims,
    strides: Dims,
    axes: Dims,
  ): void;
  cudaSoftmax(dtype: CudaFloat, out: number, x: number, rows: number, cols: number, log: boolean): void;
  /** Row-major `C = alpha·op(A)·op(B) + beta·C` for `batch` matrices (ld*: row strides, s*: batch strides). */
  cudaGemm(
    dtype: CudaFloat,
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    alpha: number,
    a: number,
    aOff: number,
    lda: number,
    strideA: number,
    b: number,
    bOff: number,
    ldb: number,
    strideB: number,
    beta: number,
    c: number,
    cOff: number,
    ldc: number,
    strideC: number,
    batch: number,
  ): void;
  cudaConv2dForward(dtype: CudaFloat, g: CudaConvGeometry, x: number, w: number, y: number): void;
  /** dx / dw: buffer ids, or 0 to skip that gradient; x may be 0 without dw, w without dx. */
  cudaConv2dBackward(
    dtype: CudaFloat,
    g: CudaConvGeometry,
    x: number,
    w: number,
    dy: number,
    dx: number,
    dw: number,
  ): void;
  cudaMaxPoolForward(dtype: CudaFloat, g: CudaPoolGeometry, x: number, y: number, argmax: number): void;
  cudaMaxPoolBackward(dtype: CudaFloat, g: CudaPoolGeometry, dy: number, argmax: number, dx: number): void;
  cudaAvgPoolForward(dtype: CudaFloat, g: CudaPoolGeometry, x: number, y: number): void;
  cudaAvgPoolBackward(dtype: CudaFloat, g: CudaPoolGeometry, dy: number, dx: number): void;
  cudaSgdMomentum(
    dtype: CudaFloat,
    p: number,
    g: number,
    v: number,
    n: number,
    lr: number,
    momentum: number,
    nesterov: boolean,
  ): void;
  cudaAdam(
    dtype: CudaFloat,
    p: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    step: number,
  ): void;
  /** Plain gradient descent: `p -= lr·g`. */
  cudaSgd(dtype: CudaFloat, p: number, g: number, n: number, lr: number): void;
  /** Keras RMSprop; `m` (momentum) and `mg` (centered) are 0 when unused. */
  cudaRmsprop(
    dtype: CudaFloat,
    p: number,
    g: number,
    v: number,
    m: number,
    mg: number,
    n: number,
    lr: number,
    rho: number,
    momentum: number,
    epsilon: number,
  ): void;
  /** Keras Adagrad: `a += g²; p -= lr·g / sqrt(a + epsilon)`. */
  cudaAdagrad(
    dtype: CudaFloat,
    p: number,
    g: number,
    acc: number,
    n: number,
    lr: number,
    epsilon: number,
  ): void;
  /** uniform in [a, b) or normal(mean a, std b), from (seed, offset). */
  cudaRandom(
    dtype: CudaFloat,
    out: number,
    n: number,
    seed: number,
    offset: number,
    dist: "uniform" | "normal",
    a: number,
    b: number,
  ): void;
}
