// The command's log and the per-thread holding of messages (see log.hpp).
#include "tools/log.hpp"

#include <spdlog/sinks/sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace claimcheck::cli {
namespace {

thread_local HeldMessages* held = nullptr;

/// Passes messages on to standard error's sink, or, while the logging thread holds its
/// messages back, keeps them.
class HoldingSink final : public spdlog::sinks::sink {
 public:
  explicit HoldingSink(std::shared_ptr<spdlog::sinks::sink> out) : out_(std::move(out)) {}
  void log(const spdlog::details::log_msg& msg) override {
    if (held)
      held->messages.emplace_back(msg.level, std::string(msg.payload.data(), msg.payload.size()));
    else
      out_->log(msg);
  }
  void flush() override { out_->flush(); }
  void set_pattern(const std::string& pattern) override { out_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> f) override {
    out_->set_formatter(std::move(f));
  }

 private:
  std::shared_ptr<spdlog::sinks::sink> out_;
};

}  // namespace

void set_up_logging() {
  auto sink =
      std::make_shared<HoldingSink>(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  auto logger = std::make_shared<spdlog::logger>("claimcheck", std::move(sink));
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("claimcheck: %^%l%$: %v");
  spdlog::set_level(spdlog::level::warn);
}

void HeldMessages::release() const {
  for (const auto& [level, text] : messages) spdlog::log(level, "{}", text);
}

HoldLog::HoldLog(HeldMessages& into) : previous_(held) {
  held = &into;
}

HoldLog::~HoldLog() {
  held = previous_;
}

}  // namespace claimcheck::cli
