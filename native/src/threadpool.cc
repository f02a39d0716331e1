#include "threadpool.h"

#include <chrono>
#include <cstdlib>
#include <sched.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace tb {
namespace {

int default_threads() {
  if (const char* env = std::getenv("TENSORBOOK_NUM_THREADS")) {
    int n = std::atoi(env);
    if (n > 0) return n;
  }
  // The cores this process may run on (a container's CPU set), not every core of the host.
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  unsigned hc = std::thread::hardware_concurrency();
  return hc ? static_cast<int>(hc) : 1;
}

// How long a thread spins for work (or for the end of a loop) before it sleeps.
constexpr long kSpinMicros = 200;

// Spins until `done()` or kSpinMicros have passed, pausing between checks and yielding the core
// every 64 of them (a thread it waits for may need this core).
template <class F>
void spin_until(F done) {
  const auto t0 = std::chrono::steady_clock::now();
  for (int spin = 1; !done(); spin++) {
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
    if (spin % 64 == 0) {
      std::this_thread::yield();
      if (std::chrono::steady_clock::now() - t0 > std::chrono::microseconds(kSpinMicros)) return;
    }
  }
}

}  // namespace

ThreadPool& ThreadPool::get() {
  static ThreadPool pool;
  return pool;
}

ThreadPool::ThreadPool() { start(default_threads()); }

ThreadPool::~ThreadPool() { stop(); }

void ThreadPool::start(int n) {
  threads_ = n < 1 ? 1 : n;
  quit_ = false;
  for (int i = 1; i < threads_; i++) workers_.emplace_back([this, i] { worker(i); });
}

void ThreadPool::stop() {
  {
    std::lock_guard<std::mutex> lock(m_);
    quit_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
}

int ThreadPool::set_threads(int n) {
  std::lock_guard<std::mutex> own(busy_);  // never resize under a running loop
  stop();
  start(n);
  return threads_;
}

// Takes indices one at a time until none are left. Loops here are coarse (blocks of a GEMM,
// chunks of an array), so one lock per index costs nothing measurable. `in_flight_` counts the
// indices being run, so the caller waits for those and for no one else.
void ThreadPool::run_share() {
  const std::function<void(long)>* fn;
  for (;;) {
    long i;
    {
      std::lock_guard<std::mutex> lock(m_);
      if (next_ >= n_) return;
      i = next_++;
      in_flight_++;
      fn = fn_;
    }
    (*fn)(i);
    unfinished_.fetch_sub(1, std::memory_order_release);
    {
      std::lock_guard<std::mutex> lock(m_);
      if (--in_flight_ == 0 && next_ >= n_) done_.notify_all();
    }
  }
}

// After a loop a worker spins a little before it sleeps: the next loop often comes within
// microseconds (the products and updates of one training step follow each other), and waking
// a sleeping thread through the condition variable costs tens of microseconds — as much as a
// small product's share. The spin yields the core now and then, so on a busy machine it gives
// way to the caller.
void ThreadPool::worker(int id) {
  unsigned long seen = 0;
  for (;;) {
    spin_until([&] {
      return generation_.load(std::memory_order_acquire) != seen || quit_.load(std::memory_order_relaxed);
    });
    {
      std::unique_lock<std::mutex> lock(m_);
      sleeping_++;
      wake_.wait(lock, [&] { return quit_ || generation_ != seen; });
      sleeping_--;
      if (quit_) return;
      seen = generation_;
      if (id >= active_) continue;  // this loop asked for fewer threads
    }
    run_share();
  }
}

// The caller takes indices too, and returns once every index has been run: it does not wait
// for workers that have not woken up yet (on a loaded machine a worker may not be scheduled for
// milliseconds; it then finds nothing left and goes back to sleep).
void ThreadPool::parallel_for(long n, const std::function<void(long)>& fn, int max_threads) {
  if (n <= 0) return;
  int want = max_threads > 0 && max_threads < threads_ ? max_threads : threads_;
  if (want > n) want = static_cast<int>(n);
  std::unique_lock<std::mutex> own(busy_, std::try_to_lock);
  if (want <= 1 || !own.owns_lock()) {
    for (long i = 0; i < n; i++) fn(i);
    return;
  }
  bool sleepers;
  {
    std::lock_guard<std::mutex> lock(m_);
    fn_ = &fn;
    n_ = n;
    next_ = 0;
    in_flight_ = 0;
    unfinished_.store(n, std::memory_order_relaxed);
    active_ = want;
    generation_++;
    sleepers = sleeping_ > 0;
  }
  if (sleepers) wake_.notify_all();
  run_share();
  // What is left runs on workers, at most one part each: wait for it spinning a little first
  // (the parts of a small product take microseconds; sleeping on the condition variable and
  // being woken costs about as much), yielding the core now and then in case a worker waits
  // for it. Then sleep.
  spin_until([&] { return unfinished_.load(std::memory_order_acquire) <= 0; });
  std::unique_lock<std::mutex> lock(m_);
  done_.wait(lock, [&] { return next_ >= n_ && in_flight_ == 0; });
  fn_ = nullptr;
}

}  // namespace tb
