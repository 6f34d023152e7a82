// The HTML report's labels in English, French and Arabic (see html_labels.hpp).
#include "engine/html_labels.hpp"

namespace claimcheck {
namespace {

constexpr HtmlLabels kEnglish{
    .lang = "en",
    .dir = "ltr",
    .list_separator = ", ",
    .title = "claimcheck report: {documents}, {findings}",
    .documents = {"{n} document", "{n} documents"},
    .findings = {"{n} finding", "{n} findings"},
    .claims = {"{n} claim", "{n} claims"},
    .more_facts = {"and {n} more fact", "and {n} more facts"},
    .corroborates = "corroborates",
    .compatible = "compatible",
    .updates = "updates",
    .differs = "differs",
    .contradicts = "contradicts",
    .single_source = "single-source",
    .unchecked = "unchecked",
    .means_corroborates = "the sources agree",
    .means_compatible = "different figures that can both hold",
    .means_updates = "a later report revises the figure",
    .means_differs = "alike, but over another span or in another unit",
    .means_contradicts = "the sources cannot both be right",
    .means_single_source = "one source only",
    .means_unchecked = "no finding cites it",
    .claim_sample = "claim",
    .arabic = "Arabic",
    .english = "English",
    .french = "French",
    .text_of = "Text of {doc}",
    .summary_label = "Findings by verdict",
    .filters_label = "Show findings by verdict",
    .show = "Show:",
    .legend_label = "Legend",
    .show_in_documents = "Show in documents",
    .documents_label = "Documents",
    .findings_heading = "Findings",
    .facts_heading = "Extracted facts",
    .panel_label = "Selected claim",
    .panel_empty =
        "Select a highlighted claim to see its normalised fact and the findings that cite it.",
    .no_findings = "No findings.",
    .no_facts = "No facts were extracted.",
    .verdict_tooltip = "verdict: {verdict}",
    .footer =
        "Made by claimcheck from the same documents, facts and findings as its JSON report "
        "(claimcheck.report/1).",
    .col_fact = "Fact",
    .col_verdict = "Verdict",
    .col_kind = "Kind",
    .col_subject = "Subject",
    .col_predicate = "Predicate",
    .col_object = "Object",
    .col_quantity = "Quantity",
    .col_time = "Time",
    .col_source = "Source",
    .col_polarity = "Polarity",
    .col_sentence = "Sentence",
    .js_fact = "Fact {id}",
    .js_uncited = "No finding cites this fact.",
    .js_cited_by = "Cited by:",
    .js_shown = "{shown} of {total} findings shown",
    .uncompared = "{head}: {reasons}",
    .uncompared_head = {"{n} figure not compared", "{n} figures not compared"},
    .no_subject = {"{n} without a subject", "{n} without a subject"},
    .no_time = {"{n} without a time", "{n} without a time"},
    .no_counterpart = {"{n} with no figure to compare in another source",
                       "{n} with no figure to compare in another source"},
};

constexpr HtmlLabels kFrench{
    .lang = "fr",
    .dir = "ltr",
    .list_separator = ", ",
    .title = "rapport claimcheck\u00a0: {documents}, {findings}",
    .documents = {"{n} document", "{n} documents"},
    .findings = {"{n} constat", "{n} constats"},
    .claims = {"{n} affirmation", "{n} affirmations"},
    .more_facts = {"et {n} autre fait", "et {n} autres faits"},
    .corroborates = "corrobore",
    .compatible = "compatible",
    .updates = "met à jour",
    .differs = "diffère",
    .contradicts = "contredit",
    .single_source = "source unique",
    .unchecked = "non vérifiée",
    .means_corroborates = "les sources concordent",
    .means_compatible = "des chiffres différents qui peuvent être vrais tous deux",
    .means_updates = "un rapport plus récent révise le chiffre",
    .means_differs = "semblables, mais sur une autre période ou dans une autre unité",
    .means_contradicts = "les sources ne peuvent pas avoir raison toutes deux",
    .means_single_source = "une seule source",
    .means_unchecked = "aucun constat ne la cite",
    .claim_sample = "affirmation",
    .arabic = "arabe",
    .english = "anglais",
    .french = "français",
    .text_of = "Texte de {doc}",
    .summary_label = "Constats par verdict",
    .filters_label = "Afficher les constats par verdict",
    .show = "Afficher\u00a0:",
    .legend_label = "Légende",
    .show_in_documents = "Montrer dans les documents",
    .documents_label = "Documents",
    .findings_heading = "Constats",
    .facts_heading = "Faits extraits",
    .panel_label = "Affirmation choisie",
    .panel_empty =
        "Choisissez une affirmation surlignée pour voir son fait normalisé et les constats qui "
        "la citent.",
    .no_findings = "Aucun constat.",
    .no_facts = "Aucun fait n’a été extrait.",
    .verdict_tooltip = "verdict\u00a0: {verdict}",
    .footer =
        "Produit par claimcheck à partir des mêmes documents, faits et constats que son rapport "
        "JSON (claimcheck.report/1).",
    .col_fact = "Fait",
    .col_verdict = "Verdict",
    .col_kind = "Type",
    .col_subject = "Sujet",
    .col_predicate = "Prédicat",
    .col_object = "Objet",
    .col_quantity = "Quantité",
    .col_time = "Période",
    .col_source = "Source",
    .col_polarity = "Polarité",
    .col_sentence = "Phrase",
    .js_fact = "Fait {id}",
    .js_uncited = "Aucun constat ne cite ce fait.",
    .js_cited_by = "Cité par\u00a0:",
    .js_shown = "{shown} constats affichés sur {total}",
    .uncompared = "{head}\u00a0: {reasons}",
    .uncompared_head = {"{n} chiffre non comparé", "{n} chiffres non comparés"},
    .no_subject = {"{n} sans sujet", "{n} sans sujet"},
    .no_time = {"{n} sans période", "{n} sans période"},
    .no_counterpart = {"{n} sans chiffre à comparer dans une autre source",
                       "{n} sans chiffre à comparer dans une autre source"},
};

constexpr HtmlLabels kArabic{
    .lang = "ar",
    .dir = "rtl",
    .list_separator = "، ",
    .title = "تقرير claimcheck — {documents}، {findings}",
    .documents = {"الوثائق: {n}", "الوثائق: {n}"},
    .findings = {"النتائج: {n}", "النتائج: {n}"},
    .claims = {"الادعاءات: {n}", "الادعاءات: {n}"},
    .more_facts = {"ووقائع أخرى: {n}", "ووقائع أخرى: {n}"},
    .corroborates = "تأكيد",
    .compatible = "توافق",
    .updates = "تحديث",
    .differs = "اختلاف",
    .contradicts = "تناقض",
    .single_source = "مصدر واحد",
    .unchecked = "بلا مقارنة",
    .means_corroborates = "المصادر متفقة",
    .means_compatible = "أرقام مختلفة يمكن أن تصحّ معًا",
    .means_updates = "تقرير لاحق يعدّل الرقم",
    .means_differs = "متشابهة، لكن عن مدة أخرى أو بوحدة أخرى",
    .means_contradicts = "لا يمكن أن يصحّ المصدران معًا",
    .means_single_source = "مصدر واحد فقط",
    .means_unchecked = "لا تستشهد به أي نتيجة",
    .claim_sample = "ادعاء",
    .arabic = "العربية",
    .english = "الإنجليزية",
    .french = "الفرنسية",
    .text_of = "نص {doc}",
    .summary_label = "النتائج حسب الحكم",
    .filters_label = "عرض النتائج حسب الحكم",
    .show = "عرض:",
    .legend_label = "مفتاح الرموز",
    .show_in_documents = "إظهار في الوثائق",
    .documents_label = "الوثائق",
    .findings_heading = "النتائج",
    .facts_heading = "الوقائع المستخرجة",
    .panel_label = "الادعاء المحدد",
    .panel_empty = "اختر ادعاءً مظللًا لترى واقعته الموحّدة والنتائج التي تستشهد به.",
    .no_findings = "لا نتائج.",
    .no_facts = "لم تُستخرج أي وقائع.",
    .verdict_tooltip = "الحكم: {verdict}",
    .footer =
        "أعدّه claimcheck من الوثائق والوقائع والنتائج نفسها التي في تقريره بصيغة JSON "
        "(claimcheck.report/1).",
    .col_fact = "الواقعة",
    .col_verdict = "الحكم",
    .col_kind = "النوع",
    .col_subject = "الجهة",
    .col_predicate = "الفعل",
    .col_object = "المفعول",
    .col_quantity = "الكمية",
    .col_time = "الزمن",
    .col_source = "المصدر",
    .col_polarity = "إثبات أو نفي",
    .col_sentence = "الجملة",
    .js_fact = "الواقعة {id}",
    .js_uncited = "لا تستشهد أي نتيجة بهذه الواقعة.",
    .js_cited_by = "تستشهد بها:",
    .js_shown = "النتائج المعروضة: {shown} من {total}",
    .uncompared = "{head} ({reasons})",
    .uncompared_head = {"أرقام لم تُقارن: {n}", "أرقام لم تُقارن: {n}"},
    .no_subject = {"بلا جهة: {n}", "بلا جهة: {n}"},
    .no_time = {"بلا زمن: {n}", "بلا زمن: {n}"},
    .no_counterpart = {"بلا رقم يقابلها في مصدر آخر: {n}", "بلا رقم يقابلها في مصدر آخر: {n}"},
};

}  // namespace

const HtmlLabels* html_labels(std::string_view ui) {
  if (ui == "en") return &kEnglish;
  if (ui == "fr") return &kFrench;
  if (ui == "ar") return &kArabic;
  return nullptr;
}

const std::vector<std::string>& html_ui_languages() {
  static const std::vector<std::string> languages{"ar", "en", "fr"};
  return languages;
}

std::string fill_label(std::string_view label,
                       const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  out.reserve(label.size() + 16);
  for (std::size_t i = 0; i < label.size();) {
    bool filled = false;
    if (label[i] == '{')
      for (const auto& [name, value] : values)
        if (label.compare(i + 1, name.size(), name) == 0 &&
            label.substr(i + 1 + name.size(), 1) == "}") {
          out += value;
          i += name.size() + 2;
          filled = true;
          break;
        }
    if (!filled) out += label[i++];
  }
  return out;
}

std::string count_label(const HtmlLabels& labels, const CountedLabel& label, std::size_t n) {
  // English says one thing in the singular; French zero and one; Arabic's labels need none
  const bool singular = labels.lang == "fr" ? n <= 1 : n == 1;
  return fill_label(singular ? label.one : label.other, {{"n", std::to_string(n)}});
}

std::string_view verdict_label(const HtmlLabels& labels, std::string_view verdict) {
  if (verdict == "corroborates") return labels.corroborates;
  if (verdict == "compatible") return labels.compatible;
  if (verdict == "updates") return labels.updates;
  if (verdict == "differs") return labels.differs;
  if (verdict == "contradicts") return labels.contradicts;
  if (verdict == "single-source") return labels.single_source;
  if (verdict == "unchecked") return labels.unchecked;
  return verdict;
}

std::string_view verdict_meaning(const HtmlLabels& labels, std::string_view verdict) {
  if (verdict == "corroborates") return labels.means_corroborates;
  if (verdict == "compatible") return labels.means_compatible;
  if (verdict == "updates") return labels.means_updates;
  if (verdict == "differs") return labels.means_differs;
  if (verdict == "contradicts") return labels.means_contradicts;
  if (verdict == "single-source") return labels.means_single_source;
  return labels.means_unchecked;
}

std::string language_label(const HtmlLabels& labels, const std::string& code) {
  if (code == "ar") return std::string(labels.arabic);
  if (code == "en") return std::string(labels.english);
  if (code == "fr") return std::string(labels.french);
  return code;
}

}  // namespace claimcheck
