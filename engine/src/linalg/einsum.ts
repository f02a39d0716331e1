/**
 * Executes an einsum plan: each operand is reduced to distinct labels (diagonals, broadcasts and
 * private sums), then operands are contracted pairwise, left to right, as batched GEMMs.
 */
import { planEinsum } from "./einsum-plan.js";
import { gemm } from "./gemm.js";
import { gather, permute, stridesOf, sumAxes } from "./layout.js";
import { dtypeOf, fromF64, promote, sizeOf, type Dense, type FloatDType } from "./types.js";

interface Labelled {
  data: Float64Array;
  labels: number[];
}

/**
 * NumPy's `einsum(subscripts, ...operands)` (explicit and implicit forms, `...`, repeated
 * labels for diagonals and traces). Result dtype is the promotion of the operands.
 *
 * @example
 * ```ts
 * einsum("ij,jk->ik", a, b); // matmul
 * einsum("ii", a);           // trace
 * einsum("bij,bjk->bik", x, y); // batched matmul
 * ```
 */
export function einsum(subscripts: string, ...operands: Dense[]): Dense {
  const plan = planEinsum(
    subscripts,
    operands.map((o) => o.shape),
  );
  const { sizes, output } = plan;
  const size = (ls: readonly number[]): number[] => ls.map((l) => sizes.get(l) as number);
  let ops: Labelled[] = operands.map((o, i) => {
    const labels = plan.inputs[i];
    const st = stridesOf(o.shape);
    const uniq: number[] = [];
    const ustr: number[] = [];
    labels.forEach((l, ax) => {
      // A size-1 axis under a longer label broadcasts (stride 0); a repeated label walks the diagonal.
      const stride = o.shape[ax] === 1 && (sizes.get(l) as number) > 1 ? 0 : st[ax];
      const at = uniq.indexOf(l);
      if (at < 0) {
        uniq.push(l);
        ustr.push(stride);
      } else ustr[at] += stride;
    });
    return { data: gather(o.data, size(uniq), ustr), labels: uniq };
  });
  const needed = (skip: Set<number>): Set<number> => {
    const s = new Set(output);
    ops.forEach((o, i) => {
      if (!skip.has(i)) for (const l of o.labels) s.add(l);
    });
    return s;
  };
  const sumPrivate = (o: Labelled, keep: Set<number>): Labelled => {
    const drop = o.labels.map((l, i) => (keep.has(l) ? -1 : i)).filter((i) => i >= 0);
    const r = sumAxes(o.data, size(o.labels), drop);
    return { data: r.data, labels: o.labels.filter((l) => keep.has(l)) };
  };
  ops = ops.map((o, i) => (ops.length > 1 ? sumPrivate(o, needed(new Set([i]))) : o));
  while (ops.length > 1) {
    const keep = needed(new Set([0, 1]));
    const [a, b] = ops;
    const both = a.labels.filter((l) => b.labels.includes(l));
    const batch = both.filter((l) => keep.has(l));
    const contracted = both.filter((l) => !keep.has(l));
    const freeA = a.labels.filter((l) => !both.includes(l));
    const freeB = b.labels.filter((l) => !both.includes(l));
    const A = permute(
      a.data,
      size(a.labels),
      [...batch, ...freeA, ...contracted].map((l) => a.labels.indexOf(l)),
    );
    const B = permute(
      b.data,
      size(b.labels),
      [...batch, ...contracted, ...freeB].map((l) => b.labels.indexOf(l)),
    );
    const nb = sizeOf(size(batch));
    const m = sizeOf(size(freeA));
    const n = sizeOf(size(freeB));
    const k = sizeOf(size(contracted));
    const C = new Float64Array(nb * m * n);
    for (let t = 0; t < nb; t++) {
      gemm(false, false, m, n, k, 1, A, k, B, n, 0, C, n, { a: t * m * k, b: t * k * n, c: t * m * n });
    }
    ops = [{ data: C, labels: [...batch, ...freeA, ...freeB] }, ...ops.slice(2)];
  }
  const last = sumPrivate(ops[0], new Set(output));
  const result = permute(
    last.data,
    size(last.labels),
    output.map((l) => last.labels.indexOf(l)),
  );
  const dtype = operands.reduce<FloatDType>((d, o) => promote(d, dtypeOf(o.data)), "float32");
  return { data: fromF64(result, dtype), shape: size(output) };
}
