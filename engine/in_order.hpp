// Parallel work with results in input order: the caller's thread reads items and takes
// results, worker threads do the work between, and at most `window` items are in flight,
// so memory follows the window, never the input. What extract and ingest use to read
// documents on every core and still print and store them in the order given.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace claimcheck {

/// The number of worker threads `-j` defaults to: one for each core (at least one).
inline unsigned default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

/// Calls `next()` (on this thread) for items until it returns nothing, `work(item)` for
/// each on one of `threads` worker threads, and `take(result)` (on this thread) for each
/// result in the order the items came. At most `window` items are read ahead of the
/// result being taken. With `threads` ≤ 1 everything runs on this thread, one item at a
/// time. An exception from `work` is rethrown here when its item's turn to be taken comes
/// (so every earlier result is taken first, as when run one at a time); an exception from
/// `next`, `work` or `take` stops the workers and leaves this function.
template <typename Next, typename Work, typename Take>
void map_in_order(unsigned threads, std::size_t window, Next&& next, Work&& work, Take&& take) {
  using In = typename std::invoke_result_t<Next&>::value_type;
  using Out = std::invoke_result_t<Work&, In&&>;
  if (threads <= 1) {
    while (auto item = next()) take(work(std::move(*item)));
    return;
  }
  if (window < threads) window = threads;

  struct Slot {
    std::optional<In> in;
    std::optional<Out> out;
    std::exception_ptr error;
    bool done = false;
  };
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable work_ready, result_ready;
  std::size_t submitted = 0, started = 0;  // guarded by mutex
  bool stop = false;

  auto worker = [&] {
    for (;;) {
      std::unique_lock lock(mutex);
      work_ready.wait(lock, [&] { return stop || started < submitted; });
      if (stop) return;
      Slot& slot = slots[started++ % window];
      In in = std::move(*slot.in);
      slot.in.reset();
      lock.unlock();
      std::optional<Out> out;
      std::exception_ptr error;
      try {
        out.emplace(work(std::move(in)));
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      slot.out = std::move(out);
      slot.error = error;
      slot.done = true;
      lock.unlock();
      result_ready.notify_all();
    }
  };

  // stops and joins the workers however this function is left
  struct Workers {
    std::vector<std::thread> threads;
    std::mutex& mutex;
    std::condition_variable& work_ready;
    bool& stop;
    ~Workers() {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      work_ready.notify_all();
      for (auto& t : threads) t.join();
    }
  } workers{{}, mutex, work_ready, stop};
  for (unsigned i = 0; i < threads; ++i) workers.threads.emplace_back(worker);

  std::size_t taken = 0;
  bool exhausted = false;
  for (;;) {
    while (!exhausted && submitted - taken < window) {
      auto item = next();
      if (!item) {
        exhausted = true;
        break;
      }
      {
        std::lock_guard lock(mutex);
        slots[submitted % window].in = std::move(*item);
        ++submitted;
      }
      work_ready.notify_one();
    }
    if (taken == submitted) return;
    Slot& head = slots[taken % window];
    std::optional<Out> out;
    std::exception_ptr error;
    {
      std::unique_lock lock(mutex);
      result_ready.wait(lock, [&] { return head.done; });
      out = std::move(head.out);
      error = head.error;
      head.out.reset();
      head.error = nullptr;
      head.done = false;
    }
    ++taken;
    if (error) std::rethrow_exception(error);
    take(std::move(*out));
  }
}

/// map_in_order over batches of consecutive items, for items too small to be worth a
/// hand-over between threads each (a line of JSON): a batch holds up to `batch_items`
/// items and, unless one item alone outweighs it, `batch_weight` of `weight(item)`. At most
/// `window` batches are in flight. Each result, or each item's exception, is taken in
/// input order, exactly as map_in_order would take them.
template <typename Next, typename Weight, typename Work, typename Take>
void map_in_batches(unsigned threads, std::size_t window, std::size_t batch_items,
                    std::size_t batch_weight, Next&& next, Weight&& weight, Work&& work,
                    Take&& take) {
  using In = typename std::invoke_result_t<Next&>::value_type;
  using Out = std::invoke_result_t<Work&, In&&>;
  struct Result {
    std::optional<Out> out;
    std::exception_ptr error;
  };
  std::optional<In> pending;  // read, but too heavy for the batch before
  bool exhausted = false;
  auto next_batch = [&]() -> std::optional<std::vector<In>> {
    std::vector<In> batch;
    std::size_t total = 0;
    while (batch.size() < batch_items && total < batch_weight) {
      std::optional<In> item;
      if (pending)
        item = std::move(pending), pending.reset();
      else if (!exhausted)
        item = next();
      if (!item) {
        exhausted = true;
        break;
      }
      const std::size_t w = weight(*item);
      if (!batch.empty() && total + w > batch_weight) {
        pending = std::move(item);
        break;
      }
      total += w;
      batch.push_back(std::move(*item));
    }
    if (batch.empty()) return std::nullopt;
    return batch;
  };
  map_in_order(
      threads, window, next_batch,
      [&](std::vector<In> batch) {
        std::vector<Result> results(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) try {
            results[i].out.emplace(work(std::move(batch[i])));
          } catch (...) {
            results[i].error = std::current_exception();
          }
        return results;
      },
      [&](std::vector<Result> results) {
        for (auto& r : results) {
          if (r.error) std::rethrow_exception(r.error);
          take(std::move(*r.out));
        }
      });
}

}  // namespace claimcheck
