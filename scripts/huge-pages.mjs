// Large typed arrays cost most of their time in page faults: 10^7 float64s are ~20,000 faults of
// 4 KiB pages. glibc (2.35+) can ask the kernel for transparent huge pages on its large
// allocations, where V8's array buffers come from; NumPy does the same for its arrays. This
// returns an environment for child Node processes with that turned on (kept if already set).
// Kept after the native result pool (measured: the TypeScript kernels take half the time with it;
// see docs/native.md, "The result pool and the huge-pages decision").
export function withHugePages(env) {
  if (process.platform !== "linux" || env.GLIBC_TUNABLES) return env;
  return { ...env, GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" };
}
