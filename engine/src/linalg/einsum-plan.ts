/**
 * Parsing of `einsum` subscripts (explicit `"ij,jk->ik"` and implicit `"ij,jk"` forms, with
 * `...` broadcasting) into a plan of labelled axes, checked against the operands' shapes. Pure:
 * strings and shapes in, a plan out; `einsum.ts` executes it.
 */
import { ValueError } from "./errors.js";

/** First label id given to ellipsis axes (letters use their char codes, all below it). */
export const ELLIPSIS_BASE = 1000;

/** A checked einsum: the label of every operand axis and output axis, and each label's size. */
export interface EinsumPlan {
  /** Per operand, one label per axis (a label repeated within an operand means its diagonal). */
  inputs: number[][];
  /** The output's labels, in order. */
  output: number[];
  /** The size of each label (broadcast: size-1 axes stretch to it). */
  sizes: Map<number, number>;
}

function parseTerm(term: string, ndim: number, index: number): { letters: number[]; ellipsisAt: number } {
  const letters: number[] = [];
  let ellipsisAt = -1;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === ".") {
      if (ellipsisAt >= 0 || term.slice(i, i + 3) !== "...") {
        throw new ValueError(
          "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...')",
        );
      }
      ellipsisAt = letters.length;
      i += 2;
    } else if (/[a-zA-Z]/.test(ch)) {
      letters.push(ch.charCodeAt(0));
    } else {
      throw new ValueError(
        `invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`,
      );
    }
  }
  if (index >= 0 && letters.length > ndim) {
    throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${index}`);
  }
  if (index >= 0 && ellipsisAt < 0 && letters.length < ndim) {
    throw new ValueError(
      "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
    );
  }
  return { letters, ellipsisAt };
}

/**
 * Parses `subscripts` for operands of the given shapes.
 *
 * @example
 * ```ts
 * planEinsum("ij,jk", [[2, 3], [3, 4]]);
 * // { inputs: [[105, 106], [106, 107]], output: [105, 107], sizes: {i: 2, j: 3, k: 4} }
 * ```
 */
export function planEinsum(subscripts: string, shapes: readonly (readonly number[])[]): EinsumPlan {
  const s = subscripts.replace(/\s+/g, "");
  const arrow = s.indexOf("->");
  const lhs = arrow >= 0 ? s.slice(0, arrow) : s;
  const rhs = arrow >= 0 ? s.slice(arrow + 2) : null;
  const terms = lhs.split(",");
  if (terms.length < shapes.length) {
    throw new ValueError(
      "more operands provided to einstein sum function than specified in the subscripts string",
    );
  }
  if (terms.length > shapes.length) {
    throw new ValueError(
      "fewer operands provided to einstein sum function than specified in the subscripts string",
    );
  }
  const parsed = terms.map((t, i) => parseTerm(t, shapes[i].length, i));
  const ellipsisDims = parsed.map((p, i) => (p.ellipsisAt >= 0 ? shapes[i].length - p.letters.length : 0));
  const maxE = Math.max(0, ...ellipsisDims);
  const ellipsisLabels = Array.from({ length: maxE }, (_, j) => ELLIPSIS_BASE + j);
  // Ellipsis axes align from the right, as in broadcasting.
  const inputs = parsed.map((p, i) => {
    if (p.ellipsisAt < 0) return [...p.letters];
    const e = ellipsisDims[i];
    return [
      ...p.letters.slice(0, p.ellipsisAt),
      ...ellipsisLabels.slice(maxE - e),
      ...p.letters.slice(p.ellipsisAt),
    ];
  });
  const sizes = new Map<number, number>();
  inputs.forEach((labels, i) =>
    labels.forEach((l, ax) => {
      const d = shapes[i][ax];
      const prev = sizes.get(l);
      if (prev === undefined || prev === 1) sizes.set(l, d);
      else if (d !== prev && d !== 1) {
        throw new ValueError(
          `operands could not be broadcast together with remapped shapes: size ${d} of ${labelName(l)} in operand ${i} is different from ${prev}`,
        );
      }
    }),
  );
  let output: number[];
  if (rhs === null) {
    const counts = new Map<number, number>();
    for (const labels of inputs)
      for (const l of labels) if (l < ELLIPSIS_BASE) counts.set(l, (counts.get(l) ?? 0) + 1);
    const once = [...counts.entries()].filter(([, c]) => c === 1).map(([l]) => l);
    output = [...ellipsisLabels, ...once.sort((a, b) => a - b)];
  } else {
    const o = parseTerm(rhs, 0, -1);
    const seen = new Set<number>();
    for (const l of o.letters) {
      const ch = String.fromCharCode(l);
      if (seen.has(l))
        throw new ValueError(
          `einstein sum subscripts string includes output subscript '${ch}' multiple times`,
        );
      seen.add(l);
      if (!sizes.has(l)) {
        throw new ValueError(
          `einstein sum subscripts string included output subscript '${ch}' which never appeared in an input`,
        );
      }
    }
    if (o.ellipsisAt < 0 && maxE > 0) {
      throw new ValueError(
        "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
      );
    }
    output =
      o.ellipsisAt < 0
        ? o.letters
        : [...o.letters.slice(0, o.ellipsisAt), ...ellipsisLabels, ...o.letters.slice(o.ellipsisAt)];
  }
  return { inputs, output, sizes };
}

function labelName(l: number): string {
  return l >= ELLIPSIS_BASE ? "'...'" : `'${String.fromCharCode(l)}'`;
}
