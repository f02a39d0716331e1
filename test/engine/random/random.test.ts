import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  RandomState,
  defaultRng,
  globalRandomState,
  rand,
  randn,
  seed,
} from "../../../engine/src/random/index.js";
import { LOG_BASED, assertSame, assertSameUpToLibm, hexOf, invoke, loadFixture } from "./helpers.js";

const fixture = loadFixture();

describe(`np.random legacy RandomState streams equal NumPy ${fixture.numpy}'s bit for bit`, () => {
  const [long] = fixture.legacy.filter((c) => c.seed === 2024);
  for (const c of fixture.legacy.filter((x) => x !== long)) {
    it(`seed ${JSON.stringify(c.seed)}: ${c.calls.length} successive calls, every value bit-identical`, () => {
      const rs = new RandomState(c.seed);
      c.calls.forEach((call, i) => {
        const where = `seed ${JSON.stringify(c.seed)}, call ${i} ${call.m}(${JSON.stringify(call.a)}${call.o ? ", " + JSON.stringify(call.o) : ""})`;
        assertSame(invoke(rs, call), c.results[i], where);
      });
    });
  }

  it("long streams (seed 2024, ~8000 values): bit-identical, log-based values up to libm rounding", (t) => {
    const rs = new RandomState(long.seed);
    long.calls.forEach((call, i) => {
      const where = `seed 2024, call ${i} ${call.m}`;
      const out = invoke(rs, call);
      if (LOG_BASED.has(call.m)) {
        const n = assertSameUpToLibm(out, long.results[i], where);
        t.diagnostic(
          `${call.m}: ${n} of ${long.results[i].hex?.length} values differ from NumPy-on-glibc by 1-2 ulp`,
        );
      } else {
        assertSame(out, long.results[i], where);
      }
    });
  });

  it("the module-level functions share one seeded instance, like np.random.seed", () => {
    seed(42);
    const a = rand(3);
    assert.deepEqual(Array.from(a.data), [0.3745401188473625, 0.9507143064099162, 0.7319939418114051]);
    assert.equal(typeof randn(), "number");
    seed(42);
    assert.equal(globalRandomState().rand(), 0.3745401188473625);
  });

  it("getState/setState round-trip, including the cached normal", () => {
    const rs = new RandomState(fixture.state.seed);
    rs.randn(1);
    const st = rs.getState();
    assert.equal(st.pos, fixture.state.pos);
    assert.equal(st.hasGauss, fixture.state.hasGauss);
    assert.equal(hexOf(st.cachedGaussian), fixture.state.cachedGaussian);
    assert.equal(st.key[0], fixture.state.key0);
    assert.equal(st.key[623], fixture.state.key623);
    const next = rs.randn(5).data;
    const other = new RandomState(0);
    other.setState(st);
    assert.deepEqual(other.randn(5).data, next);
  });

  it("reseeding resets the cached normal", () => {
    const rs = new RandomState(3);
    rs.randn(1);
    rs.seed(3);
    const fresh = new RandomState(3);
    assert.deepEqual(rs.randn(4).data, fresh.randn(4).data);
  });

  it("seed(null) draws OS entropy and still gives valid doubles", () => {
    const a = new RandomState();
    const b = new RandomState(null);
    const x = a.rand(4).data;
    assert.ok(x.every((v) => v >= 0 && v < 1));
    assert.notDeepEqual(x, b.rand(4).data);
  });
});

describe("multivariateNormal", () => {
  it("matches NumPy to rounding for a non-diagonal covariance (signs agree with LAPACK here)", () => {
    const m = fixture.multivariateNormal;
    const got = new RandomState(m.seed).multivariateNormal(m.mean, m.cov, m.size);
    assert.deepEqual(got.shape, [4, 2]);
    got.data.forEach((v, i) =>
      assert.ok(Math.abs(v - m.values[i]) < 1e-12, `value ${i}: ${v} vs ${m.values[i]}`),
    );
  });

  it("has the requested mean and covariance (statistics of 20000 draws)", () => {
    const cov = [
      [2, 0.8, -0.3],
      [0.8, 1, 0.2],
      [-0.3, 0.2, 0.5],
    ];
    const mean = [1, -2, 0.5];
    const n = 20000;
    const x = new RandomState(11).multivariateNormal(mean, cov, n).data;
    for (let i = 0; i < 3; i++) {
      let mu = 0;
      for (let r = 0; r < n; r++) mu += x[r * 3 + i];
      mu /= n;
      assert.ok(Math.abs(mu - mean[i]) < 0.05, `mean ${i}: ${mu}`);
      for (let j = 0; j < 3; j++) {
        let c = 0;
        let mj = 0;
        for (let r = 0; r < n; r++) mj += x[r * 3 + j];
        mj /= n;
        for (let r = 0; r < n; r++) c += (x[r * 3 + i] - mu) * (x[r * 3 + j] - mj);
        c /= n - 1;
        assert.ok(Math.abs(c - cov[i][j]) < 0.06, `cov[${i}][${j}]: ${c}`);
      }
    }
  });

  it("uses an injected SVD when given", () => {
    let called = 0;
    const out = new RandomState(1).multivariateNormal(
      [0, 0],
      [
        [4, 0],
        [0, 1],
      ],
      2,
      {
        svd: (_c, n) => {
          called++;
          const vh = new Float64Array(n * n);
          for (let i = 0; i < n; i++) vh[i * n + i] = 1;
          return { s: new Float64Array([4, 1]), vh };
        },
      },
    );
    assert.equal(called, 1);
    assert.deepEqual(
      out.data,
      new RandomState(1).multivariateNormal(
        [0, 0],
        [
          [4, 0],
          [0, 1],
        ],
        2,
      ).data,
    );
  });
});

describe(`defaultRng: NumPy's Generator(PCG64) streams, bit for bit`, () => {
  for (const c of fixture.generator) {
    it(`default_rng(${JSON.stringify(c.seed)}): ${c.calls.length} successive calls`, () => {
      const g = defaultRng(c.seed);
      c.calls.forEach((call, i) => {
        const where = `default_rng(${JSON.stringify(c.seed)}), call ${i} ${call.m}(${JSON.stringify(call.a)})`;
        assertSame(invoke(g, call), c.results[i], where);
      });
    });
  }
});
