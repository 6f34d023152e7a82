// The per-word dispatch table: the first words of a grammar's forms, each with the rules
// that may begin with it, looked up after each run of prefix letters. A filter of the
// heads' hashes answers "starts nothing" for most words without touching the table.
#include "grammar/word_starts.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "grammar/text.hpp"

namespace claimcheck {
namespace {

/// On unless the environment says CLAIMCHECK_DISPATCH=0 (a reference for measurements).
bool dispatch_default() {
  const char* v = std::getenv("CLAIMCHECK_DISPATCH");
  return !(v && std::string_view(v) == "0");
}
std::atomic<bool> dispatch_on{dispatch_default()};

}  // namespace

WordStarts::WordStarts() : filter_(1), slots_(16) {}

// FNV-1a over the code points taken from the last to the first, so that one pass over a
// word gives the hash of every suffix of it (the word after each run of prefix letters),
// then a final mix.
std::uint64_t WordStarts::hash(std::u32string_view word) {
  std::uint64_t h = kHashSeed;
  for (std::size_t i = word.size(); i-- > 0;) h = hash_step(h, word[i]);
  return hash_mix(h);
}

void WordStarts::set_prefix_letters(std::u32string_view letters, int max) {
  prefix_letters_ = letters;
  max_prefix_ = std::min(max, kMaxPrefix);
  // a set of bits when the letters lie within 64 code points of each other (Arabic's do)
  prefix_bits_ = 0;
  prefix_base_ = letters.empty() ? 0 : *std::min_element(letters.begin(), letters.end());
  for (char32_t c : letters) {
    if (c - prefix_base_ >= 64) {
      prefix_bits_ = 0;
      return;
    }
    prefix_bits_ |= std::uint64_t{1} << (c - prefix_base_);
  }
}

void WordStarts::grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{});
  old.swap(slots_);
  // the filter: 16 bits a head (two set, in one word of 64), so that few words that start
  // nothing pass it, with one probe of memory
  std::size_t bits = 64;
  while (bits < slots_.size() * 8) bits *= 2;
  filter_.assign(bits / 64, 0);
  // each head where its hash says, the hash kept in its old place (where in a run of
  // places a head lands changes no answer: a word matches only its own head)
  for (const Slot& slot : old)
    if (slot.any) place(slot.head, slot.hash);
}

void WordStarts::place(std::uint32_t head, std::uint64_t h) {
  filter_[filter_word(h)] |= filter_bits(h);
  for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1))
    if (!slots_[i].any) {
      slots_[i] = Slot{h, head, heads_[head].any};
      return;
    }
}

WordStarts::Head& WordStarts::head_for(std::u32string_view word, StartMask mask) {
  const std::uint64_t h = hash(word);
  for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
    Slot& slot = slots_[i];
    if (!slot.any) break;
    if (slot.hash == h && heads_[slot.head].word == word) {
      slot.any |= mask;
      heads_[slot.head].any |= mask;
      return heads_[slot.head];
    }
  }
  heads_.push_back(Head{std::u32string(word), 0, mask, {}, {}});
  if (heads_.size() * 2 > slots_.size()) grow();  // places the heads before it
  place(static_cast<std::uint32_t>(heads_.size() - 1), h);
  return heads_.back();
}

void WordStarts::add(std::u32string_view form, StartMask mask) {
  std::size_t end = 0;
  while (end < form.size() && is_word_char(form[end])) ++end;
  if (end == 0 || mask == 0) return;
  Head& head = head_for(form.substr(0, end), mask);
  // a second word after one space: the form starts its rules only before that word
  if (end + 1 < form.size() && form[end] == U' ' && is_word_char(form[end + 1])) {
    std::size_t second_end = end + 1;
    while (second_end < form.size() && is_word_char(form[second_end])) ++second_end;
    const std::u32string_view second = form.substr(end + 1, second_end - end - 1);
    const bool whole = second_end < form.size();
    for (auto& f : head.follows)
      if (f.word == second && f.whole == whole) {
        f.mask |= mask;
        return;
      }
    head.follows.push_back(Follow{std::u32string(second), whole, mask});
    return;
  }
  head.mask |= mask;
}

void WordStarts::add_before(std::u32string_view form, StartMask mask, StartMask next) {
  std::size_t end = 0;
  while (end < form.size() && is_word_char(form[end])) ++end;
  if (end < form.size()) return add(form, mask);  // more than one word
  if (end == 0 || mask == 0) return;
  Head& head = head_for(form, mask);
  for (auto& b : head.before)
    if (b.next == next) {
      b.mask |= mask;
      return;
    }
  head.before.push_back(Before{mask, next});
}

const WordStarts::Head* WordStarts::lookup(std::u32string_view word, std::uint64_t h) const {
  const std::uint64_t bits = filter_bits(h);
  if ((filter_[filter_word(h)] & bits) != bits) return nullptr;
  for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (!slot.any) return nullptr;
    if (slot.hash == h && heads_[slot.head].word == word) return &heads_[slot.head];
  }
}

template <typename Answer>
StartMask WordStarts::at_each(std::u32string_view word, Answer&& answer) const {
  if (word.empty()) return start_all;
  // the suffixes after up to max_prefix_ prefix letters, hashed in one pass from the end
  std::size_t prefixes = 0;
  while (static_cast<int>(prefixes) < max_prefix_ && prefixes + 1 < word.size() &&
         is_prefix_letter(word[prefixes]))
    ++prefixes;
  std::uint64_t suffix_hash[kMaxPrefix + 1];
  std::uint64_t h = kHashSeed;
  for (std::size_t i = word.size(); i-- > 0;) {
    const char32_t c = word[i];
    if (c >= U'0' && c <= U'9') return start_all;
    h = hash_step(h, c);
    if (i <= prefixes) suffix_hash[i] = h;
  }
  StartMask mask = 0;
  for (std::size_t k = 0; k <= prefixes; ++k)
    if (const Head* head = lookup(word.substr(k), hash_mix(suffix_hash[k]))) mask |= answer(*head);
  return mask;
}

StartMask WordStarts::at(std::u32string_view word) const {
  return at_each(word, [](const Head& head) { return head.any; });
}

StartMask WordStarts::at(std::u32string_view word, std::u32string_view after) const {
  // the next word (after one space, the run of word characters), read only for a head
  // with follows or cues
  std::u32string_view next;
  bool next_read = false, other_follows = false;
  StartMask next_starts = 0;
  bool next_starts_read = false;
  auto read_next = [&] {
    if (next_read) return;
    next_read = true;
    if (after.size() > 1 && after[0] == U' ' && is_word_char(after[1])) {
      std::size_t e = 1;
      while (e < after.size() && is_word_char(after[e])) ++e;
      next = after.substr(1, e - 1);
    } else {
      other_follows = true;  // no word after one space: a cue may start its rules
    }
  };
  return at_each(word, [&](const Head& head) {
    StartMask mask = head.mask;
    if (head.follows.empty() && head.before.empty()) return mask;
    read_next();
    for (const auto& f : head.follows)
      if (f.whole ? next == f.word : next.substr(0, f.word.size()) == f.word) mask |= f.mask;
    for (const auto& b : head.before) {
      if (other_follows) {
        mask |= b.mask;
        continue;
      }
      if (!next_starts_read) next_starts = at(next), next_starts_read = true;
      if (next_starts & b.next) mask |= b.mask;
    }
    return mask;
  });
}

void WordStarts::set_enabled(bool on) {
  dispatch_on.store(on, std::memory_order_relaxed);
}

bool WordStarts::enabled() {
  return dispatch_on.load(std::memory_order_relaxed);
}

}  // namespace claimcheck
