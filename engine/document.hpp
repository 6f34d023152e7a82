// Documents as read from disk or standard input: the original bytes (kept for spans and
// quotes), the metadata from an optional front-matter block, and where the body starts.
#pragma once

#include <stdexcept>
#include <string>

namespace claimcheck {

/// Unreadable or invalid input (exit code 3). The message names the file and, where it
/// applies, the byte offset.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Document {
  std::string id;    ///< A, B, … or the dataset's id
  std::string path;  ///< as given ("-" for standard input)
  std::string lang;  ///< ISO 639-1; "ar" unless the front matter says otherwise
  std::string title, source, date, url;
  std::string bytes;            ///< the whole original file
  std::size_t body_offset = 0;  ///< where the text after the front matter starts
};

/// Reads `path` ("-" for standard input) and parses it. Throws InputError.
Document read_document(const std::string& path, const std::string& id);

/// Checks and parses in-memory bytes: UTF-8 validity, no NUL bytes, front matter
/// (`---` lines around `key: value` pairs: title, source, date, lang, url).
Document parse_document(std::string bytes, const std::string& path, const std::string& id);

}  // namespace claimcheck
