// Per-word dispatch: the table's answers (first words of forms, after prefix letters;
// digits try every rule), and extraction with the dispatch on gives exactly the facts it
// gives with every rule tried at every word — on every fixture article, and on real news
// when ../shared is there.
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/report.hpp"
#include "grammar/word_starts.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::arabic;
using claimcheck::test::lexicon;
using claimcheck::test::norm;

namespace {

/// The facts of `doc` as JSON text, with the dispatch on or off.
std::string facts_text(const Document& doc, bool dispatch) {
  WordStarts::set_enabled(dispatch);
  std::string out;
  for (const auto& f : extract_facts(lexicon(), doc)) out += fact_json(f).dump() + "\n";
  WordStarts::set_enabled(true);
  return out;
}

/// Restores the dispatch when a check fails mid-way.
struct DispatchOn {
  ~DispatchOn() { WordStarts::set_enabled(true); }
};

}  // namespace

TEST_CASE("the dispatch table: first words of forms, after prefix letters") {
  WordStarts starts;
  starts.set_prefix_letters(U"\u0648\u0628", 2);               // و ب
  starts.add(U"\u0645\u0635\u0631", start_entity);             // مصر
  starts.add(U"\u0641\u064A \u0639\u0627\u0645", start_time);  // في عام: its first word
  CHECK(starts.at(U"\u0645\u0635\u0631") == start_entity);
  CHECK(starts.at(U"\u0645\u0635\u0631\u064A\u0629") == 0);             // مصرية: another word
  CHECK(starts.at(U"\u0648\u0628\u0645\u0635\u0631") == start_entity);  // وبمصر
  CHECK(starts.at(U"\u0641\u064A") == start_time);
  CHECK(starts.at(U"\u0639\u0627\u0645") == 0);  // not a first word
  CHECK(starts.at(U"\u0633\u0648\u0631\u064A\u0627") == 0);
  CHECK(starts.at(U"\u0645\u0635") == 0);  // a head's prefix starts nothing
  CHECK(starts.at(U"12") == start_all);    // digits: every rule
  CHECK(starts.at(U"G20") == start_all);
  // more prefix letters than allowed: the head is not reached
  CHECK(starts.at(U"\u0648\u0628\u0648\u0645\u0635\u0631") == 0);
  CHECK(starts.size() == 2);
}

TEST_CASE("the dispatch table: a form of several words counts only before its second word") {
  WordStarts starts;
  starts.set_prefix_letters(U"\u0648", 1);                                      // و
  starts.add(U"\u0641\u064A", start_time);                                      // في
  starts.add(U"\u0641\u064A \u062D\u062F\u0648\u062F", start_quantity);         // في حدود
  starts.add(U"\u0645\u0627 \u0644\u0627 \u064A\u0642\u0644", start_quantity);  // ما لا يقل
  const std::u32string_view fi = U"\u0641\u064A", ma = U"\u0645\u0627";
  // without what follows: every rule a form may start
  CHECK(starts.at(fi) == (start_time | start_quantity));
  CHECK(starts.at(ma) == start_quantity);
  // في before حدود (or a word that begins with it: the form ends there), else a time only
  CHECK(starts.at(fi, U" \u062D\u062F\u0648\u062F 5") == (start_time | start_quantity));
  CHECK(starts.at(fi, U" \u062D\u062F\u0648\u062F\u0647") == (start_time | start_quantity));
  CHECK(starts.at(fi, U" \u0639\u0627\u0645 2013") == start_time);
  CHECK(starts.at(U"\u0648\u0641\u064A", U" \u062D\u062F\u0648\u062F") ==
        (start_time | start_quantity));                             // وفي حدود
  CHECK(starts.at(fi, U"\u062D\u062F\u0648\u062F") == start_time);  // no space: no next word
  CHECK(starts.at(fi, U"") == start_time);
  // ما لا يقل: the form goes on after لا, so the next word is لا itself
  CHECK(starts.at(ma, U" \u0644\u0627 \u064A\u0642\u0644") == start_quantity);
  CHECK(starts.at(ma, U" \u0644\u0627\u0645") == 0);
  CHECK(starts.at(U"12", U" \u0639\u0627\u0645") == start_all);
  CHECK(starts.size() == 2);
}

TEST_CASE("the dispatch table: a cue starts its rules only before a word that goes on with it") {
  WordStarts starts;
  starts.add(U"\u064A\u0646\u0627\u064A\u0631", start_time);         // يناير
  starts.add_before(U"\u0645\u0646\u0630", start_time, start_time);  // منذ
  const std::u32string_view since = U"\u0645\u0646\u0630";
  CHECK(starts.at(since) == start_time);  // without what follows
  CHECK(starts.at(since, U" \u064A\u0646\u0627\u064A\u0631") == start_time);  // منذ يناير
  CHECK(starts.at(since, U" 2011") == start_time);                            // digits
  CHECK(starts.at(since, U" \u0633\u0646\u0648\u0627\u062A") == 0);           // منذ سنوات
  CHECK(starts.at(since, U" -5") == start_time);  // no word after the space: it may
  CHECK(starts.at(since, U"") == start_time);
}

TEST_CASE("the Arabic dispatch table knows the lexicon's words and the rules' own words") {
  REQUIRE(lexicon().forms("ar"));
  const WordStarts& starts = lexicon().forms("ar")->starts;
  CHECK((starts.at(norm("والمغرب")) & start_entity));
  CHECK((starts.at(norm("للمغرب")) & start_entity));
  CHECK((starts.at(norm("منذ")) & start_time));
  CHECK((starts.at(norm("شهر")) & start_time));
  CHECK((starts.at(norm("بين")) & start_quantity));
  CHECK((starts.at(norm("أكثر")) & start_quantity));
  CHECK((starts.at(norm("ثلاثة")) & start_quantity));
  CHECK((starts.at(norm("وتفكيك")) & start_predicate));
  CHECK((starts.at(norm("الذي")) & start_clause));
  CHECK(starts.at(norm("سيارة")) == 0);
}

TEST_CASE("extraction with the dispatch equals extraction trying every rule: fixtures") {
  DispatchOn restore;
  int documents = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(test::source_dir / "fixtures")) {
    if (entry.path().extension() != ".txt") continue;
    Document doc;
    try {
      doc = read_document(entry.path().string(), entry.path().stem().string());
    } catch (const std::exception&) {
      continue;  // fixtures of bad input
    }
    if (!grammar_for(doc)) continue;
    INFO(entry.path().string());
    CHECK(facts_text(doc, true) == facts_text(doc, false));
    ++documents;
  }
  CHECK(documents > 10);
}

TEST_CASE("extraction with the dispatch equals extraction trying every rule: real news") {
  auto shared = test::shared_dir();
  if (shared.empty()) CLAIMCHECK_SKIP("../shared is absent: no real news to compare on");
  DispatchOn restore;
  std::ifstream in(shared / "real-news" / "ar-2013-02-14-to-20.jsonl");
  REQUIRE(in);
  std::string line;
  int documents = 0, facts = 0;
  // every fourth article of the first 8,000: a spread over the week's outlets
  for (int n = 0; n < 8000 && std::getline(in, line); ++n) {
    if (n % 4) continue;
    auto j = nlohmann::json::parse(line);
    Document doc = parse_document(j.at("text").get<std::string>(), "news.jsonl",
                                  j.value("id", std::to_string(n)), "ar");
    std::string on = facts_text(doc, true);
    std::string off = facts_text(doc, false);
    INFO("article " << n);
    CHECK(on == off);
    facts += static_cast<int>(std::count(on.begin(), on.end(), '\n'));
    ++documents;
  }
  CHECK(documents == 2000);
  CHECK(facts > 1000);
}
