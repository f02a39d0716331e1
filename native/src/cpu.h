// What the CPU offers, read once from CPUID: the instruction sets the kernels may use and the
// cache sizes the GEMM blocking is derived from.
#pragma once
#include <string>

namespace tb {

// Kernel variants, in increasing order of what they require.
enum class Isa { generic = 0, avx2 = 1, avx512 = 2 };

struct CpuInfo {
  std::string vendor;
  std::string brand;
  bool avx2_fma = false;  // AVX2 and FMA3, with the OS saving the YMM registers
  bool avx512 = false;    // AVX-512 F/VL/DQ, with the OS saving the ZMM registers
  long l1d = 32 * 1024;   // per core, bytes
  long l2 = 512 * 1024;   // per core, bytes
  long l3 = 8 * 1024 * 1024;  // shared, bytes
};

const CpuInfo& cpu_info();

// The best variant this machine can run.
Isa best_isa();
// The variant in use: the best one unless TENSORBOOK_ISA or set_isa chose a lower one.
Isa active_isa();
// Chooses a variant (capped at best_isa()); returns the one now in use.
Isa set_isa(Isa isa);
const char* isa_name(Isa isa);
// Parses "generic" / "avx2" / "avx512"; returns false for anything else.
bool parse_isa(const std::string& name, Isa* out);

}  // namespace tb
