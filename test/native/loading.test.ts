// Safe loading: a broken or crashing binary is caught in a child process and reported, the
// engine falls back to its TypeScript kernels, and backendInfo says which backend runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { probeAddon } from "@tensorbook/native";
import { backendInfo } from "tensorbook";
import { needsAddon } from "./helpers.js";

function engineInChild(env: Record<string, string>): { info: unknown; stderr: string } {
  const script = `import("tensorbook").then((m) => process.stdout.write(JSON.stringify(m.backendInfo())))`;
  const r = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return { info: JSON.parse(r.stdout), stderr: r.stderr };
}

describe("native addon loading", () => {
  const dir = mkdtempSync(join(tmpdir(), "tb-native-"));

  it("reports a missing file, a file that is not an addon, and one that crashes its process", () => {
    try {
      const missing = probeAddon(join(dir, "none.node"));
      assert.equal(missing.available, false);
      assert.match(missing.reason, /not built/);

      const garbage = join(dir, "garbage.node");
      writeFileSync(garbage, "this is not a shared library");
      const bad = probeAddon(garbage);
      assert.equal(bad.available, false);
      assert.match(bad.reason, /failed to load/);

      // Stands in for a binary that dies on load (an illegal instruction, a bad build).
      const crashing = join(dir, "crash.js");
      writeFileSync(crashing, "process.kill(process.pid, 'SIGSEGV');");
      const crashed = probeAddon(crashing);
      assert.equal(crashed.available, false);
      assert.match(crashed.reason, /crashed a test process \(SIGSEGV\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("backendInfo lists every backend with its state, ISA and threads", () => {
    const info = backendInfo();
    assert.deepEqual(
      info.map((b) => b.name),
      ["js", "native-cpu", "cuda"],
    );
    assert.equal(info.filter((b) => b.state === "in use").length >= 1, true);
    const native = info[1];
    if (native.state === "in use") {
      assert.match(native.isa ?? "", /^(generic|avx2|avx512)$/);
      assert.ok((native.threads ?? 0) >= 1);
      assert.equal(info[0].state, "available");
    } else {
      assert.equal(info[0].state, "in use");
      assert.ok(native.reason.length > 0);
    }
  });

  it("TENSORBOOK_NATIVE=0 keeps the TypeScript kernels and says why", needsAddon, () => {
    const { info } = engineInChild({ TENSORBOOK_NATIVE: "0" });
    const [js, native] = info as { state: string; reason: string }[];
    assert.equal(js.state, "in use");
    assert.equal(native.state, "available");
    assert.match(native.reason, /TENSORBOOK_NATIVE=0/);
  });

  it("TENSORBOOK_NUM_THREADS sizes the kernel pool", needsAddon, () => {
    const { info } = engineInChild({ TENSORBOOK_NUM_THREADS: "3" });
    assert.equal((info as { threads?: number }[])[1].threads, 3);
  });
});
