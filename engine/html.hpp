// The HTML consistency report: one self-contained page (inline style and script, both
// pinned by hash in a Content-Security-Policy) built from the same documents, facts and
// findings as the JSON report. Every piece of text is escaped on the way in.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "engine/rules/evaluate.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck {

/// Escapes text for HTML content and double- or single-quoted attribute values.
std::string html_escape(std::string_view text);

/// Fills `{{name}}` slots in `tmpl` from `slots` (values are HTML, inserted as given). A
/// slot the map lacks is an error (std::logic_error), so a template and its filler agree.
std::string fill_template(std::string_view tmpl,
                          const std::vector<std::pair<std::string, std::string>>& slots);

/// The Content-Security-Policy of every report: nothing may load, and only the report's
/// own style sheet and script (by SHA-256) may apply.
std::string report_csp();

/// Writes the report. Documents need their `bytes` (the original text) for the side-by-
/// side view; claims are highlighted at their facts' byte spans. `ui` is the language of
/// the labels (ar, en, fr: engine/html_labels.hpp), which also sets the page's lang and
/// dir; "" takes the documents' (ui_language). Throws std::invalid_argument for another.
void write_html_report(std::ostream& out, const std::vector<Document>& docs,
                       const std::vector<Fact>& facts, const std::vector<rules::Finding>& findings,
                       const Lexicon& lexicon, const std::string& ui = "");

/// The labels' language for `docs`: the language most of them are in (the first
/// document's on a tie) when the report has labels in it, else en.
std::string ui_language(const std::vector<Document>& docs);

}  // namespace claimcheck
