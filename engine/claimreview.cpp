// ClaimReview JSON-LD from a claimcheck.report/1 (see claimreview.hpp).
#include "engine/claimreview.hpp"

#include <cstdlib>
#include <ctime>
#include <map>

namespace claimcheck {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string str(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// Today's date in UTC, or SOURCE_DATE_EPOCH's when set (reproducible builds and tests).
std::string today() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
    now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// The document as a schema.org CreativeWork: its url when it has one, its title.
ordered_json creative_work(const ordered_json& doc) {
  ordered_json w{{"@type", "CreativeWork"}};
  if (auto url = str(doc, "url"); !url.empty()) w["url"] = url;
  std::string title = str(doc, "title");
  w["name"] = title.empty() ? str(doc, "path") : title;
  if (auto date = str(doc, "date"); !date.empty()) w["datePublished"] = date;
  if (auto lang = str(doc, "lang"); !lang.empty()) w["inLanguage"] = lang;
  return w;
}

std::string source_name(const std::string& id, const Lexicon* lexicon) {
  if (!lexicon || id.empty()) return id;
  std::string name = lexicon->display_name(id);
  return name.empty() ? id : name;
}

}  // namespace

Rating verdict_rating(const std::string& verdict) {
  static const std::map<std::string, Rating> ratings{
      {"corroborates", {5, "Corroborated by another source"}},
      {"compatible", {4, "Consistent with another source"}},
      {"updates", {3, "Revised by a later report"}},
      {"differs", {3, "Not comparable: another span or unit"}},
      {"single-source", {3, "Unverified: one source only"}},
      {"contradicts", {2, "Disputed: another source contradicts it"}}};
  auto it = ratings.find(verdict);
  return it == ratings.end() ? Rating{3, "Not rated"} : it->second;
}

std::string shorten_claim(const std::string& sentence, const std::string& anchor,
                          std::size_t limit) {
  auto trim = [](std::string s) {
    auto b = s.find_first_not_of(" \t\n");
    auto e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  std::string text = trim(sentence);
  if (code_points(text) <= limit) return text;
  std::size_t begin = anchor.empty() ? std::string::npos : text.find(anchor);
  std::size_t end;
  if (begin == std::string::npos)
    begin = 0, end = 0;
  else
    end = begin + anchor.size();
  // whole words around the anchor, right then left, while they fit with the two marks
  auto fits = [&](std::size_t b, std::size_t e) {
    return code_points(std::string_view(text).substr(b, e - b)) + 2 <= limit;
  };
  if (!fits(begin, end)) {  // the anchor alone is too long: its start
    std::size_t e = begin;
    while (e < text.size() && fits(begin, e + 1)) ++e;
    while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
    end = e;
  }
  for (bool grew = true; grew;) {
    grew = false;
    if (end < text.size()) {
      std::size_t next = text.find(' ', end + 1);
      if (next == std::string::npos) next = text.size();
      if (fits(begin, next)) end = next, grew = true;
    }
    if (begin > 0) {
      std::size_t prev = begin > 1 ? text.rfind(' ', begin - 2) : std::string::npos;
      prev = prev == std::string::npos ? 0 : prev + 1;
      if (fits(prev, end)) begin = prev, grew = true;
    }
  }
  std::string out = trim(text.substr(begin, end - begin));
  return (begin > 0 ? "…" : "") + out + (end < text.size() ? "…" : "");
}

ordered_json claimreview_json(const ordered_json& report, const ClaimReviewOptions& options,
                              const Lexicon* lexicon) {
  static const ordered_json none = ordered_json::array();
  auto list = [&](const char* key) -> const ordered_json& {
    auto it = report.find(key);
    return it != report.end() && it->is_array() ? *it : none;
  };
  std::map<std::string, const ordered_json*> docs, facts;
  for (const auto& d : list("documents")) docs[str(d, "id")] = &d;
  for (const auto& f : list("facts")) facts[str(f, "id")] = &f;
  std::map<std::pair<std::string, int>, std::string> sentences;  // (doc, n)
  for (const auto& t : list("sentences"))
    if (t.value("n", ordered_json()).is_number_integer())
      sentences[{str(t, "doc"), t["n"].get<int>()}] = str(t, "text");
  const std::string date = options.date.empty() ? today() : options.date;
  ordered_json out = ordered_json::array();
  std::size_t number = 0;
  for (const auto& finding : list("findings")) {
    ++number;
    // the claim reviewed is the first fact the finding cites, in its document
    const ordered_json* fact = nullptr;
    for (const auto& id : finding.value("facts", ordered_json::array()))
      if (auto it = facts.find(id.is_string() ? id.get<std::string>() : ""); it != facts.end()) {
        fact = it->second;
        break;
      }
    const ordered_json* doc = nullptr;
    std::string doc_id = fact ? str(*fact, "doc") : "";
    if (doc_id.empty() && finding.contains("docs") && !finding["docs"].empty() &&
        finding["docs"][0].is_string())
      doc_id = finding["docs"][0].get<std::string>();
    if (auto it = docs.find(doc_id); it != docs.end()) doc = it->second;

    std::string anchor;
    if (fact && fact->contains("quantity") && (*fact)["quantity"].is_object())
      anchor = str((*fact)["quantity"], "text");
    std::string sentence = fact ? str(*fact, "text") : "";
    if (fact && sentence.empty() && fact->contains("sentence") &&
        (*fact)["sentence"].is_number_integer())  // a consistency report lists each once
      if (auto it = sentences.find({str(*fact, "doc"), (*fact)["sentence"].get<int>()});
          it != sentences.end())
        sentence = it->second;
    std::string claim = fact ? shorten_claim(sentence, anchor) : "";
    if (claim.empty()) claim = str(finding, "explanation");

    std::string author;
    if (fact && fact->contains("source") && (*fact)["source"].is_object())
      author = source_name(str((*fact)["source"], "entity"), lexicon);
    if (author.empty() && doc) author = source_name(str(*doc, "source"), lexicon);
    if (author.empty() && doc) author = str(*doc, "title");
    if (author.empty() && doc) author = str(*doc, "path");

    ordered_json item{{"@type", "Claim"},
                      {"author", {{"@type", "Organization"}, {"name", author}}}};
    if (doc) {
      if (auto d = str(*doc, "date"); !d.empty()) item["datePublished"] = d;
      item["appearance"] = ordered_json::array({creative_work(*doc)});
      item["firstAppearance"] = creative_work(*doc);
    }
    const std::string verdict = str(finding, "verdict");
    const Rating rating = verdict_rating(verdict);
    ordered_json review{{"@context", "https://schema.org"}, {"@type", "ClaimReview"}};
    if (!options.url_base.empty())
      review["url"] = options.url_base + "#finding-" + std::to_string(number);
    review["claimReviewed"] = claim;
    review["itemReviewed"] = item;
    review["reviewRating"] = {{"@type", "Rating"},
                              {"ratingValue", rating.value},
                              {"bestRating", kBestRating},
                              {"worstRating", kWorstRating},
                              {"alternateName", rating.name}};
    review["reviewBody"] = str(finding, "explanation");
    review["author"] = {{"@type", "Organization"}, {"name", options.reviewer}};
    review["datePublished"] = date;
    review["identifier"] = str(finding, "rule") + ":" + std::to_string(number);
    out.push_back(std::move(review));
  }
  return out;
}

}  // namespace claimcheck
