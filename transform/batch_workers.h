// Threads that work through a batch of items together with the thread that
// owns them (the transform's main thread, which reads and writes the
// database in between). The threads live as long as the object, so a
// long run starts them once and their memory caches stay warm.
//
//   start(n)   the helpers begin on items 0..n-1, each item taken by
//              whichever thread is free: work(worker, item), worker 0 being
//              the owner and 1..helpers the threads;
//   finish()   the owner works on what is left, waits for the helpers and
//              rethrows the first exception any work threw (the rest of
//              the batch is then skipped);
//   abandon()  skips what is left and waits (the owner failed meanwhile).
// With no helpers nothing runs before finish(), and no thread is started.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace blogshift {

class BatchWorkers {
public:
  using Work = std::function<void(size_t worker, size_t item)>;

  BatchWorkers(size_t helpers, Work work);
  ~BatchWorkers();
  BatchWorkers(const BatchWorkers&) = delete;
  BatchWorkers& operator=(const BatchWorkers&) = delete;

  void start(size_t items);
  void finish();
  void abandon();

private:
  void stop();
  void helper(size_t worker);
  void take(size_t worker);
  void wait_for_helpers(std::unique_lock<std::mutex>& hold);

  Work work_;
  std::mutex lock_;
  std::condition_variable wake_, done_;
  uint64_t generation_ = 0;  // batches started
  size_t items_ = 0;
  size_t busy_ = 0;          // helpers still on the current batch
  bool stop_ = false;
  std::atomic<size_t> next_{0};
  std::exception_ptr failure_;
  std::vector<std::thread> threads_;
};

}  // namespace blogshift
