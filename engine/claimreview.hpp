// ClaimReview: the schema.org JSON-LD fact-checkers publish, one ClaimReview for each
// finding of a consistency report. Built from the report's JSON (claimcheck.report/1), not
// from the fact model, so that it follows whatever the report says. The mapping from
// verdicts to ratings is in docs/claimreview.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "grammar/lexicon.hpp"

namespace claimcheck {

struct ClaimReviewOptions {
  std::string reviewer = "claimcheck";  ///< the review's author (--reviewer)
  std::string url_base;                 ///< the published report; url is url_base#finding-N
  std::string date;                     ///< the review's date (YYYY-MM-DD); "" for today
};

/// What a verdict rates on ClaimReview's scale of 1 (worst) to 5 (best), and its words.
struct Rating {
  int value;
  const char* name;
};
Rating verdict_rating(const std::string& verdict);
constexpr int kBestRating = 5, kWorstRating = 1;

/// At most `limit` code points (under 75, as ClaimReview asks) of `sentence` around `anchor` (when
/// found in it), cut at word boundaries and marked with "…" where cut; the whole sentence when it
/// fits.
std::string shorten_claim(const std::string& sentence, const std::string& anchor,
                          std::size_t limit = 74);

/// A JSON array of ClaimReview objects, one per finding of `report`, in the report's order.
/// `lexicon`, when given, names the sources (MA/interior_ministry → "Morocco's Interior
/// Ministry").
nlohmann::ordered_json claimreview_json(const nlohmann::ordered_json& report,
                                        const ClaimReviewOptions& options,
                                        const Lexicon* lexicon = nullptr);

}  // namespace claimcheck
