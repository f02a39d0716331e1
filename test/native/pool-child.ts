// Run by pool.test.ts in a child process with --expose-gc: exercises the addon's block pool
// across real garbage collections and prints one JSON line of findings for the parent to check.
import { hostOf } from "../../engine/src/core/host.js";
import { Tensor } from "../../engine/src/core/tensor.js";
import { nativeBinding } from "../../engine/src/backends/native/index.js";
import "tensorbook";
import type { NativeBinding, NativeMemory } from "@tensorbook/native";

const maybeGc = (globalThis as { gc?: () => void }).gc;
const raw = nativeBinding();
if (!maybeGc || !raw?.allocFloat || !raw.poolStats || !raw.poolTrim || !raw.poolConfig) {
  throw new Error("needs --expose-gc and the addon's pool");
}
const gc: () => void = maybeGc;
const b = raw as NativeBinding & NativeMemory;
const stats = b.poolStats.bind(b);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

/** Collects until `done()` holds (the sweeper may hand blocks back a moment after the GC). */
async function collectUntil(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    gc();
    if (done()) return true;
    await tick();
  }
  return false;
}

const N = 1 << 18; // 2 MiB of float64: pooled
const fill = (a: Float64Array, tag: number): void => {
  for (let i = 0; i < a.length; i++) a[i] = tag * 1e6 + i;
};
const holds = (a: Float64Array, tag: number): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== tag * 1e6 + i) return false;
  return true;
};

const out: Record<string, unknown> = {};

// 1. Recycling: 8 arrays, 4 kept, 4 dropped (one of them still reachable through a view);
//    after a GC new arrays reuse the dropped blocks and never disturb the kept ones or the view,
//    and all live arrays are independent.
function allocTagged(count: number, tag0: number): Float64Array[] {
  const arrays: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const a = b.allocFloat("float64", N);
    fill(a, tag0 + k);
    arrays.push(a);
  }
  return arrays;
}
function keepSome(): { kept: Float64Array[]; view: Float64Array } {
  const all = allocTagged(8, 0);
  // The view alone keeps block 1's buffer alive once `all` is gone.
  return { kept: all.filter((_, k) => k % 2 === 0), view: new Float64Array(all[1].buffer, 8 * 100, 50) };
}
{
  await collectUntil(() => stats().liveBlocks === 0);
  const s0 = stats();
  const { kept, view } = keepSome();
  const returned = await collectUntil(() => stats().freeBlocks - s0.freeBlocks >= 3);
  const s1 = stats();
  const fresh = allocTagged(3, 100);
  const s2 = stats();
  out.recycle = {
    returned,
    returnedBlocks: s1.freeBlocks - s0.freeBlocks,
    hits: s2.hits - s1.hits,
    keptIntact: kept.every((a, j) => holds(a, 2 * j)),
    freshIntact: fresh.every((a, j) => holds(a, 100 + j)),
    viewIntact: view.every((v, i) => v === 1e6 + 100 + i),
    distinct: new Set([...kept, ...fresh].map((a) => a.buffer)).size === kept.length + fresh.length,
  };
}

// 2. Views of engine results kept across many collections and many further ops.
{
  const n = 1 << 18;
  const x = Tensor.fromTypedArray(
    Float64Array.from({ length: n }, (_, i) => i),
    [n],
    "float64",
  );
  const y = Tensor.fromTypedArray(
    Float64Array.from({ length: n }, (_, i) => 2 * i),
    [n],
    "float64",
  );
  // Only a subarray of the result's storage is kept; the tensor and its full array are dropped.
  const sub = (hostOf(x.add(y)).data as Float64Array).subarray(1000, 1100);
  const expect = (i: number): number => 3 * (1000 + i);
  let intact = true;
  for (let r = 0; r < 40; r++) {
    for (let k = 0; k < 5; k++) x.mul(y).add(x); // results dropped at once
    gc();
    await tick();
    if (!sub.every((v, i) => v === expect(i))) intact = false;
  }
  out.views = { intact, hits: stats().hits };
}

// 3. A loop of 200 large ops with no forced collection: blocks come back through V8's own
//    collections, the number of new mappings and the memory held stay bounded, and results are right.
{
  const n = 1_000_000; // 8 MB float64
  const a = Tensor.fromTypedArray(
    Float64Array.from({ length: n }, (_, i) => (i % 7) - 3),
    [n],
    "float64",
  );
  const c = Tensor.fromTypedArray(
    Float64Array.from({ length: n }, (_, i) => i % 5),
    [n],
    "float64",
  );
  await collectUntil(() => stats().liveBlocks === 0);
  b.poolTrim(0);
  const s0 = stats();
  let peak = 0;
  let rightAll = true;
  for (let r = 0; r < 200; r++) {
    const t = a.mul(a).add(c);
    const s = stats();
    peak = Math.max(peak, s.liveBytes + s.freeBytes);
    if (r % 20 === 0) {
      const d = hostOf(t).data as Float64Array;
      for (let i = r; i < n; i += 9973) if (d[i] !== ((i % 7) - 3) ** 2 + (i % 5)) rightAll = false;
    }
  }
  const s1 = stats();
  out.loop = {
    allocations: s1.hits + s1.misses - s0.hits - s0.misses,
    misses: s1.misses - s0.misses,
    peakBytes: peak,
    right: rightAll,
  };
}

// 4. Trimming, and the limit on free bytes.
{
  const dropFour = (): void => void allocTagged(4, 200);
  dropFour();
  await collectUntil(() => stats().freeBlocks >= 4);
  const before = stats();
  const afterTrim = b.poolTrim(0);
  b.poolConfig({ maxFreeBytes: 5 << 20 }); // room for two 2 MiB blocks
  const s0 = stats();
  dropFour();
  await collectUntil(() => stats().unmapped - s0.unmapped >= 2);
  const capped = stats();
  b.poolConfig({ maxFreeBytes: before.maxFreeBytes });
  out.trim = {
    freeBefore: before.freeBlocks,
    freeAfterTrim: afterTrim.freeBlocks,
    freeBytesAfterTrim: afterTrim.freeBytes,
    cappedFreeBytes: capped.freeBytes,
    cappedFreeBlocks: capped.freeBlocks,
  };
}

process.stdout.write(JSON.stringify(out));
