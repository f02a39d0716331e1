// A small fixed pool of worker threads for data-parallel loops. One loop runs at a time: a
// caller that finds the pool busy (another async kernel, or a loop nested inside a worker) runs
// its loop on its own thread instead of waiting, so concurrent calls never deadlock. The caller
// works through the indices itself and never waits for a worker that has not started one.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tb {

class ThreadPool {
 public:
  // The process-wide pool, sized from TENSORBOOK_NUM_THREADS or the usable cores.
  static ThreadPool& get();

  ~ThreadPool();

  // Threads a loop may use, the caller's included.
  int threads() const { return threads_; }
  // Resizes the pool (at least 1); returns the new size.
  int set_threads(int n);

  // Calls fn(i) for every i in [0, n), spread over at most `max_threads` threads (0: all),
  // and returns when all calls are done.
  void parallel_for(long n, const std::function<void(long)>& fn, int max_threads = 0);

 private:
  ThreadPool();
  void start(int n);
  void stop();
  void worker(int id);
  void run_share();

  int threads_ = 1;
  std::vector<std::thread> workers_;
  std::mutex busy_;  // held by the thread whose loop owns the pool

  std::mutex m_;
  std::condition_variable wake_, done_;
  const std::function<void(long)>* fn_ = nullptr;
  long n_ = 0;
  long next_ = 0;      // next index to hand out (under m_)
  int active_ = 0;     // workers taking part in the current loop
  long in_flight_ = 0; // indices of the current loop being run right now
  std::atomic<long> unfinished_{0};  // indices of the current loop not finished yet
  // Bumped under m_ for each loop; read without it by workers spinning for the next loop.
  std::atomic<unsigned long> generation_{0};
  std::atomic<bool> quit_{false};
  int sleeping_ = 0;   // workers waiting on wake_ (under m_)
};

}  // namespace tb
