// The addon's recycling block pool for large results (native/src/mem/pool.h): arrays it hands
// out, its statistics and limits, the engine's use of it, and — in a child process with
// --expose-gc (pool-child.ts) — recycling across real collections: blocks come back only when no
// array or view of them is reachable, reused blocks never disturb live arrays, and a loop of 200
// large ops reuses blocks and keeps its memory bounded.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { NativeBinding, NativeMemory } from "@tensorbook/native";
import { describe, it } from "node:test";
import { uninitializedFloat, POOL_MIN_BYTES } from "../../engine/src/backends/native/alloc.js";
import { nativeBinding } from "../../engine/src/backends/native/index.js";
import { addon, needsAddon } from "./helpers.js";

interface ChildReport {
  recycle: {
    returned: boolean;
    returnedBlocks: number;
    hits: number;
    keptIntact: boolean;
    freshIntact: boolean;
    viewIntact: boolean;
    distinct: boolean;
  };
  views: { intact: boolean; hits: number };
  loop: { allocations: number; misses: number; peakBytes: number; right: boolean };
  trim: {
    freeBefore: number;
    freeAfterTrim: number;
    freeBytesAfterTrim: number;
    cappedFreeBytes: number;
    cappedFreeBlocks: number;
  };
}

describe("native block pool", needsAddon, () => {
  it("hands out arrays of the asked type and length, and rejects bad requests", () => {
    const raw: NativeBinding = addon();
    assert.ok(raw.allocFloat && raw.poolStats && raw.poolConfig, "this build has the pool");
    const b = raw as NativeBinding & NativeMemory;
    const s0 = b.poolStats();
    const f = b.allocFloat("float32", 300_001);
    const d = b.allocFloat("float64", 300_001);
    assert.ok(f instanceof Float32Array && d instanceof Float64Array);
    assert.equal(f.length, 300_001);
    assert.equal(d.length, 300_001);
    assert.equal(d.buffer.byteLength, 8 * 300_001);
    f.fill(1.5);
    d.fill(-2);
    assert.equal(f[300_000], 1.5);
    assert.equal(d[0], -2);
    const s1 = b.poolStats();
    assert.equal(s1.hits + s1.misses - s0.hits - s0.misses, 2);
    assert.ok(s1.liveBlocks >= 2 && s1.liveBytes >= 12 * 300_001);
    assert.throws(() => b.allocFloat("int32" as "float32", 10), /dtype must be "float32" or "float64"/);
    assert.throws(() => b.allocFloat("float64", 0), /n must be a positive integer/);
    assert.throws(() => b.allocFloat("float64", 2.5), /n must be a positive integer/);
    assert.throws(() => b.poolConfig({ maxFreeBytes: -1 }), /maxFreeBytes must be >= 0/);
  });

  it("provides the engine's large uninitialized results, not the small ones", () => {
    const b = nativeBinding();
    assert.ok(b?.poolStats, "the engine uses the addon in this test run");
    const count = (): number => b.poolStats!().hits + b.poolStats!().misses;
    const c0 = count();
    const big = uninitializedFloat("float64", POOL_MIN_BYTES / 8);
    assert.equal(count(), c0 + 1);
    const small = uninitializedFloat("float32", POOL_MIN_BYTES / 4 - 1);
    assert.equal(count(), c0 + 1);
    assert.equal(big.length, POOL_MIN_BYTES / 8);
    assert.equal(small.length, POOL_MIN_BYTES / 4 - 1);
  });

  it("recycles blocks across collections without touching live arrays or views", () => {
    const child = fileURLToPath(new URL("./pool-child.ts", import.meta.url));
    const r = spawnSync(process.execPath, ["--expose-gc", "--conditions=source", "--import", "tsx", child], {
      encoding: "utf8",
      env: { ...process.env, TENSORBOOK_NATIVE: "1" },
    });
    assert.equal(r.status, 0, r.stderr);
    const rep = JSON.parse(r.stdout) as ChildReport;

    // 4 of 8 arrays dropped, one of those still seen through a view: exactly 3 blocks return.
    assert.equal(rep.recycle.returned, true);
    assert.equal(rep.recycle.returnedBlocks, 3, "a block behind a live view must not return");
    assert.equal(rep.recycle.hits, 3, "the next 3 arrays reuse them");
    assert.equal(rep.recycle.keptIntact, true, "kept arrays were overwritten");
    assert.equal(rep.recycle.freshIntact, true, "reused arrays share storage");
    assert.equal(rep.recycle.viewIntact, true, "a view outliving its array was overwritten");
    assert.equal(rep.recycle.distinct, true);

    // A subarray of an op's result, kept through 40 collections and 200 further ops.
    assert.equal(rep.views.intact, true);
    assert.ok(rep.views.hits > 0, "the ops in between reused blocks");

    // 200 × (a*a + c) on 8 MB arrays with V8's own collections only.
    assert.equal(rep.loop.right, true);
    assert.equal(rep.loop.allocations, 400);
    assert.ok(rep.loop.misses <= 100, `only ${400 - rep.loop.misses} of 400 results reused a block`);
    assert.ok(
      rep.loop.peakBytes <= 640 * 2 ** 20,
      `the pool held ${rep.loop.peakBytes} bytes at its peak (400 results of 8 MB were made)`,
    );

    assert.ok(rep.trim.freeBefore >= 4);
    assert.equal(rep.trim.freeAfterTrim, 0);
    assert.equal(rep.trim.freeBytesAfterTrim, 0);
    assert.equal(rep.trim.cappedFreeBlocks, 2, "maxFreeBytes of 5 MiB keeps two 2 MiB blocks");
    assert.ok(rep.trim.cappedFreeBytes <= 5 << 20);
  });
});
