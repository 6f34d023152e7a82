// HTML input: text extraction (tags, entities, blocks, hidden content, metadata), the
// offset map in both directions, charset refusal, malformed and deeply nested markup, and
// claims read from a page pointing at the page's own bytes, in facts and in the report.
#include "engine/markup.hpp"

#include <sstream>

#include "engine/extract.hpp"
#include "engine/html.hpp"
#include "engine/rules/parser.hpp"
#include "tests/support.hpp"

using namespace claimcheck;

namespace {
std::string text_of(const std::string& page) {
  return html_to_text(page).text;
}

/// The page bytes a fact's span covers.
std::string span_bytes(const Document& doc, const Fact& f) {
  return doc.bytes.substr(f.span_begin, f.span_end - f.span_begin);
}
}  // namespace

TEST_CASE("character references decode, unknown ones stay as written") {
  CHECK(text_of("a &amp; b &lt;c&gt; &quot;&apos;") == "a & b <c> \"'");
  CHECK(text_of("&#65;&#x42;&#X43; &#1633;&#1634;") == "ABC ١٢");
  CHECK(text_of("&laquo;نص&raquo; &hellip; &euro;") == "«نص» … €");
  CHECK(text_of("&#0;|&#xD800;|&#99999999999999999999;|&#x110000;") ==
        "\uFFFD|\uFFFD|\uFFFD|\uFFFD");
  CHECK(text_of("&#150;&#128;") == "–€");  // Windows-1252, as the HTML standard reads them
  CHECK(text_of("&unknown; &amp &copy &hellip x & y &#;") == "&unknown; & © &hellip x & y &#;");
  CHECK(text_of("12&nbsp;&nbsp;شخصا") == "12 شخصا");  // no-break spaces collapse
}

TEST_CASE("blocks start lines, white space collapses, inline tags vanish") {
  CHECK(text_of("<p>  one\n   two </p><div>three<br>four</div>") == "one two\nthree\nfour");
  CHECK(text_of("<p>ف<b>ك</b>كت <i>12</i> خلية</p>") == "فككت 12 خلية");
  CHECK(text_of("<ul><li>a</li><li>b</li></ul><h2>c</h2>") == "a\nb\nc");
  CHECK(text_of("<pre>a\n  b</pre>") == "a\nb");                     // lines kept, indentation not
  CHECK(text_of("1 < 2 and 3 > 2 </> <3") == "1 < 2 and 3 > 2 <3");  // stray brackets are text
  CHECK(text_of("<p title='a > b' data-x=\"<p>\">x</p>") == "x");    // '>' inside quoted values
}

TEST_CASE("what is not the page's text is skipped") {
  CHECK(text_of("<script>var s = '<p>999</p>';</script>a") == "a");
  CHECK(text_of("<SCRIPT>x</script >a<style>p{}</STYLE>b") == "ab");
  CHECK(text_of("a<!-- 888 <p> -->b<!doctype html><?xml version='1.0'?>c") == "abc");
  CHECK(text_of("<noscript><p>666</p></noscript><template>t</template>a") == "a");
  CHECK(text_of("<svg><title>555</title><svg><text>4</text></svg><text>44</text></svg>a") == "a");
  CHECK(text_of("<p>a<img alt=\"777\" src=x>b</p>") == "ab");
  CHECK(text_of("<textarea><p>x</p></textarea>a") == "a");
}

TEST_CASE("metadata comes from the head, a head never closed ends where the body begins") {
  auto page = html_to_text(
      "<!DOCTYPE html><html lang=\"fr-FR\"><head><title> Titre  &amp; suite </title>"
      "<meta name=\"author\" content=\"Auteur\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://x.example/a?b=1&amp;c=2\">"
      "<p>Le texte.</p></html>");
  CHECK(page.title == "Titre & suite");
  CHECK(page.source == "Auteur");
  CHECK(page.date == "2024-03-05");
  CHECK(page.lang == "fr");
  CHECK(page.url == "https://x.example/a?b=1&c=2");
  CHECK(page.text == "Le texte.");
  auto og = html_to_text(
      "<head><title>T | Site</title><meta property=og:title content='T'>"
      "<meta property='og:site_name' content='Site'><meta name=date content='March 5'></head>x");
  CHECK(og.title == "T");
  CHECK(og.source == "Site");
  CHECK(og.date.empty());  // not ISO 8601: not guessed
  CHECK(html_to_text("<head><title>t</title>body text").text == "body text");
}

TEST_CASE("the offset map points text back at the page's bytes, and back again") {
  const std::string page = "<p>a &amp; <b>12</b>&nbsp;شخصا</p>\n<p>b</p>";
  auto h = html_to_text(page);
  REQUIRE(h.text == "a & 12 شخصا\nb");
  auto at = [&](std::string_view piece) {
    std::size_t b = h.text.find(piece);
    auto [ob, oe] = h.map.to_original(b, b + piece.size());
    return page.substr(ob, oe - ob);
  };
  CHECK(at("12") == "12");
  CHECK(at("&") == "&amp;");
  CHECK(at("a & 12") == "a &amp; <b>12");
  CHECK(at("12 شخصا") == "12</b>&nbsp;شخصا");
  CHECK(at("b") == "b");
  // to_text inverts to_original for every span of whole characters
  for (std::size_t b = 0; b < h.text.size(); ++b)
    for (std::size_t e = b + 1; e <= h.text.size(); ++e) {
      if ((h.text[b] & 0xC0) == 0x80 || (e < h.text.size() && (h.text[e] & 0xC0) == 0x80)) continue;
      auto [ob, oe] = h.map.to_original(b, e);
      REQUIRE(ob <= oe);
      REQUIRE(oe <= page.size());
      auto back = h.map.to_text(ob, oe);
      CHECK_MESSAGE((back == std::pair{b, e}), "span ", b, "–", e);
    }
}

TEST_CASE("HTML is recognised by name or by its first bytes") {
  CHECK(looks_like_html("a/b.html", "x"));
  CHECK(looks_like_html("B.HTM", "x"));
  CHECK(looks_like_html("-", "\xEF\xBB\xBF\n  <!DOCTYPE HTML><p>x"));
  CHECK(looks_like_html("in.txt", "<html><body>x"));
  CHECK_FALSE(looks_like_html("in.txt", "<p>a paragraph in a text file</p>"));
  CHECK_FALSE(looks_like_html("notes.txt", "اعتقلت الشرطة 12 شخصا"));
}

TEST_CASE("a page in another charset is refused with where it says so") {
  CHECK(test::input_error("<html><head><meta charset=\"windows-1256\"></head>\xC7\xE1") ==
        "in.txt: byte 12: the page declares charset 'windows-1256'; claimcheck reads UTF-8 only "
        "(convert it first: iconv -f windows-1256 -t UTF-8)");
  CHECK(test::input_error("<!doctype html><meta http-equiv=Content-Type content=\"text/html; "
                          "charset=ISO-8859-1\">caf\xE9")
            .find("byte 15: the page declares charset 'iso-8859-1'") != std::string::npos);
  // ASCII reads the same in any of them; UTF-8 is what we read
  CHECK(test::input_error("<html><meta charset=iso-8859-1>plain ascii") == "");
  CHECK(test::input_error("<html><meta charset=UTF-8>نص") == "");
  CHECK(test::input_error("<html>ab\xFF") == "in.txt: byte 8: invalid UTF-8: invalid lead byte");
}

TEST_CASE("markup never closed ends the text with a warning, not an error") {
  auto comment = html_to_text("<p>اعتقلت الشرطة 12 شخصا</p><!-- a comment");
  CHECK(comment.text == "اعتقلت الشرطة 12 شخصا");
  REQUIRE(comment.warnings.size() == 1);
  CHECK(comment.warnings[0] ==
        "byte 44: a comment is never closed; the rest of the page is ignored");
  auto tag = html_to_text("<p>a</p><div class=\"x");
  CHECK(tag.text == "a");
  CHECK(tag.warnings.at(0) == "byte 8: a tag is never closed; the rest of the page is ignored");
  auto script = html_to_text("a<script>b");
  CHECK(script.text == "a");
  CHECK(script.warnings.at(0) ==
        "byte 1: <script> is never closed; the rest of the page is ignored");
}

TEST_CASE("deeply nested markup costs nothing: 100,000 levels, closed or not") {
  const std::string claim = "اعتقلت الشرطة المغربية 12 شخصا عام 2020.";
  std::string page = "<!doctype html><html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div><span>";
  page += claim;
  for (int i = 0; i < 100000; ++i) page += "</span></div>";
  for (int i = 0; i < 100000; ++i) page += "<b><i>";  // never closed
  page += "</body></html>";
  Document doc = parse_document(page, "deep.html", "A");
  CHECK(doc.text == claim);
  auto facts = extract_facts(test::lexicon(), doc);
  REQUIRE(facts.size() == 1);
  CHECK(span_bytes(doc, facts[0]) == "اعتقلت الشرطة المغربية 12 شخصا");
  // hidden content nested as deep: skipped, and nothing after it is lost
  std::string hidden = "<svg>";
  for (int i = 0; i < 100000; ++i) hidden += "<svg><g>";
  hidden += "999";
  for (int i = 0; i < 100000; ++i) hidden += "</g></svg>";
  hidden += "</svg><p>" + claim + "</p>";
  CHECK(html_to_text(hidden).text == claim);
}

TEST_CASE("claims read from a page keep the page's bytes as their spans") {
  const std::string page =
      "<html lang=ar><head><meta property=\"article:published_time\" content=\"2021-05-01\">"
      "<meta property=\"og:site_name\" content=\"&lt;b&gt;موقع&lt;/b&gt;\"></head><body>"
      "<p>فككت الشرطة المغربية <strong>5</strong>&nbsp;خلايا إرهابية في العام الماضي.</p>"
      "<p>&lt;img src=x onerror=alert(1)&gt; واعتقلت 12 شخصا.</p></body></html>";
  Document doc = parse_document(page, "page.html", "A");
  CHECK(doc.date == "2021-05-01");
  CHECK(doc.source == "<b>موقع</b>");
  auto facts = extract_facts(test::lexicon(), doc);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].quantity->value == 5);
  CHECK(facts[0].time->from_iso() == "2020");
  CHECK(span_bytes(doc, facts[0]) == "فككت الشرطة المغربية <strong>5</strong>&nbsp;خلايا إرهابية");
  CHECK(facts[0].text.str() == "فككت الشرطة المغربية 5 خلايا إرهابية في العام الماضي.");
  CHECK(span_bytes(doc, facts[1]) == "واعتقلت 12 شخصا");

  // the HTML report shows the page's text, escaped, with the claims highlighted
  Document other = parse_document("اعتقلت الشرطة المغربية 12 شخصا عام 2020.\n", "b.txt", "B");
  auto more = extract_facts(test::lexicon(), other);
  facts.insert(facts.end(), more.begin(), more.end());
  auto rules = rules::load_rules(test::source_dir / "rules", test::lexicon());
  auto findings = rules::evaluate(rules, {doc, other}, facts, test::lexicon());
  std::ostringstream out;
  write_html_report(out, {doc, other}, facts, findings, test::lexicon());
  const std::string html = out.str();
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;موقع&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("&lt;strong&gt;") == std::string::npos);  // the text, not the markup
  CHECK(html.find(">فككت الشرطة المغربية 5 خلايا إرهابية</mark>") != std::string::npos);
}
