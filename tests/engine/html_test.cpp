// The HTML report's building blocks: escaping, the template filler, the CSP, and a whole
// report built from real extraction, checked for escaping and highlight placement. The
// browser tests (tests/browser) check the same report as a reader sees it.
#include "engine/html.hpp"

#include <sstream>
#include <stdexcept>

#include "engine/extract.hpp"
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
