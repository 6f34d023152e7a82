// The text layer: UTF-8 validation with byte offsets, and the matching normalisation
// (letters, digits, marks, presentation forms, spaces) with its map back to the bytes.
#include "grammar/segment.hpp"
#include "tests/support.hpp"

using namespace claimcheck;

TEST_CASE("UTF-8 validation reports the first bad byte and why") {
  CHECK_FALSE(find_utf8_error("plain ascii").has_value());
  CHECK_FALSE(find_utf8_error("المغرب 2021 €").has_value());
  struct Row {
    std::string bytes;
    std::size_t offset;
    const char* reason;
  };
  const Row rows[] = {
      {"ab\x80", 2, "unexpected continuation byte"},
      {"a\xC0\xAF", 1, "overlong encoding (lead byte 0xC0/0xC1)"},
      {"\xE0\x80\xAF", 0, "overlong encoding"},
      {"xy\xED\xA0\x80", 2, "encoded surrogate code point"},
      {"\xF4\x90\x80\x80", 0, "code point above U+10FFFF"},
      {"\xD8", 0, "truncated multi-byte sequence"},
      {"\xD8\x41", 1, "expected a continuation byte"},
      {"\xFF", 0, "invalid lead byte"},
  };
  for (const auto& r : rows) {
    auto e = find_utf8_error(r.bytes);
    REQUIRE(e.has_value());
    CHECK(e->offset == r.offset);
    CHECK(e->reason == r.reason);
  }
}

TEST_CASE("normalisation folds Arabic for matching") {
  auto n = [](const char* s) { return to_utf8(normalise_key(s)); };
  CHECK(n("أكثر") == "اكثر");
  CHECK(n("إسبانيا") == "اسبانيا");
  CHECK(n("آلاف") == "الاف");
  CHECK(n("ٱلله") == "الله");
  CHECK(n("مئة") == "ميه");  // hamza on yeh folds to yeh
  CHECK(n("على") == "علي");
  CHECK(n("شخصًا") == "شخصا");
  CHECK(n("مُتَطَرِّفَة") == "متطرفه");
  CHECK(n("مـــكافحة") == "مكافحه");
  CHECK(n("٢٠٢١") == "2021");
  CHECK(n("۲۰۲۱") == "2021");
  CHECK(n("٪") == "%");
  CHECK(n("ﻻ") == "لا");           // presentation-form ligature (PDF copy)
  CHECK(n("ﺍﻟﻤﻐﺮﺏ") == "المغرب");  // presentation forms
  CHECK(n("GCTF") == "gctf");
  CHECK(n("a\u200Db") == "ab");  // zero-width joiner
  CHECK(n("  a \t\u00A0 b  ") == "a b");
  CHECK(n("مسؤول") == "مسوول");
}

TEST_CASE("normalised code points map back to the original bytes") {
  std::string text = "قال: أكثر من ٢٠٠ خليةٍ";
  auto nt = normalise(text);
  auto s = to_utf8(nt.text);
  CHECK(s == "قال: اكثر من 200 خليه");
  auto pos = nt.text.find(U"200");
  REQUIRE(pos != std::u32string::npos);
  auto [b, e] = nt.bytes(pos, pos + 3);
  CHECK(text.substr(b, e - b) == "٢٠٠");
  auto word = nt.text.find(U"خليه");
  auto [wb, we] = nt.bytes(word, word + 4);
  CHECK(text.substr(wb, we - wb) == "خليةٍ");  // a dropped mark stays with the letter it sits on
}

TEST_CASE("normalising text that decomposes into more code points than it has bytes") {
  // ﷺ (3 bytes) is 18 code points: the buffers grow past the text's size, and every code
  // point still maps back to the ligature it came from
  std::string text = "a";
  for (int i = 0; i < 40; ++i) text += "\uFDFA";
  auto nt = normalise(text);
  const std::u32string one = normalise_key("\uFDFA");
  REQUIRE(one.size() > 3);
  CHECK(nt.text.size() == 1 + 40 * one.size());
  CHECK(nt.text.substr(1 + 39 * one.size()) == one);
  REQUIRE(nt.from.size() == nt.text.size());
  REQUIRE(nt.to.size() == nt.text.size());
  CHECK(nt.from.back() == text.size() - 3);
  CHECK(nt.to.back() == text.size());
}

TEST_CASE("line breaks are kept, CRLF becomes one break") {
  auto nt = normalise("a\r\nb\rc\n");
  CHECK(to_utf8(nt.text) == "a\nb\nc\n");
  CHECK(nt.from.size() == nt.text.size());
}

TEST_CASE("segmentation: sentences, headings, sections, quotes") {
  auto nt = normalise(
      "عنوان المقال\n"
      "الجملة الأولى. الجملة الثانية؟ الثالثة!\n"
      "قال إن \"هذا. ليس نهاية\" الجملة.\n"
      "عنوان فرعي\n"
      "جملة بعد العنوان، فيها 2.5 مليون.\n");
  auto ss = segment(nt.text);
  std::vector<std::string> texts;
  for (const auto& s : ss) texts.push_back(to_utf8(nt.text.substr(s.begin, s.end - s.begin)));
  REQUIRE(texts.size() == 7);
  CHECK(texts[0] == "عنوان المقال");
  CHECK(ss[0].heading);
  CHECK(texts[1] == "الجمله الاولي.");
  CHECK(texts[2] == "الجمله الثانيه؟");
  CHECK(texts[3] == "الثالثه!");
  CHECK(texts[4] == "قال ان \"هذا. ليس نهايه\" الجمله.");
  CHECK(texts[5] == "عنوان فرعي");
  CHECK(ss[5].heading);
  CHECK(ss[5].section == 1);
  CHECK(ss[4].section == 0);
  CHECK(texts[6] == "جمله بعد العنوان، فيها 2.5 مليون.");
  CHECK(ss[6].section == 1);
  CHECK(ss[6].paragraph == 4);
}

TEST_CASE("segmentation: an unbalanced quote does not swallow the paragraph") {
  auto nt = normalise("قال \"شيئا. ثم مضى. وانتهى.\n");
  auto ss = segment(nt.text);
  CHECK(ss.size() == 3);
}
