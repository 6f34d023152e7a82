// The fixed labels of the HTML report (headings, verdict names, buttons, summaries, the
// table's columns, what its script writes) in each interface language it has: ar, en, fr.
// `--ui` picks one; without it the report takes the documents' language (ui_language).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimcheck {

/// A counted phrase: `one` for a count the language says in the singular, `other` for the
/// rest; each holds {n} where the count goes. Arabic labels are written "label: {n}", which
/// needs no agreement with the number, so both forms are the same there.
struct CountedLabel {
  std::string_view one, other;
};

struct HtmlLabels {
  std::string_view lang, dir;  ///< the <html> element's lang and dir
  std::string_view list_separator;
  std::string_view title;  ///< "claimcheck report: {documents}, {findings}"
  CountedLabel documents, findings, claims, more_facts;
  /// by verdict: the report's six, then "unchecked" (a claim no finding cites)
  std::string_view corroborates, compatible, updates, differs, contradicts, single_source,
      unchecked;
  std::string_view means_corroborates, means_compatible, means_updates, means_differs,
      means_contradicts, means_single_source, means_unchecked;
  std::string_view claim_sample;  ///< the legend's sample word for a highlighted claim
  std::string_view arabic, english, french;
  std::string_view text_of;  ///< "Text of {doc}": a document body's accessible name
  std::string_view summary_label, filters_label, show, legend_label, show_in_documents;
  std::string_view documents_label, findings_heading, facts_heading, panel_label, panel_empty;
  std::string_view no_findings, no_facts, verdict_tooltip, footer;
  /// the facts table's columns
  std::string_view col_fact, col_verdict, col_kind, col_subject, col_predicate, col_object,
      col_quantity, col_time, col_source, col_polarity, col_sentence;
  /// what the script writes: the panel's heading per fact, its empty and cited-by lines,
  /// and the filters' status ({shown}, {total})
  std::string_view js_fact, js_uncited, js_cited_by, js_shown;
  /// the figures no finding compares: "{head}: {reasons}", each reason counted
  std::string_view uncompared;
  CountedLabel uncompared_head, no_subject, no_time, no_counterpart;
};

/// The labels for `ui` (ar, en or fr), or nothing for a language the report has none in.
const HtmlLabels* html_labels(std::string_view ui);

/// The interface languages there are labels for.
const std::vector<std::string>& html_ui_languages();

/// A label's {name} slots filled from `values` (plain text: escape the result for HTML).
std::string fill_label(std::string_view label,
                       const std::vector<std::pair<std::string_view, std::string>>& values);

/// `label` for the count `n`, its {n} filled, in `labels`' language.
std::string count_label(const HtmlLabels& labels, const CountedLabel& label, std::size_t n);

/// The name of a verdict (or "unchecked") in `labels`' language; the id itself when unknown.
std::string_view verdict_label(const HtmlLabels& labels, std::string_view verdict);
/// What the verdict means, for the legend.
std::string_view verdict_meaning(const HtmlLabels& labels, std::string_view verdict);
/// A language's name ("Arabic", "arabe", "العربية"), or the code when there is none.
std::string language_label(const HtmlLabels& labels, const std::string& code);

}  // namespace claimcheck
