// Device memory for tensors: a caching allocator. cuMemAlloc/cuMemFree synchronise the device
// and cost tens of microseconds, far more than the small kernels of a training step, so freed
// blocks are kept and handed out again. Blocks are named by integer ids (what JavaScript holds):
// a stale or unknown id is an error, never a dangling device pointer.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <unordered_map>

#include "cuda/api.h"

namespace tb {
namespace cuda {

struct AllocStats {
  size_t in_use = 0;   // bytes of live blocks (as rounded)
  size_t cached = 0;   // bytes of free blocks kept for reuse
  size_t peak = 0;     // highest in_use so far
  size_t blocks = 0;   // live blocks
};

class Allocator {
 public:
  static Allocator& get();
  /** A block of at least `bytes` bytes; its id is > 0. Throws CudaError when out of memory. */
  uint64_t alloc(size_t bytes);
  /** Returns a block to the cache (freeing an unknown id throws). */
  void release(uint64_t id);
  /** The device address and usable size of a live block; throws for an unknown id. */
  CUdeviceptr ptr(uint64_t id, size_t* bytes = nullptr) const;
  /** Gives every cached block back to the driver. */
  void empty_cache();
  AllocStats stats() const;
  /** The size a request is rounded to (exposed for tests of the policy). */
  static size_t round(size_t bytes);

 private:
  struct Block {
    CUdeviceptr ptr;
    size_t bytes;
  };
  void empty_cache_locked();
  mutable std::mutex mu_;
  std::unordered_map<uint64_t, Block> live_;
  std::multimap<size_t, CUdeviceptr> free_;  // size → address, best fit by lower_bound
  uint64_t next_id_ = 1;
  AllocStats stats_;
};

}  // namespace cuda
}  // namespace tb
