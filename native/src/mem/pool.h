// A recycling pool of large, already-faulted memory blocks for kernel results.
//
// A fresh 80 MB result costs more than the kernel that fills it: the pages are mapped on first
// touch (~20,000 faults of 4 KiB), and when the array dies the block is unmapped again. The pool
// keeps blocks whose arrays died and hands them out again for results of the same size class, so
// their pages stay mapped. It never hands out a block that is in use: a block returns to the pool
// only when its owner (the JavaScript ArrayBuffer's backing store) is destroyed.
//
// Thread-safe: blocks may come back from any thread (V8 frees backing stores on its sweeper
// threads). Free blocks are bounded (`max_free_bytes`) and unmapped once unused for `idle_s`
// (checked at each acquire() and by `trim`, which the engine calls from an idle timer).
#pragma once
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace tb {
namespace mem {

struct PoolStats {
  size_t free_bytes = 0, free_blocks = 0;  // held by the pool, ready for reuse
  size_t live_bytes = 0, live_blocks = 0;  // handed out and not yet returned
  uint64_t hits = 0, misses = 0;           // acquisitions served from the pool / by a new mapping
  uint64_t unmapped = 0;                   // blocks given back to the OS
  size_t max_free_bytes = 0;
  bool huge_pages = false;
  double idle_s = 1.0;  // free blocks unused this long are unmapped at the next acquire()
};

class BlockPool {
 public:
  // The process-wide pool (never destroyed: blocks may come back during process teardown).
  static BlockPool& get();

  // A block of at least `bytes` bytes (its capacity in *cap), or nullptr if the OS has no memory
  // even after the pool let go of its free blocks. The contents are undefined.
  void* acquire(size_t bytes, size_t* cap);
  // Gives a block from acquire() back; kept for reuse unless that would exceed max_free_bytes.
  void release(void* p, size_t cap);
  // Unmaps free blocks that have waited at least `max_idle_s` seconds (0: all of them).
  void trim(double max_idle_s);
  void set_max_free_bytes(size_t bytes);
  void set_huge_pages(bool on);
  void set_idle_seconds(double s);
  PoolStats stats();

  // The capacity a request of `bytes` is rounded up to (its size class).
  static size_t size_class(size_t bytes);

 private:
  BlockPool();
  struct Block {
    void* p;
    size_t cap;
    double freed_at;  // monotonic seconds
  };
  static void* map(size_t cap, bool huge);
  static void unmap(void* p, size_t cap);
  void trim_locked(size_t keep_bytes, std::vector<Block>* out);
  void drop_idle_locked(double freed_before, std::vector<Block>* out);

  std::mutex mu_;
  std::vector<Block> free_;  // most recently freed last
  PoolStats st_;
};

}  // namespace mem
}  // namespace tb
