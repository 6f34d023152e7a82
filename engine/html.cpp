// The HTML consistency report: escaping, a small {{slot}} template filler, the CSP, and
// the page's parts (sources, summary, filters, legend, documents with highlighted
// claims, findings, facts). The skeleton, style sheet and script are engine/html/ files
// embedded at build time (embed.cmake).
#include "engine/html.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "engine/html_labels.hpp"
#include "engine/report.hpp"
#include "grammar/text.hpp"

namespace claimcheck {

namespace html_assets {
extern const std::string_view report_html, report_css, report_css_sha256, report_js,
    report_js_sha256;
}  // namespace html_assets

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        break;  // CRLF files: the line break is enough
      default:
        out += c;
    }
  return out;
}

std::string fill_template(std::string_view tmpl,
                          const std::vector<std::pair<std::string, std::string>>& slots) {
  std::string out;
  out.reserve(tmpl.size());
  std::size_t pos = 0;
  while (true) {
    std::size_t open = tmpl.find("{{", pos);
    if (open == std::string_view::npos) break;
    std::size_t close = tmpl.find("}}", open);
    if (close == std::string_view::npos) throw std::logic_error("template: unclosed {{");
    out.append(tmpl.substr(pos, open - pos));
    std::string_view name = tmpl.substr(open + 2, close - open - 2);
    auto it =
        std::find_if(slots.begin(), slots.end(), [&](const auto& s) { return s.first == name; });
    if (it == slots.end())
      throw std::logic_error("template: no value for {{" + std::string(name) + "}}");
    out += it->second;
    pos = close + 2;
  }
  out.append(tmpl.substr(pos));
  return out;
}

namespace {

/// The base64 of a digest given in hex, as CSP hash sources want it.
std::string hex_to_base64(std::string_view hex) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? alphabet[n & 63] : '=';
  }
  return out;
}

/// Verdicts from the most to the least pressing: the order of the findings list, the
/// summary, the filters and the legend.
const std::vector<std::string>& verdict_priority() {
  static const std::vector<std::string> v{"contradicts",   "updates",    "differs",
                                          "single-source", "compatible", "corroborates"};
  return v;
}

/// Which verdict a claim cited by several findings shows: what most changes how far the
/// claim can be trusted. A contradiction first; then a claim only one source makes; then
/// agreement, which says more of the claim than "not comparable" does.
std::size_t claim_priority(const std::string& verdict) {
  static const std::vector<std::string> v{"contradicts",  "updates",    "single-source",
                                          "corroborates", "compatible", "differs"};
  return static_cast<std::size_t>(std::find(v.begin(), v.end(), verdict) - v.begin());
}

bool right_to_left(const std::string& lang) {
  return lang == "ar" || lang == "fa" || lang == "ur" || lang == "he";
}

std::string dash(const std::string& s) {
  return s.empty() ? "—" : s;
}

/// What the report shows for a fact: each column of the facts table.
struct FactRow {
  std::string kind, subject, predicate, object, quantity, time, source, polarity, sentence;
};

FactRow describe(const Fact& f, const Lexicon& lex) {
  auto name = [&](const std::string& id) {
    if (id.empty()) return std::string();
    std::string n = lex.display_name(id);
    return n.empty() || n == id ? id : n + " (" + id + ")";
  };
  FactRow r;
  r.kind = f.kind;
  r.subject = name(f.subject);
  r.predicate = f.predicate;
  r.object = f.kind == "membership" ? name(f.object) : f.object.str();
  std::replace(r.object.begin(), r.object.end(), '_', ' ');
  if (!f.members.empty()) {
    std::string list;
    for (const auto& m : f.members) list += (list.empty() ? "" : ", ") + name(m);
    r.object += (r.object.empty() ? "" : ": ") + list;
  }
  if (f.quantity) r.quantity = describe_quantity(*f.quantity) + " («" + f.quantity->text + "»)";
  if (f.time)
    r.time =
        describe_time(*f.time) + (f.time->text.empty() ? "" : " («" + f.time->text.str() + "»)");
  if (f.source)
    r.source = name(f.source->entity) +
               (f.source->text.empty() ? "" : " («" + f.source->text.str() + "»)");
  r.polarity = f.polarity;
  r.sentence = f.text.str();
  return r;
}

/// Highlighted claims and their sentences in one document, as byte ranges.
struct Claim {
  std::size_t begin, end;
  std::vector<const Fact*> facts;
  std::string verdict;  ///< the most pressing verdict among the findings citing them
};
struct Sentence {
  std::size_t begin, end;
  std::vector<Claim> claims;
};

std::vector<Sentence> layout(const Document& doc, std::vector<const Fact*> facts,
                             const std::map<std::string, std::string>& verdict_of) {
  const std::string& bytes = doc.content();
  std::sort(facts.begin(), facts.end(),
            [](const Fact* a, const Fact* b) { return a->span_begin < b->span_begin; });
  struct Range {
    std::size_t sb, se, cb, ce;
    const Fact* fact;
  };
  std::vector<Range> ranges;
  for (const Fact* f : facts) {
    auto [span_b, span_e] = doc.content_span(f->span_begin, f->span_end);
    std::size_t cb = std::min(span_b, bytes.size()), ce = std::min(span_e, bytes.size());
    if (ce < cb) ce = cb;
    // the sentence is the stored sentence text, found where it ends at or after the claim
    std::size_t sb = cb, se = ce;
    if (!f->text.empty()) {
      std::size_t at = bytes.rfind(f->text.str(), cb);
      if (at != std::string::npos && at >= doc.content_begin() && at + f->text.size() >= ce)
        sb = at, se = at + f->text.size();
    }
    if (cb == ce) cb = sb, ce = se;  // no span of its own: the sentence is the claim
    ranges.push_back({sb, se, cb, ce, f});
  }
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) {
    return a.sb != b.sb ? a.sb < b.sb : a.cb < b.cb;
  });
  std::vector<Sentence> out;
  for (const auto& r : ranges) {
    if (out.empty() || r.sb >= out.back().end)
      out.push_back({r.sb, r.se, {}});
    else
      out.back().end = std::max(out.back().end, r.se);  // overlapping sentences: their union
    auto& claims = out.back().claims;
    if (!claims.empty() && r.cb < claims.back().end) {
      claims.back().end = std::max(claims.back().end, r.ce);
      claims.back().facts.push_back(r.fact);
    } else {
      claims.push_back({r.cb, r.ce, {r.fact}, ""});
    }
  }
  for (auto& sentence : out)
    for (auto& c : sentence.claims) {
      c.verdict = "unchecked";
      for (const Fact* f : c.facts)
        if (auto it = verdict_of.find(f->id);
            it != verdict_of.end() && claim_priority(it->second) < claim_priority(c.verdict))
          c.verdict = it->second;
    }
  return out;
}

/// Right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms.
bool right_to_left_char(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

/// `html` with each run of right-to-left script outside a <bdi> in one of its own: from its
/// first right-to-left character to its last, over the spaces and digits between them.
std::string isolate_right_to_left(const std::string& html) {
  std::string out;
  out.reserve(html.size() + 32);
  for (std::size_t pos = 0; pos < html.size();) {
    if (html.compare(pos, 5, "<bdi>") == 0) {  // isolated already
      std::size_t end = html.find("</bdi>", pos);
      end = end == std::string::npos ? html.size() : end + 6;
      out.append(html, pos, end - pos);
      pos = end;
      continue;
    }
    std::size_t next = pos;
    if (!right_to_left_char(decode_utf8(html, next))) {
      out.append(html, pos, next - pos);
      pos = next;
      continue;
    }
    std::size_t last = next;  // one past the run's last right-to-left character
    for (std::size_t scan = next; scan < html.size();) {
      std::size_t after = scan;
      char32_t cp = decode_utf8(html, after);
      if (right_to_left_char(cp))
        last = after;
      else if (cp != ' ' && !(cp >= '0' && cp <= '9'))
        break;
      scan = after;
    }
    out += "<bdi>";
    out.append(html, pos, last - pos);
    out += "</bdi>";
    pos = last;
  }
  return out;
}

/// Escapes left-to-right text (an explanation, a normalised value) and isolates what it
/// quotes («…», “…») and every name in a right-to-left script, so that each keeps its own
/// direction and the text's punctuation stays where English puts it.
std::string isolated_html(const std::string& text) {
  std::string out = html_escape(text);
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"«", "»"}, {"“", "”"}}) {
    std::size_t pos = 0;
    while ((pos = out.find(open, pos)) != std::string::npos) {
      std::size_t end = out.find(close, pos + open.size());
      if (end == std::string::npos) break;
      out.insert(end, "</bdi>");
      out.insert(pos + open.size(), "<bdi>");
      pos = end + 5 + 6 + close.size();
    }
  }
  return isolate_right_to_left(out);
}

/// The explanation as a reader wants it: figures of five digits or more grouped by
/// thousands (200,000,000; years stay as they are), ISO 4217 codes after a figure named
/// (MAD → Moroccan dirhams), and each document's headline in quotes replaced by the
/// document's id, which the report's header names already.
std::string readable_explanation(std::string text, const std::vector<Document>& docs) {
  for (const auto& d : docs) {
    if (d.title.empty()) continue;
    const std::string quoted = "“" + d.title + "”";
    for (std::size_t at; (at = text.find(quoted)) != std::string::npos;)
      text.replace(at, quoted.size(), d.id);
  }
  static const std::map<std::string, std::string> currencies{
      {"MAD", "Moroccan dirhams"}, {"USD", "US dollars"},      {"EUR", "euros"},
      {"EGP", "Egyptian pounds"},  {"TND", "Tunisian dinars"}, {"DZD", "Algerian dinars"},
      {"SAR", "Saudi riyals"},     {"AED", "UAE dirhams"},     {"GBP", "pounds sterling"},
      {"JOD", "Jordanian dinars"}, {"LBP", "Lebanese pounds"}, {"IQD", "Iraqi dinars"},
      {"KWD", "Kuwaiti dinars"},   {"QAR", "Qatari riyals"},   {"LYD", "Libyan dinars"},
      {"SYP", "Syrian pounds"},    {"SDG", "Sudanese pounds"}, {"OMR", "Omani rials"},
      {"BHD", "Bahraini dinars"},  {"YER", "Yemeni rials"},    {"TRY", "Turkish lira"},
      {"CHF", "Swiss francs"},     {"JPY", "Japanese yen"},    {"CNY", "Chinese yuan"}};
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) ||
        (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.' ||
                   text[i - 1] == ','))) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    std::string digits = text.substr(i, end - i);
    bool decimal = end < text.size() && (text[end] == '.' || text[end] == ',') &&
                   end + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[end + 1]));
    if (digits.size() >= 5 && !decimal) {
      std::string grouped;
      for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) grouped += ',';
        grouped += digits[k];
      }
      digits = grouped;
    }
    out += digits;
    i = end;
    if (i + 4 <= text.size() && text[i] == ' ') {
      auto it = currencies.find(text.substr(i + 1, 3));
      bool word_end =
          i + 4 == text.size() || !std::isalpha(static_cast<unsigned char>(text[i + 4]));
      if (it != currencies.end() && word_end) {
        out += " " + it->second;
        i += 4;
      }
    }
  }
  return out;
}

std::string verdict_badge(const std::string& verdict) {
  return "<span class=\"icon v-" + verdict + "\" aria-hidden=\"true\"></span>";
}

/// A list of ids for a data attribute: space-separated, escaped.
std::string id_list(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : " ") + id;
  return html_escape(s);
}

std::string render_document(const Document& doc, const std::vector<const Fact*>& facts,
                            const std::map<std::string, std::string>& verdict_of,
                            const Lexicon& lex, const HtmlLabels& labels) {
  const std::string& bytes = doc.content();
  const bool rtl = right_to_left(doc.lang);
  std::string out = "<article class=\"document\" id=\"doc-" + html_escape(doc.id) +
                    "\" aria-labelledby=\"doc-" + html_escape(doc.id) + "-title\">\n<header>";
  out += "<h3 id=\"doc-" + html_escape(doc.id) + "-title\">" + html_escape(doc.id) + " · <bdi>" +
         html_escape(doc.title.empty() ? doc.path : doc.title) + "</bdi></h3>";
  std::string meta;
  for (const auto& part : {doc.source, doc.date, language_label(labels, doc.lang)})
    if (!part.empty())
      meta += (meta.empty() ? "" : " · ") + std::string("<bdi>") + html_escape(part) + "</bdi>";
  meta +=
      (meta.empty() ? "" : " · ") + html_escape(count_label(labels, labels.claims, facts.size()));
  out += "<div class=\"meta\">" + meta + "</div></header>\n";
  out += "<div class=\"body\" dir=\"" + std::string(rtl ? "rtl" : "ltr") + "\" lang=\"" +
         html_escape(doc.lang) + "\" tabindex=\"0\" aria-label=\"" +
         html_escape(fill_label(labels.text_of, {{"doc", doc.id}})) + "\">\n";
  auto sentences = layout(doc, facts, verdict_of);
  std::size_t next = 0;  // the next sentence to place
  std::size_t pos = std::min(doc.content_begin(), bytes.size());
  while (pos < bytes.size()) {
    std::size_t line_end = bytes.find('\n', pos);
    if (line_end == std::string::npos) line_end = bytes.size();
    std::string para;
    std::size_t at = pos;
    while (next < sentences.size() && sentences[next].begin < line_end) {
      const Sentence& s = sentences[next++];
      if (s.begin < at) continue;  // cannot happen with valid spans; never write twice
      std::size_t s_end = std::min(s.end, line_end);
      para += html_escape(std::string_view(bytes).substr(at, s.begin - at));
      std::vector<std::string> sentence_ids;
      for (const auto& c : s.claims)
        for (const Fact* f : c.facts) sentence_ids.push_back(f->id);
      para += "<span class=\"sent\" data-facts=\"" + id_list(sentence_ids) + "\">";
      std::size_t in = s.begin;
      for (const auto& c : s.claims) {
        if (c.begin < in || c.end > s_end) continue;
        para += html_escape(std::string_view(bytes).substr(in, c.begin - in));
        std::vector<std::string> ids;
        std::string title;
        for (const Fact* f : c.facts) {
          ids.push_back(f->id);
          FactRow r = describe(*f, lex);
          title += (title.empty() ? "" : "\n") + f->id + ": " + r.kind + " · " + dash(r.subject) +
                   " · " + dash(r.predicate) + " · " + dash(r.object) +
                   (r.quantity.empty() ? "" : " · " + r.quantity) +
                   (r.time.empty() ? "" : " · " + r.time);
        }
        for (std::size_t k = 1; k < ids.size(); ++k)
          para += "<span id=\"fact-" + html_escape(ids[k]) + "\"></span>";
        para +=
            "<mark class=\"claim v-" + c.verdict + "\" id=\"fact-" + html_escape(ids[0]) +
            "\" data-facts=\"" + id_list(ids) + "\" data-verdict=\"" + c.verdict +
            "\" tabindex=\"0\" role=\"button\" aria-pressed=\"false\" title=\"" +
            html_escape(title + "\n" +
                        fill_label(labels.verdict_tooltip,
                                   {{"verdict", std::string(verdict_label(labels, c.verdict))}})) +
            "\">" + html_escape(std::string_view(bytes).substr(c.begin, c.end - c.begin)) +
            "</mark>";
        in = c.end;
      }
      para += html_escape(std::string_view(bytes).substr(in, s_end - in)) + "</span>";
      at = s_end;
    }
    para += html_escape(std::string_view(bytes).substr(at, line_end - at));
    if (para.find_first_not_of(" \t") != std::string::npos) out += "<p>" + para + "</p>\n";
    pos = line_end + 1;
  }
  out += "</div>\n</article>\n";
  return out;
}

}  // namespace

std::string report_csp() {
  return "default-src 'none'; script-src 'sha256-" + hex_to_base64(html_assets::report_js_sha256) +
         "'; style-src 'sha256-" + hex_to_base64(html_assets::report_css_sha256) +
         "'; img-src 'none'; base-uri 'none'; form-action 'none'";
}

std::string ui_language(const std::vector<Document>& docs) {
  std::map<std::string, int> count;
  for (const auto& d : docs) ++count[d.lang];
  std::string best;
  for (const auto& d : docs)
    if (best.empty() || count[d.lang] > count[best]) best = d.lang;
  return html_labels(best) ? best : "en";
}

namespace {

/// What the report says of the figures no finding compares, and why, in the labels'
/// language; empty when every figure is compared. The counts are also data attributes.
std::string uncompared_html(const Uncompared& u, const HtmlLabels& labels) {
  if (u.figures == 0) return "";
  std::string reasons;
  for (const auto& [n, label] :
       {std::pair{u.no_subject, &labels.no_subject}, std::pair{u.no_time, &labels.no_time},
        std::pair{u.no_counterpart, &labels.no_counterpart}})
    if (n > 0)
      reasons += (reasons.empty() ? "" : std::string(labels.list_separator)) +
                 count_label(labels, *label, static_cast<std::size_t>(n));
  const std::string text = fill_label(
      labels.uncompared,
      {{"head", count_label(labels, labels.uncompared_head, static_cast<std::size_t>(u.figures))},
       {"reasons", reasons}});
  return "<p class=\"uncompared\" data-figures=\"" + std::to_string(u.figures) +
         "\" data-no-subject=\"" + std::to_string(u.no_subject) + "\" data-no-time=\"" +
         std::to_string(u.no_time) + "\" data-no-counterpart=\"" +
         std::to_string(u.no_counterpart) + "\">" + html_escape(text) + "</p>";
}

}  // namespace

void write_html_report(std::ostream& out, const std::vector<Document>& docs,
                       const std::vector<Fact>& facts, const std::vector<rules::Finding>& findings,
                       const Lexicon& lex, const std::string& ui_given) {
  const std::string ui = ui_given.empty() ? ui_language(docs) : ui_given;
  const HtmlLabels* found = html_labels(ui);
  if (!found) throw std::invalid_argument("the HTML report has no labels in '" + ui + "'");
  const HtmlLabels& labels = *found;
  auto verdict_name = [&](const std::string& v) { return html_escape(verdict_label(labels, v)); };
  std::map<std::string, const Fact*> by_id;
  for (const auto& f : facts) by_id[f.id] = &f;
  auto doc_of = [&](const std::string& id) -> const Document* {
    auto it = std::find_if(docs.begin(), docs.end(), [&](const Document& d) { return d.id == id; });
    return it == docs.end() ? nullptr : &*it;
  };
  std::map<std::string, std::string> verdict_of;  // fact id → most pressing verdict citing it
  for (const auto& fd : findings)
    for (const auto& id : fd.facts) {
      auto [it, fresh] = verdict_of.try_emplace(id, fd.verdict);
      if (!fresh && claim_priority(fd.verdict) < claim_priority(it->second))
        it->second = fd.verdict;
    }
  std::map<std::string, std::size_t> counts;
  for (const auto& fd : findings) ++counts[fd.verdict];

  const std::string title = fill_label(
      labels.title, {{"documents", count_label(labels, labels.documents, docs.size())},
                     {"findings", count_label(labels, labels.findings, findings.size())}});

  const std::string separator(labels.list_separator);
  std::string sources = "<ul class=\"sources\">";
  for (const auto& d : docs) {
    sources += "<li><a href=\"#doc-" + html_escape(d.id) + "\"><strong>" + html_escape(d.id) +
               "</strong></a> <bdi>" + html_escape(d.title.empty() ? d.path : d.title) + "</bdi>";
    std::string meta;
    for (const auto& part : {d.source, d.date, language_label(labels, d.lang), d.path})
      if (!part.empty())
        meta += (meta.empty() ? "" : separator) + "<bdi>" + html_escape(part) + "</bdi>";
    sources += " <span class=\"meta\">(" + meta + ")</span></li>";
  }
  sources += "</ul>";

  std::string summary =
      "<ul class=\"summary\" aria-label=\"" + html_escape(labels.summary_label) + "\">";
  std::string filters = "<div class=\"filters\" role=\"group\" aria-label=\"" +
                        html_escape(labels.filters_label) + "\"><span>" + html_escape(labels.show) +
                        "</span>";
  for (const auto& v : verdict_priority()) {
    std::string n = std::to_string(counts[v]);
    summary +=
        "<li class=\"v-" + v + "\">" + verdict_badge(v) + " " + n + " " + verdict_name(v) + "</li>";
    filters += "<button type=\"button\" class=\"v-" + v + "\" data-verdict=\"" + v +
               "\" aria-pressed=\"true\">" + verdict_badge(v) + " " + verdict_name(v) + " (" + n +
               ")</button>";
  }
  summary += "</ul>";
  filters += "<span id=\"filter-status\" role=\"status\" class=\"meta\" data-shown=\"" +
             html_escape(labels.js_shown) + "\"></span></div>";

  std::string legend =
      "<ul class=\"legend\" aria-label=\"" + html_escape(labels.legend_label) + "\">";
  for (const auto& v : verdict_priority())
    legend += "<li class=\"v-" + v + "\">" + verdict_badge(v) + " <span class=\"sample\">" +
              verdict_name(v) + "</span>: " + html_escape(verdict_meaning(labels, v)) + "</li>";
  legend += "<li class=\"v-unchecked\">" + verdict_badge("unchecked") + " <span class=\"sample\">" +
            html_escape(labels.claim_sample) +
            "</span>: " + html_escape(verdict_meaning(labels, "unchecked")) + "</li></ul>";

  std::string documents;
  for (const auto& d : docs) {
    std::vector<const Fact*> own;
    for (const auto& f : facts)
      if (f.doc == d.id) own.push_back(&f);
    documents += render_document(d, own, verdict_of, lex, labels);
  }

  // findings in the one order of every report (report_order)
  const std::vector<std::size_t> order = report_order(findings, facts);
  std::string list;
  constexpr std::size_t kCitedShown = 12;
  for (std::size_t n = 0; n < order.size(); ++n) {
    const auto& fd = findings[order[n]];
    const std::string v = html_escape(fd.verdict);
    list += "<li class=\"finding v-" + v + "\" id=\"finding-" + std::to_string(n + 1) +
            "\" data-verdict=\"" + v + "\" data-facts=\"" + id_list(fd.facts) + "\">";
    list += "<div class=\"head\">" + verdict_badge(v) + "<span class=\"verdict\">" +
            verdict_name(fd.verdict) + "</span><span class=\"rule\">" + html_escape(fd.rule) +
            "</span>" + "<button type=\"button\" class=\"select\">" +
            html_escape(labels.show_in_documents) + "</button></div>";
    // the rules write explanations in English: left to right whatever name comes first
    list += "<p class=\"explanation\" lang=\"en\" dir=\"ltr\">" +
            isolated_html(readable_explanation(fd.explanation, docs)) + "</p><ul class=\"cited\">";
    for (std::size_t k = 0; k < fd.facts.size() && k < kCitedShown; ++k) {
      const std::string& id = fd.facts[k];
      // a cited sentence in its document's language and direction, its id at the start
      auto it = by_id.find(id);
      const Document* doc = it == by_id.end() ? nullptr : doc_of(it->second->doc);
      list += doc ? "<li lang=\"" + html_escape(doc->lang) + "\" dir=\"" +
                        (right_to_left(doc->lang) ? "rtl" : "ltr") + "\">"
                  : "<li>";
      list += "<a href=\"#fact-" + html_escape(id) + "\">" + html_escape(id) + "</a>";
      if (it != by_id.end())
        list += " <q><bdi>" + html_escape(it->second->text.str()) + "</bdi></q>";
      list += "</li>";
    }
    if (fd.facts.size() > kCitedShown)
      list += "<li class=\"meta\">" +
              html_escape(count_label(labels, labels.more_facts, fd.facts.size() - kCitedShown)) +
              "</li>";
    list += "</ul></li>\n";
  }
  std::string findings_html = findings.empty()
                                  ? "<p class=\"empty\">" + html_escape(labels.no_findings) + "</p>"
                                  : "<ol class=\"findings\">\n" + list + "</ol>";

  std::string table =
      "<div class=\"table-scroll\" tabindex=\"0\"><table class=\"facts\"><thead><tr>";
  for (auto column : {labels.col_fact, labels.col_verdict, labels.col_kind, labels.col_subject,
                      labels.col_predicate, labels.col_object, labels.col_quantity, labels.col_time,
                      labels.col_source, labels.col_polarity, labels.col_sentence})
    table += "<th>" + html_escape(column) + "</th>";
  table += "</tr></thead><tbody>\n";
  for (const auto& f : facts) {
    FactRow r = describe(f, lex);
    auto it = verdict_of.find(f.id);
    std::string v = it == verdict_of.end() ? "unchecked" : it->second;
    table += "<tr id=\"row-" + html_escape(f.id) + "\"><td><a href=\"#fact-" + html_escape(f.id) +
             "\">" + html_escape(f.id) + "</a></td><td class=\"v-" + v + "\">" + verdict_badge(v) +
             " " + verdict_name(v) + "</td>";
    // normalised values left to right, what they quote and name isolated; the sentence in
    // its document's language and direction
    for (const auto* cell : {&r.kind, &r.subject, &r.predicate, &r.object, &r.quantity, &r.time,
                             &r.source, &r.polarity})
      table += "<td><bdi dir=\"ltr\">" + isolated_html(dash(*cell)) + "</bdi></td>";
    const Document* doc = doc_of(f.doc);
    table += doc ? "<td><bdi lang=\"" + html_escape(doc->lang) + "\" dir=\"" +
                       (right_to_left(doc->lang) ? "rtl" : "ltr") + "\">"
                 : "<td><bdi>";
    table += html_escape(r.sentence) + "</bdi></td></tr>\n";
  }
  table += "</tbody></table></div>";
  if (facts.empty()) table = "<p class=\"empty\">" + html_escape(labels.no_facts) + "</p>";

  std::set<std::string> cited;
  for (const auto& fd : findings) cited.insert(fd.facts.begin(), fd.facts.end());
  Uncompared uncompared;
  for (const auto& f : facts) uncompared.count(fact_json(f), cited.count(f.id) > 0);

  out << fill_template(html_assets::report_html,
                       {{"lang", std::string(labels.lang)},
                        {"dir", std::string(labels.dir)},
                        {"csp", report_csp()},
                        {"title", html_escape(title)},
                        {"style", std::string(html_assets::report_css)},
                        {"script", std::string(html_assets::report_js)},
                        {"sources", sources},
                        {"summary", summary},
                        {"uncompared", uncompared_html(uncompared, labels)},
                        {"filters", filters},
                        {"legend", legend},
                        {"documents_label", html_escape(labels.documents_label)},
                        {"layout", docs.size() == 2   ? "count-2"
                                   : docs.size() == 3 ? "count-3"
                                                      : "many"},
                        {"documents", documents},
                        {"findings_heading", html_escape(labels.findings_heading)},
                        {"findings", findings_html},
                        {"panel_label", html_escape(labels.panel_label)},
                        {"panel_empty", html_escape(labels.panel_empty)},
                        {"js_fact", html_escape(labels.js_fact)},
                        {"js_uncited", html_escape(labels.js_uncited)},
                        {"js_cited_by", html_escape(labels.js_cited_by)},
                        {"facts_heading", html_escape(labels.facts_heading)},
                        {"facts", table},
                        {"footer", html_escape(labels.footer)}});
}

}  // namespace claimcheck
