import type { CudaBinding } from "./cuda-binding.js";

/** The float arrays the kernels work on, in place. */
export type FloatArray = Float32Array | Float64Array;

/** Instruction-set variants of the kernels, from the most portable to the fastest. */
export type NativeIsa = "generic" | "avx2" | "avx512";

/** What the addon found about the CPU it runs on. */
export interface NativeCpuInfo {
  readonly vendor: string;
  readonly brand: string;
  /** The kernel variant in use. */
  readonly isa: NativeIsa;
  /** The best variant this CPU and OS can run. */
  readonly bestIsa: NativeIsa;
  /** Threads of the kernel pool (TENSORBOOK_NUM_THREADS, else the usable cores). */
  readonly threads: number;
  /** Cache sizes in bytes (L1 data and L2 per core, L3 shared), which size the GEMM blocks. */
  readonly l1d: number;
  readonly l2: number;
  readonly l3: number;
}

type Dims = readonly number[];

/**
 * The synchronous kernels of the addon. Offsets and strides count elements; inputs are views
 * (array, offset, strides) that the addon checks against the array bounds; `out` arrays are
 * new row-major arrays of the given shape. See native/src/bind/*.cc for each one's contract.
 */
export interface NativeKernels {
  /** `C = alpha·A·B + beta·C` for `batch` matrices; all three arrays of one float type. */
  gemm(
    a: FloatArray,
    aOff: number,
    rsa: number,
    csa: number,
    b: FloatArray,
    bOff: number,
    rsb: number,
    csb: number,
    c: FloatArray,
    cOff: number,
    rsc: number,
    csc: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    beta: number,
    batch: number,
    sba: number,
    sbb: number,
    sbc: number,
    cancel?: Int32Array,
    /** Tests: A goes through the GEMM's pre-packed entry (a packer reading it); batch 1. */
    packA?: boolean,
  ): boolean;
  unary(op: string, out: FloatArray, x: FloatArray, xOff: number, xStrides: Dims, shape: Dims): boolean;
  binary(
    op: string,
    out: FloatArray,
    x: FloatArray,
    xOff: number,
    xStrides: Dims,
    y: FloatArray,
    yOff: number,
    yStrides: Dims,
    shape: Dims,
  ): boolean;
  /** `out = a·b + c` (rounded like the unfused expression). */
  fma(
    out: FloatArray,
    a: FloatArray,
    aOff: number,
    aStrides: Dims,
    b: FloatArray,
    bOff: number,
    bStrides: Dims,
    c: FloatArray,
    cOff: number,
    cStrides: Dims,
    shape: Dims,
  ): boolean;
  /** kind: sum, prod, max, min (out Float32Array/Float64Array) or argmax, argmin (out Int32Array). */
  reduce(
    kind: string,
    out: FloatArray | Int32Array,
    x: FloatArray,
    xOff: number,
    shape: Dims,
    strides: Dims,
    axes: Dims,
  ): boolean;
  softmax(out: FloatArray, x: FloatArray, xOff: number, rows: number, n: number, log: boolean): boolean;
  /** geom: [n, h, w, c, kh, kw, f, sh, sw, dh, dw, padTop, padLeft, oh, ow] */
  conv2dForward(x: FloatArray, w: FloatArray, y: FloatArray, geom: Dims, cancel?: Int32Array): boolean;
  conv2dBackward(
    x: FloatArray,
    w: FloatArray,
    dy: FloatArray,
    dx: FloatArray | null,
    dw: FloatArray | null,
    geom: Dims,
    cancel?: Int32Array,
  ): boolean;
  /** geom: [n, h, w, c, kh, kw, sh, sw, padTop, padLeft, oh, ow] */
  maxPool2dForward(x: FloatArray, y: FloatArray, argmax: Int32Array | null, geom: Dims): boolean;
  maxPool2dBackward(dy: FloatArray, argmax: Int32Array, dx: FloatArray, geom: Dims): boolean;
  avgPool2dForward(x: FloatArray, y: FloatArray, geom: Dims): boolean;
  avgPool2dBackward(dy: FloatArray, dx: FloatArray, geom: Dims): boolean;
}

/** The same kernel run as napi async work off the event loop; resolves false when cancelled. */
type Async<F> = F extends (...args: infer A) => boolean ? (...args: A) => Promise<boolean> : never;

/** The addon's exports. */
export type NativeBinding = NativeKernels &
  CudaBinding & {
    readonly [K in keyof NativeKernels as `${K}Async`]: Async<NativeKernels[K]>;
  } & {
    readonly abiVersion: number;
    readonly unaryOps: readonly string[];
    readonly binaryOps: readonly string[];
    cpuInfo(): NativeCpuInfo;
    /** Resizes the thread pool; returns the new size. */
    setThreads(n: number): number;
    /** Register-only multiply-add throughput (GFLOP/s) of the active variant: the practical peak. */
    peakGflops(dtype: "float32" | "float64", threads: number, seconds: number): number;
    /** Chooses a kernel variant (capped at the CPU's best); returns the one in use. */
    setIsa(isa: NativeIsa): NativeIsa;
    /**
     * One fused optimizer update (native/src/optim/optim.h): reads `ins` = [w, g, ...slots] and
     * writes `outs` = [w', ...slots'] (fresh arrays, one float type and length, never aliasing
     * the inputs), computing each element in double precision like the TypeScript loops.
     * hyper: sgd [lr, decay], momentum [lr, decay, mu, nesterov], adam [alpha, decay, b1, b2,
     * eps, amsgrad], where decay = 1 - weightDecay·lr (1 for none) and booleans are 0/1.
     */
    optimizerStep(
      kind: NativeOptimizer,
      hyper: readonly number[],
      ins: readonly FloatArray[],
      outs: readonly FloatArray[],
    ): boolean;
  } & Partial<NativeSolvers> &
  Partial<NativeMemory>;

/** What the addon's recycling block pool holds and has done (native/src/mem/pool.h). */
export interface NativePoolStats {
  /** Free blocks kept for reuse, and their bytes. */
  readonly freeBlocks: number;
  readonly freeBytes: number;
  /** Blocks handed out whose arrays have not been collected yet, and their bytes. */
  readonly liveBlocks: number;
  readonly liveBytes: number;
  /** Requests served by a free block / by a new mapping. */
  readonly hits: number;
  readonly misses: number;
  /** Blocks given back to the OS. */
  readonly unmapped: number;
  /** The most bytes of free blocks the pool keeps (TENSORBOOK_POOL_MB). */
  readonly maxFreeBytes: number;
  /** Whether new blocks ask for transparent huge pages (TENSORBOOK_HUGE_PAGES=1). */
  readonly hugePages: boolean;
}

/**
 * Result arrays from the addon's block pool (native/src/bind/memory.cc). Optional in the type:
 * a binary built before the pool existed lacks them, and callers then allocate in JavaScript.
 */
export interface NativeMemory {
  /**
   * A new array of `n` elements whose contents are undefined (the caller writes every element).
   * Its block returns to the pool when the garbage collector finds the array's buffer dead.
   */
  allocFloat(dtype: "float32", n: number): Float32Array;
  allocFloat(dtype: "float64", n: number): Float64Array;
  allocFloat(dtype: "float32" | "float64", n: number): FloatArray;
  poolStats(): NativePoolStats;
  /** Unmaps free blocks idle for at least `idleSeconds` (0 or none: all of them). */
  poolTrim(idleSeconds?: number): NativePoolStats;
  poolConfig(opts: { maxFreeBytes?: number; hugePages?: boolean }): NativePoolStats;
}

/** One tree grown by `treeGrow`, in scikit-learn's node layout (`value`: outputs × classes per node). */
export interface NativeTree {
  nodeCount: number;
  maxDepth: number;
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weighted: Float64Array;
  value: Float64Array;
}

/** The optimizer updates the addon fuses. */
export type NativeOptimizer = "sgd" | "momentum" | "adam";

/**
 * Solver kernels of the linear-algebra and scikit-learn layers (synchronous, in place; see
 * native/src/bind/solvers.cc). Optional in the type: a binary built before they existed lacks
 * them, and callers then keep their TypeScript path.
 */
export interface NativeSolvers {
  /**
   * Householder QR of the m×n row-major matrix at `aOff` (row stride `lda`) in LAPACK's geqrf
   * layout; `tau` receives min(m, n) scalars at `tauOff`; `nb` is the panel width. With `c`
   * (m×nc at `cOff`, row stride `ldc`), also c ← Qᵀ·c.
   */
  geqrf(
    a: Float64Array,
    aOff: number,
    m: number,
    n: number,
    lda: number,
    tau: Float64Array,
    tauOff: number,
    nb: number,
    c?: Float64Array,
    cOff?: number,
    ldc?: number,
    nc?: number,
  ): boolean;
  /**
   * `sums[j] = Σᵢ w[i]·x[i][j]` (plain sums when `w` is null) over the rows×cols row-major `x`;
   * false as soon as `x` holds NaN or ±∞.
   */
  columnSums(
    x: Float64Array,
    rows: number,
    cols: number,
    w: Float64Array | null,
    sums: Float64Array,
  ): boolean;
  /** `out = x − mean`, the mean subtracted from every row of the rows×cols `x`. */
  centerInto(x: Float64Array, rows: number, cols: number, mean: Float64Array, out: Float64Array): boolean;
  /**
   * One epoch of plain SGD over the rows of `x` (n×d, n = y.length) in `order`, skipping rows
   * whose `skip` entry is set; updates `w`, `aw` and `q` in place, reads `params` and reads and
   * writes `state` (layouts in engine/src/sk/linearModel/sgd/plain-sgd.ts). Returns the summed loss.
   */
  sgdEpoch(
    x: Float64Array,
    d: number,
    order: Int32Array,
    y: Float64Array,
    sampleWeight: Float64Array,
    skip: Uint8Array,
    w: Float64Array,
    aw: Float64Array | null,
    q: Float64Array | null,
    params: Float64Array,
    state: Float64Array,
  ): number;
  /**
   * Grows CART trees on the float32 row-major rows×cols `x`, one per entry of `weights` (sample
   * weights, or null for all ones), in parallel on the thread pool. `criterion`: 0 gini,
   * 1 entropy, 2 squared_error, 3 friedman_mse; `targets` are class codes (with `nClasses`, the
   * classes per output) or values, `nOutputs` per row. `params`: 9 numbers per tree (layout in
   * engine/src/sk/tree/grow-kernel.ts `TreeParam`). Returns each tree's node arrays.
   */
  treeGrow(
    x: Float32Array,
    rows: number,
    cols: number,
    criterion: number,
    nOutputs: number,
    targets: Int32Array | Float64Array,
    nClasses: Int32Array | null,
    weights: readonly (Float64Array | null)[],
    params: Float64Array,
  ): NativeTree[];
}
