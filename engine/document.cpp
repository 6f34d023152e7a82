// Reading and validating input documents, including the optional front matter.
#include "engine/document.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "grammar/language.hpp"
#include "grammar/text.hpp"

namespace claimcheck {

Document read_document(const std::string& path, const std::string& id) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path + ": no such file");
    if (std::filesystem::is_directory(path, ec))
      throw InputError(path + ": is a directory, expected a text file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot be opened for reading");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw InputError(path + ": read error");
    bytes = buf.str();
  }
  return parse_document(std::move(bytes), path, id);
}

namespace {
std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  if (b == std::string::npos) return "";
  s = s.substr(b, e - b + 1);
  if (s.size() >= 2 &&
      ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
    s = s.substr(1, s.size() - 2);
  return s;
}
}  // namespace

Document parse_document(std::string bytes, const std::string& path, const std::string& id,
                        const std::string& lang) {
  if (auto nul = bytes.find('\0'); nul != std::string::npos)
    throw InputError(path + ": byte " + std::to_string(nul) +
                     ": binary data (NUL byte), expected UTF-8 text");
  const bool html = looks_like_html(path, bytes);
  if (html)
    if (auto charset = declared_charset(bytes);
        charset && charset->second != "utf-8" && charset->second != "utf8" &&
        std::any_of(bytes.begin(), bytes.end(), [](char c) { return c & 0x80; }))
      throw InputError(path + ": byte " + std::to_string(charset->first) +
                       ": the page declares charset '" + charset->second +
                       "'; claimcheck reads UTF-8 only (convert it first: iconv -f " +
                       charset->second + " -t UTF-8)");
  if (auto bad = find_utf8_error(bytes))
    throw InputError(path + ": byte " + std::to_string(bad->offset) +
                     ": invalid UTF-8: " + bad->reason);
  Document doc;
  doc.id = id;
  doc.path = path;
  doc.lang = lang;
  if (html) {
    doc.bytes = std::move(bytes);
    HtmlText page = html_to_text(doc.bytes);
    for (const auto& w : page.warnings) spdlog::warn("{}: {}", path, w);
    doc.title = std::move(page.title);
    doc.source = std::move(page.source);
    doc.date = std::move(page.date);
    doc.url = std::move(page.url);
    if (!page.lang.empty()) doc.lang = std::move(page.lang);
    doc.html = true;
    doc.text = std::move(page.text);
    doc.map = std::move(page.map);
    if (doc.lang.empty()) doc.lang = detect_language(doc.text);
    return doc;
  }
  std::size_t start = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // BOM
  if (bytes.compare(start, 4, "---\n") == 0 || bytes.compare(start, 5, "---\r\n") == 0) {
    std::size_t pos = bytes.find('\n', start) + 1;
    int line = 1;
    bool closed = false;
    while (pos < bytes.size()) {
      ++line;
      std::size_t eol = bytes.find('\n', pos);
      std::string text =
          bytes.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
      pos = eol == std::string::npos ? bytes.size() : eol + 1;
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text == "---") {
        closed = true;
        break;
      }
      if (trim(text).empty() || text[0] == '#') continue;
      auto colon = text.find(':');
      if (colon == std::string::npos)
        throw InputError(path + ":" + std::to_string(line) +
                         ": front matter: expected 'key: value'");
      std::string key = trim(text.substr(0, colon));
      std::string value = trim(text.substr(colon + 1));
      if (key == "title")
        doc.title = value;
      else if (key == "source")
        doc.source = value;
      else if (key == "date")
        doc.date = value;
      else if (key == "lang")
        doc.lang = value;
      else if (key == "url")
        doc.url = value;
      else
        throw InputError(path + ":" + std::to_string(line) + ": front matter: unknown key '" + key +
                         "' (expected title, source, date, lang or url)");
    }
    if (!closed)
      throw InputError(path + ": front matter opened with '---' on line 1 is never closed");
    doc.body_offset = pos;
  } else {
    doc.body_offset = start;
  }
  doc.bytes = std::move(bytes);
  if (doc.lang.empty())
    doc.lang = detect_language(std::string_view(doc.bytes).substr(doc.body_offset));
  return doc;
}

Document parse_json_document(std::string_view line, const std::string& where,
                             const std::string& fallback_id) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(where + ": byte " + std::to_string(e.byte > 0 ? e.byte - 1 : 0) +
                     ": invalid JSON");
  } catch (const nlohmann::json::exception& e) {  // a number too large to hold, say
    std::string what = e.what();
    throw InputError(where + ": invalid JSON: " + what.substr(what.find("] ") + 2));
  }
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
    throw InputError(where + ": expected an object with a \"text\" string");
  auto field = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string id = field("id");
  Document doc = parse_document(std::move(j["text"].get_ref<std::string&>()), where,
                                id.empty() ? fallback_id : id, field("lang"));
  doc.body_offset = 0;
  doc.source = field("source");
  doc.date = field("date");
  doc.title = field("title");
  return doc;
}

LineReader::LineReader(std::string path) : path_(std::move(path)) {
  if (path_ == "-") return;
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) throw InputError(path_ + ": no such file");
  if (std::filesystem::is_directory(path_, ec))
    throw InputError(path_ + ": is a directory, expected a text file");
  file_.open(path_, std::ios::binary);
  if (!file_) throw InputError(path_ + ": cannot be opened for reading");
}

std::optional<LineReader::Line> LineReader::next() {
  std::istream& in = path_ == "-" ? std::cin : file_;
  Line line;
  while (std::getline(in, line.text)) {
    line.number = ++number_;
    bytes_ += line.text.size() + 1;
    if (line.text.find_first_not_of(" \t\r") != std::string::npos) return line;
  }
  if (in.bad()) throw InputError(path_ + ": read error");
  return std::nullopt;
}

const Grammar* grammar_for(const Document& doc) {
  if (doc.lang.empty()) return nullptr;  // no letters: nothing to read
  if (const Grammar* g = find_grammar(doc.lang)) return g;
  throw UnsupportedLanguage(doc.path + ": language '" + doc.lang +
                            "' has no grammar; claimcheck reads " + grammar_codes());
}

void attach_html_text(Document& doc) {
  HtmlText page = html_to_text(doc.bytes);
  doc.html = true;
  doc.text = std::move(page.text);
  doc.map = std::move(page.map);
}

}  // namespace claimcheck
