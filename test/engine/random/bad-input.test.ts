import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  IndexError,
  OverflowError,
  RandomState,
  ValueError,
  defaultRng,
} from "../../../engine/src/random/index.js";

/** Asserts `fn` throws `type` with a message starting with NumPy's words. */
function throwsLike(fn: () => unknown, type: new (...a: never[]) => Error, numpyWords: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`);
    assert.ok(
      (e as Error).message.startsWith(numpyWords),
      `message "${(e as Error).message}" should start with "${numpyWords}"`,
    );
    return true;
  });
}

describe("bad input is refused in NumPy's words, with what was expected", () => {
  const rs = new RandomState(0);

  it("seeds outside [0, 2**32 - 1], fractional, empty or nested", () => {
    throwsLike(() => rs.seed(-1), ValueError, "Seed must be between 0 and 2**32 - 1");
    throwsLike(() => rs.seed(2 ** 32), ValueError, "Seed must be between 0 and 2**32 - 1");
    throwsLike(() => rs.seed([1, -2]), ValueError, "Seed must be between 0 and 2**32 - 1");
    throwsLike(() => rs.seed(1.5), TypeError, "Cannot cast scalar from dtype('float64') to dtype('int64')");
    throwsLike(() => rs.seed([]), ValueError, "Seed must be non-empty");
    throwsLike(() => rs.seed([[1, 2]] as unknown as number[]), ValueError, "Seed array must be 1-d");
  });

  it("randint with high <= low, out-of-range dtype bounds", () => {
    throwsLike(() => rs.randint(5, 5), ValueError, "low >= high");
    throwsLike(() => rs.randint(0), ValueError, "high <= 0");
    throwsLike(() => rs.randint(-3), ValueError, "high <= 0");
    throwsLike(
      () => rs.randint(-1, 2, [2], { dtype: "uint8" }),
      ValueError,
      "low is out of bounds for uint8",
    );
    throwsLike(() => rs.randint(0, 3, [2], { dtype: "bool" }), ValueError, "high is out of bounds for bool");
    throwsLike(
      () => rs.randint(0, 2 ** 31 + 1, [2], { dtype: "int32" }),
      ValueError,
      "high is out of bounds for int32",
    );
    throwsLike(() => rs.randint(0, NaN), ValueError, "cannot convert float NaN to integer");
    throwsLike(() => rs.randint(0, 2 ** 60), ValueError, "randint bounds");
    throwsLike(() => defaultRng(0).integers(4, 4), ValueError, "low >= high");
    throwsLike(() => defaultRng(0).integers(4, 3, null, { endpoint: true }), ValueError, "low > high");
  });

  it("NumPy returns an empty array for a zero size before checking bounds", () => {
    const out = rs.randint(5, 5, [0]);
    assert.deepEqual(out.shape, [0]);
  });

  it("choice: p not summing to 1, bad p, sample larger than the population, bad a", () => {
    throwsLike(
      () => rs.choice(5, 3, { p: [0.1, 0.2, 0.3, 0.1, 0.1] }),
      ValueError,
      "probabilities do not sum to 1",
    );
    throwsLike(() => rs.choice(3, null, { p: [0.5, 0.5] }), ValueError, "'a' and 'p' must have same size");
    throwsLike(
      () => rs.choice(3, null, { p: [-0.5, 0.5, 1] }),
      ValueError,
      "probabilities are not non-negative",
    );
    throwsLike(() => rs.choice(3, null, { p: [NaN, 0.5, 1] }), ValueError, "probabilities contain NaN");
    throwsLike(
      () => rs.choice(5, 6, { replace: false }),
      ValueError,
      "Cannot take a larger sample than population when 'replace=False'",
    );
    throwsLike(
      () => rs.choice(3, 3, { replace: false, p: [0, 0.5, 0.5] }),
      ValueError,
      "Fewer non-zero entries in p than size",
    );
    throwsLike(() => rs.choice(2.5), ValueError, "a must be 1-dimensional or an integer");
    throwsLike(() => rs.choice(0), ValueError, "a must be greater than 0 unless no samples are taken");
    throwsLike(() => rs.choice([]), ValueError, "'a' cannot be empty unless no samples are taken");
    throwsLike(
      () => rs.choice({ data: new Float64Array(4), shape: [2, 2], dtype: "float64" }),
      ValueError,
      "a must be 1-dimensional",
    );
    throwsLike(
      () => defaultRng(0).choice(5, 6, { replace: false }),
      ValueError,
      "Cannot take a larger sample",
    );
  });

  it("binomial: NumPy truncates a fractional n (documented) but refuses NaN, negative n and p outside [0, 1]", () => {
    assert.deepEqual(
      new RandomState(5).binomial(12.7, 0.5, 4).data,
      new RandomState(5).binomial(12, 0.5, 4).data,
    );
    throwsLike(() => rs.binomial(NaN, 0.5), ValueError, "cannot convert float NaN to integer");
    throwsLike(() => rs.binomial(-1, 0.5), ValueError, "n < 0");
    throwsLike(() => rs.binomial(5, 1.5), ValueError, "p < 0, p > 1 or p is NaN");
    throwsLike(() => rs.binomial(5, NaN), ValueError, "p < 0, p > 1 or p is NaN");
  });

  it("dimensions must be non-negative integers", () => {
    throwsLike(() => rs.rand(2.5), TypeError, "'float' object cannot be interpreted as an integer");
    throwsLike(() => rs.rand(-1), ValueError, "negative dimensions are not allowed");
    throwsLike(() => rs.randn(2, -1), ValueError, "negative dimensions are not allowed");
    throwsLike(() => rs.random(-1), ValueError, "negative dimensions are not allowed");
    throwsLike(() => rs.random(2.5), TypeError, "size must be an int or a tuple of ints");
  });

  it("permutation of a non-integer or a 0-d array", () => {
    throwsLike(() => rs.permutation(2.5), IndexError, "x must be an integer or at least 1-dimensional");
    throwsLike(
      () => rs.permutation({ data: new Float64Array([1]), shape: [], dtype: "float64" }),
      IndexError,
      "x must be an integer or at least 1-dimensional",
    );
    assert.deepEqual(rs.permutation(-3).shape, [0]);
  });

  it("distribution parameters", () => {
    throwsLike(() => rs.normal(0, -1), ValueError, "scale < 0");
    throwsLike(() => rs.exponential(-1), ValueError, "scale < 0");
    throwsLike(() => rs.poisson(-1), ValueError, "lam < 0 or lam is NaN");
    throwsLike(() => rs.poisson(1e19), ValueError, "lam value too large");
    throwsLike(() => rs.uniform(0, Infinity), OverflowError, "Range exceeds valid bounds");
  });

  it("multivariateNormal shapes and covariance checks", () => {
    throwsLike(
      () => rs.multivariateNormal([0, 0], [[1, 0]]),
      ValueError,
      "cov must be 2 dimensional and square",
    );
    throwsLike(
      () =>
        rs.multivariateNormal(
          [0, 0, 0],
          [
            [1, 0],
            [0, 1],
          ],
        ),
      ValueError,
      "mean and cov must have same length",
    );
    throwsLike(
      () =>
        rs.multivariateNormal({ data: new Float64Array(2), shape: [1, 2], dtype: "float64" }, [
          [1, 0],
          [0, 1],
        ]),
      ValueError,
      "mean must be 1 dimensional",
    );
    throwsLike(
      () =>
        rs.multivariateNormal(
          [0, 0],
          [
            [1, 2],
            [2, 1],
          ],
          null,
          { checkValid: "raise" },
        ),
      ValueError,
      "covariance is not symmetric positive-semidefinite.",
    );
  });

  it("integer results: int32 data when the bounds fit, float64 beyond (exact to 2**53)", () => {
    assert.equal(rs.randint(0, 10, [3]).dtype, "int32");
    assert.equal(rs.randint(0, 2 ** 40, [3]).dtype, "float64");
    assert.equal(rs.randint(0, 2, [3], { dtype: "bool" }).dtype, "bool");
    assert.equal(rs.binomial(10, 0.5, [3]).dtype, "int32");
  });
});
