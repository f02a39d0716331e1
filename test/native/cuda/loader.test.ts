// The CUDA loader's error paths and host-side machinery, without a GPU: the addon is pointed at
// fake NVIDIA libraries built here with g++ (a missing file, a library without cuInit, a driver
// that finds no device, one too old, one lacking entry points, a whole fake driver with
// malloc-backed "device memory" but no cuBLAS or NVRTC...).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { binding, needsAddon } from "../helpers.js";
import { buildFakes, fakeEnv, haveGxx, runNode } from "./helpers.js";

const skip =
  needsAddon.skip ?? (haveGxx ? undefined : "g++ is not available to build the fake CUDA libraries");

const STATUS = `import { probeNative } from "@tensorbook/native";
process.stdout.write(JSON.stringify(probeNative().binding.cudaStatus()));`;

function status(env: Record<string, string>): { available: boolean; reason: string; name?: string } {
  const r = runNode(STATUS, env);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { available: boolean; reason: string; name?: string };
}

describe("CUDA loader (fake libraries)", { skip }, () => {
  const fakes = skip ? undefined : buildFakes();
  const f = () => fakes as NonNullable<typeof fakes>;

  it("this machine: reports CUDA unavailable or describes the GPU, never throws", () => {
    const s = binding!.cudaStatus();
    if (s.available) assert.ok(s.name);
    else assert.match(s.reason, /NVIDIA driver|CUDA device|cuBLAS|NVRTC|driver too old/);
  });

  it("a driver path that does not exist: no NVIDIA driver found", () => {
    const s = status(fakeEnv("/nonexistent/libcuda.so.1"));
    assert.equal(s.available, false);
    assert.match(
      s.reason,
      /^no NVIDIA driver found \(\/nonexistent\/libcuda\.so\.1 from TENSORBOOK_CUDA_LIBCUDA not loadable: /,
    );
  });

  it("a shared library without cuInit", () => {
    const s = status(fakeEnv(f().noInit));
    assert.match(s.reason, /lacks cuInit \(not a CUDA driver library\)/);
  });

  it("a driver whose cuInit finds no device", () => {
    const s = status(fakeEnv(f().noDevice));
    assert.match(s.reason, /the NVIDIA driver found no CUDA device: .*CUresult 100/);
  });

  it("a driver older than CUDA 11", () => {
    assert.equal(status(fakeEnv(f().old)).reason, "driver too old: CUDA 11.x needed, found 10.2");
  });

  it("a driver lacking entry points names them", () => {
    assert.match(
      status(fakeEnv(f().partial)).reason,
      /lacks cuDeviceGetCount, cuDeviceGet, .*cuLaunchKernel/,
    );
  });

  it("a driver and device but no cuBLAS, then no NVRTC", () => {
    assert.match(
      status(fakeEnv(f().full)).reason,
      /^cuBLAS not found \(\/nonexistent\/libcublas\.so\.12 from TENSORBOOK_CUDA_LIBCUBLAS/,
    );
    assert.match(
      status(fakeEnv(f().full, f().cublas)).reason,
      /^NVRTC not found \(\/nonexistent\/libnvrtc\.so\.12/,
    );
  });

  it("a whole fake stack: device info, allocator cache, staged and direct copies, clear kernel errors", () => {
    const script = `import { probeNative } from "@tensorbook/native";
const b = probeNative().binding;
const out = { status: b.cudaStatus() };
// 3 MiB goes through the pinned staging buffers (chunks of 4 MiB: one partial chunk), 9 MiB
// through three chunks, 1 KiB straight.
for (const n of [256, 3 << 18, 9 << 18 | 5]) {
  const id = b.cudaAlloc(n * 4);
  const x = Float32Array.from({ length: n }, (_, i) => i * 0.5);
  b.cudaUpload(id, x);
  const y = new Float32Array(n);
  b.cudaDownload(id, y);
  if (y.some((v, i) => v !== x[i])) throw new Error("round trip of " + n + " floats differs");
  b.cudaFree(id);
}
out.afterFree = b.cudaMemory();
const again = b.cudaAlloc(3 << 20);
out.reused = b.cudaMemory();
try { b.cudaFree(again); b.cudaFree(again); } catch (e) { out.doubleFree = e.message; }
try { b.cudaUnary("exp", "float32", b.cudaAlloc(16), b.cudaAlloc(16), 0, [1], [4], 0); } catch (e) { out.kernel = e.message; }
// 16 bytes round up to a 512-byte block: 200 floats from element 100 reach past it.
try { const s = b.cudaAlloc(16); b.cudaUnary("exp", "float32", s, s, 100, [1], [100], 0); } catch (e) { out.bounds = e.message; }
try { b.cudaAlloc(2 ** 31); } catch (e) { out.oom = e.message; }
b.cudaEmptyCache();
out.emptied = b.cudaMemory();
process.stdout.write(JSON.stringify(out));`;
    const r = runNode(script, fakeEnv(f().full, f().cublas, f().nvrtc));
    assert.equal(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout) as Record<string, Record<string, unknown> | string>;
    const st = o.status as Record<string, unknown>;
    assert.equal(st.available, true);
    assert.equal(st.name, "Fake GPU");
    assert.equal(st.computeCapability, "8.0");
    assert.equal(st.driverVersion, "12.4");
    const freed = o.afterFree as Record<string, number>;
    assert.equal(freed.inUse, 0);
    assert.ok(freed.cached >= 9 << 20, "freed blocks stay cached");
    const reused = o.reused as Record<string, number>;
    assert.equal(reused.cached, freed.cached - (4 << 20), "a 3 MiB request reuses the cached 4 MiB block");
    assert.match(o.doubleFree as string, /already freed/);
    assert.match(o.kernel as string, /NVRTC failed to compile the kernels for --gpu-architecture=compute_80/);
    assert.match(o.bounds as string, /reaches outside its array/);
    assert.match(o.oom as string, /^out of GPU memory: asked for 2048 MiB/);
    assert.equal((o.emptied as Record<string, number>).cached, 0);
  });
});
