// Geometry of 2-D convolution and pooling on NHWC tensors under TensorFlow's padding rules,
// shared by the ops (ops/conv.ts) and every backend's kernels. The geometry travels as a flat
// list of numbers, the layout the native addon takes.

/** `same` pads so that out = ceil(in / stride); `valid` uses only whole windows. */
export type Padding = "same" | "valid";

type Pair = number | readonly [number, number];
const pair = (v: Pair | undefined, dflt: number): [number, number] =>
  v === undefined ? [dflt, dflt] : typeof v === "number" ? [v, v] : [v[0], v[1]];

/** Options of 2-D convolution. */
export interface Conv2dOptions {
  strides?: Pair;
  padding?: Padding;
  dilations?: Pair;
}

/** Options of the pooling functions. */
export interface Pool2dOptions {
  poolSize: Pair;
  /** Defaults to the pool size, as in Keras. */
  strides?: Pair;
  padding?: Padding;
}

/** Output length and leading pad of one spatial axis under TensorFlow's rules. */
export function outputLength(
  size: number,
  window: number,
  stride: number,
  dilation: number,
  padding: Padding,
): { out: number; padBefore: number } {
  const span = (window - 1) * dilation + 1;
  if (padding === "valid") return { out: Math.max(0, Math.floor((size - span) / stride) + 1), padBefore: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max(0, (out - 1) * stride + span - size);
  return { out, padBefore: Math.floor(total / 2) };
}

function checkPositive(what: string, v: readonly number[]): void {
  if (v.some((d) => !(Number.isInteger(d) && d >= 1))) {
    throw new RangeError(`${what} must be positive integers, got [${v.join(", ")}]`);
  }
}

/** The conv geometry: [n, h, w, c, kh, kw, f, sh, sw, dh, dw, padTop, padLeft, oh, ow]. */
export function conv2dGeometry(
  xShape: readonly number[],
  wShape: readonly number[],
  opts: Conv2dOptions = {},
): number[] {
  const [n, h, w, c] = xShape;
  const [kh, kw, c2, f] = wShape;
  if (xShape.length !== 4 || wShape.length !== 4 || c !== c2) {
    throw new Error(
      `conv2d: input [N,H,W,C] and filter [KH,KW,C,F] do not match: [${xShape}] and [${wShape}]`,
    );
  }
  const [sh, sw] = pair(opts.strides, 1);
  const [dh, dw] = pair(opts.dilations, 1);
  checkPositive("conv2d strides", [sh, sw]);
  checkPositive("conv2d dilations", [dh, dw]);
  const pad = opts.padding ?? "valid";
  const H = outputLength(h, kh, sh, dh, pad);
  const W = outputLength(w, kw, sw, dw, pad);
  return [n, h, w, c, kh, kw, f, sh, sw, dh, dw, H.padBefore, W.padBefore, H.out, W.out];
}

/** The pool geometry: [n, h, w, c, kh, kw, sh, sw, padTop, padLeft, oh, ow]. */
export function pool2dGeometry(xShape: readonly number[], opts: Pool2dOptions): number[] {
  if (xShape.length !== 4) throw new Error(`pooling takes an [N,H,W,C] input, got [${xShape}]`);
  const [n, h, w, c] = xShape;
  const [kh, kw] = pair(opts.poolSize, 2);
  const [sh, sw] = pair(opts.strides, kh);
  checkPositive("pool size", [kh, kw]);
  checkPositive("pool strides", [sh, sw]);
  const pad = opts.padding ?? "valid";
  const H = outputLength(h, kh, sh, 1, pad);
  const W = outputLength(w, kw, sw, 1, pad);
  return [n, h, w, c, kh, kw, sh, sw, H.padBefore, W.padBefore, H.out, W.out];
}
