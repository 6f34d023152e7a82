// Input validation: each bad input gets its exact error message.
#include "engine/document.hpp"

#include <string>

#include "tests/support.hpp"

using namespace claimcheck;
using namespace std::string_literals;

namespace {
using test::input_error;
}  // namespace

TEST_CASE("bad input is reported with file and byte offset") {
  CHECK(input_error("abc\xFF") == "in.txt: byte 3: invalid UTF-8: invalid lead byte");
  CHECK(input_error("ab\0cd"s) == "in.txt: byte 2: binary data (NUL byte), expected UTF-8 text");
  CHECK(input_error("---\ntitle: x\n") ==
        "in.txt: front matter opened with '---' on line 1 is never closed");
  CHECK(input_error("---\nauthor: x\n---\n") ==
        "in.txt:2: front matter: unknown key 'author' (expected title, source, date, lang or url)");
  CHECK(input_error("---\njust text\n---\n") == "in.txt:2: front matter: expected 'key: value'");
}

TEST_CASE("front matter fields and the body offset") {
  auto doc = parse_document(
      "---\ntitle: \"T\"\nsource: MA/interior_ministry\ndate: 2021-03-09\nlang: ar\n---\nنص", "x",
      "A");
  CHECK(doc.title == "T");
  CHECK(doc.source == "MA/interior_ministry");
  CHECK(doc.date == "2021-03-09");
  CHECK(doc.bytes.substr(doc.body_offset) == "نص");
}

TEST_CASE("files: missing, directory") {
  try {
    read_document("/nonexistent/file.txt", "A");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "/nonexistent/file.txt: no such file");
  }
  try {
    read_document(claimcheck::test::source_dir.string(), "A");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          claimcheck::test::source_dir.string() + ": is a directory, expected a text file");
  }
}
