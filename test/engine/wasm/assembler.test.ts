import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assemble, Locals, sleb, uleb, ValType } from "../../../engine/src/wasm/assembler.js";
import {
  code,
  ConstPool,
  f64,
  f64x2,
  i32,
  local,
  v128,
  whileBelow,
} from "../../../engine/src/wasm/instructions.js";
import { instantiate } from "../../../engine/src/wasm/runtime.js";

describe("wasm assembler", () => {
  it("encodes LEB128 as the binary format does", () => {
    assert.deepEqual(uleb(0), [0]);
    assert.deepEqual(uleb(127), [0x7f]);
    assert.deepEqual(uleb(128), [0x80, 0x01]);
    assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
    assert.deepEqual(sleb(-1), [0x7f]);
    assert.deepEqual(sleb(63), [0x3f]);
    assert.deepEqual(sleb(64), [0xc0, 0x00]);
    assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
  });

  it("assembles a module with locals, loops, SIMD and pooled constants that runs", (t) => {
    // sum2(p, n): sum of n float64 at p, two lanes at a time, times a pooled 0.5 constant · 2.
    const params = [ValType.i32, ValType.i32];
    const loc = new Locals(params);
    const pool = new ConstPool(loc);
    const end = loc.add(ValType.i32);
    const acc = loc.add(ValType.v128);
    const body = code(
      code(local.get(0), local.get(1), i32.const(8), i32.mul(), i32.add(), local.set(end)),
      whileBelow(0, end, 16, code(local.get(acc), local.get(0), v128.load(), f64x2.add(), local.set(acc))),
      code(local.get(acc), pool.float(f64x2, 0.5), f64x2.mul(), local.set(acc)),
      code(local.get(acc), f64x2.extractLane(0), local.get(acc), f64x2.extractLane(1), f64.add()),
      code(f64.const(2), f64.mul()),
    );
    const fn = {
      name: "sum2",
      params,
      results: [ValType.f64],
      locals: loc.types,
      body: code(pool.prologue(), body),
    };
    const ex = instantiate({ functions: [fn], pages: 1 });
    if (!ex) {
      t.skip("WebAssembly SIMD unavailable or disabled");
      return;
    }
    const mem = new Float64Array((ex.mem as { buffer: ArrayBuffer }).buffer);
    mem.set([1, 2, 3, 4, 5, 6]);
    assert.equal((ex.sum2 as (p: number, n: number) => number)(0, 6), 21);
    assert.ok(assemble({ functions: [fn], pages: 1 }).length > 8);
  });
});
