// The command's log on standard error ("claimcheck: warning: …"), and a way to hold back
// the messages one thread logs while it reads a document, so that the warnings of
// documents read in parallel still come out in input order, each before its results.
#pragma once

#include <spdlog/common.h>

#include <string>
#include <utility>
#include <vector>

namespace claimcheck::cli {

/// Makes the default logger write to standard error (coloured on a terminal) as
/// "claimcheck: LEVEL: MESSAGE", at level warn.
void set_up_logging();

/// Messages held back from the log, in the order they were logged.
struct HeldMessages {
  std::vector<std::pair<spdlog::level::level_enum, std::string>> messages;
  /// Logs them now.
  void release() const;
};

/// While alive, what the current thread logs goes into `into` instead of the log.
class HoldLog {
 public:
  explicit HoldLog(HeldMessages& into);
  ~HoldLog();
  HoldLog(const HoldLog&) = delete;
  HoldLog& operator=(const HoldLog&) = delete;

 private:
  HeldMessages* previous_;
};

}  // namespace claimcheck::cli
