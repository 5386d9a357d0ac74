#include "batch_workers.h"

namespace blogshift {

BatchWorkers::BatchWorkers(size_t helpers, Work work) : work_(std::move(work)) {
  threads_.reserve(helpers);
  try {
    for (size_t t = 1; t <= helpers; ++t) threads_.emplace_back([this, t] { helper(t); });
  } catch (...) {
    stop();  // the threads already started, before the members they use go
    throw;
  }
}

BatchWorkers::~BatchWorkers() { stop(); }

void BatchWorkers::stop() {
  {
    std::lock_guard<std::mutex> hold(lock_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void BatchWorkers::start(size_t items) {
  {
    std::lock_guard<std::mutex> hold(lock_);
    items_ = items;
    next_ = 0;
    busy_ = threads_.size();
    failure_ = nullptr;
    ++generation_;
  }
  wake_.notify_all();
}

void BatchWorkers::finish() {
  take(0);
  std::unique_lock<std::mutex> hold(lock_);
  wait_for_helpers(hold);
  if (failure_) std::rethrow_exception(failure_);
}

void BatchWorkers::abandon() {
  next_ = items_;
  std::unique_lock<std::mutex> hold(lock_);
  wait_for_helpers(hold);
}

void BatchWorkers::wait_for_helpers(std::unique_lock<std::mutex>& hold) {
  done_.wait(hold, [this] { return busy_ == 0; });
}

void BatchWorkers::helper(size_t worker) {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> hold(lock_);
      wake_.wait(hold, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    take(worker);
    std::lock_guard<std::mutex> hold(lock_);
    if (--busy_ == 0) done_.notify_one();
  }
}

void BatchWorkers::take(size_t worker) {
  try {
    for (size_t item; (item = next_++) < items_;) work_(worker, item);
  } catch (...) {
    std::lock_guard<std::mutex> hold(lock_);
    if (!failure_) failure_ = std::current_exception();
    next_ = items_;
  }
}

}  // namespace blogshift
