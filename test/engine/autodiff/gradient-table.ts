// The gradient-check table: one row per differentiable op (or composite the `tf` namespace
// builds from ops), with the input domain where the op is smooth. gradients.test.ts checks every
// row against central differences in float64, to first and second order.
import { np, tf, type Tensor } from "tensorbook";
import { LINALG_ROWS } from "./gradient-table-linalg.js";
import { reluGrad } from "../../../engine/src/ops/nn.js";
import { sparseSoftmaxCrossEntropyGrad } from "../../../engine/src/ops/softmax.js";
import { dense } from "../../../engine/src/ops/dense.js";

/** One row of the table. */
export interface GradCase {
  /** What the row checks. */
  readonly name: string;
  /** The recorded ops (gradient-registry names) the row exercises. */
  readonly ops: readonly string[];
  /** The function of float64 tensors whose gradient is checked. */
  readonly f: (...xs: Tensor[]) => Tensor;
  /** Value range of each input (one range for all inputs when a single pair). */
  readonly domain: readonly [number, number] | readonly (readonly [number, number])[];
  /** Input shapes to try; default: random shapes (unary) or broadcasting pairs (binary). */
  readonly shapes?: readonly (readonly (readonly number[])[])[];
  /** Number of inputs (default 1). */
  readonly arity?: number;
  /** Skip the second-order check (piecewise-linear functions, where it is trivially zero). */
  readonly firstOrderOnly?: boolean;
  /**
   * The op refuses to be differentiated: the row checks that the tape throws a LookupError
   * whose message matches (it should name the alternative).
   */
  readonly noGradient?: RegExp;
}

const u = (
  name: string,
  op: string,
  f: (x: Tensor) => Tensor,
  domain: [number, number] = [-2, 2],
): GradCase => ({
  name,
  ops: [op],
  f,
  domain,
});
const b = (
  name: string,
  op: string,
  f: (x: Tensor, y: Tensor) => Tensor,
  domain: [number, number] | [number, number][] = [-2, 2],
): GradCase => ({ name, ops: [op, "view"], f, domain, arity: 2 });
const constant = (op: string, f: (x: Tensor) => Tensor, domain: [number, number]): GradCase => ({
  name: `${op} (no gradient: piecewise constant)`,
  ops: [op],
  f,
  domain,
  firstOrderOnly: true,
});

const softplusCustom = tf.customGradient((z: Tensor) => {
  const e = np.exp(z);
  return [np.log1p(e), (dy: Tensor) => dy.div(np.add(1, np.div(1, e)))];
});

// Three operands of one shape, then three that broadcast against each other.
const THREE_SAME_OR_BROADCAST: readonly (readonly number[])[][] = [
  [
    [2, 3],
    [2, 3],
    [2, 3],
  ],
  [[2, 3], [3], [2, 1]],
];

export const GRADIENT_TABLE: readonly GradCase[] = [
  // Arithmetic.
  b("add", "add", (x, y) => np.add(x, y)),
  b("sub", "sub", (x, y) => np.sub(x, y)),
  b("mul", "mul", (x, y) => np.mul(x, y)),
  {
    name: "mulAdd",
    ops: ["mulAdd", "view"],
    f: (x, y, z) => np.mulAdd(x, y, z),
    domain: [-2, 2],
    arity: 3,
    shapes: [...THREE_SAME_OR_BROADCAST, [[4, 1], [1, 5], [5]]],
  },
  b("div", "div", (x, y) => np.div(x, y), [
    [-2, 2],
    [0.5, 2],
  ]),
  b("pow", "pow", (x, y) => np.pow(x, y), [
    [0.5, 2],
    [-1.5, 2],
  ]),
  b("mod", "mod", (x, y) => np.mod(x, y), [
    [2.1, 2.5],
    [1.3, 1.4],
  ]),
  {
    ...b("floorDiv", "floorDiv", (x, y) => np.floorDiv(x, y), [
      [2.1, 2.5],
      [1.3, 1.4],
    ]),
    firstOrderOnly: true,
  },
  u("neg", "neg", np.neg),
  u("abs", "abs", np.abs),
  { ...u("sign", "sign", np.sign, [0.5, 2]), firstOrderOnly: true },
  u("reciprocal", "reciprocal", np.reciprocal, [0.5, 2]),
  // Element-wise math.
  u("sqrt", "sqrt", np.sqrt, [0.5, 2]),
  u("cbrt", "cbrt", np.cbrt, [0.5, 2]),
  u("square", "square", np.square),
  u("exp", "exp", np.exp),
  u("exp2", "exp2", np.exp2),
  u("expm1", "expm1", np.expm1),
  u("log", "log", np.log, [0.5, 3]),
  u("log1p", "log1p", np.log1p, [-0.5, 2]),
  u("log2", "log2", np.log2, [0.5, 3]),
  u("log10", "log10", np.log10, [0.5, 3]),
  u("sin", "sin", np.sin),
  u("cos", "cos", np.cos),
  u("tan", "tan", np.tan, [-1, 1]),
  u("arcsin", "arcsin", np.arcsin, [-0.8, 0.8]),
  u("arccos", "arccos", np.arccos, [-0.8, 0.8]),
  u("arctan", "arctan", np.arctan),
  u("sinh", "sinh", np.sinh),
  u("cosh", "cosh", np.cosh),
  u("tanh", "tanh", np.tanh),
  u("arcsinh", "arcsinh", np.arcsinh),
  u("arccosh", "arccosh", np.arccosh, [1.2, 3]),
  u("arctanh", "arctanh", np.arctanh, [-0.8, 0.8]),
  u("deg2rad", "deg2rad", np.deg2rad),
  u("rad2deg", "rad2deg", np.rad2deg),
  u("expit (sigmoid)", "expit", np.special.expit, [-4, 4]),
  u("logit", "logit", np.special.logit, [0.1, 0.9]),
  u("erf", "erf", np.special.erf),
  u("erfc", "erfc", np.special.erfc),
  u("softplus", "softplus", tf.nn.softplus, [-30, 30]),
  constant("floor", np.floor, [0.1, 0.4]),
  constant("ceil", np.ceil, [0.1, 0.4]),
  constant("rint", np.rint, [0.1, 0.4]),
  constant("trunc", np.trunc, [0.1, 0.4]),
  constant("round", (x) => np.round(x, 1), [0.11, 0.14]),
  b("arctan2", "arctan2", (x, y) => np.arctan2(x, y), [
    [0.5, 2],
    [0.5, 2],
  ]),
  b("hypot", "hypot", (x, y) => np.hypot(x, y), [0.5, 2]),
  b("maximum", "maximum", (x, y) => np.maximum(x, y)),
  b("minimum", "minimum", (x, y) => np.minimum(x, y)),
  b("fmax", "fmax", (x, y) => np.fmax(x, y)),
  b("fmin", "fmin", (x, y) => np.fmin(x, y)),
  b("copysign", "copysign", (x, y) => np.copysign(x, y)),
  {
    name: "clip (min only, max only, both)",
    ops: ["maximum", "minimum", "copy"],
    f: (x) =>
      np
        .clip(x, -1, null)
        .add(np.clip(x, null, 1))
        .add(np.clip(x, -0.5, 0.5)),
    domain: [-2, 2],
  },
  {
    name: "where",
    ops: ["where", "view"],
    f: (c, x, y) => np.where(c.gt(0), x, y),
    domain: [-1, 1],
    arity: 3,
    shapes: THREE_SAME_OR_BROADCAST,
  },
  // Reductions and their tf composites.
  {
    name: "sum (all, axis, keepdims)",
    ops: ["reduce"],
    f: (x) =>
      np
        .sum(x)
        .add(np.sum(x, 0).sum())
        .add(np.sum(x, 1, { keepdims: true }).mul(x).sum()),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "mean",
    ops: ["reduce"],
    f: (x) => np.mean(x, 1).mul(np.mean(x)),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "max",
    ops: ["reduce"],
    f: (x) => np.max(x, 0).add(np.max(x)),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  { name: "min", ops: ["reduce"], f: (x) => np.min(x, [0, 2]), domain: [-2, 2], shapes: [[[2, 3, 2]]] },
  {
    name: "prod",
    ops: ["reduce"],
    f: (x) => np.prod(x, 1).add(np.prod(x)),
    domain: [0.5, 1.5],
    shapes: [[[3, 4]]],
  },
  {
    name: "reduceLogSumExp (large inputs)",
    ops: ["reduce"],
    f: (x) => tf.reduceLogSumExp(x.add(500), 1),
    domain: [-3, 3],
    shapes: [[[3, 4]]],
  },
  // Views and copies.
  {
    name: "reshape/transpose/slice views",
    ops: ["view"],
    f: (x) =>
      x.T.reshape([-1])
        .mul(np.arange(12))
        .add(tf.split(x, [1, 2], 0)[1].reshape([-1]).sum()),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "expandDims/squeeze of a transposed view",
    ops: ["view"],
    f: (x) =>
      x.T.expandDims(1)
        .squeeze(1)
        .mul(np.arange(12).reshape([4, 3])),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "diagonal view (general view kernel)",
    ops: ["view", "copy", "viewAdjoint"],
    f: (x) => np.diag(x).mul(np.diag(x.T.reshape([3, 4]))),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "reshape of a non-contiguous view (copy)",
    ops: ["view", "copy"],
    f: (x) => x.T.reshape([2, 6]).mul(np.arange(12).reshape([2, 6])),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  { name: "cast", ops: ["cast"], f: (x) => x.astype("float64").mul(x), domain: [-2, 2] },
  {
    name: "tile, pad",
    ops: ["view", "viewAdjoint"],
    f: (x) =>
      tf
        .pad(
          tf.tile(x, [2, 1]),
          [
            [1, 0],
            [0, 2],
          ],
          { constantValues: 3 },
        )
        .mul(np.arange(42).reshape([7, 6])),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  // Indexing, joining, running sums.
  {
    name: "basic indexing with steps and negative steps",
    ops: ["view"],
    f: (x) => x.get("::-1", "1::2").mul(np.flip(x, 1).get(":", ":2")),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "advanced indexing with repeated indices (gather)",
    ops: ["gather", "gatherAdjoint"],
    f: (x) =>
      x
        .get([0, 2, 0])
        .sum(1)
        .add(
          x
            .get(":", [
              [3, 3],
              [1, 0],
            ])
            .sum([1, 2]),
        ),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "tf.gather, tf.gatherNd",
    ops: ["gather"],
    f: (x) =>
      tf
        .gather(x, [1, 1, 0], 1)
        .sum(1)
        .add(
          tf.gatherNd(x, [
            [0, 1],
            [2, 3],
            [0, 1],
          ]),
        ),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "concatenate, stack",
    ops: ["concatenate", "view"],
    f: (x, y) =>
      tf
        .concat([x, y, x], 0)
        .mul(np.arange(36).reshape([9, 4]))
        .add(tf.stack([x, y], 1).sum(1).sum()),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [3, 4],
        [3, 4],
      ],
    ],
  },
  {
    name: "np.pad (constant and reflect)",
    ops: ["concatenate", "gather"],
    f: (x) =>
      np
        .pad(x, 1)
        .sum(0)
        .add(
          np
            .pad(
              x,
              [
                [0, 0],
                [2, 1],
              ],
              "reflect",
            )
            .sum(0)
            .get(":6"),
        ),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "cumsum",
    ops: ["cumulative"],
    f: (x) => np.cumsum(x, 1).mul(np.cumsum(x).reshape([3, 4])),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "cumprod",
    ops: ["cumulative"],
    f: (x) => np.cumprod(x, 0),
    domain: [0.5, 1.5],
    shapes: [[[3, 4]]],
  },
  {
    name: "nansum, nanmax, nanmin",
    ops: ["reduce"],
    f: (x) => np.nansum(x, 0).add(np.nanmax(x, 0)).add(np.nanmin(x, 0)),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  // Matrix products.
  {
    name: "matmul",
    ops: ["matmul", "view"],
    f: (x, y) => np.matmul(x, y),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [2, 3],
        [3, 4],
      ],
      [[3], [3, 2]],
      [[2, 3], [3]],
      [
        [2, 2, 3],
        [3, 2],
      ],
    ],
  },
  {
    name: "tf.matmul transposeB",
    ops: ["matmul", "view"],
    f: (x, y) => tf.matmul(x, y, { transposeB: true }),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [2, 3],
        [4, 3],
      ],
    ],
  },
  {
    name: "dot",
    ops: ["dot"],
    f: (x, y) => np.dot(x, y),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [2, 3],
        [3, 4],
      ],
    ],
  },
  {
    name: "vdot, outer, inner",
    ops: ["vdot", "outer", "inner"],
    f: (x, y) =>
      np
        .outer(x, y)
        .mul(np.vdot(x, y))
        .add(np.inner(x.reshape([2, 3]), y.reshape([2, 3])).sum()),
    domain: [-2, 2],
    arity: 2,
    shapes: [[[6], [6]]],
  },
  {
    name: "einsum (batched product, a label summed in one operand, broadcasting, ellipsis)",
    ops: ["einsum", "view"],
    f: (x, y) =>
      np
        .einsum("bij,jk->bik", x, y.get(":", ":3"))
        .sum()
        .add(np.einsum("ij,kj->i", x.get(0), y.get(":", ":3").T).sum())
        .add(np.einsum("...j,j->...", x, y.get(0, ":3")).sum()),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [2, 2, 3],
        [3, 4],
      ],
    ],
  },
  {
    name: "tensordot (int and axis-list forms)",
    ops: ["tensordot"],
    f: (x, y) =>
      np
        .tensordot(x, y, 1)
        .sum()
        .mul(np.tensordot(x, y.T, [[1], [1]]).sum()),
    domain: [-2, 2],
    arity: 2,
    shapes: [
      [
        [2, 3],
        [3, 4],
      ],
    ],
  },
  {
    name: "trace (offset, batched axes)",
    ops: ["trace", "viewAdjoint"],
    f: (x) => np.trace(x, 1, 1, 2).mul(np.trace(x.get(0))),
    domain: [-2, 2],
    shapes: [[[2, 3, 4]]],
  },
  {
    name: "linalg.inv, linalg.det",
    ops: ["linalg.inv", "linalg.det"],
    f: (x) =>
      np.linalg.inv(x.add(np.eye(3).mul(3))).mul(np.linalg.det(x.add(np.eye(3).mul(2))).reshape([-1, 1, 1])),
    domain: [-0.5, 0.5],
    shapes: [[[3, 3]], [[2, 3, 3]]],
  },
  {
    name: "linalg.solve (matrix and vector right sides)",
    ops: ["linalg.solve"],
    f: (a, b) =>
      np.linalg
        .solve(a.add(np.eye(3).mul(3)), b)
        .sum(1)
        .add(np.linalg.solve(a.add(np.eye(3).mul(3)), b.get(":", 0))),
    domain: [-0.5, 0.5],
    arity: 2,
    shapes: [
      [
        [3, 3],
        [3, 2],
      ],
    ],
  },
  // tf.nn.
  { name: "relu", ops: ["relu"], f: tf.nn.relu, domain: [-2, 2] },
  {
    // relu's backward op: linear in dy, masked by where y > 0 (a fixed mask here).
    name: "reluGrad",
    ops: ["reluGrad"],
    f: (dy) => reluGrad(dy, np.linspace(-1, 1, dy.size, { dtype: "float64" }).reshape(dy.shape)),
    domain: [-2, 2],
  },
  {
    // A Dense layer's fused product, bias and activation (x [3, 4], w [4, 5], b [5]).
    name: "dense (x·w + b, then relu or nothing)",
    ops: ["dense"],
    f: (x, w, bias) => dense(x, w, bias, "relu").add(dense(x, w.mul(0.5), null, "linear").square()),
    domain: [-2, 2],
    shapes: [
      [[3, 4], [4, 5], [5]],
      [[1, 3], [3, 2], [2]],
    ],
    arity: 3,
  },
  {
    name: "elu, selu, leakyRelu",
    ops: ["where", "expm1"],
    f: (x) => tf.nn.elu(x).add(tf.nn.selu(x)).add(tf.nn.leakyRelu(x, 0.1)),
    domain: [-2, 2],
  },
  {
    name: "softmax",
    ops: ["softmax"],
    f: (x) => tf.nn.softmax(x),
    domain: [-3, 3],
    shapes: [[[3, 4]]],
  },
  {
    name: "softmax and log-softmax along the last axis (fused kernel)",
    ops: ["softmax"],
    f: (x) => tf.nn.softmax(x).mul(tf.nn.logSoftmax(x.mul(0.7))),
    domain: [-3, 3],
    shapes: [[[3, 4]], [[2, 2, 5]]],
  },
  {
    name: "conv2d (same, strided, dilated)",
    ops: ["conv2d", "conv2dBackpropInput", "conv2dBackpropFilter"],
    f: (x, w) =>
      tf
        .square(tf.nn.conv2d(x, w, 1, "SAME"))
        .sum()
        .add(tf.nn.conv2d(x, w, [1, 2, 1, 1], "VALID", { dilations: [1, 2] }).sum()),
    domain: [-1, 1],
    shapes: [
      [
        [2, 5, 6, 3],
        [2, 2, 3, 4],
      ],
    ],
    arity: 2,
  },
  {
    // Second order would need the gradient of maxPool2dGrad, which is not defined.
    name: "max pooling (valid, same)",
    ops: ["maxPool2d"],
    f: (x) =>
      tf
        .square(tf.nn.maxPool2d(x, 2, 2, "VALID"))
        .sum()
        .add(tf.nn.maxPool2d(x, 3, 2, "SAME").sum()),
    domain: [-1, 1],
    shapes: [[[2, 5, 6, 3]]],
    firstOrderOnly: true,
  },
  {
    name: "average pooling (valid, same)",
    ops: ["avgPool2d", "avgPool2dGrad"],
    f: (x) =>
      tf
        .square(tf.nn.avgPool2d(x, 2, 2, "VALID"))
        .sum()
        .add(tf.square(tf.nn.avgPool2d(x, 3, 2, "SAME")).sum()),
    domain: [-1, 1],
    shapes: [[[2, 5, 6, 3]]],
  },
  {
    name: "softmax along a middle axis (composite)",
    ops: ["reduce", "exp"],
    f: (x) => tf.nn.softmax(x, 1),
    domain: [-3, 3],
    shapes: [[[2, 3, 4]]],
  },
  {
    name: "logSoftmax along the last axis",
    ops: ["softmax"],
    f: (x) => tf.nn.logSoftmax(x),
    domain: [-3, 3],
    shapes: [[[3, 4]]],
  },
  {
    name: "logSoftmax",
    ops: ["reduce"],
    f: (x) => tf.nn.logSoftmax(x, 0),
    domain: [-3, 3],
    shapes: [[[3, 4]]],
  },
  {
    name: "moments",
    ops: ["reduce"],
    f: (x) => tf.addN(tf.nn.moments(x, [0])),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "l2Loss, norm, clipByNorm",
    ops: ["reduce", "sqrt"],
    f: (x) =>
      tf.nn
        .l2Loss(x)
        .add(tf.norm(x, { axis: 1 }).sum())
        .add(tf.clipByNorm(x, 1).sum()),
    domain: [-2, 2],
    shapes: [[[3, 4]]],
  },
  {
    name: "sigmoidCrossEntropyWithLogits",
    ops: ["softplus"],
    f: (z, y) => tf.nn.sigmoidCrossEntropyWithLogits({ labels: y, logits: z }),
    domain: [
      [-5, 5],
      [0, 1],
    ],
    arity: 2,
    shapes: [
      [
        [3, 4],
        [3, 4],
      ],
    ],
  },
  {
    name: "softmaxCrossEntropyWithLogits",
    ops: ["reduce"],
    f: (z, y) => tf.nn.softmaxCrossEntropyWithLogits({ labels: y, logits: z }),
    domain: [
      [-5, 5],
      [0, 1],
    ],
    arity: 2,
    shapes: [
      [
        [3, 4],
        [3, 4],
      ],
    ],
  },
  {
    name: "sparseSoftmaxCrossEntropyWithLogits",
    ops: ["sparseSoftmaxXent", "sparseSoftmaxXentGrad"],
    f: (z) => tf.nn.sparseSoftmaxCrossEntropyWithLogits({ labels: [0, 3, 1], logits: z }),
    domain: [-5, 5],
    shapes: [[[3, 4]]],
  },
  {
    // Its backward op as a function of the incoming gradient (linear in it).
    name: "sparseSoftmaxXentGrad in dy",
    ops: ["sparseSoftmaxXentGrad"],
    f: (dy) =>
      sparseSoftmaxCrossEntropyGrad(
        dy,
        np.linspace(-2, 2, 12, { dtype: "float64" }).reshape([3, 4]),
        np.array([0, 3, 1], { dtype: "int32" }),
      ),
    domain: [-2, 2],
    shapes: [[[3]]],
  },
  {
    name: "customGradient (softplus with its own gradient)",
    ops: ["customGradient"],
    f: (z) => softplusCustom(z),
    domain: [-3, 3],
    firstOrderOnly: true,
  },
  ...LINALG_ROWS,
];
