// The HTML report's building blocks: escaping, the template filler, the CSP, and a whole
// report built from real extraction, checked for escaping and highlight placement. The
// browser tests (tests/browser) check the same report as a reader sees it.
#include "engine/html.hpp"

#include <sstream>
#include <stdexcept>

#include "engine/extract.hpp"
#include "engine/html_labels.hpp"
#include "engine/report.hpp"
#include "engine/rules/parser.hpp"
#include "tests/support.hpp"

using namespace claimcheck;

TEST_CASE("html_escape escapes the five special characters and nothing else") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(html_escape("اعتقلت 12 شخصا") == "اعتقلت 12 شخصا");
  CHECK(html_escape("") == "");
}

TEST_CASE("fill_template fills every slot and refuses a slot it has no value for") {
  CHECK(fill_template("<p>{{a}} and {{b}}</p>", {{"a", "1"}, {"b", "<i>2</i>"}}) ==
        "<p>1 and <i>2</i></p>");
  CHECK(fill_template("{{a}}", {{"a", "{{b}}"}}) == "{{b}}");  // values are not re-read
  CHECK_THROWS_WITH_AS(fill_template("{{missing}}", {}), "template: no value for {{missing}}",
                       std::logic_error);
  CHECK_THROWS_WITH_AS(fill_template("{{open", {}), "template: unclosed {{", std::logic_error);
}

TEST_CASE("the CSP allows nothing but the report's own script and style, by hash") {
  std::string csp = report_csp();
  CHECK(csp.rfind("default-src 'none'; script-src 'sha256-", 0) == 0);
  CHECK(csp.find("style-src 'sha256-") != std::string::npos);
  CHECK(csp.find("unsafe") == std::string::npos);
  // a SHA-256 digest is 32 bytes: 44 base64 characters with one '='
  auto start = csp.find("sha256-") + 7;
  CHECK(csp.substr(start, 44).back() == '=');
  CHECK(csp[start + 44] == '\'');
}

TEST_CASE("a report escapes document text and metadata and highlights claims in place") {
  const std::string hostile_title = "<script>alert(1)</script>";
  Document a = parse_document(
      "---\ntitle: " + hostile_title +
          "\n---\n\"><img src=x onerror=alert(2)>\nالقاهرة - اعتقلت الشرطة المصرية 12 شخصا عام "
          "2020 </textarea>.\n",
      "a.txt", "A");
  Document b = parse_document("أعلنت الشرطة المصرية أنها اعتقلت 30 شخصا عام 2020.\n", "b.txt", "B");
  std::vector<Fact> facts = extract_facts(test::lexicon(), a);
  auto fb = extract_facts(test::lexicon(), b);
  facts.insert(facts.end(), fb.begin(), fb.end());
  REQUIRE(facts.size() == 2);
  auto rules = rules::load_rules(test::source_dir / "rules", test::lexicon());
  auto findings = rules::evaluate(rules, {a, b}, facts, test::lexicon());
  std::ostringstream out;
  write_html_report(out, {a, b}, facts, findings, test::lexicon());
  const std::string html = out.str();
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("</textarea>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  // exactly the report's own script element
  std::size_t scripts = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1))
    ++scripts;
  CHECK(scripts == 1);
  // the claim is marked with its verdict, in a right-to-left body
  CHECK(html.find("class=\"claim v-contradicts\" id=\"fact-A:1\"") != std::string::npos);
  CHECK(html.find("dir=\"rtl\" lang=\"ar\"") != std::string::npos);
  auto mark = html.find("id=\"fact-A:1\"");
  auto text_start = html.find('>', mark) + 1;
  const std::string claim =
      a.bytes.substr(facts[0].span_begin, facts[0].span_end - facts[0].span_begin);
  CHECK(claim.find("12") != std::string::npos);
  CHECK(html.substr(text_start, html.find("</mark>", text_start) - text_start) ==
        html_escape(claim));
}

namespace {
/// The HTML report of `texts` (one document each, ids A, B, …) with the default rules.
std::string report_of(const std::vector<std::string>& texts, const std::string& ui,
                      std::vector<Document>* docs_out = nullptr,
                      std::vector<Fact>* facts_out = nullptr) {
  std::vector<Document> docs;
  std::vector<Fact> facts;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    docs.push_back(parse_document(texts[i], "d" + std::to_string(i) + ".txt",
                                  std::string(1, static_cast<char>('A' + i))));
    auto f = extract_facts(test::lexicon(), docs.back());
    facts.insert(facts.end(), f.begin(), f.end());
  }
  auto rules = rules::load_rules(test::source_dir / "rules", test::lexicon());
  auto findings = rules::evaluate(rules, docs, facts, test::lexicon());
  std::ostringstream out;
  write_html_report(out, docs, facts, findings, test::lexicon(), ui);
  if (docs_out) *docs_out = docs;
  if (facts_out) *facts_out = facts;
  return out.str();
}

const std::string kArrests = "اعتقلت الشرطة المغربية 12 شخصا عام 2020.\n";
const std::string kMoreArrests = "اعتقلت الشرطة المغربية 30 شخصا عام 2020.\n";
}  // namespace

TEST_CASE("every interface language has every label, with its slots") {
  using L = HtmlLabels;
  const std::vector<std::string_view L::*> plain{&L::lang,
                                                 &L::dir,
                                                 &L::list_separator,
                                                 &L::title,
                                                 &L::corroborates,
                                                 &L::compatible,
                                                 &L::differs,
                                                 &L::contradicts,
                                                 &L::single_source,
                                                 &L::unchecked,
                                                 &L::means_corroborates,
                                                 &L::means_compatible,
                                                 &L::means_differs,
                                                 &L::means_contradicts,
                                                 &L::means_single_source,
                                                 &L::means_unchecked,
                                                 &L::claim_sample,
                                                 &L::arabic,
                                                 &L::english,
                                                 &L::french,
                                                 &L::text_of,
                                                 &L::summary_label,
                                                 &L::filters_label,
                                                 &L::show,
                                                 &L::legend_label,
                                                 &L::show_in_documents,
                                                 &L::documents_label,
                                                 &L::findings_heading,
                                                 &L::facts_heading,
                                                 &L::panel_label,
                                                 &L::panel_empty,
                                                 &L::no_findings,
                                                 &L::no_facts,
                                                 &L::verdict_tooltip,
                                                 &L::footer,
                                                 &L::col_fact,
                                                 &L::col_verdict,
                                                 &L::col_kind,
                                                 &L::col_subject,
                                                 &L::col_predicate,
                                                 &L::col_object,
                                                 &L::col_quantity,
                                                 &L::col_time,
                                                 &L::col_source,
                                                 &L::col_polarity,
                                                 &L::col_sentence,
                                                 &L::js_fact,
                                                 &L::js_uncited,
                                                 &L::js_cited_by,
                                                 &L::js_shown,
                                                 &L::uncompared};
  const std::vector<CountedLabel L::*> counted{&L::documents,  &L::findings,        &L::claims,
                                               &L::more_facts, &L::uncompared_head, &L::no_subject,
                                               &L::no_time,    &L::no_counterpart};
  CHECK(html_ui_languages() == std::vector<std::string>{"ar", "en", "fr"});
  for (const auto& ui : html_ui_languages()) {
    CAPTURE(ui);
    const HtmlLabels* labels = html_labels(ui);
    REQUIRE(labels);
    CHECK(labels->lang == ui);
    for (auto member : plain) CHECK(!(labels->*member).empty());
    for (auto member : counted) {
      CHECK((labels->*member).one.find("{n}") != std::string_view::npos);
      CHECK((labels->*member).other.find("{n}") != std::string_view::npos);
    }
    for (auto [label, slot] : {std::pair{labels->title, "{documents}"},
                               {labels->title, "{findings}"},
                               {labels->text_of, "{doc}"},
                               {labels->verdict_tooltip, "{verdict}"},
                               {labels->js_fact, "{id}"},
                               {labels->js_shown, "{shown}"},
                               {labels->js_shown, "{total}"},
                               {labels->uncompared, "{head}"},
                               {labels->uncompared, "{reasons}"}})
      CHECK(label.find(slot) != std::string_view::npos);
  }
  CHECK(html_labels("de") == nullptr);
  CHECK(html_labels("ar")->dir == "rtl");
  CHECK(html_labels("fr")->dir == "ltr");
}

TEST_CASE("counted labels: English and French singulars, Arabic's label: number") {
  const HtmlLabels& en = *html_labels("en");
  const HtmlLabels& fr = *html_labels("fr");
  const HtmlLabels& ar = *html_labels("ar");
  CHECK(count_label(en, en.findings, 1) == "1 finding");
  CHECK(count_label(en, en.findings, 0) == "0 findings");
  CHECK(count_label(fr, fr.findings, 0) == "0 constat");
  CHECK(count_label(fr, fr.findings, 2) == "2 constats");
  CHECK(count_label(ar, ar.findings, 11) == "النتائج: 11");
  CHECK(fill_label("{a} and {b}, {a}; {c}", {{"a", "1"}, {"b", "<2>"}}) == "1 and <2>, 1; {c}");
}

TEST_CASE("the labels follow --ui, or the documents' language, and set lang and dir") {
  std::vector<Document> docs;
  const std::string ar = report_of({kArrests, kMoreArrests}, "", &docs);
  CHECK(ui_language(docs) == "ar");
  CHECK(ar.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  CHECK(ar.find("<h2 id=\"findings-heading\">النتائج</h2>") != std::string::npos);
  CHECK(ar.find(">تناقض</span>") != std::string::npos);  // the verdict's name
  for (const char* english : {"Findings", "Extracted facts", "Show in documents", "Legend",
                              "Findings by verdict", "contradicts (", "No finding cites"})
    CHECK_MESSAGE(ar.find(std::string(">") + english) == std::string::npos, english);
  const std::string en = report_of({kArrests, kMoreArrests}, "en");
  CHECK(en.find("<html lang=\"en\" dir=\"ltr\">") != std::string::npos);
  CHECK(en.find("<title>claimcheck report: 2 documents, 1 finding</title>") != std::string::npos);
  CHECK(en.find("data-uncited=\"No finding cites this fact.\"") != std::string::npos);
  const std::string fr = report_of({kArrests, kMoreArrests}, "fr");
  CHECK(fr.find("<html lang=\"fr\" dir=\"ltr\">") != std::string::npos);
  CHECK(fr.find("<h2 id=\"facts-heading\">Faits extraits</h2>") != std::string::npos);
  CHECK(fr.find(">contredit</span>") != std::string::npos);
  CHECK_THROWS_AS(report_of({kArrests, kMoreArrests}, "de"), std::invalid_argument);

  auto with_lang = [](std::vector<std::string> langs) {
    std::vector<Document> d;
    for (auto& l : langs) d.push_back(parse_document("x\n", "x.txt", "A", l));
    return ui_language(d);
  };
  CHECK(with_lang({"fr", "ar", "fr"}) == "fr");
  CHECK(with_lang({"ar", "fr"}) == "ar");  // a tie: the first document's
  CHECK(with_lang({"de"}) == "en");        // no labels in German
}

TEST_CASE("the report says how many figures it could not compare, and why, as the text does") {
  // figures with a subject and a time (compared: arrests and cells of one year), two
  // without a subject, one without a time
  const std::vector<std::string> texts{
      kArrests, "اعتقلت الشرطة 9 أشخاص عام 2020.\nوضبطت 3 أطنان من المخدرات.\n",
      "اعتقلت الشرطة 9 أشخاص.\n\nوفككت السلطات المغربية 4 خلايا إرهابية عام 2020.\n"};
  std::vector<Document> docs;
  std::vector<Fact> facts;
  const std::string en = report_of(texts, "en", &docs, &facts);
  auto rules = rules::load_rules(test::source_dir / "rules", test::lexicon());
  auto findings = rules::evaluate(rules, docs, facts, test::lexicon());
  const auto json = compare_report(docs, facts, findings);
  REQUIRE(json["uncompared"]["figures"] == 3);
  REQUIRE(json["uncompared"]["no_subject"] == 2);
  REQUIRE(json["uncompared"]["no_time"] == 1);
  Uncompared u;
  u.figures = 3, u.no_subject = 2, u.no_time = 1;
  CHECK(en.find("<p class=\"uncompared\" data-figures=\"3\" data-no-subject=\"2\" "
                "data-no-time=\"1\" data-no-counterpart=\"0\">" +
                u.text() + "</p>") != std::string::npos);
  CHECK(u.text() == "3 figures not compared: 2 without a subject, 1 without a time");
  CHECK(report_of(texts, "fr")
            .find(">3 chiffres non comparés\u00a0: 2 sans sujet, 1 sans "
                  "période</p>") != std::string::npos);
  CHECK(report_of(texts, "ar").find(">أرقام لم تُقارن: 3 (بلا جهة: 2، بلا زمن: 1)</p>") !=
        std::string::npos);
  // every figure compared: no line
  CHECK(report_of({kArrests, kMoreArrests}, "en").find("class=\"uncompared\"") ==
        std::string::npos);
}

TEST_CASE("explanations: English left to right, each Arabic name and quote isolated") {
  const std::string html =
      report_of({"---\nsource: وكالة الأنباء\n---\n" + kArrests, kMoreArrests}, "ar");
  const std::string open = "<p class=\"explanation\" lang=\"en\" dir=\"ltr\">";
  auto at = html.find(open);
  REQUIRE(at != std::string::npos);
  std::string explanation = html.substr(at + open.size(), html.find("</p>", at) - at - open.size());
  CHECK(explanation.rfind("<bdi>وكالة الأنباء</bdi>", 0) == 0);
  CHECK(explanation.find("«<bdi>12 شخصا</bdi>»") != std::string::npos);
  // outside the isolates, no Arabic letter is left
  for (std::size_t b; (b = explanation.find("<bdi>")) != std::string::npos;)
    explanation.erase(b, explanation.find("</bdi>", b) + 6 - b);
  CHECK(explanation.find("\xd8") == std::string::npos);  // U+0600–U+063F lead byte
  CHECK(explanation.find("\xd9") == std::string::npos);  // U+0640–U+067F
  CHECK(explanation.find(" reports 12 («») in 2020") != std::string::npos);
  // the sentences a finding cites, in their document's language and direction
  CHECK(html.find("<li lang=\"ar\" dir=\"rtl\"><a href=\"#fact-A:1\">A:1</a> <q><bdi>") !=
        std::string::npos);
}
