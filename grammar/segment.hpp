// Segmentation of normalised text into paragraphs, sections and sentences. Headlines and
// section headings (short lines without final punctuation) are sentences too, and each
// heading opens a new section. Sentence ends inside quotations do not split.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimcheck {

struct Sentence {
  std::uint32_t begin = 0;  ///< first code point (normalised text)
  std::uint32_t end = 0;    ///< one past the last code point
  int paragraph = 0;        ///< 0-based paragraph (line) number
  int section = 0;          ///< 0-based section number; a heading starts a new one
  bool heading = false;     ///< the sentence is a headline or section heading
};

/// Splits normalised text (see normalise) into sentences, in document order.
std::vector<Sentence> segment(std::u32string_view text);

}  // namespace claimcheck
