// Shared by the CUDA tests that run without a GPU: building the fake NVIDIA libraries
// (fakes/fake_cuda.cc) with g++, and running node with the addon under chosen env vars (the
// addon starts CUDA once per process, so each scenario gets its own process).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Whether g++ is here (the fakes and the emulation need it). */
export const haveGxx = spawnSync("g++", ["--version"]).status === 0;

/** Builds the fake libraries once per test file; returns their paths by flavour. */
export function buildFakes(): Record<
  "noInit" | "noDevice" | "old" | "partial" | "full" | "cublas" | "nvrtc",
  string
> {
  const dir = mkdtempSync(join(tmpdir(), "tb-fake-cuda-"));
  const flavours = {
    noInit: "FAKE_NO_INIT",
    noDevice: "FAKE_INIT_ERROR=100",
    old: "FAKE_VERSION=10020",
    partial: "FAKE_VERSION=12040",
    full: "FAKE_FULL",
    cublas: "FAKE_CUBLAS",
    nvrtc: "FAKE_NVRTC",
  } as const;
  const out = {} as Record<keyof typeof flavours, string>;
  for (const [name, flag] of Object.entries(flavours) as [keyof typeof flavours, string][]) {
    const lib = join(dir, `${name}.so`);
    const r = spawnSync(
      "g++",
      ["-shared", "-fPIC", "-O1", `-D${flag}`, join(here, "fakes", "fake_cuda.cc"), "-o", lib],
      {
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`building the fake ${name} library failed:\n${r.stderr}`);
    out[name] = lib;
  }
  return out;
}

/** Env vars that point the loader at the fake libraries (and turn the kernel disk cache off). */
export function fakeEnv(cuda: string, cublas?: string, nvrtc?: string): Record<string, string> {
  return {
    TENSORBOOK_CUDA_LIBCUDA: cuda,
    TENSORBOOK_CUDA_LIBCUBLAS: cublas ?? "/nonexistent/libcublas.so.12",
    TENSORBOOK_CUDA_LIBNVRTC: nvrtc ?? "/nonexistent/libnvrtc.so.12",
    TENSORBOOK_CUDA_CACHE: "",
  };
}

/** Runs a TypeScript/ESM snippet with the workspace's sources; returns stdout, stderr, status. */
export function runNode(
  script: string,
  env: Record<string, string>,
): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", "--input-type=module", "-e", script],
    {
      encoding: "utf8",
      env: { ...process.env, ...env },
      cwd: join(here, "..", "..", ".."),
    },
  );
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
