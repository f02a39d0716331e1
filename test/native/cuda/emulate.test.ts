// The CUDA C that NVRTC compiles on a GPU machine, compiled here by g++ under an emulation
// prelude (emulate/prelude.h) and run one simulated thread at a time against plain loops
// (emulate/checks.cc): indexing, broadcasting, padding and NaN rules of every kernel family,
// and Philox's published known answer. It cannot check the GPU's arithmetic or speed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { binding, needsAddon } from "../helpers.js";
import { haveGxx } from "./helpers.js";

const here = fileURLToPath(new URL("./emulate/", import.meta.url));
const skip = needsAddon.skip ?? (haveGxx ? undefined : "g++ is not available to compile the kernel source");

describe("CUDA kernel source on the CPU (emulated threads)", { skip }, () => {
  for (const dtype of ["float32", "float64"] as const) {
    it(`${dtype}: compiles with g++ and every kernel family matches plain loops`, () => {
      const dir = mkdtempSync(join(tmpdir(), "tb-cuda-emu-"));
      const src = join(dir, "all.cc");
      writeFileSync(
        src,
        binding!.cudaKernelSource(dtype) + "\n" + readFileSync(join(here, "checks.cc"), "utf8"),
      );
      const exe = join(dir, "checks");
      const c = spawnSync(
        "g++",
        ["-std=c++17", "-O1", "-include", join(here, "prelude.h"), "-x", "c++", src, "-o", exe],
        {
          encoding: "utf8",
        },
      );
      assert.equal(c.status, 0, c.stderr);
      const r = spawnSync(exe, { encoding: "utf8" });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      for (const name of [
        "philox",
        "binary-broadcast",
        "unary-strided",
        "reduce",
        "softmax",
        "conv-im2col",
        "pooling",
        "optimizers",
        "random",
      ]) {
        assert.match(r.stdout, new RegExp(`^ok ${name}$`, "m"));
      }
    });
  }
});
