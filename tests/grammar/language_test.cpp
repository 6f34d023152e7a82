// The language seam: the registry, language detection, and the Arabic grammar called
// through grammar/language.hpp from a translation unit that includes no X3 (a context
// type that did not match the rules' instantiation would fail to link here).
#include "grammar/language.hpp"

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::lexicon;
using claimcheck::test::norm;

TEST_CASE("the registry finds a grammar by its code's primary subtag") {
  REQUIRE(find_grammar("ar") != nullptr);
  CHECK(find_grammar("ar")->code() == "ar");
  CHECK(find_grammar("AR") == find_grammar("ar"));
  CHECK(find_grammar("ar-EG") == find_grammar("ar"));
  CHECK(find_grammar("klingon") == nullptr);
  CHECK(find_grammar("") == nullptr);
  CHECK(grammar_codes() == "ar");
  CHECK(lexicon().forms("ar") != nullptr);
  CHECK(lexicon().forms("klingon") == nullptr);
}

TEST_CASE("a text without a declared language is read by its script") {
  CHECK(detect_language("اعتقلت الشرطة 12 شخصا") == "ar");
  // an Arabic article keeps its Latin acronyms and markup
  CHECK(detect_language("<b>GCTF</b> و MENAFATF: أعلنت الوزارة تفكيك خلية") == "ar");
  CHECK(detect_language("The police arrested 12 people in the city, the ministry said") == "en");
  CHECK(detect_language("La police a arrêté 12 personnes dans la ville, selon le ministère") ==
        "fr");
  CHECK(detect_language("12, 14 — 2020") == "");
  CHECK(detect_language("") == "");
}

TEST_CASE("a document's language: declared, else detected, without a grammar, an error") {
  auto doc = parse_document("اعتقلت الشرطة 12 شخصا عام 2020.\n", "a.txt", "A");
  CHECK(doc.lang == "ar");
  CHECK(grammar_for(doc) == find_grammar("ar"));
  doc = parse_document("---\nlang: klingon\n---\nاعتقلت الشرطة 12 شخصا.\n", "k.txt", "A");
  CHECK(doc.lang == "klingon");
  try {
    extract_facts(lexicon(), doc);
    FAIL("no error");
  } catch (const UnsupportedLanguage& e) {
    CHECK(std::string(e.what()) == "k.txt: language 'klingon' has no grammar; claimcheck reads ar");
  }
  doc = parse_document("The police arrested 12 people in 2020.\n", "e.txt", "A");
  CHECK(doc.lang == "en");
  CHECK_THROWS_AS(extract_facts(lexicon(), doc), UnsupportedLanguage);
  // no letters at all: nothing to read, no error
  doc = parse_document("12 14\n", "n.txt", "A");
  CHECK(doc.lang == "");
  CHECK(extract_facts(lexicon(), doc).empty());
}

TEST_CASE("the Arabic grammar through the interface") {
  const Grammar& ar = *find_grammar("ar");
  CHECK(ar.name() == "Arabic");
  CHECK(ar.parse_number(lexicon(), norm("مئتين وخمسة")) == 205);
  auto q = ar.parse_quantity(lexicon(), norm("أكثر من 200 خلية"));
  REQUIRE(q);
  CHECK(q->op == QuantityOp::gt);
  CHECK(lexicon().object(q->object).id == "cell");
  auto text = norm("فككت المصالح الأمنية 23 خلية إرهابية عام 2022");
  auto pieces = ar.scan(lexicon(), text, Span{0, static_cast<std::uint32_t>(text.size())});
  REQUIRE(pieces.quantities.size() == 1);
  CHECK(pieces.quantities[0].value == 23);
  REQUIRE(pieces.predicates.size() == 1);
  CHECK(lexicon().predicate(pieces.predicates[0].predicate).id == "dismantle");
  auto values = ar.scan_values(lexicon(), text, Span{0, static_cast<std::uint32_t>(text.size())});
  CHECK(values.size() >= 2);
  auto sentences = ar.sentences(norm("قتل 3 أشخاص. وأصيب 10 آخرون."));
  CHECK(sentences.size() == 2);
}

TEST_CASE("Arabic clauses: cut before clause words, و/ف on a verb, a comma before a verb") {
  const Grammar& ar = *find_grammar("ar");
  auto clauses_of = [&](const std::string& s) {
    auto text = norm(s);
    std::vector<std::string> out;
    for (auto c : ar.clauses(lexicon(), text, Span{0, static_cast<std::uint32_t>(text.size())}))
      out.push_back(to_utf8(text.substr(c.begin, c.end - c.begin)));
    return out;
  };
  auto c = clauses_of("اعتقلت الشرطة 12 شخصا وأصيب 5 آخرون");
  REQUIRE(c.size() == 2);
  CHECK(c[1] == to_utf8(norm("وأصيب 5 آخرون")));
  c = clauses_of("قتل 35 شخصا، بينما شرد سبعة آلاف");
  REQUIRE(c.size() == 2);
  CHECK(c[1] == to_utf8(norm("بينما شرد سبعة آلاف")));
  c = clauses_of("التقى الوزير الذي زار القاهرة");
  CHECK(c.size() == 2);
  // a list of countries is one clause; so is a sentence without boundaries
  CHECK(clauses_of("تعاون المغرب مع إسبانيا، فرنسا وبلجيكا").size() == 1);
  CHECK(clauses_of("فككت الأجهزة 200 خلية").size() == 1);
  // clauses cover the sentence in order
  auto text = norm("قتل 3 أشخاص، وأصيب 10 حيث انفجرت قنبلة");
  auto spans = ar.clauses(lexicon(), text, Span{0, static_cast<std::uint32_t>(text.size())});
  REQUIRE(spans.size() == 3);
  CHECK(spans.front().begin == 0);
  CHECK(spans.back().end == text.size());
  for (std::size_t i = 1; i < spans.size(); ++i) CHECK(spans[i].begin >= spans[i - 1].end);
}

TEST_CASE("Arabic lemmas come from Snowball's Arabic stemmer") {
  const Grammar& ar = *find_grammar("ar");
  auto lemma = [&](const std::string& w) { return to_utf8(ar.lemma(lexicon(), norm(w))); };
  CHECK(lemma("المنازل") == lemma("منازل"));
  CHECK(lemma("والسيارات") == lemma("السيارات"));
  CHECK_FALSE(lemma("سيارة").empty());
  CHECK(lemma("منزل") != lemma("سيارة"));
  // broken plurals and duals come back to their singular (plurals.tsv)
  CHECK(lemma("ضباط") == lemma("ضابط"));
  CHECK(lemma("الضباط") == lemma("ضابط"));
  CHECK(lemma("ضابطين") == lemma("ضابط"));
  CHECK(lemma("طلقتين") == lemma("طلقة"));
  // a root's first letter is no clitic; a feminine plural in ات meets its singular
  CHECK(lemma("بلاغ") == "\u0628\u0644\u0627\u063A");  // بلاغ, not لاغ
  CHECK(lemma("بلاغات") == lemma("بلاغ"));
  CHECK(lemma("سيارات") == lemma("سيارة"));
  CHECK(lemma("عينات") == lemma("عينة"));
}
