#include "cuda/transfer.h"

#include <cstring>
#include <mutex>

#include "cuda/device.h"

namespace tb {
namespace cuda {
namespace {

constexpr size_t kChunk = 4 << 20;

struct Staging {
  void* buf[2] = {nullptr, nullptr};
  CUevent done[2] = {nullptr, nullptr};
  std::mutex mu;  // one large transfer at a time uses the pair
};

Staging& staging() {
  static Staging s;
  Device& d = device();
  if (!s.buf[0]) {
    for (int i = 0; i < 2; i++) {
      check(d.drv.cuMemHostAlloc(&s.buf[i], kChunk, 0), "cuMemHostAlloc (pinned staging)");
      check(d.drv.cuEventCreate(&s.done[i], CU_EVENT_DISABLE_TIMING), "cuEventCreate");
    }
  }
  return s;
}

}  // namespace

void upload(CUdeviceptr dst, const void* src, size_t bytes) {
  Device& d = device();
  if (bytes < kStagingThreshold) {
    // From pageable memory the call returns once the driver has taken the bytes, so the JS
    // array may change afterwards.
    check(d.drv.cuMemcpyHtoDAsync(dst, src, bytes, d.stream), "cuMemcpyHtoDAsync");
    return;
  }
  Staging& s = staging();
  std::lock_guard<std::mutex> lock(s.mu);
  const char* from = static_cast<const char*>(src);
  bool used[2] = {false, false};
  for (size_t off = 0, i = 0; off < bytes; off += kChunk, i ^= 1) {
    size_t n = bytes - off < kChunk ? bytes - off : kChunk;
    // Wait until the DMA that last read this buffer finished before overwriting it.
    if (used[i]) check(d.drv.cuEventSynchronize(s.done[i]), "cuEventSynchronize");
    std::memcpy(s.buf[i], from + off, n);
    check(d.drv.cuMemcpyHtoDAsync(dst + off, s.buf[i], n, d.stream), "cuMemcpyHtoDAsync");
    check(d.drv.cuEventRecord(s.done[i], d.stream), "cuEventRecord");
    used[i] = true;
  }
  // The staging buffers are reused by the next transfer, which waits on the events.
  for (int i = 0; i < 2; i++)
    if (used[i]) check(d.drv.cuEventSynchronize(s.done[i]), "cuEventSynchronize");
}

void download(void* dst, CUdeviceptr src, size_t bytes) {
  Device& d = device();
  if (bytes < kStagingThreshold) {
    check(d.drv.cuMemcpyDtoHAsync(dst, src, bytes, d.stream), "cuMemcpyDtoHAsync");
    check(d.drv.cuStreamSynchronize(d.stream), "cuStreamSynchronize");
    return;
  }
  Staging& s = staging();
  std::lock_guard<std::mutex> lock(s.mu);
  char* to = static_cast<char*>(dst);
  // Queue chunk k+1's DMA before copying chunk k out, so the two overlap.
  size_t nchunks = (bytes + kChunk - 1) / kChunk;
  auto queue = [&](size_t k) {
    size_t off = k * kChunk, n = bytes - off < kChunk ? bytes - off : kChunk;
    check(d.drv.cuMemcpyDtoHAsync(s.buf[k & 1], src + off, n, d.stream), "cuMemcpyDtoHAsync");
    check(d.drv.cuEventRecord(s.done[k & 1], d.stream), "cuEventRecord");
  };
  queue(0);
  for (size_t k = 0; k < nchunks; k++) {
    check(d.drv.cuEventSynchronize(s.done[k & 1]), "cuEventSynchronize");
    if (k + 1 < nchunks) queue(k + 1);
    size_t off = k * kChunk, n = bytes - off < kChunk ? bytes - off : kChunk;
    std::memcpy(to + off, s.buf[k & 1], n);
  }
}

void copy_device(CUdeviceptr dst, CUdeviceptr src, size_t bytes) {
  Device& d = device();
  check(d.drv.cuMemcpyDtoDAsync(dst, src, bytes, d.stream), "cuMemcpyDtoDAsync");
}

void fill_zero(CUdeviceptr dst, size_t bytes) {
  Device& d = device();
  check(d.drv.cuMemsetD8Async(dst, 0, bytes, d.stream), "cuMemsetD8Async");
}

}  // namespace cuda
}  // namespace tb
