// Host↔device copies. Small ones go straight from the JavaScript array (the driver stages
// pageable memory itself); large ones stream through two pinned (page-locked) staging buffers
// so that copying into one overlaps the DMA of the other, which is what makes big uploads run
// near the bus's speed.
#pragma once
#include <cstddef>

#include "cuda/api.h"

namespace tb {
namespace cuda {

/** Above this many bytes a copy goes through the pinned staging buffers. */
constexpr size_t kStagingThreshold = 1 << 20;

void upload(CUdeviceptr dst, const void* src, size_t bytes);
/** Copies device bytes to host memory; returns when they are there. */
void download(void* dst, CUdeviceptr src, size_t bytes);
void copy_device(CUdeviceptr dst, CUdeviceptr src, size_t bytes);
void fill_zero(CUdeviceptr dst, size_t bytes);

}  // namespace cuda
}  // namespace tb
