import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summarise } from "../../extension/src/status/probe.js";

const reply = (info: unknown) => ({
  status: "ok",
  data: { "application/json": info, "text/plain": "backend" },
  metadata: {},
});

describe("backend status", () => {
  it("shows the native CPU backend with its ISA and threads", () => {
    const s = summarise(
      reply({
        backends: [
          { name: "js", state: "available", reason: "" },
          { name: "native-cpu", state: "in use", reason: "", isa: "avx2", threads: 8 },
          { name: "cuda", state: "unavailable", reason: "no GPU" },
        ],
        cpu: "AMD EPYC",
        threads: 8,
      }),
    );
    assert.equal(s?.label, "CPU · native (avx2) · 8 threads");
    assert.match(s?.detail ?? "", /CPU: AMD EPYC, 8 threads\n.*cuda: unavailable \(no GPU\)/s);
  });

  it("prefers a GPU in use and shows its memory", () => {
    const s = summarise(
      reply({
        backends: [
          { name: "js", state: "in use", reason: "" },
          { name: "cuda", state: "in use", reason: "", device: "NVIDIA H100", memory: 80 * 2 ** 30 },
        ],
      }),
    );
    assert.equal(s?.label, "GPU · NVIDIA H100 · 80 GB");
  });

  it("falls back to the TypeScript kernels and rejects other answers", () => {
    assert.equal(
      summarise(reply({ backends: [{ name: "js", state: "in use" }], threads: 2 }))?.label,
      "CPU · TypeScript kernels · 2 threads",
    );
    assert.equal(summarise({ status: "error", ename: "ReferenceError" }), null);
    assert.equal(summarise(reply(null)), null);
  });
});
