// Rendering documents and facts: the `claimcheck.report/1` JSON (keys in DESIGN's order),
// JSON Lines (one fact a line) and a plain-text table for the terminal.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "engine/rules/evaluate.hpp"

namespace claimcheck {

using ordered_json = nlohmann::ordered_json;

ordered_json document_json(const Document& doc);
/// A fact as the report's JSON writes it; a consistency report leaves its sentence's text
/// out (`with_text` false): the report's `sentences` holds each sentence once.
ordered_json fact_json(const Fact& fact, bool with_text = true);
/// {"doc", "n", "text"}: the sentence of `fact`, as a consistency report's `sentences` lists it.
ordered_json sentence_json(const Fact& fact);

/// {"schema":"claimcheck.report/1","documents":[…],"facts":[…]}
ordered_json facts_report(const std::vector<Document>& docs, const std::vector<Fact>& facts);

ordered_json finding_json(const rules::Finding& finding);

/// The one order of findings in every report (text, JSON, HTML, ClaimReview, corpus
/// checks): the most pressing verdict first (contradicts, updates, differs, single-source,
/// compatible, corroborates), then by the first fact each cites, in document order, then as
/// the engine gave them. Returns indices into `findings` (docs/rules.md).
std::vector<std::size_t> report_order(const std::vector<rules::Finding>& findings,
                                      const std::vector<Fact>& facts);

/// The verdicts from the most to the least pressing: the order of report_order().
const std::vector<std::string>& verdicts_by_priority();

/// What a report says of the figures it could not compare: facts with a quantity that no
/// finding cites, by reason ("no_subject" first, then "no_time", else "no_counterpart").
/// Built from fact JSON (fact_json), so it holds whatever the fact model becomes.
struct Uncompared {
  int figures = 0, no_subject = 0, no_time = 0, no_counterpart = 0;
  void count(const ordered_json& fact, bool cited);
  void count(const Fact& fact, bool cited);  ///< the same, without building its JSON
  ordered_json json() const;
  std::string text() const;  ///< "3 figures not compared: 2 without a time, 1 …"
};

/// The whole consistency report: documents, facts (without their sentences' text), each
/// sentence once, findings and the count by verdict.
ordered_json compare_report(const std::vector<Document>& docs, const std::vector<Fact>& facts,
                            const std::vector<rules::Finding>& findings);

/// Writes facts_report(docs, facts), or with findings compare_report(…), followed by a
/// line break, exactly as their dump(2) reads, but one element at a time: memory stays
/// that of the facts, not that of a JSON tree of them (about ten times more).
void write_json_report(std::ostream& out, const std::vector<Document>& docs,
                       const std::vector<Fact>& facts,
                       const std::vector<rules::Finding>* findings = nullptr);

/// The report for a terminal: documents, summary, then each finding with its verdict,
/// rule, explanation and the sentences it rests on. `colour` adds ANSI colours.
void write_text_report(std::ostream& out, const std::vector<Document>& docs,
                       const std::vector<Fact>& facts, const std::vector<rules::Finding>& findings,
                       bool colour);

/// A readable table: sentence, kind, subject, predicate, object, quantity, time, source.
void write_fact_table(std::ostream& out, const std::vector<Document>& docs,
                      const std::vector<Fact>& facts);

/// "> 200", "between 10 and 20", "= 0"; shared by the table and explanations.
std::string describe_quantity(const FactQuantity& q);
/// "since 2002", "in 2021 (inherited)".
std::string describe_time(const FactTime& t);

}  // namespace claimcheck
