import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summarise } from "../../extension/src/status/probe.js";
import { ProbeSchedule } from "../../extension/src/status/schedule.js";

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

describe("when the status bar asks again", () => {
  it("after a start, a restart and each run of user code, never because of its own probe", () => {
    const s = new ProbeSchedule();
    const seq = (steps: [string, string][]): boolean[] => steps.map(([id, st]) => s.onStatus(id, st));
    assert.deepEqual(
      seq([
        ["k", "starting"],
        ["k", "idle"],
      ]),
      [false, true],
    );
    // The probe's own busy/idle: no new ask.
    s.started("k");
    assert.deepEqual(
      seq([
        ["k", "busy"],
        ["k", "idle"],
      ]),
      [false, false],
    );
    s.finished("k");
    assert.equal(s.onStatus("k", "idle"), false);
    // A cell ran (it may have called tb.setDevice("cuda")): ask once it is idle, once.
    assert.deepEqual(
      seq([
        ["k", "busy"],
        ["k", "idle"],
        ["k", "idle"],
      ]),
      [false, true, false],
    );
    // Busy while a probe is out is the probe; a restart marks the kernel again.
    assert.deepEqual(
      seq([
        ["k", "restarting"],
        ["j", "busy"],
        ["k", "idle"],
        ["j", "idle"],
      ]),
      [false, false, true, true],
    );
  });

  it("labels the GPU by its name and memory from backendInfo's cuda row", () => {
    const s = summarise(
      reply({
        backends: [
          { name: "native-cpu", state: "available", reason: "" },
          {
            name: "cuda",
            state: "in use",
            reason: "",
            device: "Fake GPU",
            memory: 2 ** 30,
            details: "1.0 GiB, 1.0 GiB free, compute capability 8.0",
          },
        ],
      }),
    );
    assert.equal(s?.label, "GPU · Fake GPU · 1 GB");
  });
});
