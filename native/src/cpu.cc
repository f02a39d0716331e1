#include "cpu.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define TB_X86 1
#endif

namespace tb {
namespace {

#ifdef TB_X86
void cpuid(unsigned leaf, unsigned sub, unsigned r[4]) {
  __cpuid_count(leaf, sub, r[0], r[1], r[2], r[3]);
}

// XGETBV(0): which register states the OS saves on context switches. A CPU may report AVX-512
// while the OS (or a hypervisor) does not enable it; using it then faults.
unsigned long long xcr0() {
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<unsigned long long>(hi) << 32) | lo;
}

// Deterministic cache parameters: leaf 4 on Intel, 0x8000001D on AMD (same layout).
void read_caches(unsigned leaf, CpuInfo& info) {
  for (unsigned sub = 0; sub < 16; sub++) {
    unsigned r[4];
    cpuid(leaf, sub, r);
    unsigned type = r[0] & 0x1f;
    if (type == 0) break;
    unsigned level = (r[0] >> 5) & 0x7;
    long ways = ((r[1] >> 22) & 0x3ff) + 1;
    long parts = ((r[1] >> 12) & 0x3ff) + 1;
    long line = (r[1] & 0xfff) + 1;
    long sets = static_cast<long>(r[2]) + 1;
    long size = ways * parts * line * sets;
    if (level == 1 && type == 1) info.l1d = size;  // data cache
    if (level == 2 && type != 2) info.l2 = size;
    if (level == 3 && type != 2) info.l3 = size;
  }
}
#endif

CpuInfo detect() {
  CpuInfo info;
#ifdef TB_X86
  unsigned r[4];
  cpuid(0, 0, r);
  unsigned max_leaf = r[0];
  char vendor[13];
  std::memcpy(vendor, &r[1], 4);
  std::memcpy(vendor + 4, &r[3], 4);
  std::memcpy(vendor + 8, &r[2], 4);
  vendor[12] = 0;
  info.vendor = vendor;
  cpuid(0x80000000u, 0, r);
  unsigned max_ext = r[0];
  if (max_ext >= 0x80000004u) {
    char brand[49] = {0};
    for (unsigned i = 0; i < 3; i++) cpuid(0x80000002u + i, 0, reinterpret_cast<unsigned*>(brand + 16 * i));
    info.brand = brand;
    while (!info.brand.empty() && info.brand.back() == ' ') info.brand.pop_back();
    while (!info.brand.empty() && info.brand.front() == ' ') info.brand.erase(0, 1);
  }
  cpuid(1, 0, r);
  bool osxsave = (r[2] >> 27) & 1, fma = (r[2] >> 12) & 1, avx = (r[2] >> 28) & 1;
  unsigned long long xcr = osxsave ? xcr0() : 0;
  bool ymm_saved = (xcr & 0x6) == 0x6;
  bool zmm_saved = (xcr & 0xe6) == 0xe6;
  if (max_leaf >= 7) {
    cpuid(7, 0, r);
    bool avx2 = (r[1] >> 5) & 1;
    bool f = (r[1] >> 16) & 1, dq = (r[1] >> 17) & 1, vl = (r[1] >> 31) & 1;
    info.avx2_fma = avx && avx2 && fma && ymm_saved;
    info.avx512 = info.avx2_fma && f && dq && vl && zmm_saved;
  }
  if (info.vendor == "AuthenticAMD" && max_ext >= 0x8000001Du) read_caches(0x8000001Du, info);
  else if (max_leaf >= 4) read_caches(4, info);
#else
  long l1 = sysconf(_SC_LEVEL1_DCACHE_SIZE), l2 = sysconf(_SC_LEVEL2_CACHE_SIZE),
       l3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
  if (l1 > 0) info.l1d = l1;
  if (l2 > 0) info.l2 = l2;
  if (l3 > 0) info.l3 = l3;
#endif
  return info;
}

std::atomic<int> chosen{-1};

}  // namespace

const CpuInfo& cpu_info() {
  static const CpuInfo info = detect();
  return info;
}

Isa best_isa() {
  const CpuInfo& c = cpu_info();
  return c.avx512 ? Isa::avx512 : c.avx2_fma ? Isa::avx2 : Isa::generic;
}

Isa set_isa(Isa isa) {
  if (static_cast<int>(isa) > static_cast<int>(best_isa())) isa = best_isa();
  chosen.store(static_cast<int>(isa));
  return isa;
}

Isa active_isa() {
  int v = chosen.load(std::memory_order_relaxed);
  if (v >= 0) return static_cast<Isa>(v);
  Isa isa = best_isa();
  const char* env = std::getenv("TENSORBOOK_ISA");
  Isa wanted;
  if (env && parse_isa(env, &wanted)) isa = wanted;
  return set_isa(isa);
}

const char* isa_name(Isa isa) {
  switch (isa) {
    case Isa::avx512: return "avx512";
    case Isa::avx2: return "avx2";
    default: return "generic";
  }
}

bool parse_isa(const std::string& name, Isa* out) {
  if (name == "generic") *out = Isa::generic;
  else if (name == "avx2") *out = Isa::avx2;
  else if (name == "avx512") *out = Isa::avx512;
  else return false;
  return true;
}

}  // namespace tb
