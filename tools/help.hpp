// The claimcheck command's help: the overview (`claimcheck --help`) and each command's
// own usage, options and example (`claimcheck COMMAND --help`), kept apart from the
// commands so that claimcheck.cpp stays about what they do. docs/claimcheck.1 says the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck::cli {

/// The overview: every command in a line or two, the global options, the exit codes.
std::string_view overview_help();

/// The help of one command ("extract", "compare", …, "rules"), or nothing for an unknown
/// command.
std::optional<std::string_view> command_help(std::string_view command);

/// The first lines of a command's help, up to its first blank line (its usage lines).
std::string usage_lines(std::string_view command);

/// Every command's name, in the order of the overview.
const std::vector<std::string>& command_names();

/// True when `args` (a command's arguments) ask for its help: -h or --help before any "--".
bool asks_for_help(const std::vector<std::string>& args);

}  // namespace claimcheck::cli
