#include "cuda/allocator.h"

#include <string>

#include "cuda/device.h"

namespace tb {
namespace cuda {

namespace {
constexpr size_t kSmall = 1 << 20;      // below: 512-byte granules
constexpr size_t kLargeGranule = 2 << 20;  // above: 2 MiB granules (fewer distinct sizes to cache)

std::string mib(size_t b) { return std::to_string(b >> 20) + " MiB"; }
}  // namespace

Allocator& Allocator::get() {
  static Allocator a;
  return a;
}

size_t Allocator::round(size_t bytes) {
  if (bytes == 0) bytes = 1;  // a zero-size tensor still gets a distinct id and address
  size_t g = bytes < kSmall ? 512 : kLargeGranule;
  return (bytes + g - 1) / g * g;
}

uint64_t Allocator::alloc(size_t bytes) {
  Device& d = device();
  size_t want = round(bytes);
  std::lock_guard<std::mutex> lock(mu_);
  CUdeviceptr p = 0;
  size_t got = want;
  // Best fit among cached blocks, wasting at most an eighth: a big cached block is not burnt
  // on a small request.
  auto it = free_.lower_bound(want);
  if (it != free_.end() && it->first <= want + want / 8) {
    p = it->second;
    got = it->first;
    stats_.cached -= got;
    free_.erase(it);
  } else {
    CUresult r = d.drv.cuMemAlloc(&p, want);
    if (r == CUDA_ERROR_OUT_OF_MEMORY && !free_.empty()) {
      empty_cache_locked();
      r = d.drv.cuMemAlloc(&p, want);
    }
    if (r != CUDA_SUCCESS) {
      size_t free_b = 0, total_b = 0;
      d.drv.cuMemGetInfo(&free_b, &total_b);
      throw CudaError("out of GPU memory: asked for " + mib(want) + " with " + mib(stats_.in_use) +
                      " held by tensors and " + mib(free_b) + " of " + mib(total_b) +
                      " free on the device (dispose tensors or use tf.tidy); " + driver_error(d.drv, r));
    }
  }
  uint64_t id = next_id_++;
  live_[id] = {p, got};
  stats_.in_use += got;
  stats_.blocks++;
  if (stats_.in_use > stats_.peak) stats_.peak = stats_.in_use;
  return id;
}

void Allocator::release(uint64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = live_.find(id);
  if (it == live_.end()) throw CudaError("device buffer " + std::to_string(id) + " was already freed");
  free_.emplace(it->second.bytes, it->second.ptr);
  stats_.in_use -= it->second.bytes;
  stats_.cached += it->second.bytes;
  stats_.blocks--;
  live_.erase(it);
}

CUdeviceptr Allocator::ptr(uint64_t id, size_t* bytes) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = live_.find(id);
  if (it == live_.end()) throw CudaError("device buffer " + std::to_string(id) + " is not live (used after dispose?)");
  if (bytes) *bytes = it->second.bytes;
  return it->second.ptr;
}

void Allocator::empty_cache() {
  std::lock_guard<std::mutex> lock(mu_);
  empty_cache_locked();
}

void Allocator::empty_cache_locked() {
  Device& d = device();
  // Blocks may still be read by queued kernels; cuMemFree waits for the device, so it is safe.
  for (auto& [size, p] : free_) d.drv.cuMemFree(p);
  free_.clear();
  stats_.cached = 0;
}

AllocStats Allocator::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace cuda
}  // namespace tb
