#include "mem/pool.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace tb {
namespace mem {
namespace {

constexpr size_t kSmallAlign = size_t(64) << 10;  // 64 KiB
constexpr size_t kHuge = size_t(2) << 20;         // 2 MiB: a transparent huge page

double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

size_t round_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

size_t default_max_free() {
  if (const char* e = std::getenv("TENSORBOOK_POOL_MB")) {
    char* end = nullptr;
    long mb = std::strtol(e, &end, 10);
    if (end != e && mb >= 0) return static_cast<size_t>(mb) << 20;
  }
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  size_t phys = pages > 0 && page > 0 ? static_cast<size_t>(pages) * static_cast<size_t>(page) : size_t(8) << 30;
  return std::min(size_t(512) << 20, phys / 8);
}

}  // namespace

BlockPool& BlockPool::get() {
  static BlockPool* pool = new BlockPool();  // leaked on purpose, see the header
  return *pool;
}

BlockPool::BlockPool() {
  st_.max_free_bytes = default_max_free();
  const char* h = std::getenv("TENSORBOOK_HUGE_PAGES");
  st_.huge_pages = h != nullptr && std::strcmp(h, "1") == 0;
}

size_t BlockPool::size_class(size_t bytes) {
  if (bytes == 0) bytes = 1;
  return bytes < kHuge ? round_up(bytes, kSmallAlign) : round_up(bytes, kHuge);
}

void* BlockPool::map(size_t cap, bool huge) {
  // Blocks of 2 MiB or more start on a 2 MiB boundary so that huge pages can back all of them.
  size_t align = cap >= kHuge ? kHuge : 0;
  void* raw = mmap(nullptr, cap + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  char* p = static_cast<char*>(raw);
  if (align) {
    char* aligned = reinterpret_cast<char*>(round_up(reinterpret_cast<uintptr_t>(p), align));
    size_t head = static_cast<size_t>(aligned - p), tail = align - head;
    if (head) munmap(p, head);
    if (tail) munmap(aligned + cap, tail);
    p = aligned;
  }
#ifdef MADV_HUGEPAGE
  if (align && huge) madvise(p, cap, MADV_HUGEPAGE);
#endif
  return p;
}

void BlockPool::unmap(void* p, size_t cap) { munmap(p, cap); }

void* BlockPool::acquire(size_t bytes, size_t* cap) {
  size_t want = size_class(bytes);
  bool huge;
  std::vector<Block> drop;
  void* hit = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    // Free blocks unused for idle_s are given back first: in a long loop the blocks at the
    // bottom of the stack stay unused once the loop needs fewer than the pool holds.
    drop_idle_locked(now_s() - st_.idle_s, &drop);
    // Best fit among free blocks no more than 1/8 larger than asked for; of equal ones the most
    // recently freed (so that the others age and get trimmed).
    size_t best = free_.size();
    for (size_t i = free_.size(); i-- > 0;) {
      size_t c = free_[i].cap;
      if (c >= want && c <= want + want / 8 && (best == free_.size() || c < free_[best].cap)) best = i;
    }
    if (best != free_.size()) {
      Block b = free_[best];
      free_.erase(free_.begin() + static_cast<long>(best));
      st_.free_bytes -= b.cap;
      st_.free_blocks--;
      st_.live_bytes += b.cap;
      st_.live_blocks++;
      st_.hits++;
      *cap = b.cap;
      hit = b.p;
    } else {
      st_.misses++;
    }
    huge = st_.huge_pages;
  }
  for (const Block& b : drop) unmap(b.p, b.cap);
  if (hit) return hit;
  void* p = map(want, huge);
  if (!p) {
    trim(0);  // the OS is short of memory: let go of every free block, then try once more
    p = map(want, huge);
    if (!p) return nullptr;
  }
  std::lock_guard<std::mutex> lock(mu_);
  st_.live_bytes += want;
  st_.live_blocks++;
  *cap = want;
  return p;
}

void BlockPool::drop_idle_locked(double freed_before, std::vector<Block>* out) {
  std::vector<Block> keep;
  for (const Block& b : free_) {
    if (b.freed_at <= freed_before) {
      out->push_back(b);
      st_.free_bytes -= b.cap;
      st_.free_blocks--;
      st_.unmapped++;
    } else {
      keep.push_back(b);
    }
  }
  free_.swap(keep);
}

void BlockPool::trim_locked(size_t keep_bytes, std::vector<Block>* out) {
  // Oldest first.
  while (st_.free_bytes > keep_bytes && !free_.empty()) {
    Block b = free_.front();
    free_.erase(free_.begin());
    st_.free_bytes -= b.cap;
    st_.free_blocks--;
    st_.unmapped++;
    out->push_back(b);
  }
}

void BlockPool::release(void* p, size_t cap) {
  std::vector<Block> drop;
  {
    std::lock_guard<std::mutex> lock(mu_);
    st_.live_bytes -= cap;
    st_.live_blocks--;
    if (cap > st_.max_free_bytes) {
      st_.unmapped++;
      drop.push_back({p, cap, 0});
    } else {
      trim_locked(st_.max_free_bytes - cap, &drop);
      free_.push_back({p, cap, now_s()});
      st_.free_bytes += cap;
      st_.free_blocks++;
    }
  }
  for (const Block& b : drop) unmap(b.p, b.cap);
}

void BlockPool::trim(double max_idle_s) {
  std::vector<Block> drop;
  {
    std::lock_guard<std::mutex> lock(mu_);
    drop_idle_locked(now_s() - max_idle_s, &drop);
  }
  for (const Block& b : drop) unmap(b.p, b.cap);
}

void BlockPool::set_idle_seconds(double s) {
  std::lock_guard<std::mutex> lock(mu_);
  st_.idle_s = s;
}

void BlockPool::set_max_free_bytes(size_t bytes) {
  std::vector<Block> drop;
  {
    std::lock_guard<std::mutex> lock(mu_);
    st_.max_free_bytes = bytes;
    trim_locked(bytes, &drop);
  }
  for (const Block& b : drop) unmap(b.p, b.cap);
}

void BlockPool::set_huge_pages(bool on) {
  std::lock_guard<std::mutex> lock(mu_);
  st_.huge_pages = on;
}

PoolStats BlockPool::stats() {
  std::lock_guard<std::mutex> lock(mu_);
  return st_;
}

}  // namespace mem
}  // namespace tb
