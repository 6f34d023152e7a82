// Documents as read from disk or standard input: the original bytes (kept for spans and
// quotes), the metadata from an optional front-matter block or an HTML page's head, and
// the text claims are read from (for HTML, the page's text with a map back to its bytes).
#pragma once

#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "engine/markup.hpp"

namespace claimcheck {

/// Unreadable or invalid input (exit code 3). The message names the file and, where it
/// applies, the byte offset.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A document in a language claimcheck has no grammar for (exit code 3): one line naming
/// the language and the languages there are.
class UnsupportedLanguage : public InputError {
 public:
  using InputError::InputError;
};

class Grammar;

struct Document {
  std::string id;    ///< A, B, … or the dataset's id
  std::string path;  ///< as given ("-" for standard input)
  /// ISO 639-1: the front matter's, the page's or the JSON line's `lang`, else the
  /// script's (detect_language); empty for a text without letters
  std::string lang;
  std::string title, source, date, url;
  std::string bytes;            ///< the whole original file
  std::size_t body_offset = 0;  ///< where the text after the front matter starts
  bool html = false;            ///< read as HTML: claims come from `text`
  std::string text;             ///< HTML only: the page's text
  OffsetMap map;                ///< HTML only: text offsets → offsets in `bytes`

  /// What claims are read from: the bytes from body_offset, or an HTML page's text.
  const std::string& content() const { return html ? text : bytes; }
  std::size_t content_begin() const { return html ? 0 : body_offset; }
  /// A span of content() as bytes of the file (spans in facts are always the latter).
  std::pair<std::size_t, std::size_t> original_span(std::size_t b, std::size_t e) const {
    return html ? map.to_original(b, e) : std::pair{b, e};
  }
  /// A span of the file as a span of content().
  std::pair<std::size_t, std::size_t> content_span(std::size_t b, std::size_t e) const {
    return html ? map.to_text(b, e) : std::pair{b, e};
  }
};

/// The grammar of a document's language, or nullptr for a text without letters (nothing
/// to read). Throws UnsupportedLanguage for a language without a grammar.
const Grammar* grammar_for(const Document& doc);

/// Reads `path` ("-" for standard input) and parses it. Throws InputError.
Document read_document(const std::string& path, const std::string& id);

/// Checks and parses in-memory bytes: UTF-8 validity, no NUL bytes, front matter
/// (`---` lines around `key: value` pairs: title, source, date, lang, url), or, for a
/// page that looks_like_html(), its text and metadata (a charset other than UTF-8 is an
/// error). Warnings about malformed markup go to the log.
/// `lang`, when given (a JSON line's field), is the document's language, and its script is
/// not looked at.
Document parse_document(std::string bytes, const std::string& path, const std::string& id,
                        const std::string& lang = "");

/// One document of a JSON Lines batch: `line` holds an object with a "text" string and,
/// optionally, "id", "date", "source", "lang" and "title" strings. `where` ("FILE:LINE")
/// is its path and starts every error message (InputError: invalid JSON with the byte,
/// no "text"); its id is the JSON "id", or `fallback_id` when it has none.
Document parse_json_document(std::string_view line, const std::string& where,
                             const std::string& fallback_id);

/// Reads a file ("-": standard input) line by line, for JSON Lines batches: next() gives
/// each line that holds more than white space, with its 1-based number, and nothing at
/// the end. Throws InputError for a file that cannot be read.
class LineReader {
 public:
  explicit LineReader(std::string path);
  struct Line {
    std::size_t number = 0;
    std::string text;
  };
  std::optional<Line> next();
  const std::string& path() const { return path_; }
  /// Bytes read so far (for a progress bar).
  std::size_t bytes_read() const { return bytes_; }

 private:
  std::string path_;
  std::ifstream file_;
  std::size_t number_ = 0, bytes_ = 0;
};

/// Fills in the text and map of a document known to be HTML (one read back from a corpus,
/// say), keeping its metadata.
void attach_html_text(Document& doc);

}  // namespace claimcheck
